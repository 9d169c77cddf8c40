/**
 * The objects `kubectl create configmap|secret generic|secret tls|serviceaccount` builds from
 * their flags: --from-literal=KEY=VALUE, --from-file=[KEY=]PATH (a file or a directory's files,
 * read from the simulated machine), --type, --cert/--key.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go
 * (handleConfigMapFromLiteralSources, addKeyFromLiteralToConfigMap: "cannot add key %q, another
 * key by that name already exists in Data for ConfigMap %q"), create_secret.go
 * (addKeyFromLiteralToSecret), create_secret_tls.go ("key and cert must be specified", "Cannot
 * read file"), create_serviceaccount.go, staging/src/k8s.io/kubectl/pkg/util/util.go
 * (ParseLiteralSource, ParseFileSource), staging/src/k8s.io/kubectl/pkg/cmd/util/env_file.go
 * (--from-env-file: KEY=VALUE lines, `#` comments, the value kept as written).
 */
import { findMachine, type Json } from '../../src/index.ts';
import { list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { absolutePath } from '../paths.ts';
import { base64 } from '../materialize.ts';
import type { Invocation } from '../types.ts';

type Obj = Record<string, Json>;

/** A built object, or the error kubectl prints. */
export type Built = { readonly object: Obj } | { readonly error: string };

const s = (name: string, usage: string): FlagSpec => ({ name, type: 'strings', usage });

/** Flags of `create configmap` and `create secret generic`. */
export const DATA_FLAGS: FlagSpec[] = [
  s('from-literal', 'Specify a key and literal value to insert (i.e. mykey=somevalue)'),
  s(
    'from-file',
    'Key file can be specified using its file path, in which case file basename will be used as key, or optionally with a key and file path, in which case the given key will be used.',
  ),
  s('from-env-file', 'Specify the path to a file to read lines of key=val pairs.'),
  { name: 'append-hash', type: 'bool', usage: 'Append a hash of the data to its name.' },
];

/** Flags of `create secret generic` beyond DATA_FLAGS. */
export const SECRET_FLAGS: FlagSpec[] = [
  { name: 'type', type: 'string', usage: 'The type of secret to create' },
];

/** Flags of `create secret tls`. */
export const TLS_FLAGS: FlagSpec[] = [
  { name: 'cert', type: 'string', usage: 'Path to PEM encoded public key certificate.' },
  { name: 'key', type: 'string', usage: 'Path to private key associated with given certificate.' },
];

/** ObjectMeta of a generated object: the namespace only when -n was given (EnforceNamespace). */
export function generatedMeta(name: string, p: ParsedFlags): Obj {
  const ns = str(p, 'namespace');
  return { name, ...(ns !== undefined ? { namespace: ns } : {}), creationTimestamp: null };
}

type Entry = { key: string; value: string };

/** validation.IsEnvVarName's pattern and message (k8s.io/apimachinery/pkg/util/validation). */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_VAR_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/**
 * The pairs of an env file (AddFromEnvFile): blank lines and `#` comments skipped, leading
 * whitespace trimmed, the value everything after the first `=` (a line without one takes the
 * variable from kubectl's environment, empty here).
 */
function envFileEntries(text: string): Entry[] | { error: string } {
  const out: Entry[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, raw] of lines.entries()) {
    const line = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '').trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const key = at >= 0 ? line.slice(0, at) : line;
    if (!ENV_VAR_NAME.test(key))
      return { error: `${JSON.stringify(key)} is not a valid key name: ${ENV_VAR_MESSAGE}` };
    out.push({ key, value: at >= 0 ? line.slice(at + 1) : '' });
  }
  return out;
}

/** The pairs of every --from-env-file (`kind`: config or secret, for the directory error). */
async function envSources(
  inv: Invocation,
  p: ParsedFlags,
  kind: 'config' | 'secret',
): Promise<Entry[] | { error: string }> {
  const files = list(p, 'from-env-file');
  if (files.length > 0 && (list(p, 'from-file').length > 0 || list(p, 'from-literal').length > 0))
    return { error: 'from-env-file cannot be combined with from-file or from-literal' };
  const m = findMachine(inv.ctx.state, inv.machine);
  const out: Entry[] = [];
  for (const path of files) {
    const abs = absolutePath(inv, path);
    const content = m?.files[abs];
    if (content === undefined)
      return m?.dirs.includes(abs)
        ? { error: `env ${kind} file cannot be a directory` }
        : { error: `error reading ${path}: no such file or directory` };
    const entries = envFileEntries(await inv.ctx.materialize(inv.ctx.state, inv.machine, content));
    if ('error' in entries) return entries;
    out.push(...entries);
  }
  return out;
}

/** The key/value pairs of the literal and file sources, or the error. */
async function sources(inv: Invocation, p: ParsedFlags): Promise<Entry[] | { error: string }> {
  const out: Entry[] = [];
  for (const lit of list(p, 'from-literal')) {
    const at = lit.indexOf('=');
    if (at <= 0) return { error: `invalid literal source ${lit}, expected key=value` };
    out.push({ key: lit.slice(0, at), value: lit.slice(at + 1) });
  }
  const m = findMachine(inv.ctx.state, inv.machine);
  for (const src of list(p, 'from-file')) {
    const at = src.indexOf('=');
    const key = at >= 0 ? src.slice(0, at) : undefined;
    const path = at >= 0 ? src.slice(at + 1) : src;
    const abs = absolutePath(inv, path);
    const content = m?.files[abs];
    if (content !== undefined) {
      const value = await inv.ctx.materialize(inv.ctx.state, inv.machine, content);
      out.push({ key: key ?? abs.split('/').pop() ?? abs, value });
      continue;
    }
    if (m?.dirs.includes(abs)) {
      if (key !== undefined) return { error: 'cannot give a key name for a directory path' };
      for (const f of Object.keys(m.files).sort())
        if (f.startsWith(`${abs}/`) && !f.slice(abs.length + 1).includes('/'))
          out.push({
            key: f.slice(abs.length + 1),
            value: await inv.ctx.materialize(inv.ctx.state, inv.machine, m.files[f] ?? ''),
          });
      continue;
    }
    return { error: `error reading ${path}: no such file or directory` };
  }
  return out;
}

/**
 * The --from-file/--from-literal entries then the --from-env-file ones, keyed once each: a
 * repeated key is the error `duplicate(key)` (each verb words it its own way).
 */
async function collectData(
  inv: Invocation,
  p: ParsedFlags,
  kind: 'config' | 'secret',
  duplicate: (key: string) => string,
  encode: (value: string) => string,
): Promise<{ values: Record<string, string>; count: number } | { error: string }> {
  const env = await envSources(inv, p, kind);
  if ('error' in env) return env;
  const files = await sources(inv, p);
  if ('error' in files) return files;
  const values: Record<string, string> = {};
  for (const e of [...files, ...env]) {
    if (e.key in values) return { error: duplicate(e.key) };
    values[e.key] = encode(e.value);
  }
  return { values, count: files.length + env.length };
}

/** The ConfigMap `create configmap NAME` builds. */
export async function buildConfigMap(
  inv: Invocation,
  p: ParsedFlags,
  name: string,
): Promise<Built> {
  const data = await collectData(
    inv,
    p,
    'config',
    (key) =>
      `cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`,
    (v) => v,
  );
  if ('error' in data) return data;
  return {
    object: {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: generatedMeta(name, p),
      ...(data.count > 0 ? { data: data.values } : {}),
    },
  };
}

/** The Secret `create secret generic NAME` builds (values base64 as the API serves them). */
export async function buildGenericSecret(
  inv: Invocation,
  p: ParsedFlags,
  name: string,
): Promise<Built> {
  const collected = await collectData(
    inv,
    p,
    'secret',
    (key) => `cannot add key ${key}, another key by that name already exists`,
    base64,
  );
  if ('error' in collected) return collected;
  const data = collected.values;
  const type = str(p, 'type');
  return {
    object: {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: generatedMeta(name, p),
      ...(collected.count > 0 ? { data } : {}),
      ...(type !== undefined && type !== '' ? { type } : {}),
    },
  };
}

/**
 * The Secret `create secret tls NAME --cert --key` builds. The simulator does not check that the
 * key matches the certificate (kubectl's tls.X509KeyPair does).
 */
export async function buildTlsSecret(
  inv: Invocation,
  p: ParsedFlags,
  name: string,
): Promise<Built> {
  const cert = str(p, 'cert');
  const key = str(p, 'key');
  if (cert === undefined || key === undefined || cert === '' || key === '')
    return { error: 'key and cert must be specified' };
  const m = findMachine(inv.ctx.state, inv.machine);
  const read = async (path: string): Promise<string | { error: string }> => {
    const content = m?.files[absolutePath(inv, path)];
    return content === undefined
      ? { error: `Cannot read file ${path}, open ${path}: no such file or directory` }
      : inv.ctx.materialize(inv.ctx.state, inv.machine, content);
  };
  const c = await read(cert);
  if (typeof c !== 'string') return c;
  const k = await read(key);
  if (typeof k !== 'string') return k;
  // tls.X509KeyPair's first checks (the simulator does not check that the key fits the certificate).
  if (!c.includes('-----BEGIN CERTIFICATE-----'))
    return { error: 'tls: failed to find any PEM data in certificate input' };
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(k))
    return { error: 'tls: failed to find any PEM data in key input' };
  return {
    object: {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: generatedMeta(name, p),
      data: { 'tls.crt': base64(c), 'tls.key': base64(k) },
      type: 'kubernetes.io/tls',
    },
  };
}

/** The ServiceAccount `create serviceaccount NAME` builds. */
export function buildServiceAccount(_inv: Invocation, p: ParsedFlags, name: string): Built {
  return { object: { kind: 'ServiceAccount', apiVersion: 'v1', metadata: generatedMeta(name, p) } };
}

/** The Namespace `create namespace NAME` builds. */
export function buildNamespace(_inv: Invocation, _p: ParsedFlags, name: string): Built {
  return {
    object: {
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: { name, creationTimestamp: null },
      spec: {},
      status: {},
    },
  };
}
