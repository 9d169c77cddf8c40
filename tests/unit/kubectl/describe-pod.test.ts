/**
 * `kubectl describe pod` and the describe command around it
 * (staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod, describeContainers,
 * describeVolumes, printTolerationsMultilineWithIndent, printAnnotationsMultiline, DescribeProbe;
 * staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go Run and DescribeMatchingResources).
 * Judged identical by the real kubectl in parity corpus/describe-pods.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/lib/engine/shell/index.ts';
import {
  containerLines,
  probeText,
} from '../../../src/lib/engine/shell/commands/kubectl-describe-containers.ts';
import {
  annotationLines,
  tolerationLines,
} from '../../../src/lib/engine/shell/commands/kubectl-describe-maps.ts';
import { resourceFieldValue } from '../../../src/lib/engine/shell/commands/kubectl-describe-values.ts';

const PENDING = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: pending
spec:
  nodeSelector:
    disktype: ssd
  containers:
  - name: nginx
    image: nginx:1.27
EOF`;

describe('kubectl describe pod', () => {
  it('prints a mirror Pod with the static Pod’s controller and no Events', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe pod -n kube-system etcd-cp-1');

    expect(r.stdout).toMatch(
      /^Name:                 etcd-cp-1\nNamespace:            kube-system\n/,
    );
    expect(r.stdout).toContain('\nIPs:\n  IP:           10.0.0.11\nControlled By:  Node/cp-1\n');
    // The kubelet's conditions end the tabwriter block that Volumes … Events continue.
    expect(r.stdout).toContain(
      '\nConditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n  Initialized                 True \n  Ready                       True \n  ContainersReady             True \n  PodScheduled                True \n',
    );
    expect(r.stdout).toMatch(/\nTolerations: {18}:NoExecute op=Exists\nEvents: {23}<none>\n$/);
  });

  it('prints a Pod no node can take as Pending with no node, no IPs and the scheduler’s Warning', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(PENDING);

    const r = await s.run('kubectl describe pod pending');

    // The admission chain gave it a priority and a ServiceAccount: their rows set the width.
    expect(r.stdout).toContain(
      '\nPriority:         0\nService Account:  default\nNode:             <none>\n',
    );
    expect(r.stdout).toContain(
      '\nStatus:           Pending\nIP:               \nIPs:              <none>\n',
    );
    expect(r.stdout).toContain('\nConditions:\n  Type           Status\n  PodScheduled   False \n');
    expect(r.stdout).toMatch(
      /\n {2}Warning {2}FailedScheduling {2}\d+s +default-scheduler {2}0\/3 nodes/,
    );
  });

  it('leaves the Events out with --show-events=false', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe pods -n kube-system etcd-cp-1 --show-events=false');

    expect(r.stdout).not.toContain('Events:');
    expect(r.stdout).toMatch(/\nTolerations: {18}:NoExecute op=Exists\n$/);
  });
});

describe('kubectl describe command', () => {
  it('describes the Pods whose names start with a missing name, each followed by a blank line', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe pods -n kube-system kube-controller');

    expect(r.stdout).toMatch(/^Name: +kube-controller-manager-cp-1\n/);
    expect(r.stdout.endsWith('\n\n')).toBe(true);
    expect(r.exitCode).toBe(0);
  });

  it('prints NotFound for a missing name and no prefix match', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe pods nope');

    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('describes the found names of several, without Events, and fails for the missing one', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(
      'kubectl describe pods -n kube-system etcd-cp-1 nope kube-scheduler-cp-1',
    );

    expect(r.stdout.match(/^Name:/gm)).toHaveLength(2);
    expect(r.stdout).toContain('\n\n\nName:                 kube-scheduler-cp-1\n');
    expect(r.stdout).not.toContain('Events:');
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('says no resources were found for a selector that matches nothing', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe pods -n kube-flannel -l nope=x');

    expect(r.stderr).toBe('No resources found in kube-flannel namespace.\n');
    expect(r.exitCode).toBe(0);
  });

  it('refuses names with a selector, names across all namespaces, and flags describe lacks', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const selector = await s.run('kubectl describe pods -l component=etcd etcd-cp-1');
    const all = await s.run('kubectl describe pods -A etcd-cp-1');
    const field = await s.run('kubectl describe pods --field-selector spec.nodeName=cp-1');

    expect(selector.stderr).toBe('error: name cannot be provided when a selector is specified\n');
    expect(all.stderr).toBe(
      'error: a resource cannot be retrieved by name across all namespaces\n',
    );
    expect(field.stderr).toMatch(/^error: unknown flag: --field-selector\n/);
  });

  it('describes a kind without a describer of its own with the generic describer', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe lease -n kube-node-lease cp-1');

    expect(r.stdout).toMatch(/^Name: +cp-1\nNamespace: +kube-node-lease\n/);
    expect(r.stdout).toMatch(/\nAPI Version: +coordination.k8s.io\/v1\n/);
    expect(r.stdout).toMatch(/\nSpec:\n {2}Holder Identity: +cp-1\n/);
    expect(r.exitCode).toBe(0);
  });
});

describe('describe formatters', () => {
  it('names a port since kubectl v1.34 and not before', () => {
    const ports = [
      { name: 'app', image: 'x', ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }] },
    ];

    const newer = containerLines('Containers', ports, null, null, '', 34);
    const older = containerLines('Containers', ports, null, null, '', 33);

    expect(newer).toContain('    Port:\t80/TCP (http)');
    expect(older).toContain('    Port:\t80/TCP');
  });

  it('prints probes as http-get URLs, exec argument lists and tcp sockets', () => {
    const attrs = {
      initialDelaySeconds: 5,
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    };

    expect(probeText({ ...attrs, httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' } })).toBe(
      'http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3',
    );
    expect(probeText({ ...attrs, exec: { command: ['cat', '/tmp/ok'] } })).toBe(
      'exec [cat /tmp/ok] delay=5s timeout=1s period=10s #success=1 #failure=3',
    );
    expect(probeText({ ...attrs, tcpSocket: { port: 'http' } })).toBe(
      'tcp-socket :http delay=5s timeout=1s period=10s #success=1 #failure=3',
    );
  });

  it('sorts tolerations by key and spells out Exists and tolerationSeconds', () => {
    const lines = tolerationLines('Tolerations', [
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      { operator: 'Exists' },
      { key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' },
    ]);

    expect(lines).toEqual([
      'Tolerations:\top=Exists',
      '\tdedicated=batch:NoSchedule',
      '\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
    ]);
  });

  it('hides the last-applied configuration and puts a long annotation under its key', () => {
    const long = 'x'.repeat(150);

    const lines = annotationLines('Annotations', {
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      long,
      short: 'v',
    });

    expect(lines).toEqual(['Annotations:\tlong:', `\t  ${'x'.repeat(138)}...`, '\tshort: v']);
  });

  it('rounds a resource up to the divisor and gives 0 for a limit the container lacks', () => {
    const c = { resources: { requests: { cpu: '250m' }, limits: { memory: '128Mi' } } };

    expect(resourceFieldValue(c, { resource: 'requests.cpu' })).toBe('1');
    expect(resourceFieldValue(c, { resource: 'requests.cpu', divisor: '1m' })).toBe('250');
    expect(resourceFieldValue(c, { resource: 'limits.memory', divisor: '1Mi' })).toBe('128');
    expect(resourceFieldValue(c, { resource: 'limits.cpu' })).toBe('0');
  });
});
