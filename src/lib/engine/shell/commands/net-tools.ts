/**
 * Port checks as kubeadm's install page suggests them: `nc -zv HOST PORT [-w N]` (OpenBSD netcat
 * 1.226 on Ubuntu 24.04: verbose results on stderr, exit 1 when refused) and `ss -ltnp`
 * (iproute2 6.1). What listens where comes from ../listeners.ts.
 */
import type { ClusterState, Machine } from '../../src/index.ts';
import { accepts, listeners } from '../listeners.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { findMachine, machineList, runningApiservers } from '../../src/index.ts';

/** Service names netbase's /etc/services gives the ports the pages check. */
const SERVICES: Readonly<Record<number, string>> = { 22: 'ssh', 53: 'domain' };

const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

/** The address /etc/hosts on `m` gives `name` (glibc's files source: first matching line). */
function hostsLookup(m: Machine | undefined, name: string): string | undefined {
  for (const line of (m?.files['/etc/hosts'] ?? '').split('\n')) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (address !== undefined && names.includes(name)) return address;
  }
  return undefined;
}

/**
 * Where `host` leads from machine `here`: the machine with that address (null: a literal IPv4
 * address nobody has, the connection times out; undefined: a name nothing resolves). Names go
 * through /etc/hosts first, then the simulated network's own machine names.
 */
function resolve(
  state: ClusterState,
  here: string,
  host: string,
): { m: Machine; address: string } | null | undefined {
  const local = findMachine(state, here);
  if (host === 'localhost' || host.startsWith('127.'))
    return local ? { m: local, address: host === 'localhost' ? '127.0.0.1' : host } : null;
  const address = IPV4.test(host) ? host : hostsLookup(local, host);
  for (const m of machineList(state)) {
    if (address !== undefined ? m.ip === address : m.name === host) return { m, address: m.ip };
  }
  return address !== undefined ? null : undefined;
}

/**
 * The load balancer in front of the apiservers (the controlPlaneEndpoint's address and port):
 * it passes a connection to a running apiserver and has nothing to answer with while none runs,
 * which is why kubernetes.io's HA page expects "Connection refused" before `kubeadm init`.
 */
function balancerAccepts(
  state: ClusterState,
  here: string,
  address: string,
  port: number,
): boolean {
  const endpoint = state.cluster?.controlPlaneEndpoint;
  if (!endpoint) return false;
  const [host = '', portText = '6443'] = endpoint.split(':');
  const target = IPV4.test(host) ? host : hostsLookup(findMachine(state, here), host);
  return target === address && Number(portText) === port && runningApiservers(state).length > 0;
}

/** `nc [-z] [-v] [-w secs] HOST PORT`. */
export const nc: CommandModule = {
  name: 'nc',
  summary: 'check whether a TCP port is open (nc -zv HOST PORT)',
  run: (inv: Invocation) => {
    const operands: string[] = [];
    let verbose = false;
    let zero = false;
    for (let i = 0; i < inv.args.length; i++) {
      const a = inv.args[i] ?? '';
      if (a === '-w' || a === '-p' || a === '-s') i++;
      else if (/^-[a-zA-Z]+$/.test(a)) {
        if (a.includes('v')) verbose = true;
        if (a.includes('z')) zero = true;
      } else operands.push(a);
    }
    const [host, portText] = operands;
    if (host === undefined || portText === undefined) {
      inv.io.err(
        'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]',
      );
      return 1;
    }
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
      inv.io.err(`nc: port number invalid: ${portText}`);
      return 1;
    }
    const target = resolve(inv.ctx.state, inv.machine, host);
    if (target === undefined) {
      inv.io.err(`nc: getaddrinfo for host "${host}" port ${port}: Name or service not known`);
      return 1;
    }
    // netcat-openbsd names a host it resolved by name and address: `localhost (127.0.0.1)`.
    const shown = (address: string): string => (IPV4.test(host) ? host : `${host} (${address})`);
    if (target === null) {
      if (verbose)
        inv.io.err(
          `nc: connect to ${shown(hostsLookup(findMachine(inv.ctx.state, inv.machine), host) ?? host)} port ${port} (tcp) timed out: Operation now in progress`,
        );
      return 1;
    }
    const fromLocal = target.m.name === inv.machine;
    if (
      !accepts(inv.ctx.state, target.m, port, fromLocal, target.address) &&
      !balancerAccepts(inv.ctx.state, inv.machine, target.address, port)
    ) {
      if (verbose)
        inv.io.err(
          `nc: connect to ${shown(target.address)} port ${port} (tcp) failed: Connection refused`,
        );
      return 1;
    }
    if (verbose)
      inv.io.err(
        `Connection to ${shown(target.address)} ${port} port [tcp/${SERVICES[port] ?? '*'}] succeeded!`,
      );
    // Without -z nc would hold the connection open; the simulator closes it at once.
    void zero;
    return 0;
  },
};

/** `ss -ltn[p]`: listening TCP sockets (other socket kinds are not simulated). */
export const ss: CommandModule = {
  name: 'ss',
  summary: 'list listening TCP sockets (ss -ltnp)',
  run: (inv) => {
    const m = findMachine(inv.ctx.state, inv.machine);
    if (!m) return 1;
    const flags = inv.args.filter((a) => a.startsWith('-')).join('');
    const processes = flags.includes('p');
    const numeric = flags.includes('n');
    const rows = listeners(inv.ctx.state, m)
      .slice()
      .sort((a, b) => a.port - b.port || (a.address < b.address ? -1 : 1))
      .map((l) => ({
        local: l.address,
        port: numeric ? String(l.port) : (SERVICES[l.port] ?? String(l.port)),
        peer:
          l.address.startsWith('[') || l.address === '*'
            ? l.address === '*'
              ? '*'
              : '[::]'
            : '0.0.0.0',
        proc: `users:(("${l.process}",pid=${l.pid},fd=${l.fd}))`,
      }));
    const addrW = Math.max(13, ...rows.map((r) => r.local.length));
    const portW = Math.max(4, ...rows.map((r) => r.port.length));
    const peerW = Math.max(12, ...rows.map((r) => r.peer.length));
    inv.io.out(
      `State  Recv-Q Send-Q ${'Local Address'.padStart(addrW)}:${'Port'.padEnd(portW)} ${'Peer Address'.padStart(peerW)}:${'Port'}${processes ? 'Process' : ''}`,
    );
    for (const r of rows) {
      inv.io.out(
        `LISTEN 0      4096   ${r.local.padStart(addrW)}:${r.port.padEnd(portW)} ${r.peer.padStart(peerW)}:*    ${processes ? r.proc : ''}`.trimEnd(),
      );
    }
    return 0;
  },
};
