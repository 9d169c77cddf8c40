// Events the controllers record: pkg/controller/deployment/sync.go (ScalingReplicaSet "Scaled
// up replica set %s from 0 to %d", "Scaled %s replica set %s from %d to %d"),
// pkg/controller/controller_utils.go (SuccessfulCreate "Created pod: %v", SuccessfulDelete
// "Deleted pod: %v"), pkg/scheduler/schedule_one.go (Scheduled "Successfully assigned %v/%v to
// %v"), pkg/controller/daemon (SuccessfulCreate).
import { describe, expect, it } from 'vitest';
import { createSession, listObjects } from 'kubelife';

type Session = ReturnType<typeof createSession>;

const events = (s: Session, ns: string, kind: string) =>
  listObjects(s.save().state, 'events', ns)
    .filter((e) => (e['involvedObject'] as { kind: string }).kind === kind)
    .map((e) => `${e['reason'] as string}: ${e['message'] as string}`);

describe('events from the controllers', () => {
  it('records the Deployment scaling its ReplicaSet and the ReplicaSet creating and deleting Pods', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl scale deployment web --replicas=1');
    const rs = listObjects(s.save().state, 'replicasets.apps', 'default')[0]?.metadata.name ?? '';
    const pods = listObjects(s.save().state, 'pods', 'default').map((p) => p.metadata.name);

    const deployment = events(s, 'default', 'Deployment');
    const replicaSet = events(s, 'default', 'ReplicaSet');
    const scheduled = events(s, 'default', 'Pod');

    expect(deployment).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${rs} from 0 to 2`,
      `ScalingReplicaSet: Scaled down replica set ${rs} from 2 to 1`,
    ]);
    expect(replicaSet.filter((e) => e.startsWith('SuccessfulCreate: Created pod: '))).toHaveLength(
      2,
    );
    expect(replicaSet.filter((e) => e.startsWith('SuccessfulDelete: Deleted pod: '))).toHaveLength(
      1,
    );
    expect(scheduled).toContain(
      `Scheduled: Successfully assigned default/${pods[0] ?? ''} to ${
        (listObjects(s.save().state, 'pods', 'default')[0]?.['spec'] as { nodeName: string })
          .nodeName
      }`,
    );
  });

  it('records CoreDNS’s scaling and the kube-proxy DaemonSet replacing a deleted Pod', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl -n kube-system scale deployment coredns --replicas=3');
    await s.run('kubectl -n kube-system delete pod kube-proxy-8fc6k');

    const deployment = events(s, 'kube-system', 'Deployment');
    const daemonSet = events(s, 'kube-system', 'DaemonSet');

    expect(deployment).toHaveLength(1);
    expect(deployment[0]).toMatch(
      /^ScalingReplicaSet: Scaled up replica set coredns-\w+ from 2 to 3$/,
    );
    expect(daemonSet).toHaveLength(1);
    expect(daemonSet[0]).toMatch(/^SuccessfulCreate: Created pod: kube-proxy-\w{5}$/);
  });
});
