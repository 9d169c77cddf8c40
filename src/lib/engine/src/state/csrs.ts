/**
 * CertificateSigningRequest objects (certificates.k8s.io/v1) in the API object store: the kubelet's
 * TLS bootstrap creates one per node, `kubectl certificate approve|deny` decides them. Readers and
 * writers use the compact CertificateSigningRequest record (model/api-records.ts); the stored
 * object is the one the API serves (spec.request and status.certificate, the PEM blobs, are not
 * modelled).
 */
import type { ClusterState } from '../model/state.ts';
import type { CertificateSigningRequest } from '../model/api-records.ts';
import { formatRfc3339 } from '../clock.ts';
import { readStored, scanStored } from '../store/buckets.ts';
import { putObject } from '../store/write.ts';
import type { ApiObject, NewObject } from '../store/types.ts';
import type { ClusterView } from './nodes.ts';
import { APPROVAL_MESSAGES } from '../controllers/csr-approver.ts';

/** The store id of the resource. */
export const CSR_RESOURCE = 'certificatesigningrequests.certificates.k8s.io';

/** What the simulation keeps about a CSR that the API does not serve; read views drop it. */
type CsrSimulation = Omit<
  CertificateSigningRequest,
  'name' | 'signerName' | 'requestor' | 'groups'
>;

const views = new WeakMap<ApiObject, CertificateSigningRequest>();
const lists = new WeakMap<object, readonly CertificateSigningRequest[]>();

/** The compact record of a stored CSR. */
export function csrRecord(o: ApiObject): CertificateSigningRequest {
  const hit = views.get(o);
  if (hit) return hit;
  const spec = o['spec'] as {
    readonly signerName: string;
    readonly username: string;
    readonly groups?: readonly string[];
  };
  const sim = o['simulator'] as unknown as CsrSimulation;
  const record: CertificateSigningRequest = {
    name: o.metadata.name,
    signerName: spec.signerName,
    requestor: spec.username,
    ...(spec.groups !== undefined ? { groups: spec.groups } : {}),
    createdAt: sim.createdAt,
    requestedDurationMs: sim.requestedDurationMs,
    condition: sim.condition,
    node: sim.node,
    ...(sim.approvedBy !== undefined ? { approvedBy: sim.approvedBy } : {}),
    ...(sim.machine !== undefined ? { machine: sim.machine } : {}),
  };
  views.set(o, record);
  return record;
}

/** status.conditions of a decided request (who approved it: kubectl, or the node-client approver). */
function conditions(c: CertificateSigningRequest): readonly Record<string, string>[] {
  const when = formatRfc3339(c.createdAt);
  const condition = (type: string, reason: string, message: string) => ({
    lastTransitionTime: when,
    lastUpdateTime: when,
    message,
    reason,
    status: 'True',
    type,
  });
  if (c.condition === 'Pending') return [];
  if (c.condition === 'Denied')
    return [condition('Denied', 'KubectlDeny', 'This CSR was denied by kubectl certificate deny.')];
  // Only kubectl approves kubelet-serving CSRs; client ones are the csrapproving controller's
  // (controllers/csr-approver.ts), "self" when the kubelet renews its own certificate.
  if (c.approvedBy === 'kubectl' || c.signerName === 'kubernetes.io/kubelet-serving')
    return [
      condition(
        'Approved',
        'KubectlApprove',
        'This CSR was approved by kubectl certificate approve.',
      ),
    ];
  const self = c.requestor === `system:node:${c.node}`;
  return [
    condition(
      'Approved',
      'AutoApproved',
      APPROVAL_MESSAGES[self ? 'selfnodeclient' : 'nodeclient'],
    ),
  ];
}

/** The CSR object as the API serves it (without the simulator's own fields). */
export function csrApiObject(c: CertificateSigningRequest): NewObject {
  const serving = c.signerName === 'kubernetes.io/kubelet-serving';
  const bootstrap = c.requestor.startsWith('system:bootstrap:');
  const status = conditions(c);
  return {
    apiVersion: 'certificates.k8s.io/v1',
    kind: 'CertificateSigningRequest',
    metadata: { name: c.name, creationTimestamp: formatRfc3339(c.createdAt) },
    spec: {
      ...(c.requestedDurationMs !== null
        ? { expirationSeconds: Math.round(c.requestedDurationMs / 1000) }
        : {}),
      groups:
        c.groups ??
        (bootstrap
          ? [
              'system:bootstrappers',
              'system:bootstrappers:kubeadm:default-node-token',
              'system:authenticated',
            ]
          : ['system:nodes', 'system:authenticated']),
      signerName: c.signerName,
      usages: serving ? ['digital signature', 'server auth'] : ['digital signature', 'client auth'],
      username: c.requestor,
    },
    status: status.length > 0 ? { conditions: status } : {},
  };
}

/** The CSR named `name`, or undefined. O(1). */
export function findCsr(state: ClusterView, name: string): CertificateSigningRequest | undefined {
  const o = readStored(state.cluster?.objects, CSR_RESOURCE, null, name);
  return o ? csrRecord(o) : undefined;
}

/** The stored CSR object named `name` (metadata as the API keeps it), or undefined. */
export function storedCsrObject(state: ClusterView, name: string): ApiObject | undefined {
  return readStored(state.cluster?.objects, CSR_RESOURCE, null, name);
}

/** Every CSR, sorted by name (as the API lists them). O(n) once per change of the CSRs. */
export function csrList(state: ClusterView): readonly CertificateSigningRequest[] {
  const table = state.cluster?.objects?.resources[CSR_RESOURCE];
  if (!table) return [];
  const hit = lists.get(table);
  if (hit) return hit;
  const list = scanStored(state.cluster?.objects, CSR_RESOURCE)
    .map(csrRecord)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  lists.set(table, list);
  return list;
}

/** A state with the CSR created or replaced (no-op before init). */
export function putCsr(state: ClusterState, c: CertificateSigningRequest): ClusterState {
  const { name: _n, signerName: _s, requestor: _r, groups: _g, ...simulator } = c;
  return putObject(state, CSR_RESOURCE, { ...csrApiObject(c), simulator });
}
