// upstream: pkg/controller/deployment/sync.go (ReplicaSet name and pod-template-hash, revision
// annotations), pkg/controller/replicaset/replica_set.go (manageReplicas), pkg/scheduler/
// framework/plugins/{nodeunschedulable,tainttoleration}, pkg/scheduler/framework/types.go (FitError),
// staging/src/k8s.io/kubectl/pkg/cmd/{scale,rollout,run}/, staging/src/k8s.io/kubectl/pkg/
// polymorphichelpers/{rollout_status,history,rollback}.go (kubectl v1.32.4 wording, checked with
// the real kubectl over `kubelife serve --api`).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

type Session = ReturnType<typeof createSession>;
const names = async (s: Session, what: string): Promise<string[]> =>
  (await s.run(`kubectl get ${what} -o name`)).stdout.split('\n').filter((l) => l !== '');

describe('a Deployment as stored transitions', () => {
  it('creates a ReplicaSet named by its pod-template-hash and its Pods on the workers', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl create deployment web --image=nginx --replicas=3');

    expect(r.stdout).toBe('deployment.apps/web created\n');
    const rs = await names(s, 'rs');
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatch(/^replicaset\.apps\/web-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    const hash = (rs[0] ?? '').split('-')[1] ?? '';
    const pods = await names(s, `pods -l app=web,pod-template-hash=${hash}`);
    expect(pods).toHaveLength(3);
    const nodes = (await s.run('kubectl get pods -l app=web -o jsonpath={.items[*].spec.nodeName}'))
      .stdout;
    expect(nodes).not.toContain('cp-1');
    expect((await s.run('kubectl get deploy web -o jsonpath={.status.readyReplicas}')).stdout).toBe(
      '3\n',
    );
  });

  it('scales up and down, deleting the newest Pods first', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    const first = await names(s, 'pods');

    const up = await s.run('kubectl scale deployment web --replicas=4');
    const four = await names(s, 'pods');
    const down = await s.run('kubectl scale deploy/web --replicas=2');

    expect(up.stdout).toBe('deployment.apps/web scaled\n');
    expect(four).toHaveLength(4);
    expect(down.stdout).toBe('deployment.apps/web scaled\n');
    expect((await names(s, 'pods')).sort()).toEqual([...first].sort());
  });

  it('keeps Pods Pending with the scheduler message while no node fits, and places them once one does', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl cordon worker-1');
    await s.run('kubectl cordon worker-2');

    await s.run('kubectl create deployment web --image=nginx');
    const pending = await s.run(
      'kubectl get pods -l app=web -o jsonpath={.items[0].status.conditions[0].message}',
    );
    const status = await s.run('kubectl rollout status deployment/web');
    await s.run('kubectl uncordon worker-2');

    expect(pending.stdout).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.\n',
    );
    expect(status.stdout).toBe(
      'Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...\n',
    );
    expect(status.exitCode).toBe(1);
    expect(
      (await s.run('kubectl get pods -l app=web -o jsonpath={.items[0].spec.nodeName}')).stdout,
    ).toBe('worker-2\n');
    expect((await s.run('kubectl rollout status deployment/web')).stdout).toBe(
      'deployment "web" successfully rolled out\n',
    );
  });

  it('places a Pod on the control plane once its taint is removed', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });
    await s.run(
      'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
    );

    await s.run('kubectl run p1 --image=nginx');
    const before = (await s.run('kubectl get pod p1 -o jsonpath={.status.phase}')).stdout;
    await s.run('kubectl taint nodes --all node-role.kubernetes.io/control-plane-');

    expect(before).toBe('Pending\n');
    expect((await s.run('kubectl get pod p1 -o jsonpath={.spec.nodeName}')).stdout).toBe('cp-1\n');
  });

  it('restarts into a new revision, lists the history and rolls back', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx');

    const restarted = await s.run('kubectl rollout restart deployment web');
    const undone = await s.run('kubectl rollout undo deployment/web');
    const history = await s.run('kubectl rollout history deployment/web');

    expect(restarted.stdout).toBe('deployment.apps/web restarted\n');
    expect(undone.stdout).toBe('deployment.apps/web rolled back\n');
    expect(history.stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    );
    expect(await names(s, 'rs')).toHaveLength(2);
  });

  it('deletes the ReplicaSets and Pods of a deleted Deployment', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');

    const r = await s.run('kubectl delete deployment web');

    expect(r.stdout).toBe('deployment.apps "web" deleted\n');
    expect(await names(s, 'rs,pods -l app=web')).toEqual([]);
  });

  it('leaves the cluster state untouched by the controllers when there is no workload', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const before = JSON.stringify(s.save().state.cluster);

    await s.run('kubectl get pods -A');
    await s.run('kubectl cordon worker-1');
    await s.run('kubectl uncordon worker-1');

    expect(JSON.stringify(s.save().state.cluster?.objects?.resources['pods'])).toBe(
      JSON.stringify(
        (JSON.parse(before) as { objects: { resources: Record<string, unknown> } }).objects
          .resources['pods'],
      ),
    );
  });
});

describe('kubectl run, scale and rollout arguments', () => {
  it.each([
    [
      'kubectl run --image=nginx',
      "error: NAME is required for run\nSee 'kubectl run -h' for help and examples",
    ],
    [
      'kubectl run p1 --image=nginx --restart=Foo',
      "error: invalid restart policy: Foo\nSee 'kubectl run -h' for help and examples",
    ],
    [
      'kubectl scale deployment web --replicas=3',
      'error: no objects passed to scale deployments.apps "web" not found',
    ],
    [
      'kubectl scale deployment web --replicas=-1',
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    ],
    [
      'kubectl rollout status deployment web',
      'Error from server (NotFound): deployments.apps "web" not found',
    ],
  ])('answers %s with kubectl wording', async (line, message) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.stderr).toBe(`${message}\n`);
    expect(r.exitCode).toBe(1);
  });

  it('prints the Pod kubectl run builds', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl run p1 --image=busybox --dry-run=client -o yaml -- sleep 3600');

    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: p1\n  name: p1\nspec:\n  containers:\n  - args:\n    - sleep\n    - "3600"\n    image: busybox\n    name: p1\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
  });

  it('waits for conditions that hold and times out on the ones that do not, as kubectl wait prints', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx');

    const met = await s.run('kubectl wait --for=condition=Available deployment/web');
    const jsonpath = await s.run(
      "kubectl wait --for=jsonpath='{.status.phase}'=Running pod -l app=web",
    );
    const late = await s.run(
      'kubectl wait --for=condition=Progressing=False deploy/web --timeout=1s',
    );
    const none = await s.run('kubectl wait --for=condition=Ready pod -l app=none');
    const bad = await s.run('kubectl wait --for=foo deploy/web');

    expect(met.stdout).toBe('deployment.apps/web condition met\n');
    expect(jsonpath.stdout).toMatch(/^pod\/web-\S+ condition met\n$/);
    expect(late.stderr).toBe('error: timed out waiting for the condition on deployments/web\n');
    expect(none.stderr).toBe('error: no matching resources found\n');
    expect(bad.stderr).toBe('error: unrecognized condition: "foo"\n');
  });

  it('exposes a Deployment as a Service with a ClusterIP from the service range', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --port=80');

    const r = await s.run('kubectl expose deployment web');
    const again = await s.run('kubectl expose deployment web --port=80');
    const ip = (await s.run('kubectl get svc web -o jsonpath={.spec.clusterIP}')).stdout;
    const selector = (await s.run('kubectl get svc web -o jsonpath={.spec.selector.app}')).stdout;

    expect(r.stdout).toBe('service/web exposed\n');
    expect(again.stderr).toBe('Error from server (AlreadyExists): services "web" already exists\n');
    expect(ip).toMatch(/^10\.(9[6-9]|1[01]\d)\.\d+\.\d+\n$/);
    expect(ip).not.toBe('10.96.0.1\n');
    expect(selector).toBe('web\n');
  });
});
