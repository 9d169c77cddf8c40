// The scheduler's NodeResourcesFit filter, Pod requests and QoS classes, and resource quantities.
// upstream: pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest),
// pkg/scheduler/framework/types.go (FitError.Error), pkg/scheduler/framework/preemption
// ("No preemption victims found for incoming pod"), staging/src/k8s.io/component-helpers/
// resource/helpers.go (PodRequests), pkg/apis/core/helper/qos/qos.go (ComputePodQOS),
// staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (canonical form).
import { describe, expect, it } from 'vitest';
import {
  canonicalQuantity,
  createSession,
  milliValue,
  podQosClass,
  podRequests,
  quantityValue,
  type Json,
} from 'kubelife';

const container = (resources: Json) => ({ name: 'c', image: 'nginx', resources });

describe('resource quantities', () => {
  it.each([
    ['1.5', '1500m'],
    ['2000m', '2'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1000', '1k'],
    ['0.1', '100m'],
    ['1000Mi', '1000Mi'],
    ['512', '512'],
    ['1e3', '1e3'],
    ['0.5Gi', '512Mi'],
  ])('writes %s in its canonical form %s, as Quantity.String does', (text, canonical) => {
    expect(canonicalQuantity(text)).toBe(canonical);
  });

  it('reads millicores rounded up and bytes', () => {
    expect(milliValue('250m')).toBe(250);
    expect(milliValue('0.1')).toBe(100);
    expect(milliValue('1')).toBe(1000);
    expect(quantityValue('128Mi')).toBe(128 * 2 ** 20);
    expect(quantityValue('1G')).toBe(1e9);
    expect(quantityValue('nope')).toBe(0);
  });
});

describe('Pod requests and QoS', () => {
  it('sums containers, takes the largest init container, and lets limits stand in for requests', () => {
    expect(
      podRequests({
        containers: [
          container({ requests: { cpu: '100m' } }),
          container({ limits: { memory: '1Gi' } }),
        ],
        initContainers: [container({ requests: { cpu: '2' } })],
      }),
    ).toEqual({ milliCpu: 2000, memory: 2 ** 30 });
  });

  it('classes Pods as BestEffort, Burstable and Guaranteed', () => {
    expect(podQosClass({ containers: [container({})] })).toBe('BestEffort');
    expect(podQosClass({ containers: [container({ requests: { cpu: '100m' } })] })).toBe(
      'Burstable',
    );
    expect(podQosClass({ containers: [container({ limits: { cpu: '1', memory: '1Gi' } })] })).toBe(
      'Guaranteed',
    );
    expect(
      podQosClass({
        containers: [container({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } })],
      }),
    ).toBe('Burstable');
  });
});

describe('the scheduler fits Pods to what nodes have left', () => {
  it('leaves a Pod Pending with "Insufficient cpu" when no worker has the CPU left', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment big --image=nginx --replicas=3');
    await s.run('kubectl set resources deployment big --requests=cpu=1500m');

    const pods = await s.run(
      `kubectl get pods -l app=big -o jsonpath='{range .items[*]}{.spec.nodeName}:{.status.phase}:{.status.qosClass}{"\\n"}{end}'`,
    );
    const events = await s.run(
      'kubectl get events --field-selector reason=FailedScheduling -o jsonpath={.items[-1:].message}',
    );

    // Workers have 2 CPUs each: a second 1500m Pod fits on neither. The rollout (maxSurge 1,
    // maxUnavailable 0) keeps one old Pod while the last new one cannot be scheduled.
    expect(pods.stdout.trimEnd().split('\n').sort()).toEqual([
      ':Pending:Burstable',
      'worker-1:Running:BestEffort',
      'worker-1:Running:Burstable',
      'worker-2:Running:Burstable',
    ]);
    expect(events.stdout).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.\n',
    );
  });

  it('counts the control plane Pods against the node and refuses a 111th Pod as "Too many pods"', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl taint nodes --all node-role.kubernetes.io/control-plane-');
    await s.run('kubectl cordon worker-1');
    await s.run('kubectl cordon worker-2');

    await s.run('kubectl create deployment many --image=nginx --replicas=110');
    const pending = await s.run(
      'kubectl get pods -l app=many --field-selector=status.phase=Pending -o name',
    );

    // cp-1 runs 8 system Pods (etcd, apiserver, controller-manager, scheduler, 2 CoreDNS,
    // kube-proxy, flannel): 102 of the 110 fit.
    expect(pending.stdout.trimEnd().split('\n')).toHaveLength(8);
  });
});

describe('kubectl set resources', () => {
  it('sets requests and limits on the template in canonical form and says so', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx');

    const r = await s.run(
      'kubectl set resources deployment web --limits=cpu=0.5,memory=1024Mi --requests=cpu=250m',
    );
    const again = await s.run(
      'kubectl set resources deployment web --limits=cpu=0.5,memory=1024Mi --requests=cpu=250m',
    );
    const got = await s.run(
      'kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].resources}',
    );

    expect(r.stdout).toBe('deployment.apps/web resource requirements updated\n');
    expect(again.stdout).toBe('');
    expect(got.stdout).toBe('{"limits":{"cpu":"500m","memory":"1Gi"},"requests":{"cpu":"250m"}}\n');
  });

  it.each([
    [
      'kubectl set resources deployment web',
      'error: you must specify an update to requests or limits (in the form of --requests/--limits)',
    ],
    [
      'kubectl set resources deployment web --limits=cpu',
      'error: Invalid argument syntax cpu, expected <resource>=<value>',
    ],
    [
      'kubectl set resources deployment web --limits=cpu=1x',
      "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    [
      'kubectl set resources deployment web -c side --limits=cpu=1',
      'error: unable to find container named side',
    ],
  ])('fails `%s` as kubectl does', async (line, message) => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx');

    const r = await s.run(line);

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`${message}\n`);
  });
});
