/**
 * `kubeadm config print|migrate|validate` and `kubeadm init|join --config FILE`
 * (cmd/kubeadm/app/cmd/config.go, cmd/kubeadm/app/util/config/, validation.ValidateMixedArguments).
 */
import {
  EngineError,
  findDoc,
  initDefaultsYaml,
  joinDefaultsYaml,
  kubeletConfigurationYaml,
  kubeProxyConfigurationYaml,
  loadConfigText,
  migrateConfig,
  normalizePath,
  planInitFromConfig,
  type ConfigWarning,
  type InitOptions,
  type JoinOptions,
} from '../../src/index.ts';
import { str, list, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { printKubeadmError } from '../format.ts';
import type { Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { IMAGES_FLAGS, runImages } from './kubeadm-upgrade.ts';
import { findMachine } from '../../src/index.ts';

/** Flags that may be combined with --config (validation.go isAllowedFlag). */
const ALLOWED_WITH_CONFIG = new Set([
  'config',
  'ignore-preflight-errors',
  'dry-run',
  'kubeconfig',
  'node-name',
  'cri-socket',
  'kubeconfig-dir',
  'upload-certs',
  'print-join-command',
  'rootfs',
  'v',
  'help',
]);

/** The `--config` flag of init and join. */
export const CONFIG_FLAG: FlagSpec = {
  name: 'config',
  type: 'string',
  usage: 'Path to a kubeadm configuration file.',
};

/** klog's header `W1125 09:00:00.000000    4242 file.go:N] ` for the simulated clock. */
export function klogHeader(level: 'W' | 'I' | 'E', now: number, at: string): string {
  const d = new Date(now);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${level}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}    4242 ${at}] `;
}

function printWarnings(inv: Invocation, warnings: readonly ConfigWarning[]): void {
  for (const w of warnings) inv.io.err(`${klogHeader('W', inv.ctx.state.now, w.at)}${w.message}`);
}

function fail(inv: Invocation, message: string, exitCode = 1): number {
  printKubeadmError(new EngineError('Kubeadm', { message }), inv.io);
  return exitCode;
}

function readFile(inv: Invocation, path: string): string | undefined {
  return findMachine(inv.ctx.state, inv.machine)?.files[absolutePath(inv, path)];
}

/** Returns the mixing error, or null (validation.ValidateMixedArguments; flags in name order). */
export function mixedArgumentsError(p: ParsedFlags): string | null {
  const mixed = Object.keys(p.values)
    .filter((f) => !ALLOWED_WITH_CONFIG.has(f) && !f.startsWith('skip-'))
    .sort();
  return mixed.length > 0 ? `can not mix '--config' with arguments [${mixed.join(' ')}]` : null;
}

function load(inv: Invocation, file: string): ReturnType<typeof loadConfigText> | number {
  const text = readFile(inv, file);
  if (text === undefined)
    return fail(
      inv,
      `unable to read config from "${file}" : open ${file}: no such file or directory`,
    );
  return loadConfigText(text);
}

type LoadedConfig = Extract<ReturnType<typeof loadConfigText>, { ok: true }>;

/**
 * Reads and decodes a kubeadm configuration file named by a command's `--config`, printing its
 * decoding warnings. Returns the documents, or the exit code after printing the error.
 */
export function loadConfigFile(inv: Invocation, file: string): LoadedConfig | number {
  const loaded = load(inv, file);
  if (typeof loaded === 'number') return loaded;
  printWarnings(inv, loaded.warnings);
  return loaded.ok ? loaded : fail(inv, loaded.error);
}

/**
 * The shared start of `kubeadm init|join --config FILE`: refuse mixed flags, read and decode the
 * file, print decoding warnings. Returns the documents, or the exit code after printing the error.
 */
function loadForCommand(inv: Invocation, p: ParsedFlags): LoadedConfig | number {
  const mixed = mixedArgumentsError(p);
  if (mixed) return fail(inv, mixed);
  return loadConfigFile(inv, str(p, 'config') ?? '');
}

/** `kubeadm init --config FILE`. */
export function initWithConfig(inv: Invocation, p: ParsedFlags): number {
  const loaded = loadForCommand(inv, p);
  if (typeof loaded === 'number') return loaded;
  const base: InitOptions = {
    ...(str(p, 'node-name') !== undefined ? { nodeName: str(p, 'node-name') ?? '' } : {}),
    uploadCerts: p.values['upload-certs'] === true,
    skipPhases: list(p, 'skip-phases'),
    ignorePreflightErrors: list(p, 'ignore-preflight-errors'),
  };
  const plan = planInitFromConfig(loaded.docs, base);
  if ('error' in plan) return fail(inv, plan.error, 3);
  const ext = plan.externalEtcd;
  if (ext) {
    const m = findMachine(inv.ctx.state, inv.machine);
    const missing = [ext.caFile, ext.certFile, ext.keyFile].filter(
      (f) => f !== '' && m?.files[normalizePath(f)] === undefined,
    );
    if (missing.length > 0) {
      // checks.go: FileExistingCheck{Label: "ExternalEtcdClientCertificates"}, then
      // ExternalEtcdVersionCheck, which cannot load the CA either.
      const version = inv.ctx.state.cluster?.version ?? `v${m?.packages.kubeadm?.version ?? ''}`;
      const wanted = plan.options.kubernetesVersion ?? version;
      inv.io.out(
        `[init] Using Kubernetes version: ${wanted.startsWith('v') ? wanted : `v${wanted}`}`,
      );
      inv.io.out('[preflight] Running pre-flight checks');
      const lines = [
        '[preflight] Some fatal errors occurred:',
        ...missing.map((f) => `\t[ERROR ExternalEtcdClientCertificates]: ${f} doesn't exist`),
        ...(missing.includes(ext.caFile)
          ? [
              `\t[ERROR ExternalEtcdVersion]: couldn't load external etcd's server certificate ${ext.caFile}: open ${ext.caFile}: no such file or directory`,
            ]
          : []),
        '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`',
      ];
      inv.io.err(lines.join('\n'));
      return fail(inv, 'error execution phase preflight: preflight checks failed');
    }
  }
  const t = inv.apply({ type: 'kubeadm.init', machine: inv.machine, options: plan.options });
  return t.ok ? 0 : printKubeadmError(t.error, inv.io);
}

/** `kubeadm join --config FILE`. */
export function joinWithConfig(inv: Invocation, p: ParsedFlags): number {
  const loaded = loadForCommand(inv, p);
  if (typeof loaded === 'number') return loaded;
  const doc = findDoc(loaded.docs, 'JoinConfiguration');
  if (!doc) return fail(inv, `no JoinConfiguration found in the file "${str(p, 'config') ?? ''}"`);
  const o = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const discovery = o(doc.body['discovery']);
  const bt = o(discovery['bootstrapToken']);
  const endpoint = typeof bt['apiServerEndpoint'] === 'string' ? bt['apiServerEndpoint'] : '';
  if (!endpoint)
    return fail(
      inv,
      'discovery.bootstrapToken.apiServerEndpoint: Invalid value: "": the apiServerEndpoint must be set',
      3,
    );
  const nodeReg = o(doc.body['nodeRegistration']);
  const cp = doc.body['controlPlane'] !== undefined ? o(doc.body['controlPlane']) : null;
  const token = typeof bt['token'] === 'string' ? bt['token'] : undefined;
  const options: JoinOptions = {
    endpoint,
    ...(token !== undefined ? { token } : {}),
    caCertHashes: Array.isArray(bt['caCertHashes'])
      ? (bt['caCertHashes'] as unknown[]).map(String)
      : [],
    unsafeSkipCAVerification: bt['unsafeSkipCAVerification'] === true,
    controlPlane: cp !== null,
    ...(cp && typeof cp['certificateKey'] === 'string'
      ? { certificateKey: cp['certificateKey'] }
      : {}),
    ...(typeof nodeReg['name'] === 'string'
      ? { nodeName: nodeReg['name'] }
      : str(p, 'node-name') !== undefined
        ? { nodeName: str(p, 'node-name') ?? '' }
        : {}),
    ignorePreflightErrors: [
      ...list(p, 'ignore-preflight-errors'),
      ...(Array.isArray(nodeReg['ignorePreflightErrors'])
        ? (nodeReg['ignorePreflightErrors'] as unknown[]).map(String)
        : []),
    ],
    skipPhases: list(p, 'skip-phases'),
  };
  const t = inv.apply({ type: 'kubeadm.join', machine: inv.machine, options });
  return t.ok ? 0 : printKubeadmError(t.error, inv.io);
}

function tokenFor(seed: string): string {
  // Deterministic stand-in for the random token migrate generates (no RNG draw: reading a
  // config must not change the session state beyond the file it writes).
  let h = 2166136261;
  const out: string[] = [];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 23; i++) {
    h = Math.imul(h ^ (seed.charCodeAt(i % Math.max(1, seed.length)) + i), 16777619) >>> 0;
    out.push(i === 6 ? '.' : (alphabet[h % alphabet.length] ?? 'a'));
  }
  return out.join('');
}

/** The `kubeadm config` command. */
export const configSub = {
  name: 'config',
  short: 'Manage configuration for a kubeadm cluster persisted in a ConfigMap in the cluster',
  usage: 'kubeadm config [flags]\n  kubeadm config [command]',
  flags: [
    {
      name: 'component-configs',
      type: 'strings',
      usage:
        'A comma-separated list for component config API objects to print the default values for. Available values: [KubeProxyConfiguration KubeletConfiguration]. If this flag is not set, no component configs will be printed.',
    },
    {
      name: 'old-config',
      type: 'string',
      usage:
        'Path to the kubeadm config file that is using an old API version and should be converted. This flag is mandatory.',
    },
    {
      name: 'new-config',
      type: 'string',
      usage:
        'Path to the resulting equivalent kubeadm config file using the new API version. Optional, if not specified output will be sent to STDOUT.',
    },
    { name: 'config', type: 'string', usage: 'Path to a kubeadm configuration file.' },
    {
      name: 'kubeconfig',
      type: 'string',
      usage:
        'The kubeconfig file to use when talking to the cluster. (default "/etc/kubernetes/admin.conf")',
    },
    {
      name: 'allow-experimental-api',
      type: 'bool',
      usage: 'Allow migration to experimental, unreleased APIs.',
    },
    ...IMAGES_FLAGS,
  ] satisfies FlagSpec[],
  run(inv: Invocation, p: ParsedFlags): number {
    const [sub, what] = p.positionals;
    const m = findMachine(inv.ctx.state, inv.machine);
    const kubeadmVersion = `v${m?.packages.kubeadm?.version ?? '0.0.0'}`;
    if (sub === 'print' && (what === 'init-defaults' || what === 'join-defaults')) {
      let text =
        what === 'init-defaults' ? initDefaultsYaml(kubeadmVersion) : joinDefaultsYaml(inv.machine);
      for (const c of list(p, 'component-configs')) {
        if (c === 'KubeletConfiguration') text += `---\n${kubeletConfigurationYaml()}`;
        else if (c === 'KubeProxyConfiguration') text += `---\n${kubeProxyConfigurationYaml()}`;
        else return fail(inv, `cannot get defaulted config for component group "${c}"`);
      }
      inv.io.out(text.replace(/\n$/, ''));
      return 0;
    }
    if (sub === 'images') return runImages(inv, p, what);
    if (sub === 'validate') {
      const file = str(p, 'config');
      if (file === undefined) return fail(inv, 'the --config flag is mandatory');
      const loaded = load(inv, file);
      if (typeof loaded === 'number') return loaded;
      printWarnings(inv, loaded.warnings);
      if (!loaded.ok) return fail(inv, loaded.error);
      const plan = planInitFromConfig(loaded.docs, {});
      if ('error' in plan) return fail(inv, plan.error, 3);
      inv.io.out('ok');
      return 0;
    }
    if (sub === 'migrate') {
      const file = str(p, 'old-config');
      if (file === undefined) return fail(inv, 'the --old-config flag is mandatory');
      const text = readFile(inv, file);
      if (text === undefined) return fail(inv, `open ${file}: no such file or directory`);
      const loaded = loadConfigText(text);
      if (!loaded.ok) return fail(inv, loaded.error);
      const plan = planInitFromConfig(loaded.docs, {});
      if ('error' in plan) return fail(inv, plan.error, 3);
      const out = migrateConfig(loaded.docs, {
        hostname: inv.machine,
        ip: m?.ip ?? '',
        kubeadmVersion,
        token: tokenFor(text),
      });
      const target = str(p, 'new-config');
      if (target === undefined) {
        inv.io.out(out.replace(/\n$/, ''));
        return 0;
      }
      const path = absolutePath(inv, target);
      const t = inv.apply({ type: 'file.write', machine: inv.machine, path, content: out });
      return t.ok ? 0 : fail(inv, t.error.message);
    }
    inv.io
      .out(`There is a ConfigMap kubeadm-config in the kube-system namespace called "ClusterConfiguration" that kubeadm uses to store internal configuration about the
cluster. kubeadm CLI v1.8.0+ automatically creates this ConfigMap with the config used with 'kubeadm init'.

Usage:
  kubeadm config [flags]
  kubeadm config [command]

Available Commands:
  images      Interact with container images used by kubeadm
  migrate     Read an older version of the kubeadm configuration API types from a file, and output the similar config object for the newer version
  print       Print configuration
  validate    Read a file containing the kubeadm configuration API and report any validation problems

Use "kubeadm config [command] --help" for more information about a command.`);
    return sub === undefined ? 0 : 1;
  },
};
