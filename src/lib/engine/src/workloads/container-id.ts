/**
 * Container IDs as the kubelet reports them in a Pod's containerStatuses: the runtime's name and
 * the ID the runtime gave the container (pkg/kubelet/container/runtime.go ContainerID.String,
 * `<type>://<id>`; containerd's IDs are 64 random hex digits). Each one comes from the engine's
 * seeded generator (random.ts), seeded by the Pod's uid, the container's name and which run of
 * the container it is: the same Pod reads the same IDs every time, and each restart gets a new one.
 */
import { hash64 } from '../etcd/model.ts';
import { createRng, HEX_ALPHABET } from '../random.ts';

/** `containerd://<64 hex>` of run `run` (0 for the first, restartCount for the current one). */
export function containerId(podUid: string, container: string, run: number): string {
  const seed = parseInt(hash64(`${podUid}/${container}/${run}`).slice(0, 8), 16);
  return `containerd://${createRng(seed).pick(HEX_ALPHABET, 64)}`;
}
