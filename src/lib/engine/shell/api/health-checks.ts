/**
 * The checks kube-apiserver registers on /healthz, /livez and /readyz, per minor, in the order a
 * kubeadm cluster's apiserver lists them.
 *
 * Sources. The names and their order are not one list upstream: `ping`, `log` and `etcd` come
 * from staging/src/k8s.io/apiserver/pkg/server/config.go (readyz adds `etcd-readiness`,
 * `informer-sync` and, last, `shutdown`), every `poststarthook/NAME` from an AddPostStartHook
 * call (pkg/controlplane/apiserver/server.go, apiextensions-apiserver, kube-aggregator), and
 * `loopback-serving-certificate` (healthz and livez only) from
 * staging/src/k8s.io/apiserver/pkg/server/options/serving_with_loopback.go. The orders below are
 * the ones real kubeadm clusters print, copied from kubeadm's own `[control-plane-check]` logs of
 * kubevirt's CI (prow jobs pull-kubevirt-e2e-k8s-1.35-* and pull-kubevirt-e2e-k8s-1.36-*, July
 * 2026: kubeadm printed the livez body while rbac/bootstrap-roles was still failing), and a
 * v1.35.7 cluster's `kubectl get --raw='/readyz?verbose'` for where readyz's own checks go.
 *
 * Minors without a list: no kubeadm transcript or upstream list of v1.34 and older was found in
 * the index, so the simulator does not claim one for them (healthCheckNames returns null). v1.37
 * keeps v1.36's list, the newest kubeadm one found; a v1.37.0 minikube cluster's
 * `kubectl get --raw='/readyz?verbose' | head -25` agrees with it line for line.
 */

/** The post-start hooks a v1.35 kubeadm apiserver lists (kubevirt CI, pull-kubevirt-e2e-k8s-1.35). */
const HOOKS_1_35: readonly string[] = [
  'start-apiserver-admission-initializer',
  'generic-apiserver-start-informers',
  'priority-and-fairness-config-consumer',
  'priority-and-fairness-filter',
  'storage-object-count-tracker-hook',
  'start-apiextensions-informers',
  'start-apiextensions-controllers',
  'crd-informer-synced',
  'start-system-namespaces-controller',
  'start-cluster-authentication-info-controller',
  'start-kube-apiserver-identity-lease-controller',
  'start-kube-apiserver-identity-lease-garbage-collector',
  'start-legacy-token-tracking-controller',
  'start-service-ip-repair-controllers',
  'rbac/bootstrap-roles',
  'scheduling/bootstrap-system-priority-classes',
  'priority-and-fairness-config-producer',
  'bootstrap-controller',
  'start-kubernetes-service-cidr-controller',
  'aggregator-reload-proxy-client-cert',
  'start-kube-aggregator-informers',
  'apiservice-status-local-available-controller',
  'apiservice-status-remote-available-controller',
  'apiservice-registration-controller',
  'apiservice-discovery-controller',
  'kube-apiserver-autoregistration',
];

/** After the hooks above: autoregister-completion is a plain check between two hooks. */
const TAIL: readonly string[] = [
  'autoregister-completion',
  'poststarthook/apiservice-openapi-controller',
  'poststarthook/apiservice-openapiv3-controller',
];

/** v1.36 adds peer-endpoint-reconciler-controller and storage-readiness (pull-kubevirt-e2e-k8s-1.36). */
const HOOKS_1_36: readonly string[] = HOOKS_1_35.flatMap((h) =>
  h === 'start-system-namespaces-controller'
    ? [h, 'peer-endpoint-reconciler-controller']
    : h === 'start-kube-apiserver-identity-lease-garbage-collector'
      ? [h, 'storage-readiness']
      : [h],
);

/** One endpoint's checks. */
export type HealthEndpoint = 'healthz' | 'livez' | 'readyz';

interface MinorChecks {
  readonly from: number;
  readonly loopbackCertificate: boolean;
  readonly hooks: readonly string[];
}

/** Newest first: a minor uses the first entry at or below it. */
const BY_MINOR: readonly MinorChecks[] = [
  { from: 36, loopbackCertificate: true, hooks: HOOKS_1_36 },
  { from: 35, loopbackCertificate: false, hooks: HOOKS_1_35 },
];

/** The check names `endpoint` lists on an apiserver of 1.`minor`, or null when not known. */
export function healthCheckNames(minor: number, endpoint: HealthEndpoint): string[] | null {
  const m = BY_MINOR.find((x) => minor >= x.from);
  if (!m) return null;
  const hooks = [...m.hooks.map((h) => `poststarthook/${h}`), ...TAIL];
  if (endpoint === 'readyz')
    return ['ping', 'log', 'etcd', 'etcd-readiness', 'informer-sync', ...hooks, 'shutdown'];
  return [
    'ping',
    'log',
    ...(m.loopbackCertificate ? ['loopback-serving-certificate'] : []),
    'etcd',
    ...hooks,
  ];
}
