/**
 * The parts of kubeadm's etcd static Pod besides its command line (cmd/kubeadm/app/phases/etcd/
 * local.go GetEtcdPodSpec with cmd/kubeadm/app/util/staticpod/utils.go): the advertise-URL
 * annotation, the HTTP probes on the metrics port (liveness /livez, readiness and startup
 * /readyz), the resource requests, and the two hostPath volumes, `etcd-data` (the data dir, the
 * one the etcd restore task on kubernetes.io edits) and `etcd-certs`. YAML keys in the order
 * sigs.k8s.io/yaml writes them (alphabetical).
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

function httpProbe(
  kind: string,
  path: string,
  o: { initialDelay?: number; failure: number; period: number },
): string {
  return [
    `    ${kind}:`,
    `      failureThreshold: ${o.failure}`,
    '      httpGet:',
    '        host: 127.0.0.1',
    `        path: ${path}`,
    '        port: 2381',
    '        scheme: HTTP',
    ...(o.initialDelay === undefined ? [] : [`      initialDelaySeconds: ${o.initialDelay}`]),
    `      periodSeconds: ${o.period}`,
    '      timeoutSeconds: 15',
  ].join('\n');
}

/** The etcd Pod's parts for a member advertising `ip`, data in `dataDir`. */
export function etcdPodParts(ip: string, dataDir = '/var/lib/etcd'): PodParts {
  return {
    annotations: `  annotations:\n    kubeadm.kubernetes.io/etcd.advertise-client-urls: https://${ip}:2379\n`,
    // staticpodutil.LivenessProbe: 10s delay, 15s timeout, 8 failures, every 10s.
    beforeName: `${httpProbe('livenessProbe', '/livez', { initialDelay: 10, failure: 8, period: 10 })}\n`,
    afterName: [
      // ReadinessProbe: 3 failures, every second; StartupProbe: 24 failures = the 4m0s
      // control-plane timeout at 10s a probe.
      httpProbe('readinessProbe', '/readyz', { failure: 3, period: 1 }),
      '    resources:',
      '      requests:',
      '        cpu: 100m',
      '        memory: 100Mi',
      httpProbe('startupProbe', '/readyz', { initialDelay: 10, failure: 24, period: 10 }),
      '    volumeMounts:',
      `    - mountPath: ${dataDir}`,
      '      name: etcd-data',
      '    - mountPath: /etc/kubernetes/pki/etcd',
      '      name: etcd-certs',
      '',
    ].join('\n'),
    volumes: [
      '  volumes:',
      '  - hostPath:',
      '      path: /etc/kubernetes/pki/etcd',
      '      type: DirectoryOrCreate',
      '    name: etcd-certs',
      '  - hostPath:',
      `      path: ${dataDir}`,
      '      type: DirectoryOrCreate',
      '    name: etcd-data',
      '',
    ].join('\n'),
  };
}
