/**
 * Records of API objects the cluster state keeps in compact form (not yet in the object store):
 * CertificateSigningRequests and the objects kept with their storage version. Defined here, in
 * the model, so the state's types import nothing that imports the state back.
 */

/** One CSR object (certificates.k8s.io/v1), as kubeadm/certs/csr.ts records it. */
export interface CertificateSigningRequest {
  readonly name: string;
  readonly signerName: string;
  /** spec.username: who created it. */
  readonly requestor: string;
  readonly createdAt: number;
  /** spec.expirationSeconds in ms, or null (`<none>`). */
  readonly requestedDurationMs: number | null;
  readonly condition: 'Pending' | 'Approved' | 'Approved,Issued' | 'Denied';
  /** Node whose kubelet asked (for serving / client certificates). */
  readonly node: string;
  /** spec.groups the authenticator gave the requestor; absent: the defaults for its kind of user. */
  readonly groups?: readonly string[];
  /** Approved with `kubectl certificate approve` rather than by the csrapproving controller. */
  readonly approvedBy?: 'kubectl';
  /** The machine whose kubelet asked (a bootstrap CSR still waiting for its certificate). */
  readonly machine?: string;
}

/** An object of a versioned resource (apiserver/objects.ts), as stored. */
export interface StoredApiObject {
  readonly group: string;
  readonly kind: string;
  /** The version it is stored in (etcd holds `<group>/<version>` in the serialized object). */
  readonly version: string;
  readonly name: string;
  /** Empty for cluster-scoped resources. */
  readonly namespace: string;
  readonly createdAt: number;
}
