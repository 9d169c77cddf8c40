/**
 * `npm run doctest`: this site's guides through `kubelife doctest` (the one doc-test
 * implementation, src/lib/engine/cli/doctest.ts): every page on every release track, each
 * guide also as one continuous hard-way sequence.
 *
 * Usage: node --conditions=source scripts/doctest.ts [--release MINOR] [guide…]   (exit 1 on any failure)
 */
import { doctestCommand, guidesDir } from 'kubelife/cli';

const args = process.argv.slice(2);
const flag = args.indexOf('--release');
const release = flag >= 0 ? ['--release', args[flag + 1] ?? ''] : [];
const guides = args.filter((_, i) => flag < 0 || (i !== flag && i !== flag + 1));
const paths = guides.length > 0 ? guides.map((g) => `${guidesDir}/${g}`) : [guidesDir];

try {
  process.exitCode = await doctestCommand(
    [...paths, ...release],
    (text) => void process.stdout.write(text),
    process.cwd(),
  );
} catch (error) {
  console.error(`doctest: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
