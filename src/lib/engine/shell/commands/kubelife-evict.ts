/**
 * `kubelife evict NAMESPACE/NAME [--dry-run]`: one POST to the pods/eviction subresource, as the
 * simulated API server answers it (src/workloads/pod-eviction.ts, after
 * pkg/registry/core/pod/storage/eviction.go): prints the metav1.Status, exits 0 when the Pod
 * was let go. `kubelife serve --api` answers a client's eviction with it.
 */
import { evictPod } from '../../src/index.ts';
import type { Invocation } from '../types.ts';

/** Usage lines appended to `kubelife help`. */
export const EVICT_USAGE = `  kubelife evict NS/NAME [--dry-run] [--grace-period=N]  evict one Pod through the eviction subresource (prints the Status)`;

/** Runs `kubelife evict ARGS…`. */
export function runEvict(inv: Invocation, args: readonly string[]): number {
  const dryRun = args.includes('--dry-run');
  const graceArg = args.find((a) => a.startsWith('--grace-period='));
  const grace = graceArg === undefined ? undefined : Number(graceArg.slice(15));
  const rest = args.filter((a) => a !== '--dry-run' && a !== graceArg);
  const target = rest[0] ?? '';
  const slash = target.indexOf('/');
  if (
    rest.length !== 1 ||
    slash <= 0 ||
    slash === target.length - 1 ||
    (grace !== undefined && !Number.isSafeInteger(grace))
  ) {
    inv.io.err(`kubelife: usage:\n${EVICT_USAGE}`);
    return 2;
  }
  const req = {
    namespace: target.slice(0, slash),
    name: target.slice(slash + 1),
    dryRun,
    ...(grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : {}),
  };
  // The decision is pure: computed here for the answer, then applied (the same computation on
  // the same state) so the controllers catch up with the Pod that went.
  const outcome = evictPod(inv.ctx.state, req);
  if (outcome.evicted && !dryRun) inv.apply({ type: 'pod.evict', ...req });
  const { code, status, reason, message, details } = outcome.status;
  inv.io.out(
    JSON.stringify(
      {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status,
        ...(message !== undefined ? { message } : {}),
        ...(reason !== undefined ? { reason } : {}),
        ...(details !== undefined ? { details } : {}),
        code,
      },
      null,
      2,
    ),
  );
  return outcome.evicted ? 0 : 1;
}
