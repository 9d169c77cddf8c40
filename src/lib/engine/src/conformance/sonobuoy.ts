/**
 * A simulated Sonobuoy run (vmware-tanzu/sonobuoy): `run` deploys the aggregator into the
 * `sonobuoy` namespace, the e2e plugin finishes after a mode-dependent time, `retrieve` writes a
 * tarball, `results` summarises it. Results are DERIVED from the cluster state, not from running
 * tests: a healthy cluster passes; an API server started with a very low --max-requests-inflight
 * fails the API-heavy tests with HTTP 429. Counts come from a real v1.35 certified-conformance
 * run (Total 7360, Passed 446) and a quick run (5 passed incl. suite nodes); they are illustrative.
 */
import { putNamespace, removeNamespace } from '../state/namespaces.ts';
import { controlPlaneNodes, nodeList } from '../state/nodes.ts';
import type { ClusterState } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { formatRfc3339 } from '../clock.ts';
import { hash64 } from '../etcd/model.ts';
import { findMachine } from '../state/machines.ts';

/** Sonobuoy's --mode values. */
export type SonobuoyMode = 'quick' | 'non-disruptive-conformance' | 'certified-conformance';

/** Every mode, for flag validation. */
export const SONOBUOY_MODES: readonly SonobuoyMode[] = [
  'quick',
  'non-disruptive-conformance',
  'certified-conformance',
];

const DURATION_MS: Readonly<Record<SonobuoyMode, number>> = {
  quick: 2 * 60_000,
  'non-disruptive-conformance': 100 * 60_000,
  'certified-conformance': 128 * 60_000,
};

/** Below this --max-requests-inflight the e2e suite's parallel clients get 429s (simulation threshold). */
export const INFLIGHT_FAILURE_THRESHOLD = 20;

/** The summary a finished run produces. */
export interface SonobuoyResult {
  readonly mode: SonobuoyMode;
  readonly total: number;
  readonly passed: number;
  readonly failed: readonly string[];
  readonly nodes: number;
  readonly nodesReady: number;
  readonly version: string;
  /** Lowest --max-requests-inflight found on a control-plane node, if set. */
  readonly maxRequestsInflight: number | null;
}

const API_HEAVY_FAILURES = [
  '[sig-api-machinery] ResourceQuota should create a ResourceQuota and capture the life of a pod. [Conformance]',
  '[sig-apps] Deployment deployment should support rollover [Conformance]',
  '[sig-network] DNS should provide DNS for the cluster [Conformance]',
  '[sig-network] Services should be able to create a functioning NodePort service [Conformance]',
];

/** --max-requests-inflight from the kube-apiserver manifests, lowest value wins. */
export function maxRequestsInflight(state: ClusterState): number | null {
  let low: number | null = null;
  for (const n of controlPlaneNodes(state)) {
    const manifest =
      findMachine(state, n.machine)?.files['/etc/kubernetes/manifests/kube-apiserver.yaml'] ?? '';
    const m = /--max-requests-inflight=(\d+)/.exec(manifest);
    if (m) low = Math.min(low ?? Infinity, Number(m[1]));
  }
  return low;
}

/** Seconds left until the e2e plugin completes, 0 when done; null without a run. */
export function sonobuoyRemainingMs(state: ClusterState): number | null {
  const run = state.cluster?.sonobuoy;
  if (!run) return null;
  return Math.max(0, run.startedAt + DURATION_MS[run.mode as SonobuoyMode] - state.now);
}

/** The result a run in this state ends with. */
export function sonobuoyResult(state: ClusterState): SonobuoyResult | null {
  const c = state.cluster;
  const run = c?.sonobuoy;
  if (!c || !run) return null;
  const mode = run.mode as SonobuoyMode;
  const inflight = maxRequestsInflight(state);
  const throttled = inflight !== null && inflight < INFLIGHT_FAILURE_THRESHOLD && mode !== 'quick';
  const passed = mode === 'quick' ? 5 : mode === 'certified-conformance' ? 446 : 446;
  const failed = throttled ? API_HEAVY_FAILURES : [];
  const nodes = nodeList(state);
  return {
    mode,
    total: 7360,
    passed: passed - failed.length,
    failed,
    nodes: nodes.length,
    nodesReady: nodes.filter((n) => findMachine(state, n.machine)?.kubelet.active === 'active')
      .length,
    version: c.version,
    maxRequestsInflight: inflight,
  };
}

/** `sonobuoy run --mode=MODE`. */
export function applySonobuoyRun(state: ClusterState, mode: SonobuoyMode): Transition {
  const c = state.cluster;
  if (!c) return fail(new EngineError('KubectlConnectionRefused', { server: 'localhost:8080' }));
  if (c.sonobuoy) {
    return fail(
      new EngineError('UsageError', {
        message: 'error attempting to run sonobuoy: namespace sonobuoy already exists',
      }),
    );
  }
  return ok(
    putNamespace(
      { ...state, cluster: { ...c, sonobuoy: { mode, startedAt: state.now } } },
      'sonobuoy',
      { createdAt: state.now },
    ),
  );
}

/** `sonobuoy delete`. */
export function applySonobuoyDelete(state: ClusterState): Transition {
  const c = state.cluster;
  if (!c) return fail(new EngineError('KubectlConnectionRefused', { server: 'localhost:8080' }));
  return ok(removeNamespace({ ...state, cluster: { ...c, sonobuoy: null } }, 'sonobuoy'));
}

/**
 * The tarball `sonobuoy retrieve` writes for the finished run: its file name (YYYYMMDDhhmm of the
 * start, "_sonobuoy_", a run UUID) and the simulated content `sonobuoy results` reads back.
 */
export function sonobuoyTarball(state: ClusterState): { name: string; content: string } | null {
  const r = sonobuoyResult(state);
  const run = state.cluster?.sonobuoy;
  if (!r || !run || (sonobuoyRemainingMs(state) ?? 0) > 0) return null;
  const d = formatRfc3339(run.startedAt).replace(/[-:T]/g, '').slice(0, 12);
  const h = hash64(`${d}|${r.mode}`) + hash64(`${r.mode}|${d}`);
  const name = `${d}_sonobuoy_${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}.tar.gz`;
  return { name, content: `@sonobuoy-results:${JSON.stringify(r)}` };
}
