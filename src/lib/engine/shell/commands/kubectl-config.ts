/**
 * `kubectl config`: reads (view, get-contexts, current-context, get-clusters, get-users) here,
 * writes in kubectl-config-set.ts, over the kubeconfig file of the simulated machine
 * (kubeconfig-file.ts). No API server is involved.
 *
 * upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/config/config.go (no subcommand: help
 * on stderr, exit 1), view.go (ShortenConfig unless --raw/--flatten, --minify's error, yaml by
 * default), get_contexts.go (CURRENT NAME CLUSTER AUTHINFO NAMESPACE, sorted by name, "context
 * X not found" after the table), current_context.go, get_clusters.go, get_users.go.
 */
import { findMachine } from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { renderJsonpath } from '../jsonpath/render.ts';
import type { Invocation } from '../types.ts';
import {
  kubeconfigYaml,
  loadKubeconfig,
  shortenKubeconfig,
  v1Config,
  type Kubeconfig,
} from './kubeconfig-file.ts';
import { configWrite, CONFIG_SET_FLAGS } from './kubectl-config-set.ts';
import { configProperty } from './kubectl-config-property.ts';
import { parseOutput, writeFormats } from './kubectl-print.ts';
import { tabwrite } from './kubectl-tabwriter.ts';
import type { KubectlVerbFactory } from './kubectl-verb.ts';

const FLAGS: FlagSpec[] = [
  {
    name: 'minify',
    type: 'bool',
    usage: 'Remove all information not used by current-context from the output',
  },
  { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data' },
  {
    name: 'flatten',
    type: 'bool',
    usage:
      'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)',
  },
  { name: 'merge', type: 'bool', usage: 'Merge the full hierarchy of kubeconfig files' },
  { name: 'output', short: 'o', type: 'string', usage: 'Output format.' },
  {
    name: 'no-headers',
    type: 'bool',
    usage:
      "When using the default or custom-column output format, don't print headers (default print headers).",
  },
  ...CONFIG_SET_FLAGS,
];

const HELP = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.

Available Commands:
  current-context   Display the current-context
  delete-cluster    Delete the specified cluster from the kubeconfig
  delete-context    Delete the specified context from the kubeconfig
  delete-user       Delete the specified user from the kubeconfig
  get-clusters      Display clusters defined in the kubeconfig
  get-contexts      Describe one or many contexts
  get-users         Display users defined in the kubeconfig
  rename-context    Rename a context from the kubeconfig file
  set               Set an individual value in a kubeconfig file
  set-cluster       Set a cluster entry in kubeconfig
  set-context       Set a context entry in kubeconfig
  set-credentials   Set a user entry in kubeconfig
  unset             Unset an individual value in a kubeconfig file
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file

Usage:
  kubectl config SUBCOMMAND [options]

Use "kubectl config <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;

/** api/helpers.go MinifyConfig: the current context with its cluster and user only. */
function minify(c: Kubeconfig, context: string): Kubeconfig | string {
  if (context === '') return 'error: current-context must exist in order to minify';
  const ctx = c.contexts.find((x) => x.name === context);
  if (!ctx) return `error: cannot locate context ${context}`;
  const cluster = ctx.value['cluster'];
  const user = ctx.value['user'];
  return {
    ...c,
    currentContext: context,
    contexts: [ctx],
    clusters: c.clusters.filter((x) => x.name === cluster),
    users: c.users.filter((x) => x.name === user),
  };
}

/** The value with every string materialised on its own (a reference ends where its string does). */
async function materializeValues(
  v: unknown,
  materialize: (text: string) => Promise<string>,
): Promise<unknown> {
  if (typeof v === 'string') return materialize(v);
  if (Array.isArray(v)) return Promise.all(v.map((x) => materializeValues(x, materialize)));
  if (v === null || typeof v !== 'object') return v;
  const entries = await Promise.all(
    Object.entries(v).map(async ([k, x]) => [k, await materializeValues(x, materialize)] as const),
  );
  return Object.fromEntries(entries);
}

async function view(inv: Invocation, p: ParsedFlags, c: Kubeconfig): Promise<number> {
  const version = findMachine(inv.ctx.state, inv.machine)?.packages.kubectl?.version ?? '';
  const format = parseOutput(str(p, 'output') ?? 'yaml', `v${version}`);
  if (format.kind !== 'yaml' && format.kind !== 'json' && format.kind !== 'jsonpath') {
    const allowed = writeFormats(`v${version}`);
    inv.io.err(
      `error: unable to match a printer suitable for the output format "${str(p, 'output') ?? ''}", allowed formats are: ${allowed.join(',')}`,
    );
    return 1;
  }
  let config = c;
  if (bool(p, 'minify')) {
    const m = minify(c, str(p, 'context') ?? c.currentContext);
    if (typeof m === 'string') {
      inv.io.err(m);
      return 1;
    }
    config = m;
  }
  const raw = bool(p, 'raw') || bool(p, 'flatten');
  if (!raw) config = shortenKubeconfig(config);
  const materialize = async (text: string): Promise<string> =>
    raw ? inv.ctx.materialize(inv.ctx.state, inv.machine, text) : text;
  if (format.kind === 'yaml') {
    inv.io.out(await materialize(kubeconfigYaml(config)));
    return 0;
  }
  const json = await materializeValues(v1Config(config), materialize);
  if (format.kind === 'json') {
    inv.io.out(JSON.stringify(json, null, 4));
    return 0;
  }
  if (format.kind !== 'jsonpath') return 1;
  const r = renderJsonpath(format.template, json, format.asJson);
  if (!r.ok) {
    inv.io.err(r.message);
    return 1;
  }
  if (r.text !== '') inv.io.out(r.text);
  return 0;
}

function getContexts(
  inv: Invocation,
  p: ParsedFlags,
  c: Kubeconfig,
  names: readonly string[],
): number {
  const output = str(p, 'output') ?? '';
  if (output !== '' && output !== 'name') {
    inv.io.err(`error: output must be one of '' or 'name'`);
    return 1;
  }
  const sorted = [...c.contexts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const shown = names.length === 0 ? sorted : sorted.filter((x) => names.includes(x.name));
  const missing = names.filter((n) => !c.contexts.some((x) => x.name === n));
  if (output === 'name') {
    if (shown.length > 0) inv.io.out(shown.map((x) => x.name).join('\n'));
  } else {
    const cell = (v: unknown): string => (typeof v === 'string' ? v : '');
    const rows = shown.map((x) => [
      x.name === c.currentContext ? '*' : '',
      x.name,
      cell(x.value['cluster']),
      cell(x.value['user']),
      cell(x.value['namespace']),
    ]);
    const header = ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'];
    const table = bool(p, 'no-headers') ? rows : [header, ...rows];
    if (table.length > 0) inv.io.out(tabwrite(table));
  }
  if (missing.length === 0) return 0;
  inv.io.err(missing.map((n) => `error: context ${n} not found`).join('\n'));
  return 1;
}

async function configRead(
  inv: Invocation,
  p: ParsedFlags,
  sub: string,
  args: readonly string[],
): Promise<number | null> {
  if (!['view', 'get-contexts', 'current-context', 'get-clusters', 'get-users'].includes(sub))
    return null;
  const loaded = loadKubeconfig(inv, p);
  if (!loaded.ok) {
    inv.io.err(loaded.message);
    return 1;
  }
  const c = loaded.config;
  switch (sub) {
    case 'view':
      return view(inv, p, c);
    case 'get-contexts':
      return getContexts(inv, p, c, args);
    case 'current-context':
      if (c.currentContext === '') {
        inv.io.err('error: current-context is not set');
        return 1;
      }
      inv.io.out(c.currentContext);
      return 0;
    case 'get-clusters':
      inv.io.out(['NAME', ...c.clusters.map((x) => x.name)].join('\n'));
      return 0;
    default:
      inv.io.out(['NAME', ...c.users.map((x) => x.name).sort()].join('\n'));
      return 0;
  }
}

async function config(inv: Invocation, p: ParsedFlags): Promise<number> {
  const [sub, ...args] = p.positionals;
  if (sub === undefined) {
    inv.io.err(HELP);
    return 1;
  }
  const read = await configRead(inv, p, sub, args);
  if (read !== null) return read;
  const written = configWrite(inv, p, sub, args) ?? configProperty(inv, p, sub, args);
  if (written !== null) return written;
  inv.io.err(`error: unknown command "${sub}"\nSee 'kubectl config -h' for help and examples`);
  return 1;
}

/** `kubectl config …`. */
export const configVerb: KubectlVerbFactory = () => ({
  flags: FLAGS,
  short: 'Modify kubeconfig files',
  run: config,
});
