/**
 * `kubectl delete` as readers type it: `TYPE NAME…`, `TYPE/NAME…`, `TYPE1,TYPE2 NAME…`,
 * `TYPE -l SELECTOR`, `TYPE --all` (with `-A`), `--field-selector`, `-f FILE|-` (the objects of
 * YAML or JSON documents), `--grace-period`, `--now`, `--force` (and its warning),
 * `--ignore-not-found` (implied by --all and the selectors), `--dry-run`, `-o name`, and the
 * output `KIND "NAME" deleted` (`force deleted`, `(dry run)`, `No resources found`). Each object
 * is removed by the per-kind path of kubectl-mutate.ts (deleteOne).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go (Complete: grace period and
 * --now/--force rules, ignore-not-found default; Validate: the flag conflicts and the force
 * warning; DeleteResult: "No resources found", the cluster-scope warning; PrintObj),
 * delete_flags.go (the flags), staging/src/k8s.io/cli-runtime/pkg/resource/builder.go
 * (ResourceTypeOrNameArgs: "resource(s) were provided, but no name was specified", the missing
 * resource message, "there is no need to specify a resource type as a separate argument when
 * passing arguments in resource/name form").
 */
import { parseAllDocuments } from 'yaml';
import {
  findMachine,
  parseGoTimeDuration,
  resolveType,
  type ApiResourceType,
} from '../../src/index.ts';
import { bool, list, str, type ParsedFlags } from '../flags.ts';
import { absolutePath } from '../paths.ts';
import type { Invocation } from '../types.ts';
import { selectObjects } from './kubectl-get-select.ts';
import { deleteOne } from './kubectl-mutate.ts';
import { intFlagValue } from '../go-parse-int.ts';

type Obj = Record<string, unknown>;
const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** One object to delete. */
interface Target {
  readonly type: ApiResourceType;
  /** How the reader named the type (the per-kind delete path resolves it again). */
  readonly arg: string;
  readonly namespace: string;
  readonly name: string;
  /** Known to exist (found by a selector or --all): a missing one is not an error. */
  readonly listed: boolean;
}

/** The options Complete and Validate settle, or kubectl's error. */
interface Options {
  readonly gracePeriod: number;
  /** --wait (default true): wait for the deleted Pods to be gone. */
  readonly wait: boolean;
  /** --timeout of that wait, in milliseconds (0: kubectl's default). */
  readonly timeoutMs: number;
  readonly dryRun: 'none' | 'client' | 'server';
  readonly ignoreNotFound: boolean;
  readonly outputName: boolean;
}

function options(inv: Invocation, p: ParsedFlags): Options | string {
  const output = str(p, 'output');
  if (output !== undefined && output !== '' && output !== 'name')
    return `error: unexpected -o output mode: ${output}. We only support '-o name'`;
  const all = bool(p, 'all');
  // The resource builder refuses this before Validate's own check (builder.go SelectAllParam).
  if (all && str(p, 'selector'))
    return "error: setting 'all' parameter but found a non empty selector. ";
  if (all && str(p, 'field-selector'))
    return 'error: cannot set --all and --field-selector at the same time';
  // --grace-period is an IntVar.
  const parsedGrace = intFlagValue(
    str(p, 'grace-period') ?? '-1',
    '--grace-period',
    'kubectl delete',
  );
  if ('error' in parsedGrace) return `error: ${parsedGrace.error}`;
  let grace = parsedGrace.value;
  const force = bool(p, 'force');
  if (bool(p, 'now')) {
    if (grace !== -1) return 'error: --now and --grace-period cannot be specified together';
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0)
    return 'error: --force and --grace-period greater than 0 cannot be specified together';
  const timeout = parseGoTimeDuration(str(p, 'timeout') ?? '0s');
  if (!timeout.ok)
    return `error: invalid argument "${str(p, 'timeout') ?? ''}" for "--timeout" flag: ${timeout.error}\nSee 'kubectl delete --help' for usage.`;
  const dryRun = str(p, 'dry-run') ?? 'none';
  if (dryRun !== 'none' && dryRun !== 'client' && dryRun !== 'server')
    return `error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`;
  if (force && grace === 0)
    inv.io.err(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
    );
  const selecting =
    all || str(p, 'selector') !== undefined || str(p, 'field-selector') !== undefined;
  const explicit = p.values['ignore-not-found'];
  return {
    gracePeriod: grace,
    wait: !/^(false|f|0|FALSE|False|F)$/.test(str(p, 'wait') ?? 'true'),
    timeoutMs: Math.max(0, timeout.ms),
    dryRun,
    ignoreNotFound: explicit === undefined ? selecting : explicit === true,
    outputName: output === 'name',
  };
}

/** The objects named by `-f` documents, or kubectl's error. */
function fileTargets(inv: Invocation, p: ParsedFlags, ns: string): Target[] | string {
  const m = findMachine(inv.ctx.state, inv.machine);
  const out: Target[] = [];
  for (const file of list(p, 'filename')) {
    if (/^https?:\/\//.test(file))
      return `kubelife: kubectl delete -f of a URL is not simulated; delete the objects by type and name`;
    const text = file === '-' ? (inv.stdin ?? '') : m?.files[absolutePath(inv, file)];
    if (text === undefined) return `error: the path "${file}" does not exist`;
    for (const doc of parseAllDocuments(text)) {
      const o = doc.toJS() as Obj | null;
      if (o === null || typeof o !== 'object') continue;
      const kind = textOf(o['kind']);
      const meta = (o['metadata'] ?? {}) as Obj;
      const type = resolveType(inv.ctx.state, kind.toLowerCase());
      if (!type)
        return `error: resource mapping not found for name: "${textOf(meta['name'])}" namespace: "${textOf(meta['namespace'])}" from "${file === '-' ? 'STDIN' : file}": no matches for kind "${kind}" in version "${textOf(o['apiVersion'])}"\nensure CRDs are installed first`;
      const namespace = type.namespaced ? textOf(meta['namespace']) || ns : '';
      out.push({ type, arg: type.id, namespace, name: textOf(meta['name']), listed: false });
    }
  }
  return out;
}

/** The objects named by arguments (ResourceTypeOrNameArgs) and the selectors. */
function argTargets(inv: Invocation, p: ParsedFlags, ns: string): Target[] | string {
  const args = p.positionals;
  const state = inv.ctx.state;
  const resolve = (arg: string): ApiResourceType | string =>
    resolveType(state, arg) ?? `error: the server doesn't have a resource type "${arg}"`;
  if (args.some((a) => a.includes('/'))) {
    const out: Target[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0)
        return "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";
      const type = resolve(a.slice(0, slash));
      if (typeof type === 'string') return type;
      out.push({
        type,
        arg: a.slice(0, slash),
        namespace: type.namespaced ? ns : '',
        name: a.slice(slash + 1),
        listed: false,
      });
    }
    return out;
  }
  const [typesArg, ...names] = args;
  if (typesArg === undefined) return NO_RESOURCES;
  const types: { type: ApiResourceType; arg: string }[] = [];
  for (const arg of typesArg.split(',')) {
    const type = resolve(arg);
    if (typeof type === 'string') return type;
    types.push({ type, arg });
  }
  const all = bool(p, 'all');
  const labelSelector = str(p, 'selector');
  const fieldSelector = str(p, 'field-selector');
  if (names.length > 0) {
    if (all || labelSelector !== undefined || fieldSelector !== undefined)
      return `error: name cannot be provided when a selector is specified`;
    return types.flatMap(({ type, arg }) =>
      names.map((name) => ({
        type,
        arg,
        namespace: type.namespaced ? ns : '',
        name,
        listed: false,
      })),
    );
  }
  if (!all && labelSelector === undefined && fieldSelector === undefined)
    return 'error: resource(s) were provided, but no name was specified';
  const allNs = bool(p, 'all-namespaces');
  const out: Target[] = [];
  for (const { type, arg } of types) {
    const s = selectObjects(state, type, [], {
      namespace: allNs ? null : ns,
      ...(labelSelector !== undefined ? { labelSelector } : {}),
      ...(fieldSelector !== undefined ? { fieldSelector } : {}),
    });
    if ('error' in s) return s.error;
    for (const o of s.objects)
      out.push({
        type,
        arg,
        namespace: o.metadata.namespace ?? '',
        name: o.metadata.name,
        listed: true,
      });
  }
  return out;
}

/** `kubectl delete`. */
export function deleteCommand(inv: Invocation, p: ParsedFlags): number {
  const o = options(inv, p);
  if (typeof o === 'string') {
    inv.io.err(o);
    return 1;
  }
  const explicitNs = str(p, 'namespace');
  const ns = explicitNs ?? 'default';
  const files = list(p, 'filename');
  if (files.length > 0 && p.positionals.length > 0) {
    inv.io.err(
      'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
    return 1;
  }
  const targets = files.length > 0 ? fileTargets(inv, p, ns) : argTargets(inv, p, ns);
  if (typeof targets === 'string') {
    inv.io.err(targets);
    return 1;
  }
  let warnClusterScope = explicitNs !== undefined && !bool(p, 'all-namespaces');
  let code = 0;
  let found = 0;
  const pods: string[] = [];
  for (const t of targets) {
    if (warnClusterScope && !t.type.namespaced) {
      inv.io.err(
        'Warning: deleting cluster-scoped resources, not scoped to the provided namespace',
      );
      warnClusterScope = false;
    }
    const operation = `${o.gracePeriod === 0 ? 'force deleted' : 'deleted'}${o.dryRun === 'client' ? ' (dry run)' : o.dryRun === 'server' ? ' (server dry run)' : ''}`;
    const printed = o.outputName
      ? `${t.type.namePrefix}/${t.name}`
      : `${t.type.namePrefix} "${t.name}" ${operation}`;
    const r = deleteOne(inv, t.arg, t.namespace || ns, t.name, o.dryRun !== 'none', o.gracePeriod);
    if (r.ok) {
      found++;
      if (!r.printed) inv.io.out(printed);
      if (t.type.id === 'pods' && o.dryRun === 'none') pods.push(`${t.namespace || ns}/${t.name}`);
      continue;
    }
    if (r.notFound && (o.ignoreNotFound || t.listed)) continue;
    inv.io.err(r.message);
    code = 1;
    if (r.stop) return 1;
  }
  // Named objects that were not there (--ignore-not-found) print nothing; a selection that
  // matched nothing says so.
  if (found === 0 && code === 0 && (targets.length === 0 || targets.every((t) => t.listed)))
    inv.io.out('No resources found');
  // --wait: kubectl waits for what it deleted to be gone (terminating Pods, workloads/pod-deletion.ts).
  if (o.wait && pods.length > 0) {
    const w = inv.apply({ type: 'kubectl.delete.wait', pods, timeoutMs: o.timeoutMs });
    if (!w.ok) {
      inv.io.err(w.error.message);
      return 1;
    }
  }
  return code;
}
