/**
 * The parts of a container's status the kubelet takes from the runtime and the spec, the same for
 * every Pod: the image as containerd names it, the runtime's container ID, the mounts and the
 * resources it applied.
 *
 * upstream: pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses (volumeMounts with
 * recursiveReadOnly for read-only mounts, KEP-3857 RecursiveReadOnlyMounts, GA in v1.33;
 * `resources` from InPlacePodVerticalScaling, on by default since v1.33);
 * pkg/kubelet/kuberuntime/kuberuntime_container.go (the image of the CRI's ContainerStatus);
 * github.com/distribution/reference normalize.go ParseNormalizedNamed and TagNameOnly (how
 * containerd names `nginx`: `docker.io/library/nginx:latest`).
 *
 * Not reported: `imageID`, the registry digest the runtime resolved (unknowable offline; a
 * made-up digest would be worse than none), and `user` (the uid and gids come from the image's
 * USER, which the simulator does not know).
 */
import type { Json } from '../store/types.ts';
import { containerId } from './container-id.ts';

type Obj = { readonly [k: string]: Json };

/** An image reference as containerd reports it: with its registry, `library/` and a tag. */
export function normalizedImage(image: string): string {
  if (image === '') return image;
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at) : '';
  const slash = named.indexOf('/');
  const first = slash >= 0 ? named.slice(0, slash) : '';
  // A first component with a dot or a port, or localhost, is a registry (splitDockerDomain).
  const hasDomain =
    slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const path = hasDomain ? named : slash >= 0 ? `docker.io/${named}` : `docker.io/library/${named}`;
  const last = path.slice(path.lastIndexOf('/') + 1);
  const tagged = last.includes(':') || digest !== '' ? path : `${path}:latest`;
  return `${tagged}${digest}`;
}

/** VolumeMountStatus of each of the container's mounts. */
function mountStatuses(c: Obj): Obj[] {
  const mounts = Array.isArray(c['volumeMounts']) ? (c['volumeMounts'] as readonly Obj[]) : [];
  return mounts.map((m) => ({
    mountPath: m['mountPath'] ?? '',
    name: m['name'] ?? '',
    ...(m['readOnly'] === true
      ? { readOnly: true, recursiveReadOnly: m['recursiveReadOnly'] ?? 'Disabled' }
      : {}),
  }));
}

/** The status fields a container has from its spec, started or not: its mounts and resources. */
export function specStatusFields(c: Obj): Obj {
  const mounts = mountStatuses(c);
  return {
    resources: c['resources'] ?? {},
    ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
  };
}

/**
 * The status fields of a container the runtime runs (or ran): `run` is which run of it
 * (restartCount for the current one).
 */
export function runtimeStatusFields(podUid: string, c: Obj, run: number): Obj {
  const image = typeof c['image'] === 'string' ? c['image'] : '';
  const name = typeof c['name'] === 'string' ? c['name'] : '';
  return {
    ...specStatusFields(c),
    containerID: containerId(podUid, name, run),
    image: normalizedImage(image),
    name,
  };
}
