/**
 * Builds the site (`npm run build`: astro build, then pagefind) with its output shown as usual,
 * and fails when the build printed a warning that src/lib/site/build-warnings.ts does not explain.
 * `npm test` builds through this, so a new warning (a deprecation, a bundler notice) fails CI
 * instead of scrolling past. Usage: `node scripts/check-build-log.ts`.
 */
import { spawn } from 'node:child_process';

import { unexplainedWarnings } from '../src/lib/site/build-warnings.ts';

const child = spawn('npm', ['run', 'build'], { stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  log += chunk.toString();
});
child.stderr.on('data', (chunk: Buffer) => {
  process.stderr.write(chunk);
  log += chunk.toString();
});
child.on('close', (code) => {
  if (code !== 0) {
    process.exitCode = code ?? 1;
    return;
  }
  const warnings = unexplainedWarnings(log);
  if (warnings.length === 0) return;
  console.error(
    `\nThe build printed ${warnings.length} warning line(s) that src/lib/site/build-warnings.ts does not explain:`,
  );
  for (const line of warnings) console.error(`  ${line}`);
  process.exitCode = 1;
});
