/**
 * `kubelife export GUIDE [--format sh]`: prints a guide as a bash script for real machines
 * (shell/doctest/export-script.ts). GUIDE is a page, a folder of pages, or the name of a folder in
 * `--guides DIR` (default: src/content/guides, this site's guides).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { guidePages } from '../shell/doctest/guides.ts';
import { exportShellScript } from '../shell/doctest/export-script.ts';
import { snippetTrack } from '../shell/doctest/runner.ts';
import { collectGuides, guidesDir } from './guide-files.ts';
import { parseOptions } from './options.ts';

/** Usage of `kubelife export`. */
export const EXPORT_USAGE = `Usage: kubelife export GUIDE [options]
  Prints a guide as a bash script for real machines: its commands in reading order, "ssh NAME"
  sections for other machines, the expected output as comments.

Options:
  --format sh        the script format (the only one so far)
  --release MINOR    release track for {{variables}} (default: the newest)
  --guides DIR       where GUIDE names a folder (default: ${guidesDir})`;

/** Runs `kubelife export` (arguments after `export`); returns the exit status. */
export function exportCommand(
  argv: readonly string[],
  write: (text: string) => void,
  cwd: string,
): number {
  const { flags, positional } = parseOptions(argv, [
    { name: 'format', value: true },
    { name: 'release', value: true },
    { name: 'guides', value: true },
  ]);
  const format = flags.get('format')?.[0] ?? 'sh';
  if (format !== 'sh') throw new Error(`--format must be sh, got "${format}"`);
  const [guide, ...extra] = positional;
  if (guide === undefined || extra.length > 0) throw new Error('export needs exactly one GUIDE');
  const base = flags.get('guides')?.[0] ?? guidesDir;
  const path = existsSync(resolve(cwd, guide)) ? guide : join(base, guide);
  if (!existsSync(resolve(cwd, path)))
    throw new Error(`no guide "${guide}" (neither a path nor a folder in ${base})`);
  const pages = collectGuides(cwd, [path]).flatMap(guidePages);
  const track = snippetTrack(flags.get('release')?.[0]);
  write(exportShellScript({ title: guide, pages, track }));
  return 0;
}
