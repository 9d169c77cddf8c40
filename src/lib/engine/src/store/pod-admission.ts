/**
 * The mutating admission plugins kube-apiserver enables by default that change a Pod on create,
 * in the order the default plugin chain runs them (pkg/kubeapiserver/options/plugins.go
 * AllOrderedPlugins): ServiceAccount, DefaultTolerationSeconds, Priority.
 *
 * upstream (kubernetes v1.35.0):
 * - plugin/pkg/admission/serviceaccount/admission.go: `serviceAccountName: default` when unset;
 *   unless the Pod or its ServiceAccount turns automounting off, the projected volume
 *   `kube-api-access-<5 random characters>` (names.SimpleNameGenerator) from TokenVolumeSource
 *   (defaultMode 420; token with expirationSeconds 3607, serviceaccount.
 *   WarnOnlyBoundTokenExpirationSeconds; ca.crt of ConfigMap kube-root-ca.crt; the namespace
 *   from the downward API) and its read-only mount at /var/run/secrets/kubernetes.io/
 *   serviceaccount in every init and app container without a mount there. Mirror Pods
 *   (annotation kubernetes.io/config.mirror) are left alone.
 * - pkg/apis/core/v1/conversion.go: the v1 Pod also carries the deprecated `serviceAccount`,
 *   copied from serviceAccountName.
 * - plugin/pkg/admission/defaulttolerationseconds/admission.go: not-ready and unreachable
 *   NoExecute tolerations for 300 s unless the Pod tolerates them already.
 * - plugin/pkg/admission/priority/admission.go: priority from priorityClassName's PriorityClass,
 *   else from the globalDefault one, else 0 (DefaultPriorityWhenNoDefaultClassExists), and the
 *   class's preemptionPolicy (PreemptLowerPriority by default).
 */
import { createRng, NAME_SUFFIX_ALPHABET } from '../random.ts';
import { defaultTolerationSeconds } from '../objects/pod-tolerations.ts';
import type { Toleration } from '../controllers/tolerations.ts';
import { readStored, scanStored, type ObjectStore } from './buckets.ts';
import type { Json, NewObject } from './types.ts';

type Obj = { readonly [k: string]: Json };

/** Where the ServiceAccount plugin mounts the token (DefaultAPITokenMountPath). */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The prefix of the token volume's generated name (ServiceAccountVolumeName + "-"). */
export const SERVICE_ACCOUNT_VOLUME_PREFIX = 'kube-api-access-';
/** PriorityClass objects in the store. */
const PRIORITY_CLASSES = 'priorityclasses.scheduling.k8s.io';

const list = (o: Obj, k: string): readonly Obj[] => {
  const v = o[k];
  return Array.isArray(v) ? (v as readonly Obj[]) : [];
};

/** TokenVolumeSource: the projected volume of the bound service account token. */
export function tokenVolume(name: string): Obj {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [
              {
                fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                path: 'namespace',
              },
            ],
          },
        },
      ],
    },
  };
}

/** shouldAutomount: the Pod's preference wins, then the ServiceAccount's, else true. */
function automount(spec: Obj, account: Obj | undefined): boolean {
  const own = spec['automountServiceAccountToken'];
  if (typeof own === 'boolean') return own;
  const sa = account?.['automountServiceAccountToken'];
  return typeof sa === 'boolean' ? sa : true;
}

/** mountServiceAccountToken: the volume (once) and a mount in every container lacking one. */
function mountToken(spec: Obj, volumeName: () => string): Obj {
  const volumes = list(spec, 'volumes');
  const existing = volumes.find((v) => {
    const n = v['name'];
    return typeof n === 'string' && n.startsWith(SERVICE_ACCOUNT_VOLUME_PREFIX);
  });
  const name = typeof existing?.['name'] === 'string' ? existing['name'] : volumeName();
  const mount = { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name, readOnly: true };
  let needed = false;
  const withMount = (c: Obj): Obj => {
    const mounts = list(c, 'volumeMounts');
    if (mounts.some((m) => m['mountPath'] === SERVICE_ACCOUNT_MOUNT_PATH)) return c;
    needed = true;
    return { ...c, volumeMounts: [...mounts, mount] };
  };
  const init = spec['initContainers'] !== undefined;
  const initContainers = list(spec, 'initContainers').map(withMount);
  const containers = list(spec, 'containers').map(withMount);
  return {
    ...spec,
    ...(init ? { initContainers } : {}),
    containers,
    ...(needed && !existing ? { volumes: [...volumes, tokenVolume(name)] } : {}),
  };
}

/** The Priority plugin's class for the Pod: its own, else the global default; none: undefined. */
function priorityClass(store: ObjectStore | undefined, spec: Obj): Obj | undefined {
  const named = spec['priorityClassName'];
  if (typeof named === 'string' && named !== '')
    return readStored(store, PRIORITY_CLASSES, null, named) as unknown as Obj | undefined;
  const global = [...scanStored(store, PRIORITY_CLASSES)].find(
    (pc) => pc['globalDefault'] === true,
  );
  return global as unknown as Obj | undefined;
}

function withPriority(store: ObjectStore | undefined, spec: Obj): Obj {
  const named = spec['priorityClassName'];
  const pc = priorityClass(store, spec);
  // A class the store does not have: the real plugin refuses the Pod; left as written here.
  if (typeof named === 'string' && named !== '' && !pc) return spec;
  const value = typeof pc?.['value'] === 'number' ? pc['value'] : 0;
  const policy =
    typeof pc?.['preemptionPolicy'] === 'string' ? pc['preemptionPolicy'] : 'PreemptLowerPriority';
  const className = (pc?.['metadata'] as Obj | undefined)?.['name'];
  return {
    ...spec,
    ...(typeof className === 'string' ? { priorityClassName: className } : {}),
    preemptionPolicy: spec['preemptionPolicy'] ?? policy,
    priority: value,
  };
}

/** The Pod's ServiceAccount: its own, else the plugin's `default`. */
function accountOf(spec: Obj): string {
  const named = spec['serviceAccountName'];
  return typeof named === 'string' && named !== '' ? named : 'default';
}

/**
 * Why the admission chain refuses a new Pod, as the Forbidden Status says it (`pods "x" is
 * forbidden: …`, admission.NewForbidden), or null: the ServiceAccount plugin when the Pod's
 * ServiceAccount does not exist (getServiceAccount's NotFound; every namespace has `default`),
 * then the Priority plugin when the PriorityClass it names does not exist or its spec.priority
 * differs from the class's value. Mirror Pods are not looked at here. The Pod is named as
 * admission.NewForbidden names it (plugin/pkg/admission/errors.go extractResourceName).
 */
export function podAdmissionError(store: ObjectStore | undefined, pod: NewObject): string | null {
  if (isMirror(pod)) return null;
  const spec = (pod['spec'] ?? {}) as Obj;
  const namespace = pod.metadata.namespace ?? 'default';
  // extractResourceName: before the name is generated, a controller's Pod goes by generateName.
  const who = pod.metadata.name !== '' ? pod.metadata.name : (pod.metadata.generateName ?? '');
  const forbidden = (why: string): string => `pods "${who}" is forbidden: ${why}`;
  const account = accountOf(spec);
  if (account !== 'default' && !readStored(store, 'serviceaccounts', namespace, account))
    return forbidden(
      `error looking up service account ${namespace}/${account}: serviceaccount "${account}" not found`,
    );
  const named = spec['priorityClassName'];
  const pc = priorityClass(store, spec);
  if (typeof named === 'string' && named !== '' && !pc)
    return forbidden(`no PriorityClass with name ${named} was found`);
  const value = typeof pc?.['value'] === 'number' ? pc['value'] : 0;
  const own = spec['priority'];
  if (typeof own === 'number' && own !== value)
    return forbidden(
      `the integer value of priority (${own}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`,
    );
  return null;
}

/** Whether the Pod is a static Pod's mirror (kubernetes.io/config.mirror). */
function isMirror(pod: NewObject): boolean {
  const a = pod.metadata.annotations;
  return a !== undefined && Object.hasOwn(a, 'kubernetes.io/config.mirror');
}

/**
 * A new Pod through the admission chain: the Pod as stored and the RNG state after drawing the
 * token volume's name (unchanged when nothing was drawn).
 */
export function admitPod(
  store: ObjectStore | undefined,
  rng: number,
  pod: NewObject,
): { readonly pod: NewObject; readonly rng: number } {
  const spec = (pod['spec'] ?? {}) as Obj;
  const namespace = pod.metadata.namespace ?? 'default';
  let nextRng = rng;
  let s: Obj = spec;
  if (!isMirror(pod)) {
    const accountName = accountOf(spec);
    const account = readStored(store, 'serviceaccounts', namespace, accountName) as unknown as
      Obj | undefined;
    s = { ...s, serviceAccount: accountName, serviceAccountName: accountName };
    if (automount(s, account))
      s = mountToken(s, () => {
        const r = createRng(rng);
        const name = SERVICE_ACCOUNT_VOLUME_PREFIX + r.pick(NAME_SUFFIX_ALPHABET, 5);
        nextRng = r.state;
        return name;
      });
  }
  const own: readonly Toleration[] = list(s, 'tolerations');
  const tolerations = defaultTolerationSeconds(own);
  s = { ...s, tolerations };
  s = withPriority(store, s);
  return { pod: { ...pod, spec: s }, rng: nextRng };
}
