/**
 * `kubelife doctest PATH…`: runs every runnable fence of Markdown/MDX pages and compares each
 * snippet's output with the page (docs/doctest.md has the syntax). With the simulator (default)
 * each page starts from its `scenario` on every release track, and every folder also runs as one
 * hard-way sequence; with `--backend host` the pages run in reading order on real machines.
 * Prints one line per page, unified diffs for failures, and the summary `N passed, M failed`.
 */
import { writeFile } from 'node:fs/promises';
import { releaseTrack, releaseTrackMinors } from '../src/index.ts';
import { guidePages, hasHardWay } from '../shell/doctest/guides.ts';
import { RUN_MASKS, type Mask } from '../shell/doctest/masks.ts';
import {
  formatPageProblems,
  runHardWay,
  runPage,
  snippetTrack,
  type LineRunner,
  type PageResult,
} from '../shell/doctest/runner.ts';
import { extractSnippets } from '../shell/doctest/snippets.ts';
import { toleranceMasks } from '../shell/doctest/tolerances.ts';
import { collectGuides } from './guide-files.ts';
import { createHostBackend } from './host-backend.ts';
import { parseMachineSpec, type MachineTarget } from './machine-targets.ts';
import { parseOptions, type OptionSpec } from './options.ts';

/** Usage of `kubelife doctest`. */
export const DOCTEST_USAGE = `Usage: kubelife doctest PATH… [options]
  Runs every \`console run\` block of the Markdown/MDX pages in PATH (files or folders) and
  compares its output with the \`text output\` block after it (docs/doctest.md).

Options:
  --backend sim|host     sim: the simulator (default); host: bash on real machines
  --release MINOR        release track for {{variables}} (sim default: every track; host: newest)
  --machine NAME=WHERE   (host) where machine NAME runs: local, or ssh://[user@]host[:port]
  --map FROM=TO          (host) FROM in the page is TO on your machines (a path, an address,
                         an ID): replaced in commands, and back in the output
  --tolerate SET         (host) also mask a named set of version differences (etcd-3.4)
  --timeout SECONDS      (host) stop a line after this long (default 300)
  --no-hard-way          (sim) skip running each folder as one sequence
  --report FILE          write every page's results as JSON`;

const SPECS: readonly OptionSpec[] = [
  { name: 'backend', value: true },
  { name: 'release', value: true },
  { name: 'machine', value: true, repeat: true },
  { name: 'map', value: true, repeat: true },
  { name: 'tolerate', value: true, repeat: true },
  { name: 'timeout', value: true },
  { name: 'no-hard-way' },
  { name: 'report', value: true },
];

/** One checked unit (a page on a release, or a hard-way sequence) in the JSON report. */
export interface DoctestEntry {
  readonly label: string;
  readonly ok: boolean;
  readonly snippets: number;
  readonly masked: readonly string[];
  readonly problems: string;
}

type Write = (text: string) => void;

function splitPair(value: string, flag: string): [string, string] {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new Error(`${flag} needs FROM=TO, got "${value}"`);
  return [value.slice(0, eq), value.slice(eq + 1)];
}

function pageEntry(label: string, result: PageResult): DoctestEntry {
  return {
    label,
    ok: result.ok,
    snippets: result.results.length,
    masked: [...new Set(result.results.flatMap((r) => r.masked))].sort(),
    problems: formatPageProblems(result),
  };
}

/**
 * Runs `kubelife doctest` with its arguments (after `doctest`), writing to `write`; resolves to
 * the exit status (0 all passed, 1 a failure, 2 bad usage).
 */
export async function doctestCommand(
  argv: readonly string[],
  write: Write,
  cwd: string,
): Promise<number> {
  const { flags, positional } = parseOptions(argv, SPECS);
  if (positional.length === 0) throw new Error('doctest needs at least one PATH');
  const backend = flags.get('backend')?.[0] ?? 'sim';
  if (backend !== 'sim' && backend !== 'host')
    throw new Error(`--backend must be sim or host, got "${backend}"`);
  const hostOnly = ['machine', 'map', 'tolerate', 'timeout'].filter((f) => flags.has(f));
  if (backend === 'sim' && hostOnly.length > 0)
    throw new Error(`--${hostOnly[0] ?? ''} only applies to --backend host`);
  const release = flags.get('release')?.[0];
  const guides = collectGuides(cwd, positional);
  const entries: DoctestEntry[] = [];
  const report = (entry: DoctestEntry): void => {
    entries.push(entry);
    const masked = entry.masked.length > 0 ? `; masked: ${entry.masked.join(', ')}` : '';
    write(`${entry.ok ? 'ok  ' : 'FAIL'} ${entry.label} (${entry.snippets} snippets${masked})\n`);
    if (!entry.ok) write(`${entry.problems.replace(/^/gm, '     ')}\n\n`);
  };

  if (backend === 'sim') {
    const minors = release !== undefined ? [releaseTrack(release).minor] : releaseTrackMinors();
    for (const minor of minors) {
      for (const guide of guides) {
        for (const page of guidePages(guide).filter((p) => !p.meta.doctest?.skip))
          report(pageEntry(`${page.file} on ${minor}`, await runPage(page, { minor })));
        if (!guide.hardWay || !hasHardWay(guide) || flags.has('no-hard-way')) continue;
        const problems = await runHardWay(guide.leaves, minor);
        report({
          label: `hard way: ${guide.guide} on ${minor}, ${guide.leaves.length} leaves in one session`,
          ok: problems.length === 0,
          snippets: guide.leaves
            .filter((p) => !p.meta.doctest?.skip)
            .reduce((n, p) => n + extractSnippets(p.source, snippetTrack(minor)).length, 0),
          masked: [],
          problems: problems.join('\n\n'),
        });
      }
    }
  } else {
    const machines = new Map<string, MachineTarget>();
    for (const spec of flags.get('machine') ?? []) {
      const { name, target } = parseMachineSpec(spec);
      machines.set(name, target);
    }
    const timeout = Number(flags.get('timeout')?.[0] ?? '300');
    if (!(timeout > 0)) throw new Error('--timeout needs a positive number of seconds');
    const masks: Mask[] = [...toleranceMasks(flags.get('tolerate') ?? []), ...RUN_MASKS];
    const minor = releaseTrack(release).minor;
    const host = createHostBackend({
      machines,
      rewrites: (flags.get('map') ?? []).map((p) => splitPair(p, '--map')),
      timeoutSeconds: timeout,
    });
    const runner: LineRunner = host;
    try {
      for (const page of guides.flatMap(guidePages).filter((p) => !p.meta.doctest?.skip))
        report(
          pageEntry(
            `${page.file} on ${minor} (host)`,
            await runPage(page, { runner, minor, masks, label: 'host' }),
          ),
        );
    } finally {
      host.close();
    }
  }

  const passed = entries.filter((e) => e.ok).length;
  const failed = entries.length - passed;
  const out = flags.get('report')?.[0];
  if (out !== undefined)
    await writeFile(out, `${JSON.stringify({ backend, passed, failed, entries }, null, 2)}\n`);
  write(`\n${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
