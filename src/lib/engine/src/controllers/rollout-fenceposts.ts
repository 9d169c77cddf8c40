/**
 * A Deployment's rolling-update bounds: how many Pods above spec.replicas it may run (maxSurge,
 * rounded up) and how many below it may be unavailable (maxUnavailable, rounded down; 1 when
 * both are 0), as the Deployment controller and its status computation read them.
 *
 * upstream: pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts, MaxSurge,
 * MaxUnavailable), staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go
 * (GetScaledValueFromIntOrPercent).
 */
import type { ApiObject, Json } from '../store/types.ts';

type Obj = { readonly [k: string]: Json };

/** GetScaledValueFromIntOrPercent: an int as is, `N%` of `total` rounded up or down. */
function scaled(v: Json | undefined, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return 0;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number.isInteger(Number(v)) ? Number(v) : 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** The Deployment's spec.replicas (1 when unset). */
export function desiredReplicas(d: ApiObject): number {
  const r = ((d['spec'] ?? {}) as Obj)['replicas'];
  return typeof r === 'number' ? r : 1;
}

/** True unless the strategy is Recreate. */
export function isRollingUpdate(d: ApiObject): boolean {
  return (((d['spec'] ?? {}) as Obj)['strategy'] as Obj | undefined)?.['type'] !== 'Recreate';
}

/** ResolveFenceposts: maxSurge and maxUnavailable as Pod counts. */
export function fenceposts(d: ApiObject): { surge: number; unavailable: number } {
  if (!isRollingUpdate(d)) return { surge: 0, unavailable: 0 };
  const strategy = (((d['spec'] ?? {}) as Obj)['strategy'] ?? {}) as Obj;
  const rolling = (strategy['rollingUpdate'] ?? {}) as Obj;
  const want = desiredReplicas(d);
  const surge = scaled(rolling['maxSurge'] ?? '25%', want, true);
  const unavailable = scaled(rolling['maxUnavailable'] ?? '25%', want, false);
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1 } : { surge, unavailable };
}

/** MaxUnavailable: 0 for Recreate or no replicas, never above spec.replicas. */
export function maxUnavailable(d: ApiObject): number {
  const want = desiredReplicas(d);
  if (!isRollingUpdate(d) || want === 0) return 0;
  return Math.min(fenceposts(d).unavailable, want);
}
