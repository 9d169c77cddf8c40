/**
 * kubectl: get nodes/pods, version, apply -f. Finds its kubeconfig the way client-go does
 * (KUBECONFIG, then $HOME/.kube/config), otherwise talks to localhost:8080 and fails like the real
 * tool.
 */
import {
  buildInfo,
  EngineError,
  FLANNEL_URL,
  isEngineError,
  isVersion,
  listNodes,
  listPods,
  matchesSelector,
  parseSelector,
  parseVersion,
  podLabels,
} from '../../src/index.ts';
import { parseFlags, str, bool, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { formatTable, humanDuration } from '../format.ts';
import type { CommandModule, Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { CORDON_FLAGS, DRAIN_FLAGS, cordonCommand, drainCommand } from './kubectl-node.ts';
import {
  CERTIFICATE_FLAGS,
  certificateCmd,
  getCsr,
  kubeconfigPath,
  kubectlTlsOk,
} from './pki-cluster.ts';
import { apiserverReachable, requireEtcdQuorum } from '../../src/index.ts';
import { getEndpoints } from './kubectl-endpoints.ts';
import { getObjects, handlesGet } from './kubectl-objects.ts';
import { getGeneric, handlesGeneric } from './kubectl-print.ts';
import { resolveApiType } from './kubectl-resources.ts';
import { getTable } from './kubectl-table.ts';
import { describeCommand } from './kubectl-describe.ts';
import { applyVersioned, getVersioned } from './kubectl-apiversions.ts';
import { resourceByName } from '../../src/index.ts';
import {
  CREATE_FLAGS,
  DELETE_FLAGS,
  PATCH_FLAGS,
  createObject,
  deleteObject,
  patchObject,
} from './kubectl-mutate.ts';
import { findMachine } from '../../src/index.ts';

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
    name: 'selector',
    short: 'l',
    type: 'string',
    usage:
      "Selector (label query) to filter on, supports '=', '==', '!=', and 'key' / '!key' (e.g. -l key1=value1,key2=value2).",
  },
];

/** Server the kubeconfig points at, or null when kubectl has no kubeconfig. */
function kubeconfigServer(inv: Invocation, explicit: string | undefined): string | null {
  const path = kubeconfigPath(inv, explicit);
  const content = path === null ? undefined : findMachine(inv.ctx.state, inv.machine)?.files[path];
  return (content === undefined ? null : /server: https:\/\/(\S+)/.exec(content)?.[1]) ?? null;
}

/** True when the API server behind `server` is up. */
function serverUp(inv: Invocation, server: string): boolean {
  return apiserverReachable(inv.ctx.state, server);
}

function connect(inv: Invocation, p: ParsedFlags): boolean {
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
  const noQuorum = requireEtcdQuorum(inv.ctx.state);
  if (noQuorum) {
    inv.io.err(noQuorum.message);
    return false;
  }
  return true;
}

function get(inv: Invocation, p: ParsedFlags): number | Promise<number> {
  const [kind, ...names] = p.positionals;
  if (kind === undefined) {
    inv.io.err(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
    return 1;
  }
  if (handlesGeneric(inv, p, kind)) return getGeneric(inv, p, kind, names, connect);
  if (
    kind === 'csr' ||
    kind === 'certificatesigningrequests' ||
    kind === 'certificatesigningrequest'
  )
    return connect(inv, p) ? getCsr(inv, names) : 1;
  if (resourceByName(kind)) return connect(inv, p) ? (getVersioned(inv, p, kind, names) ?? 1) : 1;
  if (handlesGet(inv.ctx.state, kind, str(p, 'output')))
    return connect(inv, p) ? (getObjects(inv, p, kind, names) ?? 1) : 1;
  const resource = (
    {
      nodes: 'nodes',
      node: 'nodes',
      no: 'nodes',
      pods: 'pods',
      pod: 'pods',
      po: 'pods',
      namespaces: 'namespaces',
      namespace: 'namespaces',
      ns: 'namespaces',
      endpoints: 'endpoints',
      endpoint: 'endpoints',
      ep: 'endpoints',
    } as Record<string, string>
  )[kind];
  if (!resource) {
    if (!connect(inv, p)) return 1;
    const type = resolveApiType(inv.ctx.state, kind);
    if (type) return getTable(inv, p, type, names);
    inv.io.err(`error: the server doesn't have a resource type "${kind}"`);
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const state = inv.ctx.state;
  if (resource === 'endpoints') return getEndpoints(inv, names, str(p, 'namespace') ?? 'default');
  const wide = str(p, 'output') === 'wide';
  if (resource === 'nodes') {
    let rows = listNodes(state);
    if (names.length > 0) {
      const missing = names.filter((n) => !rows.some((r) => r.name === n));
      rows = rows.filter((r) => names.includes(r.name));
      for (const n of missing) inv.io.err(`Error from server (NotFound): nodes "${n}" not found`);
      if (rows.length === 0) return 1;
    }
    const header = [
      'NAME',
      'STATUS',
      'ROLES',
      'AGE',
      'VERSION',
      ...(wide
        ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']
        : []),
    ];
    inv.io.out(
      formatTable(
        header,
        rows.map((r) => [
          r.name,
          r.status,
          r.roles,
          humanDuration(r.ageMs),
          r.version,
          ...(wide ? [r.internalIP, '<none>', r.osImage, r.kernel, r.runtime] : []),
        ]),
      ),
    );
    return 0;
  }
  if (resource === 'namespaces') {
    const c = state.cluster;
    const rows = (c?.namespaces ?? []).map((n) => [
      n,
      'Active',
      humanDuration(
        state.now - (c ? Math.min(...Object.values(c.nodes).map((x) => x.createdAt)) : state.now),
      ),
    ]);
    inv.io.out(formatTable(['NAME', 'STATUS', 'AGE'], rows));
    return 0;
  }
  const all = bool(p, 'all-namespaces');
  const ns = str(p, 'namespace') ?? 'default';
  let rows = listPods(state, all ? null : ns);
  if (names.length > 0) rows = rows.filter((r) => names.includes(r.name));
  const selector = str(p, 'selector');
  if (selector !== undefined) {
    const reqs = parseSelector(selector);
    if (!Array.isArray(reqs)) {
      inv.io.err(`error: ${reqs.error}`);
      return 1;
    }
    const pods = Object.values(state.cluster?.pods ?? {});
    rows = rows.filter((r) => {
      const pod = pods.find((x) => x.namespace === r.namespace && x.name === r.name);
      return pod !== undefined && matchesSelector(podLabels(pod.app), reqs);
    });
  }
  if (rows.length === 0) {
    if (names.length > 0) {
      for (const n of names) inv.io.err(`Error from server (NotFound): pods "${n}" not found`);
      return 1;
    }
    inv.io.err(all ? 'No resources found' : `No resources found in ${ns} namespace.`);
    return 0;
  }
  const header = [
    ...(all ? ['NAMESPACE'] : []),
    'NAME',
    'READY',
    'STATUS',
    'RESTARTS',
    'AGE',
    ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : []),
  ];
  inv.io.out(
    formatTable(
      header,
      rows.map((r) => [
        ...(all ? [r.namespace] : []),
        r.name,
        r.ready,
        r.status,
        r.lastRestartAgoMs === undefined
          ? String(r.restarts)
          : `${r.restarts} (${humanDuration(r.lastRestartAgoMs)} ago)`,
        humanDuration(r.ageMs),
        ...(wide ? [r.ip, r.node, '<none>', '<none>'] : []),
      ]),
    ),
  );
  return 0;
}

function version(inv: Invocation, p: ParsedFlags): number {
  const m = findMachine(inv.ctx.state, inv.machine);
  const v = `v${m?.packages.kubectl?.version ?? ''}`;
  const b = buildInfo(v);
  inv.io.out(`Client Version: ${v}\nKustomize Version: ${b.kustomizeVersion}`);
  if (bool(p, 'client')) return 0;
  if (!connect(inv, p)) return 1;
  const server = inv.ctx.state.cluster?.version ?? '';
  inv.io.out(`Server Version: ${server}`);
  const skew = kubectlSkewWarning(v, server);
  if (skew) inv.io.err(skew);
  return 0;
}

/**
 * kubectl's client/server skew warning (staging/src/k8s.io/kubectl/pkg/cmd/version, printVersionSkewWarning:
 * supported skew +/-1 minor), printed on stderr after the versions. kubectl up to v1.33 prints
 * "WARNING:", v1.36 prints "Warning:" (both seen in real output; the exact release of the change in
 * between is unverified, so 1.34 and later use the new form).
 */
function kubectlSkewWarning(client: string, server: string): string | null {
  if (!isVersion(client) || !isVersion(server)) return null;
  const c = parseVersion(client);
  const s = parseVersion(server);
  if (c.major !== s.major || Math.abs(c.minor - s.minor) <= 1) return null;
  const label = c.minor >= 34 ? 'Warning' : 'WARNING';
  return `${label}: version difference between client (${c.major}.${c.minor}) and server (${s.major}.${s.minor}) exceeds the supported minor version skew of +/-1`;
}

function applyFile(inv: Invocation, p: ParsedFlags): number {
  const file = str(p, 'filename');
  if (file === undefined) {
    inv.io.err('error: must specify one of -f and -k');
    return 1;
  }
  if (file === FLANNEL_URL) {
    if (!connect(inv, p)) return 1;
    const t = inv.apply({ type: 'kubectl.apply.flannel' });
    if (!t.ok) {
      inv.io.err(t.error.message);
      return t.error.exitCode;
    }
    return 0;
  }
  if (/^https?:\/\//.test(file)) {
    const host = /^https?:\/\/([^/:]+)/.exec(file)?.[1] ?? '';
    inv.io.err(
      `error: unable to read URL "${file}", server reported Get "${file}": dial tcp: lookup ${host} on 127.0.0.53:53: server misbehaving`,
    );
    return 1;
  }
  const m = findMachine(inv.ctx.state, inv.machine);
  const path = absolutePath(inv, file);
  if (m?.files[path] === undefined) {
    inv.io.err(`error: the path "${file}" does not exist`);
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const versioned = applyVersioned(inv, file, m.files[path] ?? '');
  if (versioned !== null) return versioned;
  inv.io.err(`error: no objects passed to apply`);
  return 1;
}

const SUBCOMMANDS: Record<
  string,
  {
    flags: FlagSpec[];
    short: string;
    run: (inv: Invocation, p: ParsedFlags) => number | Promise<number>;
  }
> = {
  create: {
    flags: CREATE_FLAGS,
    short: 'Create a resource from a file or from stdin',
    run: (inv, p) => (connect(inv, p) ? createObject(inv, p) : 1),
  },
  delete: {
    flags: DELETE_FLAGS,
    short:
      'Delete resources by file names, stdin, resources and names, or by resources and label selector',
    run: (inv, p) => (connect(inv, p) ? deleteObject(inv, p) : 1),
  },
  patch: {
    flags: PATCH_FLAGS,
    short: 'Update fields of a resource',
    run: (inv, p) => (connect(inv, p) ? patchObject(inv, p) : 1),
  },
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
  get: { flags: GET_FLAGS, short: 'Display one or many resources', run: get },
  describe: {
    flags: GET_FLAGS.filter((f) => f.name !== 'output' && f.name !== 'watch'),
    short: 'Show details of a specific resource or group of resources',
    run: (inv, p) => describeCommand(inv, p, connect),
  },
  certificate: {
    flags: CERTIFICATE_FLAGS,
    short: 'Modify certificate resources',
    run: (inv, p) => (connect(inv, p) ? certificateCmd(inv, p) : 1),
  },
  version: {
    flags: [
      {
        name: 'client',
        type: 'bool',
        usage: 'If true, shows client version only (no server required).',
      },
      { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
      {
        name: 'kubeconfig',
        type: 'string',
        usage: 'Path to the kubeconfig file to use for CLI requests.',
      },
    ],
    short: 'Print the client and server version information',
    run: version,
  },
  apply: {
    flags: [
      {
        name: 'filename',
        short: 'f',
        type: 'string',
        usage: 'The files that contain the configurations to apply.',
      },
      {
        name: 'kubeconfig',
        type: 'string',
        usage: 'Path to the kubeconfig file to use for CLI requests.',
      },
    ],
    short: 'Apply a configuration to a resource by file name or stdin',
    run: applyFile,
  },
};

export const kubectl: CommandModule = {
  name: 'kubectl',
  summary: 'talk to the cluster (get, apply, version)',
  requiresPackage: 'kubectl',
  run(inv) {
    const [sub, ...rest] = inv.args;
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
    const spec = SUBCOMMANDS[sub];
    if (!spec) {
      inv.io.err(`error: unknown command "${sub}" for "kubectl"`);
      return 1;
    }
    let p: ParsedFlags;
    try {
      p = parseFlags(rest, spec.flags);
    } catch (error) {
      if (isEngineError(error)) {
        inv.io.err(`error: ${error.message}`);
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
    return spec.run(inv, p);
  },
};
