// Events the cluster's components record, with their upstream reasons and messages (kubernetes
// v1.35.0): kubelet pkg/kubelet/kubelet.go BirthCry ("Starting kubelet."),
// pkg/kubelet/kubelet_node_status.go recordNodeStatusEvent ("Node %s status is now: %s"),
// pkg/kubelet/cm/node_container_manager_linux.go ("Updated Node Allocatable limit across pods");
// node lifecycle controller RegisteredNode via pkg/controller/util/node/controller_utils.go
// RecordNodeEvent ("Node %s event: %s"); pkg/scheduler/schedule_one.go ("Successfully assigned
// %v/%v to %v"); names from client-go tools/record/event.go makeEvent (`%v.%x`, UnixNano);
// kube-apiserver --event-ttl 1h0m0s.
import { describe, expect, it } from 'vitest';
import { buildScenario, createSession, listObjects } from 'kubelife';

describe('Events', () => {
  it('records the kubelet, node controller and scheduler events of a joined worker', () => {
    const state = buildScenario('workers-joined');

    const events = listObjects(state, 'events', 'default').filter(
      (e) => (e['involvedObject'] as { name: string }).name === 'worker-1',
    );

    expect(events.map((e) => [e['reason'], e['message']])).toEqual([
      ['Starting', 'Starting kubelet.'],
      ['NodeHasSufficientMemory', 'Node worker-1 status is now: NodeHasSufficientMemory'],
      ['NodeHasNoDiskPressure', 'Node worker-1 status is now: NodeHasNoDiskPressure'],
      ['NodeHasSufficientPID', 'Node worker-1 status is now: NodeHasSufficientPID'],
      ['NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'],
      ['NodeReady', 'Node worker-1 status is now: NodeReady'],
      ['Starting', ''],
      ['RegisteredNode', 'Node worker-1 event: Registered Node worker-1 in Controller'],
    ]);
    expect(events.map((e) => (e['source'] as { component: string }).component)).toContain(
      'node-controller',
    );
    expect(events[0]?.metadata.name).toMatch(/^worker-1\.[0-9a-f]{16,}$/);
  });

  it('names the node a DaemonSet Pod was scheduled to', () => {
    const state = buildScenario('workers-joined');

    const scheduled = listObjects(state, 'ev', 'kube-system').filter(
      (e) => e['reason'] === 'Scheduled',
    );

    expect(scheduled.length).toBeGreaterThanOrEqual(5);
    for (const e of scheduled)
      expect(e['message']).toMatch(/^Successfully assigned kube-system\/\S+ to (cp-1|worker-\d)$/);
  });

  it('lists them with kubectl get events and forgets them after the one-hour TTL', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const now = await s.run('kubectl get events');
    await s.run('kubelife clock advance 61m');
    const later = await s.run('kubectl get events -A');

    expect(now.stdout.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(now.stdout).toMatch(
      /Normal\s+RegisteredNode\s+node\/cp-1\s+Node cp-1 event: Registered Node cp-1 in Controller/,
    );
    expect(later.stdout).toBe('');
    expect(later.stderr).toBe('No resources found\n');
  });
});
