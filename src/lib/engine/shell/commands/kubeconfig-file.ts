/**
 * The kubeconfig file kubectl reads and writes, the way client-go's clientcmd loads and writes
 * it: which file (--kubeconfig, else the first existing $KUBECONFIG entry, else
 * ~/.kube/config; a file that does not exist reads as an empty config), the v1 Config with its
 * known fields only, entries sorted by name, written as sigs.k8s.io/yaml writes it (sorted
 * keys) and printed as JSON in the structs' field order. The simulator's `@pki:` references to
 * certificate data stay references in the file and become real base64 data when printed raw.
 *
 * upstream: staging/src/k8s.io/client-go/tools/clientcmd/loader.go (ClientConfigLoadingRules,
 * Load, WriteToFile), staging/src/k8s.io/client-go/tools/clientcmd/api/v1/types.go (field order
 * and names), api/v1/conversion.go (named entries sorted by name), api/helpers.go
 * (ShortenConfig: DATA+OMITTED and REDACTED, MinifyConfig).
 */
import { parse } from 'yaml';
import { findMachine, normalizePath } from '../../src/index.ts';
import { str, type ParsedFlags } from '../flags.ts';
import { absolutePath } from '../paths.ts';
import type { Invocation } from '../types.ts';
import { renderYaml } from './kubectl-print.ts';

type Obj = Record<string, unknown>;

/** One named entry (cluster, user or context) with its fields. */
export interface Named {
  readonly name: string;
  readonly value: Obj;
}

/** clientcmdapi.Config, the parts kubectl's config verbs read and write. */
export interface Kubeconfig {
  readonly clusters: readonly Named[];
  readonly users: readonly Named[];
  readonly contexts: readonly Named[];
  readonly currentContext: string;
  readonly preferences: Obj;
}

/** Field order of the v1 structs (encoding/json writes fields in declaration order), per entry kind. */
export const KUBECONFIG_FIELDS = {
  cluster: [
    'server',
    'tls-server-name',
    'insecure-skip-tls-verify',
    'certificate-authority',
    'certificate-authority-data',
    'proxy-url',
    'disable-compression',
    'extensions',
  ],
  user: [
    'client-certificate',
    'client-certificate-data',
    'client-key',
    'client-key-data',
    'token',
    'tokenFile',
    'as',
    'as-uid',
    'as-groups',
    'as-user-extra',
    'username',
    'password',
    'auth-provider',
    'exec',
    'extensions',
  ],
  context: ['cluster', 'user', 'namespace', 'extensions'],
} as const;

/** The empty config (a file that does not exist). */
export const EMPTY_KUBECONFIG: Kubeconfig = {
  clusters: [],
  users: [],
  contexts: [],
  currentContext: '',
  preferences: {},
};

const PKI_REF = /: (@pki:\S+)$/gm;
const PLAIN_REF = 'KUBELIFEPKIREF';

function entries(list: unknown, key: keyof typeof KUBECONFIG_FIELDS): Named[] {
  if (!Array.isArray(list)) return [];
  const out = new Map<string, Obj>();
  for (const item of list as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const name = (item as Obj)['name'];
    const value = (item as Obj)[key];
    if (typeof name !== 'string') continue;
    const fields: Obj = {};
    for (const f of KUBECONFIG_FIELDS[key]) {
      const v = value !== null && typeof value === 'object' ? (value as Obj)[f] : undefined;
      if (v !== undefined && v !== null && v !== '' && v !== false) fields[f] = v;
    }
    out.set(name, fields);
  }
  return [...out].map(([name, value]) => ({ name, value }));
}

/** Parses kubeconfig text (null when it is not YAML). */
export function parseKubeconfig(text: string): Kubeconfig | null {
  let doc: unknown;
  try {
    // `@pki:` references are not valid plain YAML scalars: quote them to read them.
    doc = parse(text.replace(PKI_REF, ': "$1"'));
  } catch {
    return null;
  }
  if (doc === null || doc === undefined) return EMPTY_KUBECONFIG;
  if (typeof doc !== 'object') return null;
  const d = doc as Obj;
  const current = d['current-context'];
  const prefs = d['preferences'];
  return {
    clusters: entries(d['clusters'], 'cluster'),
    users: entries(d['users'], 'user'),
    contexts: entries(d['contexts'], 'context'),
    currentContext: typeof current === 'string' ? current : '',
    preferences: prefs !== null && typeof prefs === 'object' ? (prefs as Obj) : {},
  };
}

const byName = (a: Named, b: Named): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function ordered(value: Obj, key: keyof typeof KUBECONFIG_FIELDS): Obj {
  return Object.fromEntries(
    KUBECONFIG_FIELDS[key].filter((f) => value[f] !== undefined).map((f) => [f, value[f]]),
  );
}

function list(named: readonly Named[], key: keyof typeof KUBECONFIG_FIELDS): Obj[] | null {
  if (named.length === 0) return null;
  return [...named].sort(byName).map((n) => ({ name: n.name, [key]: ordered(n.value, key) }));
}

/** The v1 Config object in the structs' field order (what `-o json` prints). */
export function v1Config(c: Kubeconfig): Obj {
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: c.preferences,
    clusters: list(c.clusters, 'cluster'),
    users: list(c.users, 'user'),
    contexts: list(c.contexts, 'context'),
    'current-context': c.currentContext,
  };
}

/** YAML as sigs.k8s.io/yaml writes the Config (sorted keys), without a trailing newline. */
export function kubeconfigYaml(c: Kubeconfig): string {
  // A `@pki:` reference would be quoted (and folded past 80 columns): render it as a plain
  // token, then put the reference back, as the file holds it.
  const plain = (v: unknown): unknown =>
    typeof v === 'string' && v.startsWith('@pki:')
      ? `${PLAIN_REF}${v.slice(5)}`
      : Array.isArray(v)
        ? v.map(plain)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
          : v;
  return renderYaml(plain(v1Config(c)) as Obj).replaceAll(PLAIN_REF, '@pki:');
}

/** api/helpers.go ShortenConfig: certificate data omitted, tokens and passwords redacted. */
export function shortenKubeconfig(c: Kubeconfig): Kubeconfig {
  const hide = (value: Obj, fields: Readonly<Record<string, string>>): Obj =>
    Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fields[k] !== undefined ? fields[k] : v]),
    );
  return {
    ...c,
    clusters: c.clusters.map((n) => ({
      name: n.name,
      value: hide(n.value, { 'certificate-authority-data': 'DATA+OMITTED' }),
    })),
    users: c.users.map((n) => ({
      name: n.name,
      value: hide(n.value, {
        'client-certificate-data': 'DATA+OMITTED',
        'client-key-data': 'DATA+OMITTED',
        token: 'REDACTED',
        password: 'REDACTED',
      }),
    })),
  };
}

/** The file kubectl reads: null when none of the candidates exists. */
export function kubeconfigFile(inv: Invocation, p: ParsedFlags): string | null {
  const m = findMachine(inv.ctx.state, inv.machine);
  return candidates(inv, p).find((c) => m?.files[c] !== undefined) ?? null;
}

function candidates(inv: Invocation, p: ParsedFlags): string[] {
  const explicit = str(p, 'kubeconfig');
  if (explicit !== undefined) return [absolutePath(inv, explicit)];
  const env = inv.ctx.env['KUBECONFIG'];
  if (env !== undefined && env !== '')
    return env
      .split(':')
      .filter((x) => x !== '')
      .map((x) => absolutePath(inv, x));
  return [normalizePath(`${inv.ctx.env['HOME'] ?? '/root'}/.kube/config`)];
}

/**
 * The file a write goes to: the file read, else (none exists) the explicit one, the last
 * $KUBECONFIG entry, or ~/.kube/config (loader.go GetDefaultFilename).
 */
export function kubeconfigTarget(inv: Invocation, p: ParsedFlags): string {
  return kubeconfigFile(inv, p) ?? candidates(inv, p).at(-1) ?? '/root/.kube/config';
}

/** The config kubectl loads, or the error it prints for a file that does not parse. */
export function loadKubeconfig(
  inv: Invocation,
  p: ParsedFlags,
): { ok: true; config: Kubeconfig; path: string } | { ok: false; message: string } {
  const path = kubeconfigFile(inv, p);
  const text = path === null ? undefined : findMachine(inv.ctx.state, inv.machine)?.files[path];
  if (path === null || text === undefined)
    return { ok: true, config: EMPTY_KUBECONFIG, path: kubeconfigTarget(inv, p) };
  const config = parseKubeconfig(text);
  if (config === null)
    return { ok: false, message: `error: error loading config file "${path}": yaml: invalid` };
  return { ok: true, config, path };
}

/** Writes the config to `path` (creating its directory as clientcmd does); false on failure. */
export function saveKubeconfig(inv: Invocation, path: string, c: Kubeconfig): boolean {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  const m = findMachine(inv.ctx.state, inv.machine);
  if (m && !m.dirs.includes(dir)) {
    const made = inv.apply({ type: 'file.mkdir', machine: inv.machine, path: dir, parents: true });
    if (!made.ok) {
      inv.io.err(`error: ${made.error.message}`);
      return false;
    }
  }
  const t = inv.apply({
    type: 'file.write',
    machine: inv.machine,
    path,
    content: `${kubeconfigYaml(c)}\n`,
  });
  if (!t.ok) inv.io.err(`error: ${t.error.message}`);
  return t.ok;
}

/**
 * The flags with `namespace` set from the kubeconfig context (--context, else the current one)
 * when the line does not give -n: kubectl's default namespace (clientcmd
 * DirectClientConfig.Namespace; "default" when the context names none).
 */
export function withContextNamespace(inv: Invocation, p: ParsedFlags): ParsedFlags {
  if (str(p, 'namespace') !== undefined) return p;
  const path = kubeconfigFile(inv, p);
  const text = path === null ? undefined : findMachine(inv.ctx.state, inv.machine)?.files[path];
  // Most kubeconfigs name no namespace: skip parsing them.
  if (text === undefined || !/^\s+namespace:/m.test(text)) return p;
  const c = parseKubeconfig(text);
  const name = str(p, 'context') ?? c?.currentContext ?? '';
  const ns = c?.contexts.find((x) => x.name === name)?.value['namespace'];
  return typeof ns === 'string' && ns !== '' ? { ...p, values: { ...p.values, namespace: ns } } : p;
}
