/**
 * Taints and tolerations as the scheduler and the taint eviction controller match them
 * (staging/src/k8s.io/api/core/v1/toleration.go ToleratesTaint, pkg/apis/core/v1/helper
 * GetMatchingTolerations).
 */

/** v1.Taint, as far as matching needs it. */
export type Taint = { key: string; value?: string; effect: string };

/** v1.Toleration. */
export type Toleration = {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
};

/** Toleration.ToleratesTaint: empty effect and key match any; Exists ignores the value. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect !== undefined && t.effect !== '' && t.effect !== taint.effect) return false;
  if (t.key !== undefined && t.key !== '' && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/**
 * GetMatchingTolerations: whether every taint is tolerated, and the toleration that tolerates
 * each (the first that matches).
 */
export function matchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): { readonly all: boolean; readonly used: readonly Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => tolerates(x, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}
