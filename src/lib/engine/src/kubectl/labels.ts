/**
 * Pod labels and equality-based label selectors for `kubectl get -l`
 * (staging/src/k8s.io/apimachinery/pkg/labels/selector.go). Labels are derived from the workload:
 * kubeadm's static Pods carry `component` and `tier=control-plane`
 * (cmd/kubeadm/app/util/staticpod/utils.go ComponentPod), kube-proxy and CoreDNS `k8s-app`
 * (cmd/kubeadm/app/phases/addons/{proxy,dns}/manifests.go), Flannel `app=flannel`, `k8s-app=flannel`,
 * `tier=node` (kube-flannel.yml). Generated labels such as pod-template-hash are not modelled.
 */
import type { PodObject } from '../model/state.ts';

/** The labels a pod of this workload carries. */
export function podLabels(app: PodObject['app']): Readonly<Record<string, string>> {
  switch (app) {
    case 'kube-proxy':
      return { 'k8s-app': 'kube-proxy' };
    case 'coredns':
      return { 'k8s-app': 'kube-dns' };
    case 'kube-flannel':
      return { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' };
    default:
      return { component: app, tier: 'control-plane' };
  }
}

/** One requirement of a selector: `k=v` / `k==v`, `k!=v`, `k` (exists), `!k` (does not exist). */
export type LabelRequirement =
  | { readonly key: string; readonly op: 'eq' | 'neq'; readonly value: string }
  | { readonly key: string; readonly op: 'exists' | 'absent' };

const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * Parses an equality-based selector; set-based syntax (`in`, `notin`) is not supported here.
 * Returns an error message (kubectl prints it after "error: ") for invalid input.
 */
export function parseSelector(text: string): LabelRequirement[] | { error: string } {
  const out: LabelRequirement[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const m = /^(!?)([^=!]+?)\s*(?:(==|=|!=)\s*(.*))?$/.exec(part);
    const key = m?.[2]?.trim() ?? '';
    if (!m || !KEY.test(key) || (m[1] === '!' && m[3] !== undefined))
      return { error: `unable to parse requirement: found '${part}', expected: identifier` };
    if (m[3] === undefined) out.push({ key, op: m[1] === '!' ? 'absent' : 'exists' });
    else {
      const value = (m[4] ?? '').trim();
      if (!VALUE.test(value))
        return {
          error: `unable to parse requirement: values[0][${key}]: Invalid value: "${value}"`,
        };
      out.push({ key, op: m[3] === '!=' ? 'neq' : 'eq', value });
    }
  }
  return out;
}

/** True when `labels` satisfies every requirement (a `!=` matches when the key is absent too). */
export function matchesSelector(
  labels: Readonly<Record<string, string>>,
  reqs: readonly LabelRequirement[],
): boolean {
  return reqs.every((r) => {
    const v = labels[r.key];
    if (!('value' in r)) return r.op === 'exists' ? v !== undefined : v === undefined;
    return r.op === 'eq' ? v === r.value : v !== r.value;
  });
}
