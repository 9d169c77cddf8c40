import { describe, expect, it } from 'vitest';

import { planHardWay } from '../../../src/lib/guides/hard-way.ts';
import { batchesFor } from '../../../src/lib/guides/run-event.ts';

function leaf(id: string, scenario?: string, produces?: string) {
  return {
    id,
    data: {
      title: id,
      description: id,
      kind: 'leaf' as const,
      order: 1,
      ...(scenario === undefined ? {} : { scenario }),
      ...(produces === undefined ? {} : { produces }),
    },
  };
}

describe('hard-way plan', () => {
  it('continues one segment while each leaf starts where the previous one left', () => {
    const leaves = [leaf('a/1', 'bare', 'pkgs'), leaf('a/2', 'pkgs', 'cp'), leaf('a/3', 'cp')];

    const plan = planHardWay(leaves);

    expect(plan.map((s) => [s.segment, s.segmentScenario, s.loads])).toEqual([
      [0, 'bare', undefined],
      [0, 'bare', undefined],
      [0, 'bare', undefined],
    ]);
  });

  it('loads the scenario of a leaf that starts somewhere else than the chain reached', () => {
    const leaves = [
      leaf('a/1', 'bare', 'pkgs'),
      leaf('a/2', 'cp', 'cp-phases'),
      leaf('a/3', 'cp-phases'),
    ];

    const plan = planHardWay(leaves);

    expect(plan.map((s) => [s.segment, s.segmentScenario, s.loads])).toEqual([
      [0, 'bare', undefined],
      [1, 'cp', 'cp'],
      [1, 'cp', undefined],
    ]);
  });

  it('keeps the reached scenario across a leaf that declares no produces', () => {
    const leaves = [
      leaf('a/1', 'bare', 'joined'),
      leaf('a/2', 'joined'),
      leaf('b/1', 'joined', 'up'),
    ];

    const plan = planHardWay(leaves);

    expect(plan.map((s) => s.segment)).toEqual([0, 0, 0]);
  });

  it('continues a leaf without a scenario from whatever the chain reached', () => {
    const leaves = [leaf('a/1', 'bare', 'pkgs'), leaf('a/2')];

    const plan = planHardWay(leaves);

    expect(plan.map((s) => s.loads)).toEqual([undefined, undefined]);
  });
});

describe('run-all batches', () => {
  it('groups consecutive snippets of a segment and restarts the first batch', () => {
    const s0 = { index: 0, scenario: 'bare' };
    const s1 = { index: 1, scenario: 'cp' };

    const batches = batchesFor(
      [
        { commands: ['a'], segment: s0 },
        { commands: ['b', 'c'], segment: s0 },
        { commands: ['d'], segment: s1 },
      ],
      true,
    );

    expect(batches).toEqual([
      { commands: ['a', 'b', 'c'], segment: s0, restart: true },
      { commands: ['d'], segment: s1 },
    ]);
  });
});
