/**
 * `kubectl config set PROPERTY VALUE` and `kubectl config unset PROPERTY`: a dot-separated path
 * into the kubeconfig (`current-context`, `clusters.NAME.FIELD`, `users.NAME.FIELD`,
 * `contexts.NAME.FIELD`; `unset` also takes a whole `KIND.NAME`). Missing entries are created by
 * `set`. Paths below a field the simulator does not model are refused with a simulator message
 * (the real kubectl answers those with Go pointer values, which no one can reproduce).
 *
 * upstream (v1.33.1): staging/src/k8s.io/kubectl/pkg/cmd/config/set.go, unset.go,
 * navigation_step_parser.go ("unable to parse X after [] at api.Config", "current map key `X`
 * is invalid", `Property "X" set.`/`unset.`); both checked against the real binary.
 */
import type { ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import {
  KUBECONFIG_FIELDS,
  loadKubeconfig,
  saveKubeconfig,
  type Kubeconfig,
  type Named,
} from './kubeconfig-file.ts';

type Obj = Record<string, unknown>;
const SECTIONS = { clusters: 'cluster', users: 'user', contexts: 'context' } as const;
const BOOLS = ['insecure-skip-tls-verify', 'disable-compression'];
const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

type Edit = { config: Kubeconfig } | { error: string };

function setField(list: readonly Named[], name: string, field: string, value: unknown): Named[] {
  const current = list.find((x) => x.name === name);
  const next: Obj = { ...(current?.value ?? {}) };
  if (value === undefined) delete next[field];
  else next[field] = value;
  return current
    ? list.map((x) => (x.name === name ? { name, value: next } : x))
    : [...list, { name, value: next }];
}

function edit(c: Kubeconfig, path: string, value: string | undefined): Edit {
  if (path === 'current-context') return { config: { ...c, currentContext: value ?? '' } };
  const [top = '', name, field, ...rest] = path.split('.');
  if (!Object.hasOwn(SECTIONS, top))
    return { error: `error: unable to parse ${path} after [] at api.Config` };
  const section = top as keyof typeof SECTIONS;
  const list = c[section];
  if (name === undefined || name === '')
    return {
      error: 'kubectl: this simulator sets and unsets single entries and their fields only',
    };
  if (field === undefined) {
    if (value !== undefined)
      return { error: 'kubectl: this simulator sets single fields only (KIND.NAME.FIELD)' };
    if (!list.some((x) => x.name === name))
      return { error: `error: current map key \`${name}\` is invalid` };
    return { config: { ...c, [section]: list.filter((x) => x.name !== name) } };
  }
  if (value === undefined && !list.some((x) => x.name === name))
    return { error: `error: current map key \`${name}\` is invalid` };
  const known: readonly string[] = KUBECONFIG_FIELDS[SECTIONS[section]];
  if (rest.length > 0 || !known.includes(field) || field === 'extensions')
    return {
      error: `kubectl: this simulator sets only these ${top} fields: ${known.filter((f) => f !== 'extensions').join(', ')}`,
    };
  let v: unknown = value;
  if (value !== undefined && BOOLS.includes(field)) {
    if (!TRUE.includes(value) && !FALSE.includes(value))
      return {
        error: `error: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
      };
    v = TRUE.includes(value) ? true : undefined;
  }
  return { config: { ...c, [section]: setField(list, name, field, v) } };
}

/** Runs `config set` or `config unset`; null when `sub` is neither. */
export function configProperty(
  inv: Invocation,
  p: ParsedFlags,
  sub: string,
  args: readonly string[],
): number | null {
  if (sub !== 'set' && sub !== 'unset') return null;
  const wanted = sub === 'set' ? 2 : 1;
  if (args.length !== wanted) {
    inv.io.err(`error: Unexpected args: [${args.join(' ')}]`);
    return 1;
  }
  const loaded = loadKubeconfig(inv, p);
  if (!loaded.ok) {
    inv.io.err(loaded.message);
    return 1;
  }
  const [path = '', value] = args;
  const result = edit(loaded.config, path, sub === 'set' ? (value ?? '') : undefined);
  if ('error' in result) {
    inv.io.err(result.error);
    return 1;
  }
  if (!saveKubeconfig(inv, loaded.path, result.config)) return 1;
  inv.io.out(`Property "${path}" ${sub === 'set' ? 'set' : 'unset'}.`);
  return 0;
}
