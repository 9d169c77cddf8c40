// A client changing the coredns Deployment's pod template rolls it like a reader's Deployment.
// upstream (kubernetes commit 003e8629): pkg/controller/deployment/sync.go (getNewReplicaSet:
// `<deployment>-<pod-template-hash>`, revision = max old + 1, an old ReplicaSet whose template
// comes back takes the next revision), pkg/controller/deployment/rolling.go (old ReplicaSets
// scaled to 0), staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go and
// cmd/rollout/rollout_restart.go (kubectl.kubernetes.io/restartedAt on the template).
import { describe, expect, it } from 'vitest';
import { createSession, listObjects, type ApiObject, type Session } from 'kubelife';

type Obj = Record<string, unknown>;

const NEW_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';

function replicaSets(s: Session): ApiObject[] {
  return listObjects(s.save().state, 'replicasets.apps', 'kube-system').filter((rs) =>
    rs.metadata.name.startsWith('coredns-'),
  );
}

const replicas = (o: ApiObject): unknown => (o['spec'] as Obj)['replicas'];
const revision = (o: ApiObject): string | undefined =>
  o.metadata.annotations?.['deployment.kubernetes.io/revision'];

async function dnsPods(s: Session): Promise<ApiObject[]> {
  const r = await s.run('kubectl -n kube-system get pods -l k8s-app=kube-dns -o json');
  return (JSON.parse(r.stdout) as { items: ApiObject[] }).items;
}

const image = (p: ApiObject): unknown =>
  ((p['spec'] as { containers: Obj[] }).containers[0] ?? {})['image'];

describe('coredns Deployment rollouts a client starts', () => {
  it('rolls kubectl set image to a new ReplicaSet of revision 2 and scales the old one to 0', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const [before] = replicaSets(s);

    await s.run(`kubectl set image deployment/coredns -n kube-system coredns=${NEW_IMAGE}`);

    const sets = replicaSets(s);
    const fresh = sets.find((rs) => rs.metadata.name !== before?.metadata.name);
    expect(sets).toHaveLength(2);
    expect(fresh && replicas(fresh)).toBe(2);
    expect(fresh && revision(fresh)).toBe('2');
    const hash = fresh?.metadata.labels?.['pod-template-hash'] ?? '';
    expect(fresh?.metadata.name).toBe(`coredns-${hash}`);
    const old = replicaSets(s).find((rs) => rs.metadata.name === before?.metadata.name);
    expect(old && replicas(old)).toBe(0);
    const pods = await dnsPods(s);
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.metadata.name.startsWith(`coredns-${hash}-`))).toBe(true);
    expect(pods.map(image)).toEqual([NEW_IMAGE, NEW_IMAGE]);
    const history = (await s.run('kubectl rollout history deployment/coredns -n kube-system'))
      .stdout;
    expect(history).toBe(
      'deployment.apps/coredns \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    const events = (await s.run('kubectl -n kube-system get events')).stdout;
    expect(events).toContain(`Scaled up replica set coredns-${hash} from 0 to 2`);
    expect(events).toContain(`Scaled down replica set ${before?.metadata.name} from 2 to 0`);
  });

  it('rolls kubectl rollout restart to another ReplicaSet with fresh Pods', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const podsBefore = (await dnsPods(s)).map((p) => p.metadata.name);

    const out = await s.run('kubectl rollout restart deployment/coredns -n kube-system');

    expect(out.stdout).toBe('deployment.apps/coredns restarted\n');
    expect(replicaSets(s).map(replicas).sort()).toEqual([0, 2]);
    const podsAfter = (await dnsPods(s)).map((p) => p.metadata.name);
    expect(podsAfter).toHaveLength(2);
    expect(podsAfter.some((n) => podsBefore.includes(n))).toBe(false);
  });

  it('brings the first ReplicaSet back as revision 3 on kubectl rollout undo', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const [first] = replicaSets(s);
    await s.run(`kubectl set image deployment/coredns -n kube-system coredns=${NEW_IMAGE}`);

    await s.run('kubectl rollout undo deployment/coredns -n kube-system');

    const back = replicaSets(s).find((rs) => rs.metadata.name === first?.metadata.name);
    expect(back && revision(back)).toBe('3');
    expect(back && replicas(back)).toBe(2);
    expect(replicaSets(s)).toHaveLength(2);
    expect((await dnsPods(s)).map(image)).not.toContain(NEW_IMAGE);
  });

  it('scales the current ReplicaSet with kubectl scale and leaves a Deployment without changes alone', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(`kubectl set image deployment/coredns -n kube-system coredns=${NEW_IMAGE}`);
    const rv = replicaSets(s).map((rs) => rs.metadata.resourceVersion);

    await s.run('kubectl get nodes');
    const unchanged = replicaSets(s).map((rs) => rs.metadata.resourceVersion);
    await s.run('kubectl -n kube-system scale deployment coredns --replicas=3');

    expect(unchanged).toEqual(rv);
    expect(replicaSets(s).map(replicas).sort()).toEqual([0, 3]);
    expect(await dnsPods(s)).toHaveLength(3);
  });
});
