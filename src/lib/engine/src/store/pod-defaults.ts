/**
 * The Pod defaults kube-apiserver fills in when it decodes a Pod or a Pod template (the
 * generated SetObjectDefaults_Pod / SetObjectDefaults_PodTemplate call these in this order):
 * the fields `kubectl get pod -o yaml` shows although the manifest left them out.
 *
 * upstream (kubernetes v1.35.0): pkg/apis/core/v1/defaults.go (SetDefaults_Pod,
 * SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction,
 * SetDefaults_Volume, SetDefaults_{Secret,ConfigMap,DownwardAPI,Projected}VolumeSource,
 * SetDefaults_ServiceAccountTokenProjection, SetDefaults_HostPathVolumeSource,
 * SetDefaults_ObjectFieldSelector, defaultHostNetworkPorts), pkg/apis/core/v1/
 * zz_generated.defaults.go (ContainerPort.Protocol "TCP"), pkg/util/parsers/parsers.go
 * ParseImageName (no tag and no digest means the tag "latest").
 */
import { arrAt, isObj, objAt, type JsonObject } from './json-fields.ts';

type Obj = JsonObject;
/** `{k: f(o[k])}` when `o` has `k`, else nothing: a default never adds a list the writer left out. */
const mapList = (o: Obj, k: string, f: (x: Obj) => Obj): Obj =>
  Array.isArray(o[k]) ? { [k]: arrAt(o, k).map(f) } : {};
const mapObj = (o: Obj, k: string, f: (x: Obj) => Obj): Obj =>
  isObj(o[k]) ? { [k]: f(objAt(o, k)) } : {};

/**
 * The tag of an image reference as ParseImageName reads it: the text after the last `:` of the
 * last path component, `latest` when there is neither a tag nor a digest, empty with a digest
 * only (`nginx@sha256:…`). A registry port (`registry:5000/nginx`) is not a tag.
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const last = named.slice(named.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon >= 0) return last.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

/** SetDefaults_Container's pull policy: Always for the tag `latest`, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): string {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

/** SetDefaults_HTTPGetAction: path `/`, scheme HTTP. */
function httpGet(h: Obj): Obj {
  return { path: '/', scheme: 'HTTP', ...h };
}

/** SetDefaults_Probe (and its handler's httpGet). */
function probe(p: Obj): Obj {
  return {
    failureThreshold: 3,
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 1,
    ...p,
    ...mapObj(p, 'httpGet', httpGet),
  };
}

/** SetDefaults_ObjectFieldSelector: a fieldRef names apiVersion v1. */
function fieldRefItem(item: Obj): Obj {
  return { ...item, ...mapObj(item, 'fieldRef', (f) => ({ apiVersion: 'v1', ...f })) };
}

function envVar(e: Obj): Obj {
  return { ...e, ...mapObj(e, 'valueFrom', fieldRefItem) };
}

/** SetDefaults_Container, the generated port protocol and probe defaults. */
function container(c: Obj): Obj {
  const image = typeof c['image'] === 'string' ? c['image'] : '';
  return {
    imagePullPolicy: defaultPullPolicy(image),
    // ResourceRequirements is a struct in Go: encoded as `{}` when empty.
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...c,
    ...mapList(c, 'ports', (p) => ({ protocol: 'TCP', ...p })),
    ...mapList(c, 'env', envVar),
    ...mapObj(c, 'livenessProbe', probe),
    ...mapObj(c, 'readinessProbe', probe),
    ...mapObj(c, 'startupProbe', probe),
  };
}

function projectedSource(s: Obj): Obj {
  return {
    ...s,
    ...mapObj(s, 'serviceAccountToken', (t) => ({ expirationSeconds: 3600, ...t })),
    ...mapObj(s, 'downwardAPI', (d) => ({ ...d, ...mapList(d, 'items', fieldRefItem) })),
  };
}

/** SetDefaults_Volume and the volume sources' defaults (mode 0644 is 420). */
function volume(v: Obj): Obj {
  const withMode = (k: string, more: (x: Obj) => Obj = (x) => x): Obj =>
    mapObj(v, k, (s) => more({ defaultMode: 420, ...s }));
  // A volume without a source is an emptyDir.
  const hasSource = Object.keys(v).some((k) => k !== 'name');
  return {
    ...(hasSource ? {} : { emptyDir: {} }),
    ...v,
    ...withMode('configMap'),
    ...withMode('secret'),
    ...withMode('downwardAPI', (d) => ({ ...d, ...mapList(d, 'items', fieldRefItem) })),
    ...withMode('projected', (p) => ({ ...p, ...mapList(p, 'sources', projectedSource) })),
    ...mapObj(v, 'hostPath', (h) => ({ type: '', ...h })),
  };
}

/** SetDefaults_PodSpec and what it reaches (containers, volumes): a Pod template's spec. */
export function podSpecDefaults(spec: Obj): Obj {
  return {
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    ...spec,
    containers: arrAt(spec, 'containers').map(container),
    ...mapList(spec, 'initContainers', container),
    ...mapList(spec, 'volumes', volume),
  };
}

/** Requests default to limits for what a container limits but does not request. */
function requestsFromLimits(c: Obj): Obj {
  const resources = objAt(c, 'resources');
  const limits = objAt(resources, 'limits');
  if (Object.keys(limits).length === 0) return c;
  return {
    ...c,
    resources: { ...resources, requests: { ...limits, ...objAt(resources, 'requests') } },
  };
}

/** defaultHostNetworkPorts: with host networking every container port is also a host port. */
function hostPorts(c: Obj): Obj {
  return {
    ...c,
    ...mapList(c, 'ports', (p) =>
      p['hostPort'] ? p : { ...p, hostPort: p['containerPort'] ?? 0 },
    ),
  };
}

/** A Pod's spec with SetDefaults_Pod on top of the Pod spec defaults. */
export function podDefaults(spec: Obj): Obj {
  const s = podSpecDefaults(spec);
  const host = s['hostNetwork'] === true;
  const each = (c: Obj): Obj => (host ? hostPorts(requestsFromLimits(c)) : requestsFromLimits(c));
  return {
    enableServiceLinks: true,
    ...s,
    containers: arrAt(s, 'containers').map(each),
    ...mapList(s, 'initContainers', each),
  };
}

/** A Pod template (`spec.template` of a workload) with the Pod spec defaults. */
export function podTemplateDefaults(t: Obj): Obj {
  return {
    ...t,
    metadata: { creationTimestamp: null, ...objAt(t, 'metadata') },
    spec: podSpecDefaults(objAt(t, 'spec')),
  };
}
