// etcdctl put/del, compaction, defrag, alarm, hashkv, move-leader and member promote/update.
// upstream: etcd-io/etcd etcdctl/ctlv3/command/{put,del,compaction,defrag,alarm,ep,move_leader,
// member}_command.go, printer_simple.go; server/storage/mvcc/kvstore_txn.go (revisions, version);
// server/etcdserver/server.go (mayPromoteMember); measured on etcdctl 3.4.23 where 3.5/3.6 agree.
import { describe, expect, it } from 'vitest';
import { createSession, type SerializedState } from 'kubelife';

const ETCDCTL =
  'etcdctl --cacert /etc/kubernetes/pki/etcd/ca.crt --cert /etc/kubernetes/pki/etcd/server.crt --key /etc/kubernetes/pki/etcd/server.key';

describe('etcdctl put and del', () => {
  it('puts a key at the next revision, keeps its create_revision and counts its versions', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const first = await s.run(`${ETCDCTL} put /app/a one`);
    const second = await s.run(`${ETCDCTL} put /app/a two --prev-kv`);
    const json = JSON.parse((await s.run(`${ETCDCTL} get /app/a -w json`)).stdout) as {
      header: { revision: number };
      kvs: Array<{ create_revision: number; mod_revision: number; version: number; value: string }>;
    };

    expect(first.stdout).toBe('OK\n');
    expect(second.stdout).toBe('OK\n/app/a\none\n');
    const kv = json.kvs[0];
    expect(kv?.mod_revision).toBe(json.header.revision);
    expect(kv?.create_revision).toBe(json.header.revision - 1);
    expect(kv?.version).toBe(2);
    expect(Buffer.from(kv?.value ?? '', 'base64').toString()).toBe('two');
  });

  it('takes the value from stdin when only the key is given (argOrStdin)', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run(`echo hello | ${ETCDCTL} put /app/piped`);
    const r = await s.run(`${ETCDCTL} get /app/piped --print-value-only`);

    expect(r.stdout).toBe('hello\n\n');
  });

  it('shares one revision counter with the API objects: a put moves the resourceVersion on', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    await s.run(`${ETCDCTL} put /app/a one`);
    const rev = (
      JSON.parse((await s.run(`${ETCDCTL} get /app/a -w json`)).stdout) as {
        header: { revision: number };
      }
    ).header.revision;
    await s.run('kubectl create namespace after-put');
    const rv = (
      await s.run("kubectl get ns after-put -o jsonpath='{.metadata.resourceVersion}'")
    ).stdout.trim();

    expect(Number(rv)).toBeGreaterThan(rev);
  });

  it('deletes a range and prints the count, then the deleted pairs with --prev-kv', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(`${ETCDCTL} put /app/a one`);
    await s.run(`${ETCDCTL} put /app/b two`);

    const del = await s.run(`${ETCDCTL} del /app/ --prefix --prev-kv`);
    const again = await s.run(`${ETCDCTL} del /app/a`);

    expect(del.stdout).toBe('2\n/app/a\none\n/app/b\ntwo\n');
    expect(again.stdout).toBe('0\n');
  });

  it('removes a stored object when its registry key is deleted, bypassing the API server', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const del = await s.run(`${ETCDCTL} del /registry/deployments/kube-system/coredns`);
    const get = await s.run('kubectl get deployment coredns -n kube-system');

    expect(del.stdout).toBe('1\n');
    expect(get.stderr).toBe('Error from server (NotFound): deployments.apps "coredns" not found\n');
  });

  it("says so instead of deleting a Node's key, which its kubelet would register again", async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(`${ETCDCTL} del /registry/minions/worker-1`);

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('kubelife: /registry/minions/worker-1');
    expect((await s.run('kubectl get node worker-1')).exitCode).toBe(0);
  });

  it('rejects bad put arguments with the real messages and ExitBadArgs (128)', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const none = await s.run(`${ETCDCTL} put`);
    const lease = await s.run(`${ETCDCTL} put k v --lease zz`);

    expect([none.stderr, none.exitCode]).toEqual([
      'Error: put command needs 1 argument and input from stdin or 2 arguments\n',
      128,
    ]);
    expect([lease.stderr, lease.exitCode]).toEqual([
      'Error: bad lease ID (strconv.ParseInt: parsing "zz": invalid syntax), expecting ID in Hex\n',
      128,
    ]);
  });

  it('keeps the keys in a saved state and refuses a save whose etcd keys are not well formed', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(`${ETCDCTL} put /app/a one`);
    const saved = JSON.parse(JSON.stringify(s.save())) as SerializedState;
    const broken = JSON.parse(JSON.stringify(saved)) as SerializedState;
    const data = (broken.state.cluster as { etcdData?: { keys: Record<string, unknown> } })
      .etcdData;
    if (data) data.keys['/app/a'] = { value: 1 };

    const again = createSession({ state: saved });

    expect((await again.run(`${ETCDCTL} get /app/a --print-value-only`)).stdout).toBe('one\n');
    expect(() => createSession({ state: broken })).toThrow(/invalid saved state/);
  });
});

describe('etcdctl maintenance', () => {
  it('compacts up to a revision, then refuses reads and compactions at or below it', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(`${ETCDCTL} put /app/a one`);

    const ok = await s.run(`${ETCDCTL} compaction 5`);
    const again = await s.run(`${ETCDCTL} compaction 4`);
    const read = await s.run(`${ETCDCTL} get /app/a --rev 3`);

    expect(ok.stdout).toBe('compacted revision 5\n');
    expect(again.stderr).toBe('Error: etcdserver: mvcc: required revision has been compacted\n');
    expect(read.stderr).toBe('Error: etcdserver: mvcc: required revision has been compacted\n');
  });

  it('defragments every member with --cluster and fails for a member that is down (defrag_command.go)', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });

    const all = await s.run(`${ETCDCTL} defrag --cluster`);
    await s.run('kubelife fault machine-down cp-3');
    const down = await s.run(
      `${ETCDCTL} defrag --endpoints https://10.0.0.11:2379,https://10.0.0.13:2379`,
    );

    expect(all.stdout).toBe(
      [11, 12, 13]
        .map((n) => `Finished defragmenting etcd member[https://10.0.0.${n}:2379]\n`)
        .join(''),
    );
    expect(down.stdout).toBe('Finished defragmenting etcd member[https://10.0.0.11:2379]\n');
    expect(down.stderr).toBe(
      'Failed to defragment etcd member[https://10.0.0.13:2379] (context deadline exceeded)\n',
    );
    expect(down.exitCode).toBe(1);
  });

  it('prints the same KV hash for every member, and no alarm', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });

    const hashes = (await s.run(`${ETCDCTL} endpoint hashkv --cluster`)).stdout
      .trim()
      .split('\n')
      .map((l) => l.split(', ')[1]);
    const alarms = await s.run(`${ETCDCTL} alarm list`);

    expect(hashes).toHaveLength(3);
    expect(new Set(hashes).size).toBe(1);
    expect([alarms.stdout, alarms.exitCode]).toEqual(['', 0]);
  });

  it('moves leadership to another voting member when asked through the leader (move_leader_command.go)', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });
    const status = async (): Promise<string> =>
      (await s.run(`${ETCDCTL} endpoint status --cluster`)).stdout;
    const followerId = /https:\/\/10\.0\.0\.12:2379, ([0-9a-f]+),/.exec(await status())?.[1] ?? '';

    const viaFollower = await s.run(
      `${ETCDCTL} --endpoints https://10.0.0.12:2379 move-leader ${followerId}`,
    );
    const moved = await s.run(`${ETCDCTL} move-leader ${followerId}`);

    expect(viaFollower.stderr).toBe(
      'Error: no leader endpoint given at [https://10.0.0.12:2379]\n',
    );
    expect(viaFollower.exitCode).toBe(128);
    expect(moved.stdout).toMatch(
      new RegExp(`^Leadership transferred from [0-9a-f]+ to ${followerId}\\n$`),
    );
    expect(await status()).toMatch(
      new RegExp(`10\\.0\\.0\\.12:2379, ${followerId}, [^\\n]*, true, false,`),
    );
  });

  it('refuses to promote a voting member or an unstarted learner (server.go mayPromoteMember)', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });
    const voter = /^([0-9a-f]+),/.exec((await s.run(`${ETCDCTL} member list`)).stdout)?.[1] ?? '';
    await s.run(`${ETCDCTL} member add cp-4 --peer-urls=https://10.0.0.14:2380 --learner`);
    const learner =
      /([0-9a-f]+), unstarted/.exec((await s.run(`${ETCDCTL} member list`)).stdout)?.[1] ?? '';

    const a = await s.run(`${ETCDCTL} member promote ${voter}`);
    const b = await s.run(`${ETCDCTL} member promote ${learner}`);

    expect(a.stderr).toBe('Error: etcdserver: can only promote a learner member\n');
    expect(b.stderr).toBe(
      'Error: etcdserver: can only promote a learner member which is in sync with leader\n',
    );
  });

  it("updates a member's peer URL and prints it as %16x (printer_simple.go MemberUpdate)", async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });
    const id =
      /([0-9a-f]+), started, cp-3/.exec((await s.run(`${ETCDCTL} member list`)).stdout)?.[1] ?? '';

    const r = await s.run(`${ETCDCTL} member update ${id} --peer-urls=https://10.0.0.13:12380`);
    const missing = await s.run(`${ETCDCTL} member update ${id}`);

    expect(r.stdout).toMatch(
      new RegExp(`^Member ${id.padStart(16, ' ')} updated in cluster [ 0-9a-f]{16}\\n$`),
    );
    expect((await s.run(`${ETCDCTL} member list`)).stdout).toContain('https://10.0.0.13:12380');
    expect([missing.stderr, missing.exitCode]).toEqual([
      'Error: member peer urls not provided\n',
      128,
    ]);
  });
});
