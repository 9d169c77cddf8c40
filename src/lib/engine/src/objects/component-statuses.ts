/**
 * ComponentStatuses (v1, deprecated since v1.19): not stored anywhere, the API server probes the
 * components each time it is asked. The registry
 * (pkg/registry/core/componentstatus/rest.go getComponentStatus, validator.go DoServerCheck)
 * probes `controller-manager` at https://127.0.0.1:10257/healthz and `scheduler` at
 * https://127.0.0.1:10259/healthz (pkg/registry/core/rest/storage_core.go serversToValidate:
 * ports.KubeControllerManagerPort, kubeschedulerconfig.DefaultKubeSchedulerPort) and
 * `etcd-N` through the storage backend's prober, from the host of the answering kube-apiserver.
 *
 * - A component that answers: condition Healthy True, message "ok" (the /healthz body; EtcdServer
 *   returns "ok" itself).
 * - A stopped component: pkg/probe/http/http.go DoHTTPProbe turns the transport error into a
 *   Failure with the error text as data, so the condition is False with message
 *   `Get "https://127.0.0.1:10259/healthz": dial tcp 127.0.0.1:10259: connect: connection refused`
 *   and no error.
 * - etcd without an answer: Failure with message "" and the prober's error
 *   (`error getting data from etcd: context deadline exceeded`, storagebackend/factory/etcd3.go).
 *
 * The rows come in the order of serversToValidate's literal (controller-manager, scheduler, then
 * the etcd servers); the real List collects them from goroutines, so a real cluster may print
 * them in any order.
 */
import type { ClusterState } from '../model/state.ts';
import type { ApiObject } from '../store/types.ts';
import { runningApiservers } from '../ha/endpoints.ts';
import { findMachine } from '../state/machines.ts';
import { etcdView, hasQuorum, machineUp, memberRunning, usesExternalEtcd } from '../etcd/model.ts';

const MANIFESTS = '/etc/kubernetes/manifests';

/** The HTTP components the registry probes, by name: manifest and secure port. */
const HTTP_COMPONENTS: readonly { name: string; manifest: string; port: number }[] = [
  { name: 'controller-manager', manifest: 'kube-controller-manager.yaml', port: 10257 },
  { name: 'scheduler', manifest: 'kube-scheduler.yaml', port: 10259 },
];

/** The machine of the kube-apiserver that answers (the first running one), or null. */
export function answeringApiserver(state: ClusterState): string | null {
  return runningApiservers(state)[0]?.machine ?? null;
}

/** True when the static Pod `manifest` runs on `machine` (manifest present, kubelet up). */
function staticPodRunning(state: ClusterState, machine: string, manifest: string): boolean {
  const m = findMachine(state, machine);
  if (!m || !machineUp(state, machine) || m.kubelet.active !== 'active') return false;
  return m.files[`${MANIFESTS}/${manifest}`] !== undefined;
}

/**
 * True when the answering apiserver's etcd client gets an answer: the local member runs (kubeadm
 * points a stacked control plane's apiserver at https://127.0.0.1:2379) and etcd has quorum.
 */
export function etcdAnswers(state: ClusterState, machine: string): boolean {
  if (!hasQuorum(state)) return false;
  if (usesExternalEtcd(state)) return true;
  const local = etcdView(state)?.members.find((m) => m.machine === machine);
  return local !== undefined && memberRunning(state, local);
}

function componentStatus(name: string, ok: boolean, message: string, error: string): ApiObject {
  return {
    kind: 'ComponentStatus',
    apiVersion: 'v1',
    // No stored object: the metadata holds the name only (creationTimestamp serialises as null).
    metadata: { name, creationTimestamp: null },
    conditions: [
      { type: 'Healthy', status: ok ? 'True' : 'False', message, ...(error ? { error } : {}) },
    ],
  } as unknown as ApiObject;
}

/**
 * The registry's answer to a name it does not probe (rest.go Get: a plain error, which the API
 * server serves as HTTP 500 without a reason).
 */
export function componentNotFound(name: string): string {
  return `Component not found: ${name}`;
}

/** The ComponentStatuses the answering apiserver reports now (none without an apiserver). */
export function componentStatuses(state: ClusterState): ApiObject[] {
  const machine = answeringApiserver(state);
  if (machine === null) return [];
  const http = HTTP_COMPONENTS.map((c) => {
    if (staticPodRunning(state, machine, c.manifest))
      return componentStatus(c.name, true, 'ok', '');
    const url = `https://127.0.0.1:${String(c.port)}/healthz`;
    return componentStatus(
      c.name,
      false,
      `Get "${url}": dial tcp 127.0.0.1:${String(c.port)}: connect: connection refused`,
      '',
    );
  });
  const etcd = etcdAnswers(state, machine)
    ? componentStatus('etcd-0', true, 'ok', '')
    : componentStatus(
        'etcd-0',
        false,
        '',
        'error getting data from etcd: context deadline exceeded',
      );
  return [...http, etcd];
}
