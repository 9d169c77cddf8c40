/**
 * What every etcdctl command shares: the global flags, the endpoints it dials, the TLS material
 * kubeadm's etcd requires, and the member that answers.
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/global.go (flags, clientConfigFromCmd, mustClient)
 */
import {
  etcdView,
  externalEtcdOf,
  findMachine,
  hash64,
  machineList,
  memberRunning,
  normalizePath,
  type ClusterState,
  type EtcdMember,
} from '../../src/index.ts';
import { str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';

/** `-w, --write-out`, shared by etcdctl and etcdutl (etcdctl/ctlv3/command/global.go). */
export const WRITE_OUT: FlagSpec = {
  name: 'write-out',
  short: 'w',
  type: 'string',
  usage: 'set the output format (fields, json, protobuf, simple, table)',
};

/** etcdctl's persistent flags (etcdctl/ctlv3/ctl.go). */
export const GLOBAL: FlagSpec[] = [
  { name: 'endpoints', type: 'strings', usage: 'gRPC endpoints' },
  {
    name: 'cacert',
    type: 'string',
    usage: 'verify certificates of TLS-enabled secure servers using this CA bundle',
  },
  { name: 'cert', type: 'string', usage: 'identify secure client using this TLS certificate file' },
  { name: 'key', type: 'string', usage: 'identify secure client using this TLS key file' },
  WRITE_OUT,
  { name: 'hex', type: 'bool', usage: 'print byte strings as hex encoded strings' },
  {
    name: 'command-timeout',
    type: 'string',
    usage: 'timeout for short running command (excluding dial timeout)',
  },
  { name: 'dial-timeout', type: 'string', usage: 'dial timeout for client connections' },
  { name: 'keepalive-time', type: 'string', usage: 'keepalive time for client connections' },
  { name: 'keepalive-timeout', type: 'string', usage: 'keepalive timeout for client connections' },
  { name: 'debug', type: 'bool', usage: 'enable client-side debug logging' },
  {
    name: 'insecure-transport',
    type: 'bool',
    usage: 'disable transport security for client connections',
  },
  {
    name: 'insecure-skip-tls-verify',
    type: 'bool',
    usage:
      'skip server certificate verification (CAUTION: this option should be enabled only for testing purposes)',
  },
  {
    name: 'user',
    type: 'string',
    usage: 'username[:password] for authentication (prompt if password is not supplied)',
  },
  {
    name: 'password',
    type: 'string',
    usage:
      "password for authentication (if this option is used, --user option shouldn't include password)",
  },
];

/** cobrautl exit codes (pkg/cobrautl/error.go): ExitError 1, ExitBadConnection 2, ExitBadArgs 128. */
export const EXIT = {
  error: 1,
  badConnection: 2,
  invalidInput: 3,
  badFeature: 4,
  interrupted: 5,
  badArgs: 128,
} as const;

/** The etcd version the cluster runs (its static Pod's image), 3.6.9 without a manifest. */
export function etcdVersion(state: ClusterState): string {
  const v = /registry\.k8s\.io\/etcd:(\d+\.\d+\.\d+)/.exec(
    machineList(state)
      .map((m) => m.files['/etc/kubernetes/manifests/etcd.yaml'] ?? '')
      .join('\n'),
  );
  return v?.[1] ?? '3.6.9';
}

/** True for etcd 3.6 and later (etcdctl of 3.6 dropped snapshot restore/status, migrate, …). */
export function atLeast36(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 6);
}

/**
 * A member ID as etcdctl prints it: `fmt.Sprintf("%x", id)` of the uint64 (no leading zeros;
 * etcdctl/ctlv3/command/printer.go).
 */
export function hexId(id: string): string {
  return BigInt(`0x${id}`).toString(16);
}

/** A uint64 ID in decimal, as protobuf's JSON encoding of the response header prints it. */
export function decId(id: string): string {
  return BigInt(`0x${id}`).toString();
}

/** Prints `Error: MESSAGE` (cobrautl.ExitWithError) and returns the exit code. */
export function fail(inv: Invocation, message: string, code: number = EXIT.error): number {
  inv.io.err(`Error: ${message}`);
  return code;
}

/** Resolves an endpoint URL to the member serving it (127.0.0.1 = the current machine). */
export function memberAt(inv: Invocation, endpoint: string): EtcdMember | undefined {
  const e = etcdView(inv.ctx.state);
  const host = endpoint.replace(/^https?:\/\//, '').split(':')[0] ?? '';
  const machine =
    host === '127.0.0.1' || host === 'localhost'
      ? inv.machine
      : machineList(inv.ctx.state).find((m) => m.ip === host)?.name;
  return e?.members.find((m) => m.machine === machine && m.name !== '');
}

/** True when the client presents the TLS material kubeadm's etcd requires. */
export function tlsOk(inv: Invocation, p: ParsedFlags): boolean {
  const m = findMachine(inv.ctx.state, inv.machine);
  const get = (flag: string, env: string): string | undefined => str(p, flag) ?? inv.ctx.env[env];
  const files = [
    get('cacert', 'ETCDCTL_CACERT'),
    get('cert', 'ETCDCTL_CERT'),
    get('key', 'ETCDCTL_KEY'),
  ];
  return files.every((f) => f !== undefined && m?.files[normalizePath(f)] !== undefined);
}

/** `--endpoints`, else ETCDCTL_ENDPOINTS, else etcdctl's default 127.0.0.1:2379. */
export function endpointsOf(inv: Invocation, p: ParsedFlags): string[] {
  const given =
    (p.values['endpoints'] as readonly string[] | undefined) ??
    (inv.ctx.env['ETCDCTL_ENDPOINTS'] ?? '').split(',').filter((x) => x !== '');
  return given.length > 0 ? [...given] : ['127.0.0.1:2379'];
}

/** The first endpoint that answers, or an error message. */
export function connect(inv: Invocation, p: ParsedFlags): EtcdMember | string {
  // An external etcd cluster answers even before (or after) a Kubernetes cluster exists.
  if (!inv.ctx.state.cluster && !externalEtcdOf(inv.ctx.state)) return 'context deadline exceeded';
  // Without the client certificate, the TLS handshake never completes and the dial times out.
  if (!tlsOk(inv, p)) return 'context deadline exceeded';
  for (const ep of endpointsOf(inv, p)) {
    const member = memberAt(inv, ep);
    if (member && memberRunning(inv.ctx.state, member)) return member;
  }
  return 'context deadline exceeded';
}

/** The raft term the simulated cluster is in: one election per member that joined. */
export function raftTerm(state: ClusterState): number {
  return 2 + (etcdView(state)?.members.length ?? 1);
}

/** Deterministic "took" duration in Go's format, e.g. 9.613462ms. */
export function took(state: ClusterState, ep: string): string {
  const ns = 1_000_000 + (parseInt(hash64(`${state.now}|${ep}`).slice(0, 8), 16) % 14_000_000);
  return `${(ns / 1e6).toFixed(6).replace(/\.?0+$/, '')}ms`;
}
