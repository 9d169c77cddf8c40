/**
 * `crictl ps [-a]` and `crictl pods` (cri-tools, installed with kubeadm as cri-tools), the way
 * kubeadm's troubleshooting pages use them: the containers and sandboxes containerd runs for the
 * pods of this machine's node. Columns and layout from cri-tools cmd/crictl/container.go and
 * sandbox.go (newDefaultTableDisplay: tabwriter minwidth 20, tabwidth 1, padding 3; IDs truncated
 * to 13 characters; CREATED is go-units HumanDuration + " ago"; newest first).
 */
import { nodeOfMachine, podsOnNode } from '../../src/index.ts';
import { listPods, type ClusterState, type PodObject } from '../../src/index.ts';
import { hash64 } from '../../src/etcd/model.ts';
import { podImage } from '../../src/objects/pod-object.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { findMachine } from '../../src/index.ts';

/** docker/go-units HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(seconds / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

/** Go's tabwriter with crictl's settings; the last cell of a row is not padded. */
function table(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths: number[] = [];
  for (const r of rows)
    r.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 20, c.length + 3)));
  return rows.map((r) =>
    r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i] ?? 20) : c)).join(''),
  );
}

const id64 = (text: string): string => `${hash64(text)}${hash64(`${text}#2`)}`.repeat(2);

interface Sandbox {
  readonly pod: PodObject;
  readonly running: boolean;
}

function sandboxes(state: ClusterState, machine: string): Sandbox[] {
  const node = nodeOfMachine(state.cluster, machine);
  const m = findMachine(state, machine);
  if (!node || !m) return [];
  const rows = new Map(listPods(state, null).map((r) => [`${r.namespace}/${r.name}`, r]));
  return (
    podsOnNode(state, node.name)
      // A pod the kubelet has not started a sandbox for (Pending) is not known to containerd.
      .filter(
        (pod) => (rows.get(`${pod.namespace}/${pod.name}`)?.status ?? 'Pending') !== 'Pending',
      )
      .map((pod) => ({
        pod,
        running: rows.get(`${pod.namespace}/${pod.name}`)?.status === 'Running',
      }))
      .sort((a, b) => b.pod.createdAt - a.pod.createdAt || (a.pod.name < b.pod.name ? -1 : 1))
  );
}

function ps(inv: Invocation, all: boolean, quiet: boolean): number {
  const state = inv.ctx.state;
  const rows = [
    ['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE'],
  ];
  for (const { pod, running } of sandboxes(state, inv.machine)) {
    if (!running && !all) continue;
    const id = id64(`container|${pod.namespace}/${pod.name}|${pod.createdAt}`);
    if (quiet) {
      inv.io.out(id);
      continue;
    }
    rows.push([
      id.slice(0, 13),
      id64(`image|${podImage(state, pod)}`).slice(0, 13),
      `${humanDuration(state.now - pod.createdAt)} ago`,
      running ? 'Running' : 'Exited',
      pod.app,
      '0',
      id64(`sandbox|${pod.namespace}/${pod.name}|${pod.createdAt}`).slice(0, 13),
      pod.name,
      pod.namespace,
    ]);
  }
  if (!quiet) for (const l of table(rows)) inv.io.out(l);
  return 0;
}

function pods(inv: Invocation, quiet: boolean): number {
  const state = inv.ctx.state;
  const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
  for (const { pod, running } of sandboxes(state, inv.machine)) {
    const id = id64(`sandbox|${pod.namespace}/${pod.name}|${pod.createdAt}`);
    if (quiet) {
      inv.io.out(id);
      continue;
    }
    rows.push([
      id.slice(0, 13),
      `${humanDuration(state.now - pod.createdAt)} ago`,
      running ? 'Ready' : 'NotReady',
      pod.name,
      pod.namespace,
      '0',
      '(default)',
    ]);
  }
  if (!quiet) for (const l of table(rows)) inv.io.out(l);
  return 0;
}

/** `crictl ps [-a] [-q]`, `crictl pods [-q]`. */
export const crictl: CommandModule = {
  name: 'crictl',
  summary: 'list the containers and pod sandboxes of this node (crictl ps, crictl pods)',
  requiresPackage: 'kubeadm',
  completion: { subcommands: { pods: { args: 'none' }, ps: { args: 'none' } } },
  run: (inv) => {
    const flags = inv.args.filter((a) => a.startsWith('-'));
    const [sub] = inv.args.filter((a) => !a.startsWith('-') && !a.startsWith('unix://'));
    const m = findMachine(inv.ctx.state, inv.machine);
    if (!m?.containerd.running) {
      inv.io.err(
        'E1125 09:00:00.000000    4242 remote_runtime.go:277] "ListContainers with filter from runtime service failed" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: connection refused\\""',
      );
      return 1;
    }
    const all = flags.some((f) => f === '-a' || f === '--all');
    const quiet = flags.some((f) => f === '-q' || f === '--quiet');
    if (sub === 'ps') return ps(inv, all, quiet);
    if (sub === 'pods') return pods(inv, quiet);
    inv.io.err(
      sub === undefined
        ? 'NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]'
        : `No help topic for '${sub}'`,
    );
    return sub === undefined ? 0 : 3;
  },
};
