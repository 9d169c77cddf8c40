/**
 * The parity run as a library, shared by `npm run parity` (guides and corpus, floors) and
 * `npm run verify:real` (the guides' kubectl lines beside the openssl and etcd leaves): which
 * real kubectl judges each case, the cases of the guides, the run, the shares, and a negative
 * control proving the comparison can fail.
 */
import { listGuides } from 'kubelife/cli';
import { extractSnippets, guidePages, snippetTrack } from 'kubelife/doctest';
import { releaseTrackMinors } from 'kubelife';
import { findKubectl, judgeFor, perMinorKubectls, type RealKubectl } from './real-kubectl.ts';
import { runCase, type LineOutcome, type ParityCase } from './run-case.ts';

/** The judges of a run, or why there is none. */
export type Judges =
  | {
      readonly ok: true;
      /** The judge of the default release track, and a sentence saying why it was chosen. */
      readonly newest: RealKubectl;
      readonly note: string;
      readonly judgeOf: (minor: string | undefined) => RealKubectl;
    }
  | { readonly ok: false; readonly reason: string };

/** Finds the real kubectl and its per-minor binaries; refuses one too old to judge. */
export function findJudges(): Judges {
  const judge = findKubectl();
  if (judge === null)
    return { ok: false, reason: 'no kubectl found (install one, e.g. Debian kubernetes-client)' };
  const perMinor = perMinorKubectls(judge);
  const defaultMinor = snippetTrack().minor;
  const judgeOf = (minor: string | undefined): RealKubectl =>
    judgeFor(judge, perMinor, minor ?? defaultMinor);
  const newest = judgeOf(defaultMinor);
  const oldest = Math.min(...releaseTrackMinors().map((m) => Number(m.split('.')[1])));
  if (newest.minor < oldest - 3)
    return {
      ok: false,
      reason: `kubectl ${newest.version} is older than the oldest release track minus 3 minors (v1.${oldest - 3}); its output is not current kubectl's`,
    };
  const exact = newest.minor === Number(defaultMinor.split('.')[1]);
  const note = `the real kubectl ${newest.version} (${newest.path}) for ${defaultMinor}${exact ? '' : `: no kubectl of ${defaultMinor} here, so the newest older one (${perMinor.length} per-minor binaries beside ${judge.path})`}`;
  return { ok: true, newest, note, judgeOf };
}

/** Every guide page with kubectl lines, as a case on the default release track. */
export function guideCases(): ParityCase[] {
  const track = snippetTrack();
  const cases: ParityCase[] = [];
  for (const guide of listGuides(process.cwd()))
    for (const page of guidePages(guide)) {
      const lines = extractSnippets(page.source, track).flatMap((s) => s.commands);
      if (!lines.some((l) => /(^|\s)kubectl\s/.test(l))) continue;
      cases.push({
        id: page.file,
        source: 'guide',
        ...(page.meta.scenario ? { scenario: page.meta.scenario } : {}),
        minor: track.minor,
        lines,
      });
    }
  return cases;
}

/** Runs the cases, each with its judge; counts the compared lines per judge version. */
export async function runCases(
  cases: readonly ParityCase[],
  judgeOf: (minor: string | undefined) => RealKubectl,
): Promise<{ outcomes: LineOutcome[]; judges: Record<string, number> }> {
  const outcomes: LineOutcome[] = [];
  const judges: Record<string, number> = {};
  for (const c of cases) {
    const j = judgeOf(c.minor);
    const lines = await runCase(c, j);
    judges[j.version] =
      (judges[j.version] ?? 0) + lines.filter((o) => o.status !== 'skipped').length;
    outcomes.push(...lines);
  }
  return { outcomes, judges };
}

/** The share of identical lines among the compared ones of a source. */
export function share(outcomes: readonly LineOutcome[], source: LineOutcome['source']) {
  const compared = outcomes.filter((o) => o.source === source && o.status !== 'skipped');
  const same = compared.filter((o) => o.status === 'same').length;
  return {
    same,
    compared: compared.length,
    percent: compared.length === 0 ? 100 : (100 * same) / compared.length,
  };
}

/**
 * The negative control: `kubectl get nodes` on workers-joined with a deliberately wrong
 * expectation (the simulator's answer names cp-9 instead of cp-1) must come out different.
 */
export async function negativeControl(
  judgeOf: (minor: string | undefined) => RealKubectl,
): Promise<{ ok: boolean; detail: string }> {
  const c: ParityCase = {
    id: 'negative control (cp-1 -> cp-9 in the expectation)',
    source: 'corpus',
    scenario: 'workers-joined',
    lines: ['kubectl get nodes'],
  };
  const [o] = await runCase(c, judgeOf(undefined), {
    tamper: (r) => ({ ...r, stdout: r.stdout.replace('cp-1', 'cp-9') }),
  });
  const ok = o?.status === 'different' && (o.diff ?? '').includes('cp-9');
  return {
    ok,
    detail: ok
      ? `${c.id}: fails as it must`
      : `${c.id}: ${o?.status ?? 'not run'}: the comparison cannot fail, so it proves nothing`,
  };
}
