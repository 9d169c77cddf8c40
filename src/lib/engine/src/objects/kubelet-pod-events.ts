/**
 * The Events a node's kubelet records while it starts a reader's Pod, per container in order:
 * the image (Pulling, or Pulled when the node has it), then Created and Started, with the
 * container's fieldPath (`spec.containers{nginx}`), as `kubectl describe pod` and
 * `kubectl get events` list them.
 *
 * upstream: pkg/kubelet/events/event.go (reasons Pulling, Pulled, Created, Started);
 * pkg/kubelet/images/image_manager.go ("Pulling image %q"; "Container image %q already present
 * on machine", and "… already present on machine and can be accessed by the pod" since v1.35,
 * where KEP-2535's KubeletEnsureSecretPulledImages went beta, on by default);
 * pkg/kubelet/kuberuntime/kuberuntime_container.go
 * startContainer ("Created container: %v" / "Started container %v" up to v1.34; "Container
 * created" / "Container started" since v1.35, kubernetes/kubernetes#134043).
 *
 * Left out on purpose: the Pulled Event after a real pull. Its message ("Successfully pulled
 * image %q in %v (%v including waiting). Image size: %v bytes.") carries the pull's duration and
 * the image's size in bytes, which the simulator cannot know for an arbitrary image; a made-up
 * number would read as a real measurement. A pulled image still counts as present on the node
 * for the Pods that come after it.
 */
import type { Json } from '../store/types.ts';
import { parseVersion } from '../model/version.ts';

type Obj = { readonly [k: string]: Json };

/** One Event the kubelet records about a container. */
export interface KubeletContainerEvent {
  readonly reason: 'Pulling' | 'Pulled' | 'Created' | 'Started';
  readonly message: string;
  /** `spec.containers{NAME}` (or `spec.initContainers{NAME}`). */
  readonly fieldPath: string;
}

/** What the kubelet knows when it starts the Pod. */
export interface KubeletStart {
  /** The kubelet's version (`v1.35.2`): its Event wording. */
  readonly kubeletVersion: string;
  /** Images the node already has (pulled for an earlier Pod). */
  readonly present: ReadonlySet<string>;
}

function containers(spec: Obj, key: 'initContainers' | 'containers'): readonly Obj[] {
  const v = spec[key];
  return Array.isArray(v) ? (v as readonly Obj[]) : [];
}

/** The kubelet's Events for starting the containers of a Pod with this spec, in order. */
export function kubeletStartEvents(spec: Obj, start: KubeletStart): KubeletContainerEvent[] {
  const newer = parseVersion(start.kubeletVersion).minor >= 35;
  const present = new Set(start.present);
  const out: KubeletContainerEvent[] = [];
  for (const key of ['initContainers', 'containers'] as const)
    for (const c of containers(spec, key)) {
      const name = typeof c['name'] === 'string' ? c['name'] : '';
      const image = typeof c['image'] === 'string' ? c['image'] : '';
      const policy = c['imagePullPolicy'];
      const fieldPath = `spec.${key}{${name}}`;
      const event = (reason: KubeletContainerEvent['reason'], message: string) =>
        out.push({ reason, message, fieldPath });
      // EnsureImageExists: Always pulls every time, IfNotPresent only what the node lacks.
      if (policy === 'Always' || (policy !== 'Never' && !present.has(image)))
        event('Pulling', `Pulling image "${image}"`);
      else
        event(
          'Pulled',
          newer
            ? `Container image "${image}" already present on machine and can be accessed by the pod`
            : `Container image "${image}" already present on machine`,
        );
      present.add(image);
      event('Created', newer ? 'Container created' : `Created container: ${name}`);
      event('Started', newer ? 'Container started' : `Started container ${name}`);
    }
  return out;
}
