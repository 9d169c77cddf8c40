/**
 * `kubectl describe` of workloads and cluster-policy kinds (staging/src/k8s.io/kubectl/pkg/describe/
 * describe.go describeDeployment, describeReplicaSet, describeDaemonSet, describeStatefulSet,
 * describePodDisruptionBudgetV1, describePriorityClass, describeCertificateSigningRequest,
 * RoleBindingDescriber, describeEndpointSliceV1, genericDescriber). Judged identical by the real
 * kubectl in parity corpus/describe-workloads.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/lib/engine/shell/index.ts';
import { smartLabel } from '../../../src/lib/engine/shell/commands/kubectl-describe-generic.ts';
import { spreadLines } from '../../../src/lib/engine/shell/commands/kubectl-describe-template.ts';

describe('kubectl describe of workloads', () => {
  it('names a Deployment’s new ReplicaSet and its old one after a new image', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await s.run('sleep 20');
    await s.run('kubectl set image deployment/web nginx=nginx:1.28');
    await s.run('sleep 30');

    const r = await s.run('kubectl describe deployment web');

    expect(r.stdout).toMatch(/\nStrategyType: +RollingUpdate\n/);
    expect(r.stdout).toMatch(/\nRollingUpdateStrategy: +25% max unavailable, 25% max surge\n/);
    expect(r.stdout).toMatch(/\nOldReplicaSets: +web-\w+ \(0\/0 replicas created\)\n/);
    expect(r.stdout).toMatch(/\nNewReplicaSet: +web-\w+ \(2\/2 replicas created\)\n/);
    expect(r.stdout).toMatch(/\n {2}Normal {2}ScalingReplicaSet {2}/);
  });

  it('counts a DaemonSet’s Pods by phase and prints the scheduling numbers without a tab', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe ds -n kube-system kube-proxy');

    expect(r.stdout).toContain('\nDesired Number of Nodes Scheduled: 3\n');
    expect(r.stdout).toMatch(/\nPods Status: +3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
    expect(r.stdout).toMatch(/\nPod Template:\n {2}Labels: +k8s-app=kube-proxy\n/);
  });

  it('prints a PodDisruptionBudget’s bound and status, and a PriorityClass’s value', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create pdb web-pdb --selector=app=web --min-available=1');

    const pdb = await s.run('kubectl describe pdb web-pdb');
    const pc = await s.run('kubectl describe priorityclass system-node-critical');

    expect(pdb.stdout).toMatch(
      /^Name: +web-pdb\nNamespace: +default\nMin available: +1\nSelector: +app=web\nStatus:\n {4}Allowed disruptions: +0\n/,
    );
    expect(pc.stdout).toMatch(
      /^Name: +system-node-critical\nValue: +2000001000\nGlobalDefault: +false\n/,
    );
  });

  it('reports a CertificateSigningRequest without a PEM request as kubectl’s parse error, once', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe csr');

    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: Error parsing CSR: PEM block type must be CERTIFICATE REQUEST\n');
    expect(r.exitCode).toBe(1);
  });

  it('prints a binding’s role and subjects', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe clusterrolebinding cluster-admin');

    expect(r.stdout).toMatch(
      /\nRole:\n {2}Kind: +ClusterRole\n {2}Name: +cluster-admin\nSubjects:\n {2}Kind +Name +Namespace\n/,
    );
    expect(r.stdout).toMatch(/\n {2}Group +system:masters +\n$/);
  });
});

describe('generic describer labels', () => {
  it('splits camel case, keeps acronyms upper case and leaves odd names alone', () => {
    expect(smartLabel('apiVersion')).toBe('API Version');
    expect(smartLabel('resourceVersion')).toBe('Resource Version');
    expect(smartLabel('uid')).toBe('UID');
    expect(smartLabel('leaseDurationSeconds')).toBe('Lease Duration Seconds');
    expect(smartLabel('kubernetes.io/os')).toBe('kubernetes.io/os');
  });
});

describe('topology spread constraints', () => {
  it('sorts them by topology key, the title on the first, the template indent on each', () => {
    const constraints = [
      { topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 2 },
      {
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'DoNotSchedule',
        maxSkew: 1,
        labelSelector: { matchLabels: { app: 'web' } },
      },
    ];

    expect(spreadLines(constraints, '  ')).toEqual([
      '  Topology Spread Constraints:\tkubernetes.io/hostname:DoNotSchedule when max skew 1 is exceeded for selector app=web',
      '  \tzone:ScheduleAnyway when max skew 2 is exceeded',
    ]);
    expect(spreadLines(constraints, '')[1]).toBe(
      '\tzone:ScheduleAnyway when max skew 2 is exceeded',
    );
  });
});
