/**
 * kubectl: get nodes/pods, version, apply -f. Finds its kubeconfig the way client-go does
 * (KUBECONFIG, then $HOME/.kube/config), otherwise talks to localhost:8080 and fails like the real
 * tool.
 */
import { EngineError, FLANNEL_URL, isEngineError } from '../../src/index.ts';
import { parseFlags, str, bool, list, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { CommandModule, CompletionSpec, Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { CORDON_FLAGS, DRAIN_FLAGS, cordonCommand, drainCommand } from './kubectl-node.ts';
import { CERTIFICATE_FLAGS, certificateCmd, kubeconfigPath, kubectlTlsOk } from './pki-cluster.ts';
import { apiserverReachable, requireEtcdQuorum } from '../../src/index.ts';
import { DESCRIBE_FLAGS, describeCommand } from './kubectl-describe.ts';
import { applyVersioned } from './kubectl-apiversions.ts';
import { deleteCommand } from './kubectl-delete.ts';
import { DELETE_VERB_FLAGS } from './kubectl-delete-flags.ts';
import { patchVerb } from './kubectl-patch.ts';
import { createVerb } from './kubectl-create.ts';
import { editVerb } from './kubectl-edit.ts';
import { scaleVerb } from './kubectl-scale.ts';
import { rolloutVerb } from './kubectl-rollout.ts';
import { runVerb } from './kubectl-run.ts';
import { waitVerb } from './kubectl-wait.ts';
import { exposeVerb } from './kubectl-expose.ts';
import { findMachine } from '../../src/index.ts';
import { getCommand } from './kubectl-get.ts';
import { TEMPLATE_FLAGS } from './kubectl-print.ts';
import { APPLY_FLAGS, applyFiles } from './kubectl-apply.ts';
import { REPLACE_FLAGS, replaceCommand } from './kubectl-replace.ts';
import { WRITE_FLAGS } from './kubectl-write-common.ts';
import { GLOBAL_FLAGS, hoistGlobals, withGlobals } from './kubectl-globals.ts';
import { taintVerb } from './kubectl-taint.ts';
import { annotateVerb, labelVerb } from './kubectl-label.ts';
import { setVerb } from './kubectl-set.ts';
import { logsVerb } from './kubectl-logs.ts';
import { execVerb } from './kubectl-exec.ts';
import { apiResourcesVerb, apiVersionsVerb } from './kubectl-api-resources.ts';
import { explainVerb } from './kubectl-explain.ts';
import { authVerb } from './kubectl-auth.ts';
import { configVerb } from './kubectl-config.ts';
import { versionVerb } from './kubectl-version.ts';
import { clusterInfoVerb } from './kubectl-cluster-info.ts';
import { topVerb } from './kubectl-top.ts';
import { eventsVerb } from './kubectl-events.ts';
import { withContextNamespace } from './kubeconfig-file.ts';
import { flagErrorLabel } from './kubectl-verb.ts';

const GET_FLAGS: FlagSpec[] = [
  {
    name: 'all-namespaces',
    short: 'A',
    type: 'bool',
    usage: 'If present, list the requested object(s) across all namespaces.',
  },
  {
    name: 'namespace',
    short: 'n',
    type: 'string',
    usage: 'If present, the namespace scope for this CLI request',
  },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    usage:
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).',
  },
  {
    name: 'kubeconfig',
    type: 'string',
    usage: 'Path to the kubeconfig file to use for CLI requests.',
  },
  {
    name: 'watch',
    short: 'w',
    type: 'bool',
    usage: 'After listing/getting the requested object, watch for changes.',
  },
  {
    name: 'show-kind',
    type: 'bool',
    usage: 'If present, list the resource type for the requested object(s).',
  },
  {
    name: 'watch-only',
    type: 'bool',
    usage: 'Watch for changes to the requested object(s), without listing/getting first.',
  },
  {
    name: 'output-watch-events',
    type: 'bool',
    usage:
      'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.',
  },
  {
    name: 'selector',
    short: 'l',
    type: 'string',
    usage:
      "Selector (label query) to filter on, supports '=', '==', '!=', and 'key' / '!key' (e.g. -l key1=value1,key2=value2).",
  },
  {
    name: 'field-selector',
    type: 'string',
    usage:
      "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  },
  {
    name: 'show-labels',
    type: 'bool',
    usage: 'When printing, show all labels as the last column (default hide labels column).',
  },
  {
    name: 'sort-by',
    type: 'string',
    usage:
      "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}').",
  },
  {
    name: 'no-headers',
    type: 'bool',
    usage:
      "When using the default or custom-column output format, don't print headers (default print headers).",
  },
  {
    name: 'raw',
    type: 'string',
    usage:
      'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.',
  },
  ...TEMPLATE_FLAGS,
];

/** Server the kubeconfig points at, or null when kubectl has no kubeconfig. */
function kubeconfigServer(inv: Invocation, explicit: string | undefined): string | null {
  const path = kubeconfigPath(inv, explicit);
  const content = path === null ? undefined : findMachine(inv.ctx.state, inv.machine)?.files[path];
  return (content === undefined ? null : /server: https:\/\/(\S+)/.exec(content)?.[1]) ?? null;
}

/** The context names of the kubeconfig kubectl loads (none without one). */
function kubeconfigContexts(inv: Invocation, explicit: string | undefined): string[] {
  const path = kubeconfigPath(inv, explicit);
  const content = path === null ? undefined : findMachine(inv.ctx.state, inv.machine)?.files[path];
  const section = /^contexts:\n((?:[ -].*\n?)*)/m.exec(content ?? '')?.[1] ?? '';
  return [...section.matchAll(/^ {2}name: (\S+)$/gm)].map((m) => m[1] ?? '');
}

/** True when the API server behind `server` is up. */
function serverUp(inv: Invocation, server: string): boolean {
  return apiserverReachable(inv.ctx.state, server);
}

function connect(inv: Invocation, p: ParsedFlags, opts: { etcd?: boolean } = {}): boolean {
  const context = str(p, 'context');
  if (context !== undefined && !kubeconfigContexts(inv, str(p, 'kubeconfig')).includes(context)) {
    inv.io.err(`Error in configuration: context was not found for specified context: ${context}`);
    return false;
  }
  const server = kubeconfigServer(inv, str(p, 'kubeconfig'));
  if (server === null || !serverUp(inv, server)) {
    inv.io.err(
      new EngineError('KubectlConnectionRefused', { server: server ?? 'localhost:8080' }).message,
    );
    return false;
  }
  // TLS first: an expired serving (or client) certificate fails before any request is made.
  if (!kubectlTlsOk(inv, str(p, 'kubeconfig'))) return false;
  // The apiserver answers but cannot read or write etcd without quorum.
  const noQuorum = opts.etcd === false ? null : requireEtcdQuorum(inv.ctx.state);
  if (noQuorum) {
    inv.io.err(noQuorum.message);
    return false;
  }
  return true;
}

function applyFile(inv: Invocation, p: ParsedFlags): number {
  const files = list(p, 'filename');
  if (files.length === 0) {
    inv.io.err('error: must specify one of -f and -k');
    return 1;
  }
  const file = files[0] ?? '';
  if (files.length === 1 && file === FLANNEL_URL) {
    if (!connect(inv, p)) return 1;
    const t = inv.apply({ type: 'kubectl.apply.flannel' });
    if (!t.ok) {
      inv.io.err(t.error.message);
      return t.error.exitCode;
    }
    return 0;
  }
  const url = files.find((f) => /^https?:\/\//.test(f));
  if (url !== undefined) {
    const host = /^https?:\/\/([^/:]+)/.exec(url)?.[1] ?? '';
    inv.io.err(
      `error: unable to read URL "${url}", server reported Get "${url}": dial tcp: lookup ${host} on 127.0.0.53:53: server misbehaving`,
    );
    return 1;
  }
  // Resources whose served versions are modelled per stored object keep their own apply path.
  const content = findMachine(inv.ctx.state, inv.machine)?.files[absolutePath(inv, file)];
  if (files.length === 1 && content !== undefined && !bool(p, 'server-side')) {
    if (!connect(inv, p)) return 1;
    const versioned = applyVersioned(inv, file, content);
    if (versioned !== null) return versioned;
  }
  return applyFiles(inv, p, connect);
}

const SUBCOMMANDS: Record<
  string,
  {
    flags: FlagSpec[];
    short: string;
    run: (inv: Invocation, p: ParsedFlags) => number | Promise<number>;
  }
> = {
  'api-resources': apiResourcesVerb(connect),
  explain: explainVerb(connect),
  'api-versions': apiVersionsVerb(connect),
  auth: authVerb(connect),
  config: configVerb(connect),
  'cluster-info': clusterInfoVerb(connect),
  top: topVerb(connect),
  events: eventsVerb(connect),
  create: createVerb(connect),
  edit: editVerb(connect),
  scale: scaleVerb(connect),
  rollout: rolloutVerb(connect),
  run: runVerb(connect),
  wait: waitVerb(connect),
  expose: exposeVerb(connect),
  delete: {
    flags: DELETE_VERB_FLAGS,
    short:
      'Delete resources by file names, stdin, resources and names, or by resources and label selector',
    run: (inv, p) => (connect(inv, p) ? deleteCommand(inv, p) : 1),
  },
  patch: patchVerb(connect),
  cordon: {
    flags: CORDON_FLAGS,
    short: 'Mark node as unschedulable',
    run: (inv, p) => cordonCommand(inv, p, connect, true),
  },
  drain: {
    flags: DRAIN_FLAGS,
    short: 'Drain node in preparation for maintenance',
    run: (inv, p) => drainCommand(inv, p, connect),
  },
  uncordon: {
    flags: CORDON_FLAGS,
    short: 'Mark node as schedulable',
    run: (inv, p) => cordonCommand(inv, p, connect, false),
  },
  get: {
    flags: GET_FLAGS,
    short: 'Display one or many resources',
    run: (inv, p) => getCommand(inv, p, connect),
  },
  describe: {
    flags: [...DESCRIBE_FLAGS],
    short: 'Show details of a specific resource or group of resources',
    run: (inv, p) => describeCommand(inv, p, connect),
  },
  taint: taintVerb(connect),
  label: labelVerb(connect),
  set: setVerb(connect),
  annotate: annotateVerb(connect),
  logs: logsVerb(connect),
  exec: execVerb(connect),
  certificate: {
    flags: CERTIFICATE_FLAGS,
    short: 'Modify certificate resources',
    run: (inv, p) => (connect(inv, p) ? certificateCmd(inv, p) : 1),
  },
  version: versionVerb(connect),
  replace: {
    flags: REPLACE_FLAGS,
    short: 'Replace a resource by file name or stdin',
    run: (inv, p) => replaceCommand(inv, p, connect),
  },
  apply: {
    flags: [...APPLY_FLAGS, ...WRITE_FLAGS],
    short: 'Apply a configuration to a resource by file name or stdin',
    run: applyFile,
  },
};

/**
 * kubectl v1.33's commands the simulator does not implement, with kubectl's own short
 * description (kubectl --help): answered with a simulator notice, not kubectl's "unknown command",
 * which would tell the reader the command does not exist.
 */
const NOT_SIMULATED: Readonly<Record<string, string>> = {
  autoscale: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  proxy: 'Run a proxy to the Kubernetes API server',
  attach: 'Attach to a running container',
  'port-forward': 'Forward one or more local ports to a pod',
  cp: 'Copy files and directories to and from containers',
  debug: 'Create debugging sessions for troubleshooting workloads and nodes',
  diff: 'Diff the live version against a would-be applied version',
  kustomize: 'Build a kustomization target from a directory or URL',
  completion:
    'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  alpha: 'Commands for features in alpha',
  plugin: 'Provides utilities for interacting with plugins',
  options: 'Print the list of flags inherited by all commands',
};

/** What each subcommand's positional arguments are, for Tab completion. */
const ARGUMENTS: Readonly<Record<string, CompletionSpec>> = {
  get: { args: 'resources' },
  describe: { args: 'resources' },
  explain: { args: 'resources' },
  delete: { args: 'resources' },
  patch: { args: 'resources' },
  cordon: { args: 'nodes' },
  drain: { args: 'nodes' },
  uncordon: { args: 'nodes' },
  certificate: { subcommands: { approve: { args: 'none' }, deny: { args: 'none' } } },
  version: { args: 'none' },
};

export const kubectl: CommandModule = {
  name: 'kubectl',
  summary: 'talk to the cluster (get, apply, version)',
  requiresPackage: 'kubectl',
  // Global flags may stand before the verb (kubectl-globals.ts); each verb adds its own.
  completion: {
    flags: GLOBAL_FLAGS,
    subcommands: Object.fromEntries(
      Object.entries(SUBCOMMANDS).map(([name, sub]) => [
        name,
        { flags: sub.flags, ...ARGUMENTS[name] },
      ]),
    ),
  },
  run(inv) {
    const hoisted = hoistGlobals(inv.args);
    if (!hoisted.ok) {
      inv.io.err(hoisted.message);
      return 1;
    }
    const [sub, ...rest] = hoisted.args;
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      inv.io.out(
        `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands (simulated subset):\n${Object.entries(
          SUBCOMMANDS,
        )
          .map(([n, s]) => `  ${n.padEnd(14)}${s.short}`)
          .join(
            '\n',
          )}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.`,
      );
      return 0;
    }
    const spec = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
    if (!spec) {
      const real = Object.hasOwn(NOT_SIMULATED, sub) ? NOT_SIMULATED[sub] : undefined;
      inv.io.err(
        real !== undefined
          ? `kubectl: "kubectl ${sub}" (${real}) is a real kubectl command that this simulator does not implement; nothing was done`
          : `error: unknown command "${sub}" for "kubectl"`,
      );
      return 1;
    }
    let p: ParsedFlags;
    try {
      p = parseFlags(rest, withGlobals(spec.flags));
    } catch (error) {
      if (isEngineError(error)) {
        // The flag error, then kubectl's FlagErrorFunc hint (cmd.go).
        inv.io.err(`${flagErrorLabel(inv)}: ${error.message}`);
        inv.io.err(`See 'kubectl ${sub} --help' for usage.`);
        return 1;
      }
      throw error;
    }
    if (bool(p, 'help')) {
      inv.io.out(
        `${spec.short}.\n\nUsage:\n  kubectl ${sub} [options]\n\nOptions:\n${spec.flags.map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}${f.type === 'bool' ? '=false' : "=''"}:\n\t${f.usage}`).join('\n\n')}`,
      );
      return 0;
    }
    return spec.run(inv, sub === 'config' ? p : withContextNamespace(inv, p));
  },
};
