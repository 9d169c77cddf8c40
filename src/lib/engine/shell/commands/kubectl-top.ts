/**
 * `kubectl top node|pod`: resource usage comes from the Metrics API (metrics.k8s.io), which
 * metrics-server serves; a kubeadm cluster does not install it, so kubectl finds no such group
 * in discovery and fails as it does on a fresh cluster.
 *
 * upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/top/top.go (no subcommand: help on
 * stderr, exit 1), top_node.go and top_pod.go (RunTopNode/RunTopPod: "Metrics API not
 * available" when discovery lacks metrics.k8s.io), staging/src/k8s.io/kubectl/pkg/metricsutil.
 */
import type { FlagSpec, ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import type { KubectlVerbFactory } from './kubectl-verb.ts';

const b = (name: string, usage: string, short?: string): FlagSpec =>
  short === undefined ? { name, type: 'bool', usage } : { name, short, type: 'bool', usage };
const s = (name: string, usage: string, short?: string): FlagSpec =>
  short === undefined ? { name, type: 'string', usage } : { name, short, type: 'string', usage };

const FLAGS: FlagSpec[] = [
  b('all-namespaces', 'If present, list the requested object(s) across all namespaces.', 'A'),
  b('containers', 'If present, print usage of containers within a pod.'),
  b('no-headers', 'If present, print output without headers'),
  b(
    'show-capacity',
    'Print node resources based on Capacity instead of Allocatable(default) of the nodes.',
  ),
  b('sum', 'Print the sum of the resource usage'),
  b('use-protocol-buffers', 'Enables using protocol-buffers to access Metrics API.'),
  s('selector', 'Selector (label query) to filter on', 'l'),
  s('field-selector', 'Selector (field query) to filter on'),
  s(
    'sort-by',
    "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'.",
  ),
];

const HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;

function top(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const [sub] = p.positionals;
  if (sub === undefined) {
    inv.io.err(HELP);
    return 1;
  }
  if (!['node', 'nodes', 'no', 'pod', 'pods', 'po'].includes(sub)) {
    inv.io.err(`error: unknown command "${sub}"\nSee 'kubectl top -h' for help and examples`);
    return 1;
  }
  const sortBy = typeof p.values['sort-by'] === 'string' ? p.values['sort-by'] : '';
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') {
    inv.io.err('error: --sort-by accepts only cpu or memory');
    return 1;
  }
  if (!connect(inv, p)) return 1;
  inv.io.err('error: Metrics API not available');
  return 1;
}

/** `kubectl top node|pod`. */
export const topVerb: KubectlVerbFactory = (connect) => ({
  flags: FLAGS,
  short: 'Display resource (CPU/memory) usage',
  run: (inv, p) => top(inv, p, connect),
});
