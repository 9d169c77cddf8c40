/**
 * Doc-tests: every runnable snippet of every guide page, checked against the engine, one test per
 * page; then each guide as one continuous hard-way sequence, and each leaf's `produces` scenario
 * checked against what its steps really leave behind. All of it once per release track (the newest
 * three Kubernetes minors a reader can pick on the site).
 */
import { describe, expect, it } from 'vitest';
import { releaseTrackMinors } from 'kubelife';
import { listGuides } from 'kubelife/cli';
import { formatPageProblems, pageSession, runHardWay, runPage } from 'kubelife/doctest';

const guides = listGuides(process.cwd());
const runs = releaseTrackMinors().flatMap((minor) =>
  guides.map((g) => [`${g.guide} on ${minor}`, g, minor] as const),
);

describe.each(runs)('guide %s', (_name, guide, minor) => {
  const pages = [guide.overview, ...guide.leaves].filter((p) => p !== undefined);

  it.each(pages.filter((p) => !p.meta.doctest?.skip).map((p) => [p.file, p] as const))(
    'page %s prints what it promises',
    async (_file, page) => {
      const result = await runPage(page, { minor });

      expect(result.ok, formatPageProblems(result)).toBe(true);
    },
  );

  it.runIf(guide.leaves.length > 0)(
    'runs all leaves in order in one session (the hard way)',
    async () => {
      const problems = await runHardWay(guide.leaves, minor);

      expect(problems.join('\n\n')).toBe('');
    },
  );

  it.each(
    guide.leaves
      .map((leaf, i) => [leaf.file, leaf, guide.leaves[i + 1]] as const)
      .filter(([, leaf, next]) => next !== undefined && leaf.meta.produces !== undefined),
  )('leaf %s names the scenario the next leaf starts from', (_file, leaf, next) => {
    expect(leaf.meta.produces).toBe(next?.meta.scenario);
  });

  it.each(
    guide.leaves
      .filter((leaf) => leaf.meta.scenario !== undefined && leaf.meta.produces !== undefined)
      .map((leaf) => [leaf.file, leaf] as const),
  )('leaf %s really produces the state its `produces` scenario holds', async (_file, leaf) => {
    const session = pageSession(leaf.meta.scenario, minor);

    await runPage(leaf, { runner: session });

    const { scenario: _reached, ...reached } = session.save() as unknown as Record<string, unknown>;
    const produced = pageSession(leaf.meta.produces, minor).save();
    const { scenario: _named, ...expected } = produced as unknown as Record<string, unknown>;
    expect(reached).toEqual(expected);
  });
});
