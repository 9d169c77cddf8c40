/**
 * Public API of `kubelife/cli` (Node only): the doc-test and export commands, reading guide pages
 * from disk, and the host backend that runs lines with bash on real machines.
 */
export { main } from './main.ts';
export { doctestCommand, DOCTEST_USAGE } from './doctest.ts';
export type { DoctestEntry } from './doctest.ts';
export { exportCommand, EXPORT_USAGE } from './export.ts';
export { collectGuides, listGuides, guidesDir } from './guide-files.ts';
export type { FoundGuide, GuideFiles } from './guide-files.ts';
export { createHostBackend } from './host-backend.ts';
export { exportFs } from './export-fs.ts';
export type { HostBackend, HostBackendOptions } from './host-backend.ts';
export { startHostShell, syntaxError } from './host-shell.ts';
export type { HostShell } from './host-shell.ts';
export { parseMachineSpec, shellCommand, BASH_ARGS } from './machine-targets.ts';
export type { MachineTarget } from './machine-targets.ts';
export { startApiServer } from './api/serve-api.ts';
export type { ServeApiOptions } from './api/serve-api.ts';
