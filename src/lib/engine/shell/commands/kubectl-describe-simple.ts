/**
 * `kubectl describe` of the kinds whose description is their own fields: ConfigMap, Secret,
 * Namespace, ServiceAccount, PersistentVolumeClaim (every object of the namespace without names, as for services).
 *
 * upstream (v1.33): staging/src/k8s.io/kubectl/pkg/describe/describe.go (ConfigMapDescriber,
 * SecretDescriber describeSecret: token data shown, other keys as byte counts;
 * NamespaceDescriber describeNamespace with its quota and limit-range lines;
 * ServiceAccountDescriber describeServiceAccount, PersistentVolumeClaimDescriber
 * describePersistentVolumeClaim). Map keys in the order Go's encoding/json
 * would give them (sorted): describe.go ranges over maps, so with several keys kubectl's own
 * order varies from run to run.
 */
import { listObjects, type ApiObject, type ClusterState } from '../../src/index.ts';
import { fromBase64 } from '../../src/pki/der.ts';
import { describedText, refOf } from './kubectl-describe-events.ts';
import { annotationLines, multiline } from './kubectl-describe-maps.ts';

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

function header(obj: ApiObject, namespaced: boolean): string[] {
  return [
    `Name:\t${obj.metadata.name}`,
    ...(namespaced ? [`Namespace:\t${obj.metadata.namespace ?? ''}`] : []),
    ...multiline('Labels', obj.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', obj.metadata.annotations ?? {}),
  ];
}

function configMap(cm: ApiObject): string[] {
  const data = o(cm['data']);
  const binary = o(cm['binaryData']);
  return [
    ...header(cm, true),
    '',
    'Data',
    '====',
    ...Object.keys(data)
      .sort()
      .flatMap((k) => [`${k}:`, '----', text(data[k]), '']),
    '',
    'BinaryData',
    '====',
    ...Object.keys(binary)
      .sort()
      .map((k) => `${k}: ${String(fromBase64(text(binary[k])).length)} bytes`),
    '',
  ];
}

function secret(s: ApiObject): string[] {
  const data = o(s['data']);
  const type = text(s['type']);
  return [
    ...header(s, true),
    '',
    `Type:\t${type}`,
    '',
    'Data',
    '====',
    ...Object.keys(data)
      .sort()
      .map((k) => {
        const bytes = fromBase64(text(data[k]));
        return type === 'kubernetes.io/service-account-token' && k === 'token'
          ? `${k}:\t${String.fromCharCode(...bytes)}`
          : `${k}:\t${String(bytes.length)} bytes`;
      }),
  ];
}

function namespace(ns: ApiObject): string[] {
  return [
    ...header(ns, false),
    `Status:\t${text(o(ns['status'])['phase'])}`,
    '',
    'No resource quota.',
    '',
    'No LimitRange resource.',
  ];
}

function serviceAccount(sa: ApiObject): string[] {
  const pull = arr(sa['imagePullSecrets']).map((r) => text(r['name']));
  const mountable = arr(sa['secrets']).map((r) => text(r['name']));
  const list = (title: string, names: string[]): string[] =>
    names.length === 0
      ? [`${title}:\t<none>`]
      : names.map((n, i) => `${i === 0 ? `${title}:` : ''}\t${n}`);
  return [
    ...header(sa, true),
    ...list('Image pull secrets', pull),
    ...list('Mountable secrets', mountable),
    'Tokens:\t<none>',
  ];
}

/**
 * describePersistentVolumeClaim: capacity and access modes once bound, VolumeMode when set, the
 * Pods of its namespace that mount it (getPodsForPVC), then its Events.
 */
function persistentVolumeClaim(state: ClusterState, pvc: ApiObject): string[] {
  const spec = o(pvc['spec']);
  const status = o(pvc['status']);
  const bound = text(spec['volumeName']) !== '';
  const modes = arr(status['accessModes']).map((m) => text(m));
  const short = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ].filter(([m]) => modes.includes(m ?? ''));
  const users = listObjects(state, 'pods', pvc.metadata.namespace ?? 'default')
    .filter((p) =>
      arr(o(p['spec'])['volumes']).some(
        (v) => text(o(v['persistentVolumeClaim'])['claimName']) === pvc.metadata.name,
      ),
    )
    .map((p) => p.metadata.name);
  return [
    `Name:\t${pvc.metadata.name}`,
    `Namespace:\t${pvc.metadata.namespace ?? ''}`,
    `StorageClass:\t${text(spec['storageClassName'])}`,
    `Status:\t${text(status['phase'])}`,
    `Volume:\t${text(spec['volumeName'])}`,
    ...multiline('Labels', pvc.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', pvc.metadata.annotations ?? {}),
    `Finalizers:\t[${(pvc.metadata.finalizers ?? []).join(' ')}]`,
    `Capacity:\t${bound ? text(o(status['capacity'])['storage']) : ''}`,
    `Access Modes:\t${bound ? short.map(([, x]) => x).join(',') : ''}`,
    ...(spec['volumeMode'] !== undefined ? [`VolumeMode:\t${text(spec['volumeMode'])}`] : []),
    ...(users.length === 0
      ? ['Used By:\t<none>']
      : users.map((u, i) => `${i === 0 ? 'Used By:' : ''}\t${u}`)),
  ];
}

const DESCRIBERS: Readonly<Record<string, (obj: ApiObject, state: ClusterState) => string[]>> = {
  configmaps: configMap,
  secrets: secret,
  namespaces: namespace,
  serviceaccounts: serviceAccount,
  persistentvolumeclaims: (obj, state) => persistentVolumeClaim(state, obj),
};

/** The kinds above whose describers list Events (SecretDescriber and NamespaceDescriber don't). */
const WITH_EVENTS = new Set(['configmaps', 'serviceaccounts', 'persistentvolumeclaims']);

/**
 * The describe text of `obj` when `resource` (a store id) is one of the kinds above, else
 * null; `showEvents` false leaves the Events out.
 */
export function simpleText(
  state: ClusterState,
  resource: string,
  obj: ApiObject,
  showEvents: boolean,
): string | null {
  const describe = Object.hasOwn(DESCRIBERS, resource) ? DESCRIBERS[resource] : undefined;
  if (describe === undefined) return null;
  const ref = showEvents && WITH_EVENTS.has(resource) ? refOf(obj) : null;
  return describedText(state, describe(obj, state), ref);
}
