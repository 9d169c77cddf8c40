/**
 * kubeadm: version, init, join, token, reset — flags as data, help generated from the same data
 * (and from the init phase tree), errors in kubeadm's style.
 */
import {
  buildInfo,
  versionInfo,
  EngineError,
  flattenPhases,
  formatPhaseHelp,
  formatRfc3339,
  initPhases,
  isEngineError,
  parseGoTimeDuration,
  tokenValid,
  type Machine,
} from '../../src/index.ts';
import {
  parseFlags,
  str,
  bool,
  list,
  formatFlagHelp,
  type FlagSpec,
  type ParsedFlags,
} from '../flags.ts';
import { formatTable, printKubeadmError } from '../format.ts';
import type { CommandModule, CompletionSpec, Invocation } from '../types.ts';
import { certsSub } from './pki-cluster.ts';
import { kubeconfigSub } from './kubeadm-kubeconfig.ts';
import { CONFIG_FLAG, configSub, initWithConfig, joinWithConfig } from './kubeadm-config.ts';
import { upgradeSub } from './kubeadm-upgrade.ts';
import { findMachine } from '../../src/index.ts';

interface Sub {
  readonly name: string;
  readonly short: string;
  readonly usage: string;
  readonly flags: readonly FlagSpec[];
  readonly long?: string;
  run(inv: Invocation, p: ParsedFlags): number | Promise<number>;
}

const INIT_FLAGS: FlagSpec[] = [
  CONFIG_FLAG,
  {
    name: 'apiserver-advertise-address',
    type: 'string',
    usage:
      "The IP address the API Server will advertise it's listening on. If not set the default network interface will be used.",
  },
  {
    name: 'control-plane-endpoint',
    type: 'string',
    usage: 'Specify a stable IP address or DNS name for the control plane.',
  },
  {
    name: 'ignore-preflight-errors',
    type: 'strings',
    usage:
      "A list of checks whose errors will be shown as warnings. Example: 'IsPrivilegedUser,Swap'. Value 'all' ignores errors from all checks.",
  },
  {
    name: 'kubernetes-version',
    type: 'string',
    default: 'string',
    usage: 'Choose a specific Kubernetes version for the control plane. (default "stable-1")',
  },
  { name: 'node-name', type: 'string', usage: 'Specify the node name.' },
  {
    name: 'pod-network-cidr',
    type: 'string',
    usage:
      'Specify range of IP addresses for the pod network. If set, the control plane will automatically allocate CIDRs for every node.',
  },
  {
    name: 'service-cidr',
    type: 'string',
    usage: 'Use alternative range of IP address for service VIPs. (default "10.96.0.0/12")',
  },
  { name: 'skip-phases', type: 'strings', usage: 'List of phases to be skipped' },
  {
    name: 'token-ttl',
    type: 'string',
    default: 'duration',
    usage:
      "The duration before the token is automatically deleted (e.g. 1s, 2m, 3h). If set to '0', the token will never expire (default 24h0m0s)",
  },
  {
    name: 'upload-certs',
    type: 'bool',
    usage: 'Upload control-plane certificates to the kubeadm-certs Secret.',
  },
  {
    name: 'cri-socket',
    type: 'string',
    usage:
      'Path to the CRI socket to connect. If empty kubeadm will try to auto-detect this value; use this option only if you have more than one CRI installed or if you have non-standard CRI socket.',
  },
  {
    name: 'v',
    short: 'v',
    type: 'string',
    default: 'Level',
    usage: 'number for the log level verbosity',
  },
];

const JOIN_FLAGS: FlagSpec[] = [
  CONFIG_FLAG,
  {
    name: 'apiserver-advertise-address',
    type: 'string',
    usage:
      "If the node should host a new control plane instance, the IP address the API Server will advertise it's listening on. If not set the default network interface will be used.",
  },
  {
    name: 'certificate-key',
    type: 'string',
    usage:
      'Use this key to decrypt the certificate secrets uploaded by init. The certificate key is a hex encoded string that is an AES key of size 32 bytes.',
  },
  {
    name: 'control-plane',
    type: 'bool',
    usage: 'Create a new control plane instance on this node',
  },
  { name: 'cri-socket', type: 'string', usage: 'Path to the CRI socket to connect.' },
  {
    name: 'discovery-token',
    type: 'string',
    usage:
      'For token-based discovery, the token used to validate cluster information fetched from the API server.',
  },
  {
    name: 'discovery-token-ca-cert-hash',
    type: 'strings',
    usage:
      'For token-based discovery, validate that the root CA public key matches this hash (format: "<type>:<value>").',
  },
  {
    name: 'discovery-token-unsafe-skip-ca-verification',
    type: 'bool',
    usage:
      'For token-based discovery, allow joining without --discovery-token-ca-cert-hash pinning.',
  },
  {
    name: 'ignore-preflight-errors',
    type: 'strings',
    usage:
      "A list of checks whose errors will be shown as warnings. Example: 'IsPrivilegedUser,Swap'. Value 'all' ignores errors from all checks.",
  },
  { name: 'node-name', type: 'string', usage: 'Specify the node name.' },
  { name: 'skip-phases', type: 'strings', usage: 'List of phases to be skipped' },
  {
    name: 'tls-bootstrap-token',
    type: 'string',
    usage:
      'Specify the token used to temporarily authenticate with the Kubernetes Control Plane while joining the node.',
  },
  {
    name: 'token',
    type: 'string',
    usage:
      'Use this token for both discovery-token and tls-bootstrap-token when those values are not provided.',
  },
  {
    name: 'v',
    short: 'v',
    type: 'string',
    default: 'Level',
    usage: 'number for the log level verbosity',
  },
];

function kubeadmVersion(m: Machine | undefined): string {
  return `v${m?.packages.kubeadm?.version ?? '0.0.0'}`;
}

const version: Sub = {
  name: 'version',
  short: 'Print the version of kubeadm',
  usage: 'kubeadm version [flags]',
  flags: [
    {
      name: 'output',
      short: 'o',
      type: 'string',
      usage: "Output format; available options are 'yaml', 'json' and 'short'",
    },
  ],
  run(inv, p) {
    const v = kubeadmVersion(findMachine(inv.ctx.state, inv.machine));
    const b = buildInfo(v);
    const minor = v.split('.')[1] ?? '';
    const o = str(p, 'output') ?? '';
    if (o === 'short') inv.io.out(v);
    else if (o === 'yaml') {
      inv.io.out(
        `clientVersion:\n  buildDate: "${b.buildDate}"\n  compiler: gc\n  gitCommit: ${b.gitCommit}\n  gitTreeState: clean\n  gitVersion: ${v}\n  goVersion: ${b.goVersion}\n  major: "1"\n  minor: "${minor}"\n  platform: linux/amd64`,
      );
    } else if (o === 'json') {
      inv.io.out(JSON.stringify({ clientVersion: versionInfo(v, false) }, null, 2));
    } else if (o === '') {
      inv.io.out(
        `kubeadm version: &version.Info{Major:"1", Minor:"${minor}", EmulationMajor:"", EmulationMinor:"", MinCompatibilityMajor:"", MinCompatibilityMinor:"", GitVersion:"${v}", GitCommit:"${b.gitCommit}", GitTreeState:"clean", BuildDate:"${b.buildDate}", GoVersion:"${b.goVersion}", Compiler:"gc", Platform:"linux/amd64"}`,
      );
    } else {
      return printKubeadmError(
        new EngineError('Kubeadm', { message: `invalid output format: ${o}` }),
        inv.io,
      );
    }
    return 0;
  },
};

/**
 * A `time.Duration` flag, parsed as pflag does (Go's time.ParseDuration); kubeadm treats a TTL of
 * zero or less as "never expires" (bootstraptoken/v1 utils.go encodeTokenSecretData).
 * @throws EngineError InvalidFlagValue with pflag's and Go's wording
 */
function durationFlag(p: ParsedFlags, name: string): number | undefined {
  const raw = str(p, name);
  if (raw === undefined) return undefined;
  const d = parseGoTimeDuration(raw);
  if (!d.ok)
    throw new EngineError('InvalidFlagValue', { value: raw, flag: `--${name}`, reason: d.error });
  return d.ns > 0n ? Math.max(1, d.ms) : 0;
}

const init: Sub = {
  name: 'init',
  short: 'Run this command in order to set up the Kubernetes control plane',
  usage: 'kubeadm init [flags]\n  kubeadm init [command]',
  long: `Run this command in order to set up the Kubernetes control plane

The "init" command executes the following phases:
\`\`\`
${formatPhaseHelp(initPhases)}
\`\`\``,
  flags: INIT_FLAGS,
  run(inv, p) {
    if (str(p, 'config') !== undefined) return initWithConfig(inv, p);
    if (p.positionals.length === 1 && p.positionals[0] === 'phase') {
      inv.io.out(formatInitPhaseHelp([]));
      return 0;
    }
    const onlyPhase = initPhaseArgument(p.positionals);
    if (onlyPhase instanceof EngineError) return printKubeadmError(onlyPhase, inv.io);
    const ttl = durationFlag(p, 'token-ttl');
    const opts = {
      ...(onlyPhase !== undefined ? { onlyPhase } : {}),
      ...(str(p, 'kubernetes-version') !== undefined
        ? { kubernetesVersion: str(p, 'kubernetes-version') ?? '' }
        : {}),
      ...(str(p, 'pod-network-cidr') !== undefined
        ? { podNetworkCidr: str(p, 'pod-network-cidr') ?? '' }
        : {}),
      ...(str(p, 'service-cidr') !== undefined
        ? { serviceCidr: str(p, 'service-cidr') ?? '' }
        : {}),
      ...(str(p, 'control-plane-endpoint') !== undefined
        ? { controlPlaneEndpoint: str(p, 'control-plane-endpoint') ?? '' }
        : {}),
      ...(str(p, 'apiserver-advertise-address') !== undefined
        ? { advertiseAddress: str(p, 'apiserver-advertise-address') ?? '' }
        : {}),
      ...(str(p, 'node-name') !== undefined ? { nodeName: str(p, 'node-name') ?? '' } : {}),
      ...(ttl !== undefined ? { tokenTtlMs: ttl } : {}),
      uploadCerts: bool(p, 'upload-certs'),
      skipPhases: list(p, 'skip-phases'),
      ignorePreflightErrors: list(p, 'ignore-preflight-errors'),
    };
    const t = inv.apply({ type: 'kubeadm.init', machine: inv.machine, options: opts });
    return t.ok ? 0 : printKubeadmError(t.error, inv.io);
  },
};

/**
 * `kubeadm init phase <name> [<child>]`: the workflow runner makes every phase a subcommand
 * (cmd/kubeadm/app/cmd/phases/workflow/runner.go, BindToCommand); a parent's `all` runs its
 * children. Returns the phase path, undefined for plain `kubeadm init`, or an error to print.
 */
function initPhaseArgument(positionals: readonly string[]): string | undefined | EngineError {
  const [first, ...names] = positionals;
  if (first === undefined) return undefined;
  if (first !== 'phase')
    return new EngineError('Kubeadm', { message: `unknown command "${first}" for "kubeadm init"` });
  const path = names.filter((n) => n !== 'all').join('/');
  const known = flattenPhases(initPhases).map((e) => e.path);
  if (path === '' || !known.includes(path)) {
    const parent = names.slice(0, -1).join(' ');
    const where = `kubeadm init phase${parent ? ` ${parent}` : ''}`;
    return new EngineError('Kubeadm', {
      message: `unknown command "${names.at(-1) ?? ''}" for "${where}"`,
    });
  }
  return path;
}

/** `kubeadm init phase [name] --help`: the phase subcommands, generated from the phase tree. */
export function formatInitPhaseHelp(names: readonly string[]): string {
  const path = names.filter((n) => n !== 'all').join('/');
  const entry = flattenPhases(initPhases).find((e) => e.path === path);
  const children = entry ? (entry.phase.phases ?? []) : initPhases;
  const title = entry
    ? entry.phase.short
    : 'Use this command to invoke single phase of the "init" workflow';
  const cmd = `kubeadm init phase${entry ? ` ${names.join(' ')}` : ''}`;
  const subcommands = [...children]
    .filter((c) => !c.hidden)
    .map((c) => ({ name: c.name, short: c.short }))
    .concat(
      entry && children.length > 0
        ? [{ name: 'all', short: `Run all ${entry.phase.name} phases` }]
        : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const width = Math.max(0, ...subcommands.map((s) => s.name.length)) + 3;
  const available =
    subcommands.length > 0
      ? `\n\nAvailable Commands:\n${subcommands.map((s) => `  ${s.name.padEnd(width)}${s.short}`).join('\n')}`
      : '';
  const usage = subcommands.length > 0 ? `  ${cmd} [command]` : `  ${cmd} [flags]`;
  return `${title}\n\nUsage:\n${usage}${available}\n\nUse "${cmd} [command] --help" for more information about a command.`;
}

const join: Sub = {
  name: 'join',
  short: 'Run this on any machine you wish to join an existing cluster',
  usage: 'kubeadm join [api-server-endpoint] [flags]',
  flags: JOIN_FLAGS,
  run(inv, p) {
    if (str(p, 'config') !== undefined) return joinWithConfig(inv, p);
    const endpoint = p.positionals[0];
    if (endpoint === undefined) {
      return printKubeadmError(
        new EngineError('Kubeadm', {
          message: 'discovery: Invalid value: "": bootstrapToken or file must be set',
        }),
        inv.io,
      );
    }
    const token = str(p, 'discovery-token') ?? str(p, 'token');
    const key = str(p, 'certificate-key');
    const addr = str(p, 'apiserver-advertise-address');
    const name = str(p, 'node-name');
    const t = inv.apply({
      type: 'kubeadm.join',
      machine: inv.machine,
      options: {
        endpoint,
        ...(token !== undefined ? { token } : {}),
        caCertHashes: list(p, 'discovery-token-ca-cert-hash'),
        unsafeSkipCAVerification: bool(p, 'discovery-token-unsafe-skip-ca-verification'),
        controlPlane: bool(p, 'control-plane'),
        ...(key !== undefined ? { certificateKey: key } : {}),
        ...(addr !== undefined ? { advertiseAddress: addr } : {}),
        ...(name !== undefined ? { nodeName: name } : {}),
        ignorePreflightErrors: list(p, 'ignore-preflight-errors'),
        skipPhases: list(p, 'skip-phases'),
      },
    });
    return t.ok ? 0 : printKubeadmError(t.error, inv.io);
  },
};

const reset: Sub = {
  name: 'reset',
  short:
    "Performs a best effort revert of changes made to this host by 'kubeadm init' or 'kubeadm join'",
  usage: 'kubeadm reset [flags]',
  flags: [
    {
      name: 'force',
      short: 'f',
      type: 'bool',
      usage: 'Reset the node without prompting for confirmation.',
    },
    { name: 'cri-socket', type: 'string', usage: 'Path to the CRI socket to connect.' },
  ],
  run(inv, p) {
    const t = inv.apply({
      type: 'kubeadm.reset',
      machine: inv.machine,
      force: bool(p, 'force'),
      ...(inv.stdin === null ? {} : { answer: inv.stdin.split('\n')[0] ?? '' }),
    });
    return t.ok ? 0 : printKubeadmError(t.error, inv.io);
  },
};

function hasAdminConf(inv: Invocation): boolean {
  return findMachine(inv.ctx.state, inv.machine)?.files['/etc/kubernetes/admin.conf'] !== undefined;
}

const token: Sub = {
  name: 'token',
  short: 'Manage bootstrap tokens',
  usage: 'kubeadm token [flags]\n  kubeadm token [command]',
  flags: [
    {
      name: 'print-join-command',
      type: 'bool',
      usage:
        "Instead of printing only the token, print the full 'kubeadm join' flag needed to join the cluster using the token.",
    },
    {
      name: 'ttl',
      type: 'string',
      default: 'duration',
      usage:
        "The duration before the token is automatically deleted (e.g. 1s, 2m, 3h). If set to '0', the token will never expire (default 24h0m0s)",
    },
    {
      name: 'certificate-key',
      type: 'string',
      usage:
        "When used together with '--print-join-command', print the full 'kubeadm join' flag needed to join the cluster as a control-plane.",
    },
    {
      name: 'description',
      type: 'string',
      usage: 'A human friendly description of how this token is used.',
    },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: text|json|yaml.' },
  ],
  run(inv, p) {
    const [sub, ...rest] = p.positionals;
    if (sub === 'create') {
      const ttl = durationFlag(p, 'ttl');
      const key = str(p, 'certificate-key');
      const t = inv.apply({
        type: 'kubeadm.token.create',
        machine: inv.machine,
        printJoinCommand: bool(p, 'print-join-command'),
        ...(ttl !== undefined ? { ttlMs: ttl } : {}),
        ...(key !== undefined ? { certificateKey: key } : {}),
      });
      return t.ok ? 0 : printKubeadmError(t.error, inv.io);
    }
    if (sub === 'list') {
      const c = inv.ctx.state.cluster;
      if (!c || !hasAdminConf(inv)) {
        return printKubeadmError(
          new EngineError('Kubeadm', {
            message:
              'failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory',
          }),
          inv.io,
        );
      }
      const now = inv.ctx.state.now;
      const rows = c.tokens
        .filter((t) => tokenValid(t, now))
        .map((t) => [
          `${t.id}.${t.secret}`,
          t.expires === null ? '<forever>' : ttlLeft(t.expires - now),
          t.expires === null ? '<never>' : formatRfc3339(t.expires),
          t.usages.join(','),
          t.description || '<none>',
          t.groups.join(','),
        ]);
      if (rows.length > 0)
        inv.io.out(
          formatTable(['TOKEN', 'TTL', 'EXPIRES', 'USAGES', 'DESCRIPTION', 'EXTRA GROUPS'], rows),
        );
      return 0;
    }
    if (sub === 'delete') {
      if (rest.length === 0)
        return printKubeadmError(
          new EngineError('Kubeadm', {
            message:
              'missing argument; \'token delete\' is missing token of form "[a-z0-9]{6}" or "[a-z0-9]{6}\\.[a-z0-9]{16}"',
          }),
          inv.io,
        );
      const t = inv.apply({ type: 'kubeadm.token.delete', machine: inv.machine, ids: rest });
      return t.ok ? 0 : printKubeadmError(t.error, inv.io);
    }
    if (sub === 'generate') {
      // Prints a random token without creating it; draw from a throwaway copy of the RNG.
      const t = inv.apply({
        type: 'kubeadm.token.create',
        machine: inv.machine,
        printJoinCommand: false,
      });
      return t.ok ? 0 : printKubeadmError(t.error, inv.io);
    }
    inv.io.out(helpText(token, 'kubeadm token'));
    return 0;
  },
};

function ttlLeft(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  if (h >= 1) return `${h}h`;
  const m = Math.floor(ms / 60_000);
  return m >= 1 ? `${m}m` : `${Math.floor(ms / 1000)}s`;
}

const SUBS: readonly Sub[] = [
  certsSub,
  configSub,
  init,
  join,
  kubeconfigSub,
  reset,
  token,
  upgradeSub,
  version,
];

function helpText(sub: Sub, path: string): string {
  return `${sub.long ?? sub.short}\n\nUsage:\n  ${sub.usage}\n\nFlags:\n${formatFlagHelp(sub.flags)}\n\nGlobal Flags:\n      --add-dir-header           If true, adds the file directory to the header of the log messages\n      --log-file string          If non-empty, use this log file (no effect when -logtostderr=true)\n      --rootfs string            The path to the 'real' host root filesystem. This will cause kubeadm to chroot into the provided path.\n      --skip-headers             If true, avoid header prefixes in the log messages\n  -v, --v Level                  number for the log level verbosity\n\nUse "${path} [command] --help" for more information about a command.`;
}

const ROOT_HELP = `

    ┌──────────────────────────────────────────────────────────┐
    │ KUBEADM                                                  │
    │ Easily bootstrap a secure Kubernetes cluster             │
    │                                                          │
    │ Please give us feedback at:                              │
    │ https://github.com/kubernetes/kubeadm/issues             │
    └──────────────────────────────────────────────────────────┘

Example usage:

    Create a two-machine cluster with one control-plane node
    (which controls the cluster), and one worker node
    (where your workloads, like Pods and Deployments run).

    ┌──────────────────────────────────────────────────────────┐
    │ On the first machine:                                    │
    ├──────────────────────────────────────────────────────────┤
    │ control-plane# kubeadm init                              │
    └──────────────────────────────────────────────────────────┘

    ┌──────────────────────────────────────────────────────────┐
    │ On the second machine:                                   │
    ├──────────────────────────────────────────────────────────┤
    │ worker# kubeadm join <arguments-returned-from-init>      │
    └──────────────────────────────────────────────────────────┘

    You can then repeat the second step on as many other machines as you like.

Usage:
  kubeadm [command]

Available Commands:
${SUBS.map((s) => `  ${s.name.padEnd(11)}${s.short}`).join('\n')}

Flags:
  -h, --help   help for kubeadm

Use "kubeadm [command] --help" for more information about a command.`;

/** Words each subcommand takes before its arguments (what its `run` dispatches on). */
const NESTED: Readonly<Record<string, Readonly<Record<string, CompletionSpec>>>> = {
  certs: { 'certificate-key': {}, 'check-expiration': {}, renew: { args: 'none' } },
  config: {
    images: { subcommands: { list: {}, pull: {} } },
    migrate: {},
    print: { subcommands: { 'init-defaults': {}, 'join-defaults': {} } },
    validate: {},
  },
  init: { phase: { args: 'none' } },
  token: { create: { args: 'none' }, delete: { args: 'none' }, generate: {}, list: {} },
  upgrade: { apply: { args: 'none' }, node: {}, plan: { args: 'none' } },
};

export const kubeadm: CommandModule = {
  name: 'kubeadm',
  summary: 'bootstrap a Kubernetes cluster (init, join, token, reset, version)',
  requiresPackage: 'kubeadm',
  completion: {
    subcommands: Object.fromEntries(
      SUBS.map((sub) => {
        const nested = NESTED[sub.name];
        return [
          sub.name,
          { flags: sub.flags, args: 'none', ...(nested ? { subcommands: nested } : {}) },
        ];
      }),
    ),
  },
  run(inv) {
    const [first, ...rest] = inv.args;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      inv.io.out(ROOT_HELP.replace(/^\n\n/, '\n'));
      return 0;
    }
    const sub = SUBS.find((s) => s.name === first);
    if (!sub) {
      if (first.startsWith('-'))
        return printKubeadmError(
          new EngineError('UnknownFlag', { flag: first.split('=')[0] ?? first }),
          inv.io,
        );
      inv.io.err(`error: unknown command "${first}" for "kubeadm"`);
      inv.io.err('To see the stack trace of this error execute with --v=5 or higher');
      return 1;
    }
    let p: ParsedFlags;
    try {
      p = parseFlags(rest, sub.flags);
    } catch (error) {
      if (isEngineError(error)) return printKubeadmError(error, inv.io);
      throw error;
    }
    if (bool(p, 'help') && sub === init && p.positionals[0] === 'phase') {
      inv.io.out(formatInitPhaseHelp(p.positionals.slice(1)));
      return 0;
    }
    if (bool(p, 'help')) {
      inv.io.out(helpText(sub, `kubeadm ${sub.name}`));
      return 0;
    }
    try {
      return sub.run(inv, p);
    } catch (error) {
      if (isEngineError(error)) return printKubeadmError(error, inv.io);
      throw error;
    }
  },
};
