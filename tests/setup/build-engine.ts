/**
 * Vitest global setup: builds the engine's dist/ once, before any test file runs. Tests that spawn
 * the `kubelife` bin (CLI, golden transcript) need it; building it in each file's beforeAll made
 * parallel test files race on the same output files.
 */
import { execFileSync } from 'node:child_process';

/** Runs `tsc -b src/lib/engine` (incremental: a no-op when dist/ is current). */
export default function buildEngine(): void {
  execFileSync('npx', ['tsc', '-b', 'src/lib/engine'], { stdio: 'inherit' });
}
