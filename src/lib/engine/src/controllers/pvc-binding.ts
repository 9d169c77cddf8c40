/**
 * The PersistentVolume controller's word on a claim it cannot bind (pkg/controller/volume/
 * persistentvolume/pv_controller.go syncUnboundClaim, provisionClaimOperation): a kubeadm cluster
 * has no PersistentVolumes and no provisioner, so every claim stays Pending. A claim without a
 * storage class gets the Normal Event FailedBinding "no persistent volumes available for this
 * claim and no storage class is set"; one naming a StorageClass that does not exist gets the
 * Warning ProvisioningFailed `storageclass.storage.k8s.io "NAME" not found`, from
 * persistentvolume-controller. Recorded once per claim here (the controller's periodic resync
 * repeats it).
 */
import type { ClusterState } from '../model/state.ts';
import { recordEvent } from '../objects/controller-events.ts';
import { readStored, scanStored } from '../store/buckets.ts';
import type { ApiObject, Json } from '../store/types.ts';

type Obj = { readonly [k: string]: Json };

const CONTROLLER = 'persistentvolume-controller';

/** The Event the controller records about an unbound claim, or null (it binds or provisions). */
function unboundEvent(
  state: ClusterState,
  pvc: ApiObject,
): { reason: string; message: string; type: 'Normal' | 'Warning' } | null {
  const spec = (pvc['spec'] ?? {}) as Obj;
  if (typeof spec['volumeName'] === 'string' && spec['volumeName'] !== '') return null;
  const cls = spec['storageClassName'];
  if (typeof cls !== 'string' || cls === '')
    return {
      reason: 'FailedBinding',
      message: 'no persistent volumes available for this claim and no storage class is set',
      type: 'Normal',
    };
  if (readStored(state.cluster?.objects, 'storageclasses.storage.k8s.io', null, cls)) return null;
  return {
    reason: 'ProvisioningFailed',
    message: `storageclass.storage.k8s.io "${cls}" not found`,
    type: 'Warning',
  };
}

/** Records the controller's Event for each unbound claim that has none yet. */
export function reconcileClaimBinding(state: ClusterState): ClusterState {
  const claims = scanStored(state.cluster?.objects, 'persistentvolumeclaims');
  if (claims.length === 0) return state;
  let s = state;
  for (const pvc of claims) {
    if (pvc.metadata.deletionTimestamp !== undefined) continue;
    const e = unboundEvent(s, pvc);
    if (e === null) continue;
    const ns = pvc.metadata.namespace ?? 'default';
    const known = scanStored(s.cluster?.objects, 'events', ns).some(
      (x) =>
        ((x['involvedObject'] ?? {}) as Obj)['uid'] === pvc.metadata.uid &&
        x['reason'] === e.reason,
    );
    if (known) continue;
    s = recordEvent(s, { object: pvc, ...e, component: CONTROLLER });
  }
  return s;
}
