/**
 * Public API of `kubelife/doctest`: reading runnable snippets from Markdown/MDX pages, running
 * them through a backend, and comparing their output. The site's doc-tests, its build-time
 * plugins and `kubelife doctest` all use this one implementation. No Node APIs here: reading
 * files and the host backend live in the CLI.
 */
export {
  blockMinor,
  extractSnippets,
  fillVariables,
  isOutput,
  isRunnable,
  normalizeOutput,
  parseMeta,
  snippetGroups,
  splitCommands,
  splitFrontmatter,
  usesVariables,
} from './snippets.ts';
export type { PageBlock, PageMeta, Snippet, SnippetGroup, SnippetTrack } from './snippets.ts';
export {
  docPage,
  formatPageProblems,
  pageSession,
  runHardWay,
  runPage,
  runSnippet,
  snippetTrack,
} from './runner.ts';
export type { DocPage, LineRunner, PageResult, PageRunOptions, SnippetResult } from './runner.ts';
export { guidePages, hasHardWay, orderGuide, orderGuides } from './guides.ts';
export type { GuideFiles } from './guides.ts';
export { compareOutput } from './compare.ts';
export type { Comparison, CompareOptions } from './compare.ts';
export { RUN_MASKS, droppedBy, maskLine, masksFor } from './masks.ts';
export type { Mask } from './masks.ts';
export { ETCD_34_MASKS, SIMULATOR_GAPS } from './etcd-versions.ts';
export { TOLERANCES, toleranceMasks } from './tolerances.ts';
export { unifiedDiff } from './text-diff.ts';
export type { DiffOptions } from './text-diff.ts';
export { logoutText, machineSwitch } from './machine-switch.ts';
export type { MachineSwitch } from './machine-switch.ts';
export { exportShellScript } from './export-script.ts';
export type { ExportOptions } from './export-script.ts';
