// kubectl exec into the simulated Pods: etcdctl in the etcd Pod runs as on its node; flannel's
// shell cats the files its volumes hold; distroless images have no shell; kubectl's usage
// errors as the real v1.33 prints them. upstream: staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go,
// staging/src/k8s.io/client-go/util/exec (command terminated with exit code N).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const ETCDCTL =
  'etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';

describe('kubectl exec', () => {
  it('runs etcdctl in the etcd Pod against the node-local member', async () => {
    const session = createSession({ scenario: 'workers-joined' });

    const inPod = await session.run(
      `kubectl exec -n kube-system etcd-cp-1 -- ${ETCDCTL} member list`,
    );
    const onNode = await session.run(`${ETCDCTL} member list`);

    expect(inPod.exitCode).toBe(0);
    expect(inPod.stdout).toBe(onNode.stdout);
  });

  it("cats flannel's net-conf.json from its ConfigMap and ends a failing command with its exit code", async () => {
    const session = createSession({ scenario: 'workers-joined' });
    const pod = (
      await session.run("kubectl get pods -n kube-flannel -o jsonpath='{.items[0].metadata.name}'")
    ).stdout.trim();

    const conf = await session.run(
      `kubectl exec -n kube-flannel ${pod} -- cat /etc/kube-flannel/net-conf.json`,
    );
    const missing = await session.run(`kubectl exec -n kube-flannel ${pod} -- sh -c 'cat /nope'`);

    expect(conf.stdout).toContain('"Network": "10.244.0.0/16"');
    expect(missing.stderr).toBe(
      "cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n",
    );
    expect(missing.exitCode).toBe(1);
  });

  it('finds no shell in the distroless etcd image', async () => {
    const session = createSession({ scenario: 'workers-joined' });

    const r = await session.run('kubectl exec -n kube-system etcd-cp-1 -- sh');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/exec: "sh": executable file not found in \$PATH: unknown\n$/);
  });

  it.each([
    ['kubectl exec', 'error: pod, type/name or --filename must be specified\n'],
    [
      'kubectl exec -n kube-system etcd-cp-1',
      'error: you must specify at least one command for the container\n',
    ],
    [
      'kubectl exec -n kube-system etcd-cp-1 ls',
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    ],
  ])('rejects `%s` before any request', async (line, stderr) => {
    const session = createSession({ scenario: 'workers-joined' });

    const r = await session.run(line);

    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
  });

  it("says a reader's image is not simulated rather than claim the program is missing", async () => {
    const session = createSession({ scenario: 'workers-joined' });
    await session.run('kubectl run tmp --image=busybox --restart=Never -- sleep 3600');

    const r = await session.run('kubectl exec tmp -- ls /');

    expect(r.stderr).toMatch(
      /^kubelife: the files and programs of image "busybox" are not simulated/,
    );
    expect(r.stderr).not.toContain('executable file not found');
    expect(r.exitCode).toBe(1);
  });
});
