/**
 * The `default/kubernetes` Service endpoint reconcilers of kube-apiserver
 * (pkg/controlplane/reconcilers/): master-count (instancecount.go, formerly mastercount.go),
 * lease (lease.go) and none (none.go), as pure functions over plain data.
 */

/** An endpoint port as in corev1.EndpointPort. */
export interface EndpointPort {
  readonly name: string;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
}

/** The Endpoints object's single subset: addresses (IPs) and ports. */
export interface EndpointsState {
  readonly addresses: readonly string[];
  readonly ports: readonly EndpointPort[];
}

/** What a reconcile pass decides: write nothing, create the object, or update it. */
export interface ReconcileResult {
  readonly action: 'create' | 'update' | 'none';
  readonly addresses: string[];
  readonly ports: EndpointPort[];
}

/** Input of the master-count reconciler (kube-apiserver --endpoint-reconciler-type=master-count). */
export interface MasterCountInput {
  readonly type: 'master-count';
  /** This apiserver's advertise IP (only the primary IP family is used upstream). */
  readonly ownIP: string;
  /** --apiserver-count */
  readonly masterCount: number;
  /** Current Endpoints, null when the object does not exist. */
  readonly current: EndpointsState | null;
  /** Ports this apiserver serves. */
  readonly ports: readonly EndpointPort[];
  /** Whether ports are reconciled too (true for the kubernetes service). */
  readonly reconcilePorts: boolean;
}

// Go's sets.List sorts strings by byte order; JS string comparison matches for ASCII IPs.
const sortIPs = (ips: Iterable<string>): string[] =>
  [...ips].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const samePorts = (a: readonly EndpointPort[], b: readonly EndpointPort[]): boolean =>
  a.length === b.length &&
  a.every(
    (p, i) => p.name === b[i]?.name && p.port === b[i]?.port && p.protocol === b[i]?.protocol,
  );

/**
 * masterCountEndpointReconciler.ReconcileEndpoints: always insert our own IP; if that leaves
 * more than masterCount IPs, remove the IPs immediately following ours in the sorted list,
 * wrapping around to the start. Then EndpointsAdapter.Sync writes only if something changed
 * (keeping the existing ports when reconcilePorts is false).
 *
 * Upstream's loop deletes sortedIPs[(i+1) % len] repeatedly with a fixed index; since each
 * apiserver adds at most one IP per pass, exactly one IP is removed in practice. For the rare
 * case of more (e.g. --apiserver-count lowered) we follow the documented intent - the (N-M) IPs
 * after ours - instead of upstream's non-terminating loop.
 */
export function reconcileEndpoints(input: MasterCountInput): ReconcileResult {
  const current = input.current;
  const ips = new Set(current?.addresses ?? []);
  ips.add(input.ownIP);
  if (ips.size > input.masterCount) {
    const sorted = sortIPs(ips);
    const own = sorted.indexOf(input.ownIP);
    for (let k = 1; ips.size > input.masterCount && k < sorted.length; k++) {
      ips.delete(sorted[(own + k) % sorted.length] ?? '');
    }
  }
  const addresses = sortIPs(ips);
  if (current === null) {
    return { action: 'create', addresses, ports: [...input.ports] };
  }
  const ports = input.reconcilePorts ? [...input.ports] : [...current.ports];
  const unchanged =
    samePorts(ports, current.ports) &&
    addresses.length === current.addresses.length &&
    sortIPs(current.addresses).every((ip, i) => ip === addresses[i]);
  return { action: unchanged ? 'none' : 'update', addresses, ports };
}

/** One apiserver lease under /registry/masterleases/<ip> (expiresAt in epoch ms). */
export interface MasterLease {
  readonly ip: string;
  readonly expiresAt: number;
}

/** Input of the lease reconciler (the default --endpoint-reconciler-type=lease). */
export interface LeaseInput {
  readonly leases: readonly MasterLease[];
  /** Injected clock, epoch ms. */
  readonly now: number;
  readonly current: EndpointsState | null;
  readonly ports: readonly EndpointPort[];
  readonly reconcilePorts: boolean;
}

/**
 * The essence of leaseEndpointReconciler.doReconcile (lease.go): the endpoints are exactly the
 * IPs holding an unexpired lease, sorted - no count to configure, dead apiservers drop out when
 * their lease TTL lapses.
 */
export function reconcileLeaseEndpoints(input: LeaseInput): ReconcileResult {
  const live = sortIPs(
    new Set(input.leases.filter((l) => l.expiresAt > input.now).map((l) => l.ip)),
  );
  if (input.current === null) return { action: 'create', addresses: live, ports: [...input.ports] };
  const ports = input.reconcilePorts ? [...input.ports] : [...input.current.ports];
  const before = sortIPs(input.current.addresses);
  const unchanged =
    samePorts(ports, input.current.ports) &&
    before.length === live.length &&
    before.every((ip, i) => ip === live[i]);
  return { action: unchanged ? 'none' : 'update', addresses: live, ports };
}

/** The `none` reconciler (none.go): never touches the endpoints. */
export function reconcileNoneEndpoints(current: EndpointsState | null): ReconcileResult {
  return {
    action: 'none',
    addresses: [...(current?.addresses ?? [])],
    ports: [...(current?.ports ?? [])],
  };
}
