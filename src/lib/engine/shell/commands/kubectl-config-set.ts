/**
 * `kubectl config` writes: use-context, set-context, set-credentials, set-cluster,
 * delete-context, delete-cluster, delete-user, rename-context. Each loads the kubeconfig
 * (kubeconfig-file.ts), changes it and writes the whole file back as client-go does.
 *
 * upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/config/use_context.go,
 * create_context.go (created/modified, --current), create_authinfo.go, create_cluster.go (a CA
 * file clears CA data and insecure mode; insecure mode clears the CA), delete_context.go (the
 * active-context warning), delete_cluster.go, delete_user.go, rename_context.go.
 */
import { bool, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { loadKubeconfig, saveKubeconfig, type Kubeconfig, type Named } from './kubeconfig-file.ts';
import { changed } from './kubectl-verb.ts';

type Obj = Record<string, unknown>;

/** Flags of the write subcommands that are not kubectl's global flags too. */
export const CONFIG_SET_FLAGS: FlagSpec[] = [
  { name: 'current', type: 'bool', usage: 'Modify the current context' },
  {
    name: 'embed-certs',
    type: 'bool',
    usage: 'Embed client cert/key for the user entry in kubeconfig',
  },
  {
    name: 'username',
    type: 'string',
    usage: 'username for basic authentication to the API server',
  },
  {
    name: 'password',
    type: 'string',
    usage: 'password for basic authentication to the API server',
  },
  { name: 'proxy-url', type: 'string', usage: 'proxy-url for the cluster entry in kubeconfig' },
];

const value = (p: ParsedFlags, name: string): unknown => p.values[name];

/** Sets (or, for an empty value, removes) each given flag's field. */
function withFields(base: Obj, p: ParsedFlags, fields: Readonly<Record<string, string>>): Obj {
  const out: Obj = { ...base };
  for (const [flag, field] of Object.entries(fields)) {
    if (!changed(p, flag)) continue;
    const v = value(p, flag);
    if (v === '' || v === false) delete out[field];
    else out[field] = v;
  }
  return out;
}

function upsert(list: readonly Named[], name: string, value: Obj): Named[] {
  return list.some((x) => x.name === name)
    ? list.map((x) => (x.name === name ? { name, value } : x))
    : [...list, { name, value }];
}

const find = (list: readonly Named[], name: string): Obj | undefined =>
  list.find((x) => x.name === name)?.value;

type Edit = { config: Kubeconfig; out: string; err?: string } | { error: string };

function setContext(c: Kubeconfig, p: ParsedFlags, args: readonly string[]): Edit {
  const current = bool(p, 'current');
  const named = args[0] ?? '';
  if (current && named !== '')
    return { error: 'error: you cannot specify both a context name and --current' };
  if (!current && named === '')
    return { error: 'error: you must specify a non-empty context name or --current' };
  if (current && c.currentContext === '') return { error: 'error: no current context is set' };
  const name = current ? c.currentContext : named;
  const existing = find(c.contexts, name);
  const ctx = withFields(existing ?? {}, p, {
    cluster: 'cluster',
    user: 'user',
    namespace: 'namespace',
  });
  return {
    config: { ...c, contexts: upsert(c.contexts, name, ctx) },
    out: `Context "${name}" ${existing ? 'modified' : 'created'}.`,
  };
}

function setCredentials(c: Kubeconfig, p: ParsedFlags, name: string): Edit {
  const user = withFields(find(c.users, name) ?? {}, p, {
    'client-certificate': 'client-certificate',
    'client-key': 'client-key',
    token: 'token',
    username: 'username',
    password: 'password',
  });
  // Token and basic auth exclude each other: setting one clears the other.
  const setToken = changed(p, 'token') && value(p, 'token') !== '';
  const setBasic = ['username', 'password'].some((f) => changed(p, f) && value(p, f) !== '');
  if (setToken && !setBasic) {
    delete user['username'];
    delete user['password'];
  }
  if (setBasic && !setToken) delete user['token'];
  if (changed(p, 'client-certificate')) delete user['client-certificate-data'];
  if (changed(p, 'client-key')) delete user['client-key-data'];
  return { config: { ...c, users: upsert(c.users, name, user) }, out: `User "${name}" set.` };
}

function setCluster(c: Kubeconfig, p: ParsedFlags, name: string): Edit {
  const cluster = withFields(find(c.clusters, name) ?? {}, p, {
    server: 'server',
    'tls-server-name': 'tls-server-name',
    'insecure-skip-tls-verify': 'insecure-skip-tls-verify',
    'proxy-url': 'proxy-url',
  });
  if (cluster['insecure-skip-tls-verify'] === true) {
    delete cluster['certificate-authority'];
    delete cluster['certificate-authority-data'];
  }
  const ca = value(p, 'certificate-authority');
  if (typeof ca === 'string') {
    if (ca === '') delete cluster['certificate-authority'];
    else {
      cluster['certificate-authority'] = ca;
      delete cluster['insecure-skip-tls-verify'];
      delete cluster['certificate-authority-data'];
    }
  }
  return {
    config: { ...c, clusters: upsert(c.clusters, name, cluster) },
    out: `Cluster "${name}" set.`,
  };
}

function remove(
  c: Kubeconfig,
  kind: 'context' | 'cluster' | 'user',
  name: string,
  path: string,
): Edit {
  const key = kind === 'context' ? 'contexts' : kind === 'cluster' ? 'clusters' : 'users';
  if (!c[key].some((x) => x.name === name))
    return { error: `error: cannot delete ${kind} ${name}, not in ${path}` };
  const active = kind === 'context' && c.currentContext === name;
  return {
    config: { ...c, [key]: c[key].filter((x) => x.name !== name) },
    out: `deleted ${kind} ${name} from ${path}`,
    ...(active
      ? {
          err: 'warning: this removed your active context, use "kubectl config use-context" to select a different one',
        }
      : {}),
  };
}

function rename(c: Kubeconfig, from: string, to: string, path: string): Edit {
  const ctx = find(c.contexts, from);
  if (!ctx) return { error: `error: cannot rename the context "${from}", it's not in ${path}` };
  if (find(c.contexts, to))
    return {
      error: `error: cannot rename the context "${from}", the context "${to}" already exists in ${path}`,
    };
  return {
    config: {
      ...c,
      contexts: [...c.contexts.filter((x) => x.name !== from), { name: to, value: ctx }],
      currentContext: c.currentContext === from ? to : c.currentContext,
    },
    out: `Context "${from}" renamed to "${to}".`,
  };
}

function edit(
  c: Kubeconfig,
  p: ParsedFlags,
  sub: string,
  args: readonly string[],
  path: string,
): Edit | null {
  const [a = '', b = ''] = args;
  switch (sub) {
    case 'use-context':
    case 'use':
      return find(c.contexts, a)
        ? { config: { ...c, currentContext: a }, out: `Switched to context "${a}".` }
        : { error: `error: no context exists with the name: "${a}"` };
    case 'set-context':
      return setContext(c, p, args);
    case 'set-credentials':
      return setCredentials(c, p, a);
    case 'set-cluster':
      return setCluster(c, p, a);
    case 'delete-context':
      return remove(c, 'context', a, path);
    case 'delete-cluster':
      return remove(c, 'cluster', a, path);
    case 'delete-user':
      return remove(c, 'user', a, path);
    case 'rename-context':
      return rename(c, a, b, path);
    default:
      return null;
  }
}

const WRITES = [
  'use-context',
  'use',
  'set-context',
  'set-credentials',
  'set-cluster',
  'delete-context',
  'delete-cluster',
  'delete-user',
  'rename-context',
];

/** Runs a write subcommand; null when `sub` is not one. */
export function configWrite(
  inv: Invocation,
  p: ParsedFlags,
  sub: string,
  args: readonly string[],
): number | null {
  if (!WRITES.includes(sub)) return null;
  const loaded = loadKubeconfig(inv, p);
  if (!loaded.ok) {
    inv.io.err(loaded.message);
    return 1;
  }
  const result = edit(loaded.config, p, sub, args, loaded.path);
  if (result === null) return null;
  if ('error' in result) {
    inv.io.err(result.error);
    return 1;
  }
  if (result.err !== undefined) inv.io.err(result.err);
  if (!saveKubeconfig(inv, loaded.path, result.config)) return 1;
  inv.io.out(result.out);
  return 0;
}
