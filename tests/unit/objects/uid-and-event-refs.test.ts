// Identity fields as a real API server and real recorders fill them.
// upstream (kubernetes v1.35.0): staging/src/k8s.io/apimachinery/pkg/util/uuid/uuid.go (NewUUID
// = google/uuid NewRandom: version 4, RFC 4122 variant); pkg/kubelet/kubelet.go NewMainKubelet
// (nodeRef without APIVersion), pkg/controller/util/node/controller_utils.go RecordNodeEvent and
// client-go tools/reference GetReference (references with APIVersion "v1").
import { describe, expect, it } from 'vitest';
import { buildScenario, listObjects } from 'kubelife';
import { uuidV4 } from '../../../src/lib/engine/src/model/uuid.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('object identity', () => {
  it('gives every stored object a version 4 UUID with the RFC 4122 variant', () => {
    const state = buildScenario('workers-joined');

    const uids = ['nodes', 'pods', 'configmaps', 'events', 'leases.coordination.k8s.io'].flatMap(
      (r) => listObjects(state, r).map((o) => o.metadata.uid),
    );

    expect(uids.length).toBeGreaterThan(20);
    expect(uids.filter((u) => !V4.test(u))).toEqual([]);
  });

  it('sets the version and variant bits whatever the hash holds', () => {
    expect(uuidV4('ffffffffffffffffffffffffffffffff')).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4('00000000000000000000000000000000')).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('names involvedObject.apiVersion where the recorder’s reference has it, and only there', () => {
    const events = listObjects(buildScenario('workers-joined'), 'events', null);

    const ref = (reason: string, component: string) =>
      events.find(
        (e) =>
          e['reason'] === reason && (e['source'] as { component: string }).component === component,
      )?.['involvedObject'] as Record<string, string> | undefined;

    expect(ref('RegisteredNode', 'node-controller')?.['apiVersion']).toBe('v1');
    expect(ref('Scheduled', 'default-scheduler')).toMatchObject({ apiVersion: 'v1', kind: 'Pod' });
    expect(ref('Starting', 'kubelet')).toMatchObject({ kind: 'Node' });
    expect(ref('Starting', 'kubelet')?.['apiVersion']).toBeUndefined();
  });
});
