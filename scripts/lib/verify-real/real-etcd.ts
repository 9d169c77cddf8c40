/**
 * A real etcd cluster for `npm run verify:real`, shaped like the simulator's: one member per
 * simulated member (same names), all on 127.0.0.1 (never another address) with ports 12379/12380,
 * 22379/22380, … and the certificates the simulator exported for that member's machine. The
 * member on the machine the guide starts on also listens on 127.0.0.1:12378, which stands for the
 * guides' `--endpoints=https://127.0.0.1:2379` (an etcd that a package installed may hold 2379).
 * `rewrites` maps the guide's addresses and IDs to this cluster's, so outputs map back to the
 * page's values.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EtcdMember } from 'kubelife';

/** One started member. */
export interface RealMember {
  readonly sim: EtcdMember;
  readonly clientPort: number;
  readonly peerPort: number;
  /** The ID the real etcd gave it, as etcdctl prints IDs (`%x`). */
  realId: string;
}

/** A running real cluster. */
export interface RealEtcd {
  readonly members: readonly RealMember[];
  /** [guide's value, real value] pairs: addresses and IDs. */
  readonly rewrites: Array<readonly [string, string]>;
  /** Bash defining the stand-ins (`kubelife fault machine-down|clear NAME`, `etcdutl` on 3.4). */
  readonly prelude: string;
  /** Takes a real snapshot into `file`. */
  snapshot(file: string): void;
  /** Stops every member. */
  stop(): void;
}

/**
 * `ls` as a terminal shows it: in columns. The harness's stdout is a pipe, where ls prints one name
 * per line; the simulator does not wrap at a terminal width, so the width is wide.
 */
export const LS_STAND_IN = 'ls() { command ls -C -T 0 -w "${KUBELIFE_COLUMNS:-1000}" "$@"; }';

/** Where the local member answers for the guides' 127.0.0.1:2379. */
const LOCAL_ALIAS = '127.0.0.1:12378';

const hostPort = (url: string): string => url.replace(/^[a-z]+:\/\//, '');

function certArgs(pki: string): string[] {
  return [`--cacert=${pki}/ca.crt`, `--cert=${pki}/server.crt`, `--key=${pki}/server.key`];
}

function etcdctl(pki: string, endpoint: string, args: string[]) {
  return spawnSync('etcdctl', [`--endpoints=${endpoint}`, ...certArgs(pki), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ETCDCTL_API: '3' },
    timeout: 15000,
  });
}

/** Polls until every running member answers `endpoint health` (bounded: about 20 s). */
function waitHealthy(pki: string, endpoints: string[]): void {
  for (let i = 0; i < 100; i++) {
    if (etcdctl(pki, endpoints.join(','), ['endpoint', 'health']).status === 0) return;
    spawnSync('sleep', ['0.2']);
  }
  throw new Error(`the real etcd did not become healthy at ${endpoints.join(', ')}`);
}

function memberScript(m: RealMember, fs: string, cluster: string, extraListen: string): string {
  const pki = `${fs}/${m.sim.machine}/etc/kubernetes/pki/etcd`;
  const client = `https://127.0.0.1:${m.clientPort}`;
  const peer = `https://127.0.0.1:${m.peerPort}`;
  return [
    `etcd --name ${m.sim.name} --data-dir ${fs}/${m.sim.machine}/var/lib/etcd`,
    `--listen-client-urls ${client}${extraListen} --advertise-client-urls ${client}`,
    `--listen-peer-urls ${peer} --initial-advertise-peer-urls ${peer}`,
    `--listen-metrics-urls http://127.0.0.1:${m.clientPort + 2}`,
    `--initial-cluster ${cluster} --initial-cluster-state new --initial-cluster-token etcd-cluster`,
    `--cert-file ${pki}/server.crt --key-file ${pki}/server.key --client-cert-auth --trusted-ca-file ${pki}/ca.crt`,
    `--peer-cert-file ${pki}/peer.crt --peer-key-file ${pki}/peer.key --peer-client-cert-auth --peer-trusted-ca-file ${pki}/ca.crt`,
  ].join(' ');
}

/**
 * Starts a real cluster for the simulator's `members` (their certificates under `fs`, the
 * exported file tree); scripts, logs and pid files go to `work`.
 */
export function startRealEtcd(options: {
  readonly members: readonly EtcdMember[];
  readonly clusterId: string;
  readonly fs: string;
  readonly work: string;
  readonly localMachine: string;
}): RealEtcd {
  const { fs, work } = options;
  const members: RealMember[] = options.members.map((sim, i) => ({
    sim,
    clientPort: 12379 + 10000 * i,
    peerPort: 12380 + 10000 * i,
    realId: '',
  }));
  if (members.length > 5) throw new Error('verify:real starts at most 5 real etcd members');
  const cluster = members.map((m) => `${m.sim.name}=https://127.0.0.1:${m.peerPort}`).join(',');
  const cases = members.map((m) => {
    const extra = m.sim.machine === options.localMachine ? `,https://${LOCAL_ALIAS}` : '';
    return `  ${m.sim.machine}|${m.sim.name}) pid=${work}/${m.sim.name}.pid; log=${work}/${m.sim.name}.log; url=https://127.0.0.1:${m.clientPort}; pki=${fs}/${m.sim.machine}/etc/kubernetes/pki/etcd; cmd="${memberScript(m, fs, cluster, extra)}" ;;`;
  });
  const lookup = ['case "$1" in', ...cases, '  *) exit 0 ;;', 'esac'].join('\n');
  writeFileSync(
    join(work, 'start-member.sh'),
    `${lookup}\nif [ -f "$pid" ] && kill -0 "$(cat "$pid")" 2>/dev/null; then exit 0; fi\nnohup $cmd >>"$log" 2>&1 </dev/null &\necho $! >"$pid"\n[ "$2" = wait ] || exit 0\nfor i in $(seq 100); do ETCDCTL_API=3 etcdctl --endpoints="$url" --cacert="$pki/ca.crt" --cert="$pki/server.crt" --key="$pki/server.key" endpoint health >/dev/null 2>&1 && exit 0; sleep 0.2; done\necho "member $1 did not come back" >&2; exit 1\n`,
  );
  writeFileSync(
    join(work, 'stop-member.sh'),
    `${lookup}\n[ -f "$pid" ] || exit 0\nkill -KILL "$(cat "$pid")" 2>/dev/null\nwhile kill -0 "$(cat "$pid")" 2>/dev/null; do sleep 0.1; done\nrm -f "$pid"\n`,
  );
  const stop = (): void => {
    for (const m of members) spawnSync('bash', [join(work, 'stop-member.sh'), m.sim.name]);
  };
  try {
    for (const m of members) {
      rmSync(join(fs, m.sim.machine, 'var/lib/etcd'), { recursive: true, force: true });
      const started = spawnSync('bash', [join(work, 'start-member.sh'), m.sim.name]);
      if (started.status !== 0) throw new Error(`could not start etcd member ${m.sim.name}`);
    }
    const first = members[0];
    if (!first) throw new Error('the scenario has no etcd members');
    const pki = `${fs}/${first.sim.machine}/etc/kubernetes/pki/etcd`;
    waitHealthy(
      pki,
      members.map((m) => `https://127.0.0.1:${m.clientPort}`),
    );
    const list = etcdctl(pki, `https://127.0.0.1:${first.clientPort}`, [
      'member',
      'list',
      '-w',
      'json',
    ]);
    // IDs are uint64: read them as digits (JSON numbers would lose precision in JavaScript).
    const clusterId = /"cluster_id":(\d+)/.exec(list.stdout)?.[1] ?? '0';
    for (const entry of list.stdout.matchAll(/"ID":(\d+),"name":"([^"]*)"/g)) {
      const m = members.find((x) => x.sim.name === entry[2]);
      if (m) m.realId = BigInt(entry[1] ?? '0').toString(16);
    }
    const rewrites: Array<readonly [string, string]> = [
      [BigInt(`0x${options.clusterId}`).toString(16), BigInt(clusterId).toString(16)],
      ['127.0.0.1:2379', LOCAL_ALIAS],
    ];
    for (const m of members) {
      // The guide prints member IDs as etcdctl does (`%x`, no leading zeros): map that form.
      rewrites.push([BigInt(`0x${m.sim.id}`).toString(16), m.realId]);
      rewrites.push([hostPort(m.sim.clientURL), `127.0.0.1:${m.clientPort}`]);
      rewrites.push([hostPort(m.sim.peerURL), `127.0.0.1:${m.peerPort}`]);
    }
    const prelude = [
      'kubelife() {',
      '  case "$1 $2" in',
      `    "fault machine-down") bash ${work}/stop-member.sh "$3" ;;`,
      `    "fault clear") for m in \${3:-${members.map((m) => m.sim.name).join(' ')}}; do bash ${work}/start-member.sh "$m" wait; done ;;`,
      '    "clock advance") : ;;',
      '    *) echo "kubelife $*: no real stand-in" >&2; return 127 ;;',
      '  esac',
      '}',
      // etcd 3.4 has no etcdutl (3.5 moved the offline snapshot commands there).
      'command -v etcdutl >/dev/null 2>&1 || etcdutl() { ETCDCTL_API=3 etcdctl "$@"; }',
      LS_STAND_IN,
      '',
    ].join('\n');
    return {
      members,
      rewrites,
      prelude,
      snapshot(file: string): void {
        rmSync(file, { force: true });
        const saved = etcdctl(pki, `https://127.0.0.1:${first.clientPort}`, [
          'snapshot',
          'save',
          file,
        ]);
        if (saved.status !== 0) throw new Error(`real snapshot failed: ${saved.stderr}`);
      },
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}

/** A member row of `etcdctl member list` (table or simple format), with its ID in group 1. */
const MEMBER_ROW = /^(?:\|\s*)?([0-9a-f]{1,16})(?:\s*\||,) (?:started|unstarted)\b/;

/**
 * etcd lists members sorted by ID (server/etcdserver/api/membership/cluster.go, `Members()`).
 * The real cluster's IDs are mapped back to the guide's, which sort differently, so each run of
 * member rows is re-sorted by the mapped ID: the order a cluster with the guide's IDs prints.
 */
export function sortMemberRows(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && MEMBER_ROW.test(lines[j] ?? '')) j++;
    if (j - i > 1) {
      const id = (line: string): bigint => BigInt(`0x${MEMBER_ROW.exec(line)?.[1] ?? '0'}`);
      const run = lines.slice(i, j).sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
      lines.splice(i, j - i, ...run);
    }
    i = Math.max(j, i + 1);
  }
  // etcdctl prints `Member %16x <verb> … cluster %16x` (member_command.go): re-pad the mapped IDs.
  const pad = (hex: string): string => hex.trim().padStart(16, ' ');
  return lines
    .join('\n')
    .replace(
      /^Member +([0-9a-f]+) (added to|removed from|updated in) cluster +([0-9a-f]+)$/gm,
      (_, id: string, verb: string, cluster: string) =>
        `Member ${pad(id)} ${verb} cluster ${pad(cluster)}`,
    );
}
