// `kubelife machine add --count N [--prefix P] [--packages]` (src/machine/add-machines.ts,
// shell/commands/kubelife-machine.ts): many machines prepared like the scenarios' machines.
import { describe, expect, it } from 'vitest';
import {
  apply,
  buildScenario,
  createSession,
  findMachine,
  machineList,
  machineNames,
  type ClusterState,
  type Command,
  type Machine,
} from 'kubelife';
import { preparePackagesCommands } from '../../../src/lib/engine/src/scenarios/repository.ts';

function step(state: ClusterState, command: Command): ClusterState {
  const t = apply(state, command);
  if (!t.ok) throw new Error(t.error.message);
  return t.state;
}

/** A machine without what differs by name (name, IP, /etc/hostname). */
function anonymous(m: Machine | undefined): unknown {
  if (!m) return undefined;
  const { name: _n, ip: _i, files, ...rest } = m;
  // The host name and the DMI product UUID are what differs from one machine to the next.
  const { '/etc/hostname': _h, '/sys/class/dmi/id/product_uuid': _u, ...other } = files;
  return { ...rest, files: other };
}

describe('kubelife machine add', () => {
  it('adds node-1 … node-N as bare machines like the scenarios build them', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const r = await s.run('kubelife machine add --count 3');

    const state = s.save().state;
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('added 3 machines: node-1 … node-3 (10.0.1.1 … 10.0.1.3)\n');
    expect(machineNames(state)).toEqual([
      'cp-1',
      'worker-1',
      'worker-2',
      'node-1',
      'node-2',
      'node-3',
    ]);
    expect(findMachine(state, 'node-2')?.files['/etc/hostname']).toBe('node-2\n');
    expect(anonymous(findMachine(state, 'node-2'))).toEqual(
      anonymous(findMachine(state, 'worker-1')),
    );
  });

  it('installs the packages exactly as the install guide does on every machine with --packages', () => {
    const base = buildScenario('bare-machines');
    const minor = createSession().release;

    const added = step(base, { type: 'machines.add', count: 2, prefix: 'w', packagesMinor: minor });

    let byHand = step(base, {
      type: 'machine.add',
      spec: { name: 'w-2', ip: '10.0.1.2', cpus: 2, memoryMiB: 4096 },
    });
    for (const c of preparePackagesCommands('w-2', minor)) byHand = step(byHand, c);
    expect(findMachine(added, 'w-2')).toEqual(findMachine(byHand, 'w-2'));
    expect(findMachine(added, 'w-1')?.packages.kubeadm?.held).toBe(true);
    expect(added.now).toBe(base.now);
  });

  it('prepares machines with --packages that join the cluster the real way', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const join = (await s.run('kubeadm token create --print-join-command')).stdout.trim();

    const added = await s.run('kubelife machine add --count 2 --prefix edge --packages');
    await s.run('ssh edge-2');
    const joined = await s.run(join);
    await s.run('exit');
    const nodes = await s.run('kubectl get nodes');

    expect(added.stdout).toMatch(
      /^added 2 machines: edge-1 … edge-2 \(10\.0\.1\.1 … 10\.0\.1\.2\), kubeadm, kubelet and kubectl v\d+\.\d+\.\d+ installed and held\n$/,
    );
    expect(joined.exitCode).toBe(0);
    expect(joined.stdout).toContain('This node has joined the cluster');
    expect(nodes.stdout).toMatch(/^edge-2 +NotReady|^edge-2 +Ready/m);
  });

  it('gives new machines addresses no machine has', () => {
    let state = buildScenario('bare-machines');
    state = step(state, {
      type: 'machine.add',
      spec: { name: 'taken', ip: '10.0.1.2', cpus: 2, memoryMiB: 4096 },
    });

    state = step(state, { type: 'machines.add', count: 300, prefix: 'node' });

    const ips = machineList(state).map((m) => m.ip);
    expect(new Set(ips).size).toBe(ips.length);
    expect(findMachine(state, 'node-2')?.ip).toBe('10.0.1.3');
    expect(ips.every((ip) => !/\.(0|255)$/.test(ip))).toBe(true);
  });

  it('refuses a name that exists and changes nothing', async () => {
    const s = createSession({ scenario: 'bare-machines' });
    await s.run('kubelife machine add --count 2');
    const before = JSON.stringify(s.save());

    const r = await s.run('kubelife machine add --count 5');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'kubelife: machine "node-1" already exists; add the machines under another --prefix\n',
    );
    expect(JSON.stringify(s.save())).toBe(before);
  });

  it.each([
    ['--count 0', 'invalid --count "0": give a whole number of machines from 1 to 10000'],
    ['--count 10001', 'invalid --count "10001": give a whole number of machines from 1 to 10000'],
    ['--count -3', 'invalid --count "-3": give a whole number of machines from 1 to 10000'],
    ['--count 2.5', 'invalid --count "2.5": give a whole number of machines from 1 to 10000'],
    ['--count 1e3', 'invalid --count "1e3": give a whole number of machines from 1 to 10000'],
  ])('rejects %s with a clear message', async (flags, message) => {
    const s = createSession({ scenario: 'bare-machines' });

    const r = await s.run(`kubelife machine add ${flags}`);

    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`kubelife: ${message}\n`);
  });

  it.each(['Node', 'node_1', '-node', 'node-', 'a.b', 'x'.repeat(62)])(
    'rejects the prefix %s, which is no host name',
    async (prefix) => {
      const s = createSession({ scenario: 'bare-machines' });

      const r = await s.run(`kubelife machine add --count 2 --prefix '${prefix}'`);

      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(
        `kubelife: invalid --prefix "${prefix}": machine names are host names (RFC 1123)`,
      );
      expect(machineNames(s.save().state)).toEqual(['cp-1', 'worker-1', 'worker-2']);
    },
  );

  it('explains its usage when the count is missing or the verb unknown', async () => {
    const s = createSession({ scenario: 'bare-machines' });

    const missing = await s.run('kubelife machine add --prefix web');
    const unknown = await s.run('kubelife machine remove');
    const help = await s.run('kubelife help');

    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('kubelife: machine add needs --count N');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain(
      'kubelife machine add --count N [--prefix PREFIX] [--packages]',
    );
    expect(help.stdout).toContain('kubelife machine add --count N [--prefix PREFIX] [--packages]');
  });
});
