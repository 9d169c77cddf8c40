/**
 * Building blocks of kubeadm's static Pod manifests besides the command line
 * (cmd/kubeadm/app/util/staticpod/utils.go LivenessProbe/ReadinessProbe/StartupProbe/
 * ComponentResources, phases/controlplane/volumes.go): the HTTP probes on the container's named
 * `probe-port` (manifests_test.go TestGetStaticPodSpecs expects that port name and one container
 * port per component), resource requests, and hostPath volumes with their mounts sorted by name
 * (VolumeMountMapToSlice / VolumeMapToSlice). YAML keys in the order sigs.k8s.io/yaml writes them
 * (alphabetical).
 */

/** Where kubeadm puts the pieces in the Pod YAML. */
export interface PodParts {
  /** Lines under `metadata:` before `labels:` (indented two spaces). */
  readonly annotations: string;
  /** Container fields sorting before `name:` (four-space indent). */
  readonly beforeName: string;
  /** Container fields sorting after `name:`. */
  readonly afterName: string;
  /** `volumes:` of the Pod spec, after `securityContext:`. */
  readonly volumes: string;
}

/** One HTTP probe (staticpodutil: 15 s timeout; liveness and startup wait 10 s first). */
export interface Probe {
  readonly host: string;
  /** `probe-port` (the container's named port) or a number. */
  readonly port: string | number;
  readonly path: string;
  readonly scheme: 'HTTP' | 'HTTPS';
  readonly initialDelay?: number;
  readonly failure: number;
  readonly period: number;
}

/** The probe's YAML under the container (four-space indent). */
export function httpProbe(kind: string, p: Probe): string {
  return [
    `    ${kind}:`,
    `      failureThreshold: ${p.failure}`,
    '      httpGet:',
    `        host: ${p.host}`,
    `        path: ${p.path}`,
    `        port: ${p.port}`,
    `        scheme: ${p.scheme}`,
    ...(p.initialDelay === undefined ? [] : [`      initialDelaySeconds: ${p.initialDelay}`]),
    `      periodSeconds: ${p.period}`,
    '      timeoutSeconds: 15',
  ].join('\n');
}

/** Where a component is probed. */
export type Target = Pick<Probe, 'host' | 'port' | 'scheme'>;

/** LivenessProbe: 10 s delay, 8 failures, every 10 s. */
export const liveness = (t: Target, path: string): string =>
  httpProbe('livenessProbe', { ...t, path, initialDelay: 10, failure: 8, period: 10 });
/** ReadinessProbe: 3 failures, every second. */
export const readiness = (t: Target, path: string): string =>
  httpProbe('readinessProbe', { ...t, path, failure: 3, period: 1 });
/** StartupProbe: 24 failures at 10 s = the 4m0s control-plane timeout. */
export const startup = (t: Target, path: string): string =>
  httpProbe('startupProbe', { ...t, path, initialDelay: 10, failure: 24, period: 10 });

/** The container's `ports:` entry that names the probed port. */
export function probePort(containerPort: number): string {
  return [
    '    ports:',
    `    - containerPort: ${containerPort}`,
    '      name: probe-port',
    '      protocol: TCP',
  ].join('\n');
}

/** `resources.requests` (ComponentResources: CPU only, or CPU and memory for etcd). */
export function requests(cpu: string, memory?: string): string {
  return [
    '    resources:',
    '      requests:',
    `        cpu: ${cpu}`,
    ...(memory === undefined ? [] : [`        memory: ${memory}`]),
  ].join('\n');
}

/** A hostPath volume and its mount. */
export interface HostPathVolume {
  readonly name: string;
  readonly path: string;
  readonly type: 'DirectoryOrCreate' | 'FileOrCreate';
  readonly readOnly: boolean;
}

/** `volumeMounts:` of the container, in the given order. */
export function volumeMounts(vs: readonly HostPathVolume[]): string {
  return [
    '    volumeMounts:',
    ...vs.flatMap((v) => [
      `    - mountPath: ${v.path}`,
      `      name: ${v.name}`,
      ...(v.readOnly ? ['      readOnly: true'] : []),
    ]),
  ].join('\n');
}

/** `volumes:` of the Pod, in the given order (ends with a newline). */
export function hostPathVolumes(vs: readonly HostPathVolume[]): string {
  return [
    '  volumes:',
    ...vs.flatMap((v) => [
      '  - hostPath:',
      `      path: ${v.path}`,
      `      type: ${v.type}`,
      `    name: ${v.name}`,
    ]),
    '',
  ].join('\n');
}
