// kubeadm's kube-apiserver, kube-controller-manager and kube-scheduler static Pods on Ubuntu:
// cmd/kubeadm/app/phases/controlplane/manifests.go GetStaticPodSpecs (probes, requests, the
// apiserver's advertise-address annotation), manifests_test.go TestGetStaticPodSpecs (probes on
// the named port `probe-port`, one container port per component, a readiness probe for the
// apiserver and the scheduler only), volumes.go (certificate dir, /etc/ssl/certs and the
// Debian-family CA directories; the controller manager's flexvolume dir and kubeconfig; the
// scheduler's kubeconfig), staticpod/utils.go (probe timings, mounts sorted by name).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

async function manifest(name: string): Promise<string> {
  const s = createSession({ scenario: 'control-plane-initialized' });
  return (await s.run(`cat /etc/kubernetes/manifests/${name}.yaml`)).stdout;
}

describe('control-plane static Pod manifests', () => {
  it('probes the apiserver on its advertise address through the named probe port', async () => {
    const m = await manifest('kube-apiserver');

    expect(m).toContain(
      'metadata:\n  annotations:\n    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: 10.0.0.11:6443\n  labels:\n',
    );
    expect(m).toContain(
      '    livenessProbe:\n      failureThreshold: 8\n      httpGet:\n        host: 10.0.0.11\n        path: /livez\n        port: probe-port\n        scheme: HTTPS\n      initialDelaySeconds: 10\n      periodSeconds: 10\n      timeoutSeconds: 15\n    name: kube-apiserver\n    ports:\n    - containerPort: 6443\n      name: probe-port\n      protocol: TCP\n    readinessProbe:\n      failureThreshold: 3\n',
    );
    expect(m).toContain(
      '    resources:\n      requests:\n        cpu: 250m\n    startupProbe:\n      failureThreshold: 24\n',
    );
    expect(m).toContain(
      '    volumeMounts:\n    - mountPath: /etc/ssl/certs\n      name: ca-certs\n      readOnly: true\n    - mountPath: /etc/ca-certificates\n      name: etc-ca-certificates\n      readOnly: true\n    - mountPath: /etc/kubernetes/pki\n      name: k8s-certs\n      readOnly: true\n',
    );
    expect(m).toMatch(
      /  volumes:\n  - hostPath:\n      path: \/etc\/ssl\/certs\n      type: DirectoryOrCreate\n    name: ca-certs\n/,
    );
  });

  it('gives the controller manager liveness and startup probes only, its flexvolume dir and kubeconfig', async () => {
    const m = await manifest('kube-controller-manager');

    expect(m).not.toContain('readinessProbe');
    expect(m).toContain(
      '        path: /healthz\n        port: probe-port\n        scheme: HTTPS\n',
    );
    expect(m).toContain('    - containerPort: 10257\n');
    expect(m).toContain('        cpu: 200m\n');
    expect(m).toContain(
      '    - mountPath: /usr/libexec/kubernetes/kubelet-plugins/volume/exec\n      name: flexvolume-dir\n    - mountPath: /etc/kubernetes/pki\n',
    );
    expect(m).toContain(
      '  - hostPath:\n      path: /etc/kubernetes/controller-manager.conf\n      type: FileOrCreate\n    name: kubeconfig\n',
    );
  });

  it('probes the scheduler on /livez and /readyz and mounts only its kubeconfig', async () => {
    const m = await manifest('kube-scheduler');

    expect(m).toContain(
      '        host: 127.0.0.1\n        path: /readyz\n        port: probe-port\n',
    );
    expect(m).toContain('    - containerPort: 10259\n');
    expect(m).toContain('        cpu: 100m\n');
    expect(m).toMatch(
      /    volumeMounts:\n    - mountPath: \/etc\/kubernetes\/scheduler.conf\n      name: kubeconfig\n      readOnly: true\n  hostNetwork: true\n/,
    );
  });
});
