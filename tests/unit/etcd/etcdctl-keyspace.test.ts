// etcdctl version, help and get over kube-apiserver's keyspace.
// upstream: etcd-io/etcd etcdctl/ctlv3/command/{version_command,get_command,printer_simple,
// printer_fields,printer_json}.go, pkg/cobrautl/help.go; kubernetes pkg/kubeapiserver/
// default_storage_factory_builder.go (SpecialDefaultResourcePrefixes),
// apimachinery/pkg/runtime/serializer/protobuf/protobuf.go (the k8s\0 magic).
import { describe, expect, it } from 'vitest';
import { createSession, storedProtobuf } from 'kubelife';
import { protobufObject } from '../../../src/lib/engine/cli/api/protobuf-object.ts';
import { tabAligned } from '../../../src/lib/engine/shell/commands/etcdctl-help.ts';
import { goQuote } from '../../../src/lib/engine/shell/commands/etcdctl-kv-print.ts';

const TLS =
  '--cacert /etc/kubernetes/pki/etcd/ca.crt --cert /etc/kubernetes/pki/etcd/server.crt --key /etc/kubernetes/pki/etcd/server.key';
const ETCDCTL = `etcdctl ${TLS}`;

describe('etcdctl version and help', () => {
  it('prints the version of the etcd image the cluster runs and its API version (version_command.go)', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const manifest = (await s.run('cat /etc/kubernetes/manifests/etcd.yaml')).stdout;
    const version = /etcd:(\d+\.\d+\.\d+)/.exec(manifest)?.[1] ?? '';

    const r = await s.run('etcdctl version');

    expect(r.stdout).toBe(
      `etcdctl version: ${version}\nAPI version: ${version.split('.').slice(0, 2).join('.')}\n`,
    );
  });

  it("lays out command rows as etcdctl 3.4.23's tabwriter does (measured on the real binary)", () => {
    const rows = [
      ['alarm disarm', 'Disarms all alarms'],
      ['defrag', 'Defragments the storage of the etcd members with given endpoints'],
      ['role grant-permission', 'Grants a key to a role'],
    ] as const;

    expect(tabAligned(rows, '\t')).toEqual([
      '\talarm disarm\t\tDisarms all alarms',
      '\tdefrag\t\t\tDefragments the storage of the etcd members with given endpoints',
      '\trole grant-permission\tGrants a key to a role',
    ]);
  });

  it('lists the 3.6 command set: downgrade and completion, snapshot save only (ctl.go v3.6)', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const help = (await s.run('etcdctl --help')).stdout;

    expect(help).toContain(
      '\tdowngrade validate\tValidate downgrade capability before starting downgrade\n',
    );
    expect(help).toContain(
      '\tsnapshot save\t\tStores an etcd node backend snapshot to a given file\n',
    );
    expect(help).not.toContain('snapshot restore');
    expect(help).not.toContain('simulated subset');
  });

  it("answers an unknown command with cobra's error, its hint and cobrautl's repeat, exit 1", async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('etcdctl bogus');

    expect(r.stderr).toBe(
      'Error: unknown command "bogus" for "etcdctl"\nRun \'etcdctl --help\' for usage.\nError: unknown command "bogus" for "etcdctl"\n',
    );
    expect(r.exitCode).toBe(1);
  });
});

describe('etcdctl get over the Kubernetes keyspace', () => {
  it('keeps Nodes under minions, Services under services/specs and Endpoints under services/endpoints', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(`${ETCDCTL} get /registry --prefix --keys-only`);
    const keys = r.stdout.split('\n').filter((l) => l !== '');

    expect(r.exitCode).toBe(0);
    expect(keys).toContain('/registry/minions/cp-1');
    expect(keys).toContain('/registry/services/specs/default/kubernetes');
    expect(keys).toContain('/registry/services/endpoints/default/kubernetes');
    expect(keys).toContain('/registry/pods/kube-system/etcd-cp-1');
    expect(keys).toContain('/registry/deployments/kube-system/coredns');
    expect(keys).toContain('/registry/namespaces/kube-system');
    expect(keys).toEqual([...keys].sort());
    // --keys-only prints each key and an empty value line (printer_simple.go printKV).
    expect(r.stdout.startsWith(`${keys[0]}\n\n`)).toBe(true);
  });

  it('serves the same answer inside the etcd Pod through kubectl exec', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const inPod = await s.run(
      `kubectl exec -n kube-system etcd-cp-1 -- ${ETCDCTL} get /registry/minions --prefix --keys-only`,
    );
    const onNode = await s.run(`${ETCDCTL} get /registry/minions --prefix --keys-only`);

    expect(inPod.exitCode).toBe(0);
    expect(inPod.stdout).toBe(onNode.stdout);
    expect(inPod.stdout).toContain('/registry/minions/worker-1\n');
  });

  it("prints JSON with the header, base64 keys and protobuf values whose mod_revision is the object's resourceVersion", async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const rv = (
      await s.run("kubectl get ns kube-system -o jsonpath='{.metadata.resourceVersion}'")
    ).stdout.trim();

    const r = await s.run(`${ETCDCTL} get /registry/namespaces/kube-system -w json`);
    const doc = JSON.parse(r.stdout) as {
      header: { revision: number };
      kvs: Array<{ key: string; value: string; mod_revision: number }>;
      count: number;
    };
    const kv = doc.kvs[0];
    const value = Buffer.from(kv?.value ?? '', 'base64');

    expect(doc.count).toBe(1);
    expect(Buffer.from(kv?.key ?? '', 'base64').toString()).toBe(
      '/registry/namespaces/kube-system',
    );
    expect(String(kv?.mod_revision)).toBe(rv);
    expect(doc.header.revision).toBeGreaterThanOrEqual(Number(rv));
    expect(value.subarray(0, 4).toString('latin1')).toBe('k8s\0');
    expect(protobufObject(value)).toMatchObject({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'kube-system' },
    });
  });

  it('counts with --count-only only for the fields printer, as get_command.go requires', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const simple = await s.run(`${ETCDCTL} get /registry/minions --prefix --count-only`);
    const fields = await s.run(`${ETCDCTL} get /registry/minions --prefix --count-only -w fields`);

    expect(simple.stderr).toBe('Error: --count-only is only for `--write-out=fields`\n');
    expect(simple.exitCode).toBe(128);
    expect(fields.stdout).toMatch(/"More" : false\n"Count" : 3\n$/);
    expect(fields.stdout).not.toContain('"Key"');
  });

  it('stops at --limit and says there is more, counting the whole range', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(`${ETCDCTL} get /registry/minions --prefix --limit 1 -w json`);

    expect(r.stdout).toMatch(/"kvs":\[\{[^\]]*\}\],"more":true,"count":3\}\n$/);
  });

  it('rejects bad arguments with the real messages and exit codes', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const none = await s.run(`${ETCDCTL} get`);
    const both = await s.run(`${ETCDCTL} get a --prefix --from-key`);
    const future = await s.run(`${ETCDCTL} get a --rev 99999999`);
    const limit = await s.run(`${ETCDCTL} get a --limit x`);

    expect([none.stderr, none.exitCode]).toEqual([
      'Error: get command needs one argument as key and an optional argument as range_end\n',
      128,
    ]);
    expect(both.stderr).toBe(
      'Error: `--prefix` and `--from-key` cannot be set at the same time, choose one\n',
    );
    expect([future.stderr, future.exitCode]).toEqual([
      'Error: etcdserver: mvcc: required revision is a future revision\n',
      1,
    ]);
    expect(limit.stderr).toContain(
      'Error: invalid argument "x" for "--limit" flag: strconv.ParseInt: parsing "x": invalid syntax\n',
    );
  });

  it('times out without the client certificate kubeadm requires', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('etcdctl get /registry --prefix --keys-only');

    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', 'Error: context deadline exceeded\n', 1]);
  });

  it("quotes values as Go's %q does for the fields printer (strconv.Quote, measured on etcdctl 3.4.23)", () => {
    const bytes = Uint8Array.from([0x61, 0x01, 0x62, 0xff, 0x63, 0x0a, 0x22, 0x71]);

    expect(goQuote(bytes)).toBe('"a\\x01b\\xffc\\n\\"q"');
  });

  it('encodes a ConfigMap that the API server decoder reads back (one protobuf implementation)', () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'default', labels: { b: '2', a: '1' } },
      data: { k: 'v' },
    };

    expect(protobufObject(storedProtobuf(cm))).toMatchObject(cm);
  });
});
