// kubectl delete as readers type it (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go;
// the same lines are judged by the real kubectl in the parity corpus, corpus-delete.ts).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

async function session() {
  const s = createSession({ scenario: 'workers-joined' });
  for (const line of [
    'kubectl create deployment web --image=nginx --replicas=2',
    'kubectl create configmap a --from-literal=k=v',
    'kubectl create configmap b --from-literal=k=v',
    'kubectl label configmap a b tier=x',
  ])
    expect((await s.run(line)).exitCode).toBe(0);
  return s;
}

describe('kubectl delete', () => {
  it('deletes TYPE/NAME forms and goes on past a missing one, failing at the end', async () => {
    const s = await session();
    const r = await s.run('kubectl delete cm/a deploy/nope deploy/web');
    expect(r.stdout).toBe('configmap "a" deleted\ndeployment.apps "web" deleted\n');
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(r.exitCode).toBe(1);
    expect((await s.run('kubectl get pods')).stderr).toBe(
      'No resources found in default namespace.\n',
    );
  });

  it('deletes what a label selector or --all selects, and says when nothing matched', async () => {
    const s = await session();
    expect((await s.run('kubectl delete configmaps -l tier=x')).stdout).toBe(
      'configmap "a" deleted\nconfigmap "b" deleted\n',
    );
    expect((await s.run('kubectl delete configmaps -l tier=x')).stdout).toBe(
      'No resources found\n',
    );
    const all = await s.run('kubectl delete pods --all');
    expect(all.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(all.stdout).toMatch(/^pod "web-[a-z0-9]+-[a-z0-9]{5}" deleted$/m);
  });

  it('force-deletes with the warning, and the ReplicaSet replaces Pods under new names', async () => {
    const s = await session();
    const before = (await s.run('kubectl get pods -o name')).stdout.split('\n').filter(Boolean);
    const r = await s.run('kubectl delete pods -l app=web --force --grace-period=0');
    expect(r.stderr).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
    expect(r.stdout).toMatch(/force deleted\n$/);
    const after = (await s.run('kubectl get pods -o name')).stdout.split('\n').filter(Boolean);
    expect(after).toHaveLength(2);
    expect(after.filter((n) => before.includes(n))).toEqual([]);
  });

  it('reads the objects to delete from a file or stdin', async () => {
    const s = await session();
    await s.run(
      "printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: a\\n---\\napiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: web\\n' > /root/objs.yaml",
    );
    const r = await s.run('kubectl delete -f /root/objs.yaml');
    expect(r.stdout).toBe('configmap "a" deleted\ndeployment.apps "web" deleted\n');
    expect((await s.run('cat /root/objs.yaml | kubectl delete -f -')).stderr).toBe(
      'Error from server (NotFound): configmaps "a" not found\nError from server (NotFound): deployments.apps "web" not found\n',
    );
    expect((await s.run('kubectl delete -f /root/none.yaml')).stderr).toBe(
      'error: the path "/root/none.yaml" does not exist\n',
    );
  });

  it('only pretends with --dry-run and prints -o name', async () => {
    const s = await session();
    expect((await s.run('kubectl delete cm a --dry-run=client')).stdout).toBe(
      'configmap "a" deleted (dry run)\n',
    );
    expect((await s.run('kubectl delete cm a --dry-run=server')).stdout).toBe(
      'configmap "a" deleted (server dry run)\n',
    );
    expect((await s.run('kubectl delete cm a -o name')).stdout).toBe('configmap/a\n');
    expect((await s.run('kubectl delete cm a --ignore-not-found')).output).toBe('');
  });

  it('answers the flag conflicts and missing arguments with kubectl’s errors', async () => {
    const s = await session();
    const err = async (line: string) => (await s.run(line)).stderr.trim();
    expect(await err('kubectl delete pod')).toBe(
      'error: resource(s) were provided, but no name was specified',
    );
    expect(await err('kubectl delete pod x --now --grace-period=3')).toBe(
      'error: --now and --grace-period cannot be specified together',
    );
    expect(await err('kubectl delete pod x --force --grace-period=5')).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together',
    );
    expect(await err('kubectl delete pods --all -l app=web')).toBe(
      "error: setting 'all' parameter but found a non empty selector.",
    );
    expect(await err('kubectl delete pod x -o wide')).toBe(
      "error: unexpected -o output mode: wide. We only support '-o name'",
    );
    expect(await err('kubectl -n default delete node nope')).toBe(
      'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\nError from server (NotFound): nodes "nope" not found',
    );
  });
});
