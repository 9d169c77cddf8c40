// The node lifecycle controller's zones and rate-limited taint queues
// (pkg/controller/nodelifecycle/node_lifecycle_controller.go ComputeZoneState, handleDisruption,
// setLimiterInZone, ReducedQPSFunc; scheduler/rate_limited_queue.go SwapLimiter), with
// kube-controller-manager's defaults: --node-eviction-rate 0.1, --secondary-node-eviction-rate
// 0.01, --large-cluster-size-threshold 50, --unhealthy-zone-threshold 0.55.
import { describe, expect, it } from 'vitest';
import { createSession, getObject, type Session } from 'kubelife';
import {
  computeZoneState,
  handleDisruption,
  reducedQps,
  zoneKey,
  zoneQps,
} from '../../../src/lib/engine/src/controllers/zone-state.ts';
import {
  newLimiter,
  nextToken,
  swapLimiter,
  takeToken,
} from '../../../src/lib/engine/src/controllers/taint-limiter.ts';
import {
  reconcileNodeTainting,
  taintingWork,
} from '../../../src/lib/engine/src/controllers/no-execute-tainting.ts';
import { zoneCounting } from '../../../src/lib/engine/src/controllers/zone-sizes.ts';

type Taint = { key: string; effect: string; timeAdded?: string };

describe('ComputeZoneState', () => {
  it.each([
    [10, 0, 'Normal'],
    [0, 1, 'FullDisruption'],
    [0, 20, 'FullDisruption'],
    [1, 2, 'Normal'], // two not Ready are never a disruption, whatever the share
    [10, 10, 'Normal'], // 0.50 < 0.55
    [9, 11, 'PartialDisruption'], // 0.55
    [8, 12, 'PartialDisruption'],
  ] as const)('%i Ready and %i not Ready make the zone %s', (ready, notReady, state) => {
    expect(computeZoneState(ready, notReady)).toBe(state);
  });
});

describe('setLimiterInZone and ReducedQPSFunc', () => {
  it('taints at --node-eviction-rate in a Normal or fully disrupted zone', () => {
    expect(zoneQps('Normal', 20)).toBe(0.1);
    expect(zoneQps('FullDisruption', 20)).toBe(0.1);
  });

  it('stops tainting in a partially disrupted zone of up to 50 Nodes, slows to 0.01/s above', () => {
    expect(reducedQps(50)).toBe(0);
    expect(reducedQps(51)).toBe(0.01);
    expect(zoneQps('PartialDisruption', 20)).toBe(0);
    expect(zoneQps('PartialDisruption', 5000)).toBe(0.01);
  });
});

describe('GetZoneKey', () => {
  it('puts a Node without zone labels in the zone ""', () => {
    expect(zoneKey({ 'kubernetes.io/hostname': 'node-1' })).toBe('');
    expect(zoneKey(undefined)).toBe('');
  });

  it('joins region and zone with :\\x00:, the failure-domain.beta labels first', () => {
    expect(zoneKey({ 'topology.kubernetes.io/zone': 'a' })).toBe(':\x00:a');
    expect(
      zoneKey({
        'topology.kubernetes.io/region': 'r',
        'topology.kubernetes.io/zone': 'a',
        'failure-domain.beta.kubernetes.io/zone': 'b',
      }),
    ).toBe('r:\x00:b');
  });
});

describe('handleDisruption', () => {
  it('enters master disruption mode when every zone is fully disrupted: every limiter to 0', () => {
    const d = handleDisruption(
      { a: 'Normal', b: 'Normal' },
      { a: { ready: 0, notReady: 3 }, b: { ready: 0, notReady: 1 } },
    );

    expect(d.mode).toBe('enter');
    expect(d.swaps).toEqual({ a: 0, b: 0 });
    expect(d.states).toEqual({ a: 'FullDisruption', b: 'FullDisruption' });
  });

  it('enters it on the first pass too (zones start Initial)', () => {
    expect(handleDisruption({}, { '': { ready: 0, notReady: 1 } }).mode).toBe('enter');
  });

  it('leaves it as soon as one Node is Ready, resetting every zone’s limiter', () => {
    const d = handleDisruption(
      { a: 'FullDisruption', b: 'FullDisruption' },
      { a: { ready: 1, notReady: 2 }, b: { ready: 0, notReady: 1 } },
    );

    expect(d.mode).toBe('exit');
    expect(d.swaps).toEqual({ a: 0.1, b: 0.1 });
  });

  it('keeps a fully disrupted zone at the normal rate while another zone has Ready Nodes', () => {
    const d = handleDisruption(
      { a: 'Normal', b: 'Normal' },
      { a: { ready: 0, notReady: 3 }, b: { ready: 5, notReady: 0 } },
    );

    expect(d.mode).toBeNull();
    expect(d.states).toEqual({ a: 'FullDisruption', b: 'Normal' });
    expect(d.swaps).toEqual({ a: 0.1 });
  });
});

describe('RateLimitedTimedQueue limiter (token bucket, burst 1)', () => {
  it('hands out one taint at once, then one every 10 s at 0.1/s', () => {
    const l = newLimiter(0.1, 0);

    const first = nextToken(l, 0);
    const second = nextToken(takeToken(l, first), first);

    expect([first, second]).toEqual([0, 10_000]);
  });

  it('starts a swapped limiter empty when the old one had no token, full when it had one', () => {
    const empty = takeToken(newLimiter(0.1, 0), 0);

    expect(nextToken(swapLimiter(empty, 0.01, 1000), 1000)).toBe(101_000);
    expect(nextToken(swapLimiter(newLimiter(0.1, 0), 0.01, 1000), 1000)).toBe(1000);
    expect(nextToken(swapLimiter(newLimiter(0.1, 0), 0, 1000), 1000)).toBe(Infinity);
  });
});

/** workers-joined plus `extra` joined machines node-1 … node-N. */
async function cluster(extra: number): Promise<Session> {
  const s = createSession({ scenario: 'workers-joined' });
  const join = (await s.run('kubeadm token create --ttl 0 --print-join-command')).stdout.trim();
  await s.run(`kubelife machine add --count ${extra} --packages`);
  for (let i = 1; i <= extra; i++) {
    await s.run(`ssh node-${i}`);
    await s.run(join);
    await s.run('exit');
  }
  await s.run('kubelife clock advance 1m');
  return s;
}

function noExecute(s: Session, node: string): Taint | undefined {
  const o = getObject(s.save().state, 'nodes', null, node);
  return ((o?.['spec'] as { taints?: Taint[] }).taints ?? []).find((t) => t.effect === 'NoExecute');
}

function controllerLog(s: Session): string[] {
  const rec = (s.save().state as { nodeLifecycle?: { log: { text: string }[] } }).nodeLifecycle;
  return (rec?.log ?? []).map((l) => l.text);
}

describe('the node lifecycle controller’s rate-limited tainting', () => {
  it('taints 10 lost Nodes of 20 one every 10 s (zone Normal: 10/20 < 0.55)', async () => {
    const s = await cluster(17);
    // timeAdded has whole seconds (RFC 3339).
    const lost = Math.floor(s.save().state.now / 1000) * 1000;
    for (let i = 1; i <= 10; i++) await s.run(`kubelife fault machine-down node-${i}`);

    await s.run('kubelife clock advance 3m');

    const added = Array.from({ length: 10 }, (_, i) => noExecute(s, `node-${i + 1}`))
      .map((t) => Date.parse(t?.timeAdded ?? ''))
      .sort((a, b) => a - b);
    const first = added[0] ?? 0;
    expect(first - lost).toBeGreaterThanOrEqual(50_000);
    expect(added.map((t) => (t - first) / 1000)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('taints only the first of 12 lost Nodes of 20: the zone is then partially disrupted and small', async () => {
    const s = await cluster(17);
    for (let i = 1; i <= 12; i++) await s.run(`kubelife fault machine-down node-${i}`);

    await s.run('kubelife clock advance 10m');

    const tainted = Array.from({ length: 12 }, (_, i) => noExecute(s, `node-${i + 1}`)).filter(
      (t) => t !== undefined,
    );
    // All twelve go Unknown together: the pass queues them, handleDisruption swaps the limiter
    // to ReducedQPSFunc(20) = 0 before the tainting pass takes a token.
    expect(tainted).toEqual([]);
    expect(controllerLog(s)).toContain(
      'Controller detected that zone is now in new state zone="" newState="PartialDisruption"',
    );
  });

  it('taints none when every Node is lost and enters master disruption mode', async () => {
    const s = await cluster(2);
    for (const m of ['cp-1', 'worker-1', 'worker-2', 'node-1', 'node-2'])
      await s.run(`kubelife fault kubelet-stopped ${m}`);

    await s.run('kubelife clock advance 10m');

    for (const n of ['cp-1', 'worker-1', 'node-2']) expect(noExecute(s, n)).toBeUndefined();
    expect(controllerLog(s).at(-1)).toBe(
      'Controller detected that all Nodes are not-Ready. Entering master disruption mode',
    );
  });

  it('leaves master disruption mode when a Node is Ready again, and taints once the zone is Normal', async () => {
    const s = await cluster(2);
    for (const m of ['cp-1', 'worker-1', 'worker-2', 'node-1', 'node-2'])
      await s.run(`kubelife fault kubelet-stopped ${m}`);
    await s.run('kubelife clock advance 10m');

    await s.run('kubelife fault clear cp-1');
    const exited = controllerLog(s).at(-1);
    await s.run('kubelife clock advance 1m');
    // 4 of 5 not Ready: PartialDisruption in a small zone, no taint.
    const partial = noExecute(s, 'node-1');
    await s.run('kubelife fault clear worker-1');
    await s.run('kubelife fault clear worker-2');
    const normal = Math.floor(s.save().state.now / 1000) * 1000;
    await s.run('kubelife clock advance 1m');

    expect(exited).toBe(
      'Controller detected that some Nodes are Ready. Exiting master disruption mode',
    );
    expect(partial).toBeUndefined();
    // 2 of 5: Normal again; the limiter swapped from 0 starts drained, so 10 s, then 20 s.
    const added = ['node-1', 'node-2']
      .map((n) => Date.parse(noExecute(s, n)?.timeAdded ?? ''))
      .sort((a, b) => a - b);
    expect(added.map((t) => Math.round((t - normal) / 1000))).toEqual([10, 20]);
  });
});

describe('the node lifecycle controller at 5,000 nodes', () => {
  it('looks at the changed Nodes only on each pass, and counts the zones once per Node-table change', async () => {
    const s = await cluster(4997);
    await s.run('kubelife fault machine-down node-17');
    await s.run('kubelife clock advance 1m');
    let state = s.save().state;
    const scans = zoneCounting.scans;

    const looked: number[] = [];
    for (let i = 0; i < 5; i++) {
      const next = reconcileNodeTainting(state, { ...state, now: state.now + 10_000 });
      looked.push(taintingWork.nodesLookedAt);
      state = next;
    }

    expect(looked).toEqual([1, 1, 1, 1, 1]);
    expect(zoneCounting.scans - scans).toBeLessThanOrEqual(1);
    expect(noExecute(s, 'node-17')?.key).toBe('node.kubernetes.io/unreachable');
  }, 120_000);
});
