/**
 * `kubectl drain|cordon|uncordon NODE` (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go): the
 * shell side parses flags and prints; src/kubectl/drain.ts changes the state.
 */
import { parseGoTimeDuration } from '../../src/index.ts';
import { getObject } from '../../src/index.ts';
import type { FlagSpec, ParsedFlags } from '../flags.ts';
import { bool, str } from '../flags.ts';
import { resolveArg, selectObjects } from './kubectl-get-select.ts';
import type { Invocation } from '../types.ts';
import { intFlagValue } from '../go-parse-int.ts';

/**
 * Checks the kubeconfig and the API server; prints kubectl's error when unreachable. With
 * `etcd: false` the request is one the apiserver answers without etcd (health, discovery,
 * componentstatuses), so a lost etcd quorum does not stop it.
 */
export type Connect = (inv: Invocation, p: ParsedFlags, opts?: { etcd?: boolean }) => boolean;

/** Flags of `kubectl drain`. */
export const DRAIN_FLAGS: FlagSpec[] = [
  { name: 'ignore-daemonsets', type: 'bool', usage: 'Ignore DaemonSet-managed pods.' },
  {
    name: 'delete-emptydir-data',
    type: 'bool',
    usage:
      'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
  },
  {
    name: 'force',
    type: 'bool',
    usage: 'Continue even if there are pods that do not declare a controller.',
  },
  {
    name: 'grace-period',
    type: 'string',
    usage:
      'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.',
  },
  {
    name: 'timeout',
    type: 'string',
    default: '0s',
    usage:
      'The length of time to wait before giving up, zero means infinite (the simulator stops an endless wait on a PodDisruptionBudget and says so)',
  },
  {
    name: 'disable-eviction',
    type: 'bool',
    usage:
      'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.',
  },
  {
    name: 'dry-run',
    type: 'string',
    default: 'none',
    usage:
      'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  },
  {
    name: 'kubeconfig',
    type: 'string',
    usage: 'Path to the kubeconfig file to use for CLI requests.',
  },
];

/** Flags of `kubectl cordon|uncordon`. */
export const CORDON_FLAGS: FlagSpec[] = [
  {
    name: 'selector',
    short: 'l',
    type: 'string',
    usage: 'Selector (label query) to filter on',
  },
  {
    name: 'kubeconfig',
    type: 'string',
    usage: 'Path to the kubeconfig file to use for CLI requests.',
  },
];

function nodeArg(inv: Invocation, p: ParsedFlags, verb: string): string | null {
  const node = p.positionals[0];
  if (node === undefined) {
    // cmdutil.UsageErrorf: "See '%s -h' …" with cmd.CommandPath() (checked against kubectl v1.32.4).
    inv.io.err(
      `error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`,
    );
    return null;
  }
  return node;
}

/**
 * `kubectl cordon NODE…` / `kubectl uncordon NODE…` / `… -l SELECTOR`: the nodes the resource
 * builder visits (drain.go Complete: ResourceNames("nodes", args…), LabelSelectorParam), each
 * cordoned in turn (RunCordonOrUncordon). A missing node stops the visit before any change.
 */
export function cordonCommand(
  inv: Invocation,
  p: ParsedFlags,
  connect: Connect,
  cordon: boolean,
): number {
  const selector = str(p, 'selector');
  if (selector === undefined && nodeArg(inv, p, cordon ? 'cordon' : 'uncordon') === null) return 1;
  if (!connect(inv, p)) return 1;
  // Named nodes are read one by one (GET), a selector lists them: both as the builder does, and
  // a cordon of one node costs the same at 5 or 5,000 nodes.
  let targets: string[];
  if (selector === undefined) {
    const missing = p.positionals.find((n) => !getObject(inv.ctx.state, 'nodes', null, n));
    if (missing !== undefined) {
      inv.io.err(`Error from server (NotFound): nodes "${missing}" not found`);
      return 1;
    }
    targets = [...p.positionals];
  } else {
    const type = resolveArg(inv.ctx.state, 'nodes');
    const nodes = type.ok ? type.types[0] : undefined;
    if (nodes === undefined) return 1;
    const found = selectObjects(inv.ctx.state, nodes, p.positionals, {
      namespace: null,
      labelSelector: selector,
    });
    if ('error' in found) {
      inv.io.err(found.error);
      return 1;
    }
    targets = found.objects.map((o) => o.metadata.name);
  }
  for (const node of targets) {
    const t = inv.apply({ type: 'kubectl.cordon', node, cordon });
    if (!t.ok) {
      inv.io.err(t.error.message);
      return t.error.exitCode;
    }
  }
  return 0;
}

/** --timeout as milliseconds (pflag's DurationVar: Go's time.ParseDuration), or pflag's error. */
function timeoutMs(p: ParsedFlags): number | { error: string } {
  const raw = str(p, 'timeout') ?? '0s';
  const d = parseGoTimeDuration(raw);
  if (!d.ok)
    return {
      error: `error: invalid argument "${raw}" for "--timeout" flag: ${d.error}\nSee 'kubectl drain --help' for usage.`,
    };
  return Math.max(0, d.ms);
}

/**
 * `kubectl drain NODE… [--ignore-daemonsets] [--delete-emptydir-data] [--force] [--timeout D]
 * [--disable-eviction] [--dry-run=none|client|server]`.
 */
export function drainCommand(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const timeout = timeoutMs(p);
  if (typeof timeout !== 'number') {
    inv.io.err(timeout.error);
    return 1;
  }
  // --grace-period is an IntVar (pflag refuses what strconv.ParseInt does not take).
  const grace = str(p, 'grace-period');
  const parsedGrace =
    grace === undefined ? null : intFlagValue(grace, '--grace-period', 'kubectl drain');
  if (parsedGrace !== null && 'error' in parsedGrace) {
    inv.io.err(`error: ${parsedGrace.error}`);
    return 1;
  }
  const node = nodeArg(inv, p, 'drain');
  if (node === null) return 1;
  const dryRun = str(p, 'dry-run') ?? 'none';
  if (dryRun !== 'none' && dryRun !== 'client' && dryRun !== 'server') {
    // DrainCmdOptions.Complete: cmdutil.GetDryRunStrategy, after the NODE check.
    inv.io.err(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
    return 1;
  }
  if (!connect(inv, p)) return 1;
  // The builder GETs every named node before anything is cordoned (drain.go Complete).
  const missing = p.positionals.find((n) => !getObject(inv.ctx.state, 'nodes', null, n));
  if (missing !== undefined) {
    inv.io.err(`Error from server (NotFound): nodes "${missing}" not found`);
    return 1;
  }
  const t = inv.apply({
    type: 'kubectl.drain',
    node,
    ...(p.positionals.length > 1 ? { also: p.positionals.slice(1) } : {}),
    options: {
      ignoreDaemonsets: bool(p, 'ignore-daemonsets'),
      deleteEmptydirData: bool(p, 'delete-emptydir-data'),
      force: bool(p, 'force'),
      timeoutMs: timeout,
      disableEviction: bool(p, 'disable-eviction'),
      ...(dryRun !== 'none' ? { dryRun } : {}),
      ...(parsedGrace !== null && parsedGrace.value >= 0
        ? { gracePeriodSeconds: parsedGrace.value }
        : {}),
    },
  });
  if (!t.ok) {
    inv.io.err(t.error.message);
    return t.error.exitCode;
  }
  return 0;
}
