/**
 * Which of a guide's commands `npm run verify:real` can run on this machine's real tools. A
 * snippet is compared with the page only when every command in it runs for real; the others still
 * run their real parts (so later steps see the same state) and are reported as not compared, with
 * the reason. A step the harness cannot follow (kubeadm, a kubelet) marks the rest of the leaf as
 * diverged: from there on, nothing that depends on what that step changed is compared.
 */

import { machineSwitch } from 'kubelife/doctest';

/** How the harness treats one command line. */
export type CommandKind =
  /** Runs with a real tool on the simulator's exported files or the real etcd; compared. */
  | 'real'
  /** A simulator command with a real stand-in (stop or start an etcd member); compared. */
  | 'stand-in'
  /** Needs a Kubernetes API server (kubectl, kubeadm token …): skipped; touches no file or etcd member. */
  | 'api'
  /** Changes what a kubelet would act on (static pod manifests): runs, then etcd has diverged. */
  | 'kubelet'
  /** Changes machines or the cluster in ways the harness cannot reproduce: skipped; the leaf has diverged. */
  | 'unsupported';

/** A command's kind and, when it is not compared, why. */
export interface Classified {
  readonly kind: CommandKind;
  readonly reason?: string;
}

/** Folders of a simulated machine that the harness maps to that machine's exported tree. */
export const MAPPED_DIRS: readonly string[] = [
  '/etc/kubernetes',
  '/var/lib/etcd',
  '/var/lib/kubelet',
  '/root',
];

const REAL = new Set([
  'openssl',
  'etcdctl',
  'etcdutl',
  'mkdir',
  'ls',
  'cat',
  'grep',
  'awk',
  'base64',
  'mv',
  'cp',
  'sed',
  'head',
  'tail',
  'echo',
  'wc',
  'sort',
  'cut',
  'tr',
  'cd',
  'test',
  'rm',
  'chmod',
  'export',
  'true',
  'diff',
  'printf',
]);

const KUBECTL =
  'kubectl needs an API server: `kubelife serve --api` (issue 11) lets the real kubectl judge it';
const KUBEADM = 'kubeadm needs real machines (.github/workflows/real-cluster.yml runs it)';

/** The programs a command line runs (the first word of each part of a pipeline or list). */
export function programs(line: string): string[] {
  return line
    .replace(/\\\n/g, ' ')
    .split(/\|\||&&|[|;]/)
    .map(
      (part) =>
        part
          .trim()
          .split(/\s+/)
          .filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w))[0] ?? '',
    )
    .filter((p) => p !== '');
}

/** Absolute paths a command names outside the mapped folders (never touched on this machine). */
function unmappedPaths(line: string): string[] {
  return [...line.matchAll(/(?<![\w.:/-])\/[A-Za-z][\w./-]*/g)]
    .filter((m) => line[(m.index ?? 0) + m[0].length] !== '=') // `-subj "/CN=…"` is no path
    .map((m) => m[0])
    .filter(
      (p) =>
        p !== '/dev/null' &&
        !MAPPED_DIRS.some((d) => p === d || p.startsWith(`${d}/`) || p.startsWith(`${d}-`)),
    );
}

/** Classifies one command line of a guide. */
export function classifyCommand(line: string): Classified {
  const flat = line.replace(/\\\n/g, ' ');
  if (machineSwitch(flat)) return { kind: 'real' };
  if (
    /^kubelife fault (machine-down \S+|clear(?: \S+)?)\s*$/.test(flat) ||
    /^kubelife clock advance /.test(flat)
  )
    return { kind: 'stand-in' };
  const progs = programs(flat);
  if (progs.includes('kubectl')) return { kind: 'api', reason: KUBECTL };
  if (progs.includes('kubeadm'))
    return /^kubeadm (version|token (list|create|delete)|certs check-expiration|config print)\b/.test(
      flat,
    )
      ? { kind: 'api', reason: KUBEADM }
      : { kind: 'unsupported', reason: KUBEADM };
  const unknown = progs.find((p) => !REAL.has(p));
  if (unknown !== undefined)
    return {
      kind: 'unsupported',
      reason: `\`${unknown}\` has no real counterpart in this harness`,
    };
  const outside = unmappedPaths(flat);
  if (outside.length > 0)
    return {
      kind: 'unsupported',
      reason: `${outside[0] ?? ''} is outside the exported machine files (never touched here)`,
    };
  if (/\/etc\/kubernetes\/manifests/.test(flat) && /^(mv|cp|rm|sed)\b/.test(flat))
    return {
      kind: 'kubelet',
      reason: 'a kubelet would start or stop the static pod; there is none here',
    };
  return { kind: 'real' };
}

/** True for an etcdctl command that asks the running cluster (not an offline snapshot file). */
export function queriesEtcd(line: string): boolean {
  const flat = line.replace(/\\\n/g, ' ');
  return programs(flat).includes('etcdctl') && !/\bsnapshot (status|restore)\b/.test(flat);
}
