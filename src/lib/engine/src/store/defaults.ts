/**
 * Defaulting, the per-resource strategy the API server applies on create (the generated
 * SetObjectDefaults_*: pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go): the fields a
 * manifest leaves out but `kubectl get -o yaml` shows, for the kinds the simulator creates
 * (Service, Secret, Pod, Deployment, ReplicaSet, DaemonSet, StatefulSet, PersistentVolumeClaim,
 * Job, CronJob; the Pod and Pod
 * template defaults are in store/pod-defaults.ts).
 */
import type { Json, NewObject } from './types.ts';
import { cronJobSpecDefaults, jobSpecDefaults } from '../objects/job-strategy.ts';
import { podDefaults, podTemplateDefaults } from './pod-defaults.ts';
import { arrAt, isObj, objAt, type JsonObject } from './json-fields.ts';

type Obj = JsonObject;

const podTemplate = podTemplateDefaults;

function service(spec: Obj): Obj {
  const ip = spec['clusterIP'];
  // SetDefaults_Service and the dual-stack defaults leave an ExternalName Service without
  // address families or an internal traffic policy.
  if (spec['type'] === 'ExternalName') return { sessionAffinity: 'None', ...spec };
  return {
    ...(typeof ip === 'string' ? { clusterIPs: [ip] } : {}),
    internalTrafficPolicy: 'Cluster',
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    sessionAffinity: 'None',
    type: 'ClusterIP',
    ...spec,
    ports: arrAt(spec, 'ports').map((p) => ({ protocol: 'TCP', targetPort: p['port'] ?? 0, ...p })),
  };
}

function workload(kind: string, spec: Obj): Obj {
  const template = podTemplate(objAt(spec, 'template'));
  if (kind === 'DaemonSet') {
    const strategy = objAt(spec, 'updateStrategy');
    return {
      revisionHistoryLimit: 10,
      ...spec,
      template,
      updateStrategy: {
        ...strategy,
        ...(strategy['type'] === 'RollingUpdate'
          ? {
              rollingUpdate: {
                maxSurge: 0,
                maxUnavailable: 1,
                ...objAt(strategy, 'rollingUpdate'),
              },
            }
          : {}),
      },
    };
  }
  if (kind === 'Deployment') {
    const strategy = objAt(spec, 'strategy');
    return {
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      ...spec,
      strategy: {
        type: 'RollingUpdate',
        ...strategy,
        rollingUpdate: {
          maxSurge: '25%',
          maxUnavailable: '25%',
          ...objAt(strategy, 'rollingUpdate'),
        },
      },
      template,
    };
  }
  if (kind === 'StatefulSet') return statefulSet(spec, template);
  return { replicas: 1, ...spec, template };
}

/**
 * SetDefaults_StatefulSet (pkg/apis/apps/v1/defaults.go): OrderedReady, RollingUpdate with
 * partition 0, the PVC retention policy Retain/Retain (StatefulSetAutoDeletePVC, on by default
 * since v1.27), 1 replica, 10 revisions; each volumeClaimTemplate is a PersistentVolumeClaim
 * with the core defaults (volumeMode Filesystem) and the empty status the API keeps (Pending).
 */
function statefulSet(spec: Obj, template: Obj): Obj {
  const strategy = objAt(spec, 'updateStrategy');
  const type = typeof strategy['type'] === 'string' ? strategy['type'] : 'RollingUpdate';
  const rolling =
    type === 'RollingUpdate'
      ? { rollingUpdate: { partition: 0, ...objAt(strategy, 'rollingUpdate') } }
      : {};
  const retention = objAt(spec, 'persistentVolumeClaimRetentionPolicy');
  return {
    persistentVolumeClaimRetentionPolicy: {
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
      ...retention,
    },
    podManagementPolicy: 'OrderedReady',
    replicas: 1,
    revisionHistoryLimit: 10,
    ...spec,
    template,
    updateStrategy: { ...strategy, type, ...rolling },
    ...(spec['volumeClaimTemplates'] !== undefined
      ? {
          volumeClaimTemplates: arrAt(spec, 'volumeClaimTemplates').map((c) => ({
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            ...c,
            metadata: { creationTimestamp: null, ...objAt(c, 'metadata') },
            spec: { volumeMode: 'Filesystem', ...objAt(c, 'spec') },
            status: { phase: 'Pending', ...objAt(c, 'status') },
          })),
        }
      : {}),
  };
}

/** The object with the API server's defaults filled in (other kinds unchanged). */
export function withDefaults(o: NewObject): NewObject {
  // SetDefaults_Secret: a Secret without a type is Opaque.
  if (o.kind === 'Secret' && o.apiVersion === 'v1' && o['type'] === undefined)
    return { ...o, type: 'Opaque' };
  const spec = o['spec'];
  if (!isObj(spec as Json)) return o;
  const s = spec as Obj;
  if (o.kind === 'Service' && o.apiVersion === 'v1') return { ...o, spec: service(s) };
  // SetDefaults_PersistentVolumeClaim: volumeMode Filesystem; a new claim is Pending.
  if (o.kind === 'PersistentVolumeClaim' && o.apiVersion === 'v1')
    return {
      ...o,
      spec: { volumeMode: 'Filesystem', ...s },
      status: { phase: 'Pending', ...objAt(o as Obj, 'status') },
    };
  // The cluster's own Pods are compact records, served whole by objects/pod-object.ts.
  const user = (o['simulator'] as { user?: boolean } | undefined)?.user === true;
  if (o.kind === 'Pod' && o.apiVersion === 'v1' && user) return { ...o, spec: podDefaults(s) };
  if (
    o.apiVersion === 'apps/v1' &&
    ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'].includes(o.kind)
  )
    return { ...o, spec: workload(o.kind, s) };
  // batch/v1 (objects/job-strategy.ts): a CronJob's jobTemplate gets Pod defaults only.
  if (o.apiVersion === 'batch/v1' && o.kind === 'Job')
    return { ...o, spec: { ...jobSpecDefaults(s), template: podTemplate(objAt(s, 'template')) } };
  if (o.apiVersion === 'batch/v1' && o.kind === 'CronJob') {
    const jt = objAt(s, 'jobTemplate');
    const jobSpec = objAt(jt, 'spec');
    const jobTemplate = {
      ...jt,
      metadata: { creationTimestamp: null, ...objAt(jt, 'metadata') },
      spec: { ...jobSpec, template: podTemplate(objAt(jobSpec, 'template')) },
    };
    return { ...o, spec: { ...cronJobSpecDefaults(s), jobTemplate } };
  }
  return o;
}
