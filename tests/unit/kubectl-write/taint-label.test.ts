// upstream (kubectl v1.32.4, every expected text below also checked against the real kubectl
// over `kubelife serve --api`): staging/src/k8s.io/kubectl/pkg/cmd/taint/{taint,utils}.go,
// staging/src/k8s.io/kubectl/pkg/cmd/label/label.go, staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go,
// staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (CheckErr, MultipleErrors).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const taints = async (s: ReturnType<typeof createSession>, node: string): Promise<unknown> =>
  JSON.parse((await s.run(`kubectl get node ${node} -o jsonpath={.spec.taints}`)).stdout || 'null');

describe('kubectl taint', () => {
  it('removes the control-plane taint on a single-node cluster as the create-cluster page shows', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const r = await s.run('kubectl taint nodes --all node-role.kubernetes.io/control-plane-');

    expect(r.stdout).toBe('node/cp-1 untainted\n');
    expect(r.exitCode).toBe(0);
  });

  it('reports the nodes without the taint one per line and exits 1', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl taint nodes --all node-role.kubernetes.io/control-plane-');

    expect(r.stdout).toBe('node/cp-1 untainted\n');
    expect(r.stderr).toBe(
      'taint "node-role.kubernetes.io/control-plane" not found\ntaint "node-role.kubernetes.io/control-plane" not found\n',
    );
    expect(r.exitCode).toBe(1);
    expect(await taints(s, 'cp-1')).toBeNull();
  });

  it('adds a taint, refuses to overwrite it without --overwrite, then modifies it', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const added = await s.run('kubectl taint nodes worker-1 dedicated=gpu:NoSchedule');
    const refused = await s.run('kubectl taint nodes worker-1 dedicated=x:NoSchedule');
    const modified = await s.run('kubectl taint nodes worker-1 dedicated=x:NoSchedule --overwrite');

    expect(added.stdout).toBe('node/worker-1 tainted\n');
    expect(refused.stderr).toBe(
      'error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    );
    expect(modified.stdout).toBe('node/worker-1 modified\n');
    expect(await taints(s, 'worker-1')).toEqual([
      { effect: 'NoSchedule', key: 'dedicated', value: 'x' },
    ]);
  });

  it('keeps the node lifecycle controller taints derived from cordon', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run('kubectl cordon worker-1');
    await s.run('kubectl taint nodes worker-1 a=b:NoExecute');
    await s.run('kubectl uncordon worker-1');

    expect(await taints(s, 'worker-1')).toEqual([{ effect: 'NoExecute', key: 'a', value: 'b' }]);
  });

  it.each([
    ['kubectl taint nodes cp-1 foo-', 'error: taint "foo" not found'],
    [
      'kubectl taint nodes worker-1 a=b:NoSchedule a-',
      'error: can not both modify and remove the following taint(s) in the same command: a=',
    ],
    [
      'kubectl taint pods x a=b:NoSchedule',
      'error: invalid resource type pods, only node types are supported',
    ],
    [
      'kubectl taint nodes cp-1 x=y:Bad',
      "error: invalid taint effect: Bad, unsupported taint effect\nSee 'kubectl taint -h' for help and examples",
    ],
    ['kubectl taint nodes', 'error: at least one taint update is required'],
    [
      'kubectl taint nodes nope a=b:NoSchedule',
      'Error from server (NotFound): nodes "nope" not found',
    ],
    [
      'kubectl taint nodes --all -l a a=b:NoSchedule',
      "error: setting 'all' parameter with a non empty selector is prohibited",
    ],
  ])('answers %s with kubectl wording', async (line, message) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.stderr).toBe(`${message}\n`);
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl label and annotate', () => {
  it('labels a node so a selector finds it, then removes the label', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const labeled = await s.run('kubectl label nodes worker-1 disk=ssd');
    const selected = await s.run('kubectl get nodes -l disk=ssd -o name');
    const removed = await s.run('kubectl label nodes worker-1 disk-');
    const again = await s.run('kubectl label nodes worker-1 disk-');

    expect(labeled.stdout).toBe('node/worker-1 labeled\n');
    expect(selected.stdout).toBe('node/worker-1\n');
    expect(removed.stdout).toBe('node/worker-1 unlabeled\n');
    expect(again.stdout).toBe('label "disk" not found.\nnode/worker-1 not labeled\n');
  });

  it('keeps a label through a cordon, which rewrites the node', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run('kubectl label nodes worker-1 disk=ssd');
    await s.run('kubectl cordon worker-1');

    expect((await s.run('kubectl get nodes -l disk=ssd -o name')).stdout).toBe('node/worker-1\n');
  });

  it('labels every namespace with --all and prints dry runs with their suffix', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl label ns --all team=a --dry-run=client');

    expect(r.stdout.split('\n')[0]).toBe('namespace/default labeled (dry run)');
    expect((await s.run('kubectl get ns -l team=a')).stderr).toBe('No resources found\n');
  });

  it('labels pods by selector and a configmap that was derived until then', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const pods = await s.run(
      'kubectl label pods -n kube-system -l component=etcd tier=x --overwrite',
    );
    const cm = await s.run('kubectl label cm -n kube-system kube-proxy a=b');

    expect(pods.stdout).toBe('pod/etcd-cp-1 labeled\n');
    expect(cm.stdout).toBe('configmap/kube-proxy labeled\n');
    expect((await s.run('kubectl get cm -A -l a=b -o name')).stdout).toBe('configmap/kube-proxy\n');
    expect(
      (await s.run('kubectl get cm -n kube-system -o name')).stdout.match(/kube-proxy/g),
    ).toHaveLength(1);
  });

  it.each([
    [
      'kubectl label nodes cp-1 kubernetes.io/os=x',
      "error: 'kubernetes.io/os' already has a value (linux), and --overwrite is false",
    ],
    ['kubectl label nodes a=b', 'error: resource(s) were provided, but no name was specified'],
    ['kubectl label ns default a=b=c', 'error: invalid label spec: a=b=c'],
    [
      'kubectl label ns default a=b a-',
      'error: can not both modify and remove a label in the same command',
    ],
    [
      'kubectl label ns default -l a=b c=d',
      'error: name cannot be provided when a selector is specified',
    ],
    [
      'kubectl annotate ns default a=b x',
      'error: all resources must be specified before annotation changes: x',
    ],
    [
      'kubectl annotate nodes cp-1 node.alpha.kubernetes.io/ttl=1',
      "error: --overwrite is false but found the following declared annotation(s): 'node.alpha.kubernetes.io/ttl' already has a value (0)",
    ],
    ['kubectl annotate ns default', 'error: at least one annotation update is required'],
  ])('answers %s with kubectl wording', async (line, message) => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(line);

    expect(r.stderr).toBe(`${message}\n`);
    expect(r.exitCode).toBe(1);
  });

  it('prints the labeled object and the NotFound error of a missing one', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl label nodes cp-1 nope a=b --dry-run=client');

    expect(r.output).toBe(
      'node/cp-1 labeled (dry run)\nError from server (NotFound): nodes "nope" not found\n',
    );
    expect(r.exitCode).toBe(1);
  });
});
