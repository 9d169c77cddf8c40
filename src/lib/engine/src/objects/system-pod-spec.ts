/**
 * The spec of the cluster's own controller-made Pods (CoreDNS from its ReplicaSet, kube-proxy and
 * flannel from their DaemonSets) as the API serves it: the workload's Pod template as the
 * controller copies it, the API server's Pod defaults (store/pod-defaults.ts), then the default
 * admission plugins (store/pod-admission.ts): the ServiceAccount's token volume and mounts, the
 * PriorityClass's priority. Mirror Pods of static Pods are not built here: the ServiceAccount
 * plugin leaves them alone.
 *
 * upstream (kubernetes v1.35.0): pkg/controller/controller_utils.go GetPodFromTemplate (the
 * ReplicaSet's and DaemonSet's Pods), pkg/controller/daemon/util/daemonset_util.go
 * ReplaceDaemonSetPodNodeNameNodeAffinity (a DaemonSet Pod's required node affinity on
 * metadata.name), plugin/pkg/admission/serviceaccount/admission.go, plugin/pkg/admission/
 * priority/admission.go; kubeadm's manifests in cmd/kubeadm/app/phases/addons/dns/manifests.go
 * and addons/proxy/manifests.go give the templates (kubeadm/api-objects).
 *
 * The token volume's five random characters come from the engine's generator seeded by the
 * Pod's uid: these Pods are compact records (state/pods.ts), so the name is derived, the same at
 * every read, instead of stored.
 */
import { hash64 } from '../etcd/model.ts';
import { createRng, NAME_SUFFIX_ALPHABET } from '../random.ts';
import { podDefaults } from '../store/pod-defaults.ts';
import {
  SERVICE_ACCOUNT_MOUNT_PATH,
  SERVICE_ACCOUNT_VOLUME_PREFIX,
  tokenVolume,
} from '../store/pod-admission.ts';
import type { ApiObject, Json } from '../store/types.ts';

type Obj = { readonly [k: string]: Json };

const defaulted = new WeakMap<ApiObject, Obj>();

/** The workload's Pod template spec with the Pod defaults, computed once per stored workload. */
function templateSpec(workload: ApiObject): Obj {
  const hit = defaulted.get(workload);
  if (hit) return hit;
  const template = ((workload['spec'] as Obj | undefined)?.['template'] ?? {}) as Obj;
  const spec = podDefaults((template['spec'] ?? {}) as Obj);
  defaulted.set(workload, spec);
  return spec;
}

/** The token volume's name of the Pod with this uid. */
function tokenVolumeName(uid: string): string {
  const seed = parseInt(hash64(`${uid}/kube-api-access`).slice(0, 8), 16);
  return SERVICE_ACCOUNT_VOLUME_PREFIX + createRng(seed).pick(NAME_SUFFIX_ALPHABET, 5);
}

/** What differs between the Pods of one workload. */
export interface SystemPodParts {
  readonly uid: string;
  readonly node: string | null;
  /** The image its container runs now (objects/pod-object.ts podImage). */
  readonly image: string;
  readonly tolerations: Json;
  readonly priority: number;
  /** A DaemonSet's Pod: pinned to its node by required node affinity. */
  readonly daemon: boolean;
}

/** The served spec of one of `workload`'s Pods. */
export function systemPodSpec(workload: ApiObject, parts: SystemPodParts): Obj {
  const base = templateSpec(workload);
  const account =
    typeof base['serviceAccountName'] === 'string' ? base['serviceAccountName'] : 'default';
  const volume = tokenVolumeName(parts.uid);
  const mount = { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volume, readOnly: true };
  const withMount = (c: Obj): Obj => ({
    ...c,
    volumeMounts: [...((c['volumeMounts'] ?? []) as readonly Obj[]), mount],
  });
  const containers = ((base['containers'] ?? []) as readonly Obj[]).map((c, i) =>
    withMount(i === 0 && parts.image !== '' ? { ...c, image: parts.image } : c),
  );
  // The plugin mounts the token in the init containers too.
  const init = Array.isArray(base['initContainers'])
    ? { initContainers: (base['initContainers'] as readonly Obj[]).map(withMount) }
    : {};
  // ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become the node's name alone.
  const own = (base['affinity'] ?? {}) as Obj;
  const affinity =
    parts.daemon && parts.node !== null
      ? {
          affinity: {
            ...own,
            nodeAffinity: {
              ...((own['nodeAffinity'] ?? {}) as Obj),
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchFields: [{ key: 'metadata.name', operator: 'In', values: [parts.node] }] },
                ],
              },
            },
          },
        }
      : {};
  return {
    ...base,
    ...affinity,
    containers,
    ...init,
    ...(parts.node !== null ? { nodeName: parts.node } : {}),
    preemptionPolicy: 'PreemptLowerPriority',
    priority: parts.priority,
    serviceAccount: account,
    serviceAccountName: account,
    tolerations: parts.tolerations,
    volumes: [...((base['volumes'] ?? []) as readonly Obj[]), tokenVolume(volume)],
  };
}
