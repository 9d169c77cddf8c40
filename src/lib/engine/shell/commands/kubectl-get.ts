/**
 * `kubectl get` over every resource the API serves: types and objects from
 * kubectl-get-select.ts, printed as tables (kubectl-get-tables.ts), json, yaml, name, jsonpath,
 * jsonpath-as-json, go-template (shell/go-template) or custom-columns; --sort-by, --show-labels, --no-headers, -w's answer.
 * NotFound errors follow the printed objects, as get.go returns them after printing.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (Run, printGeneric: one object for a
 * single name, otherwise a v1 List; "No resources found in NS namespace."),
 * get_flags.go, staging/src/k8s.io/cli-runtime/pkg/printers/name.go.
 */
import {
  componentNotFound,
  resourceByName,
  type ApiObject,
  type ApiResourceType,
} from '../../src/index.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { renderJsonpath } from '../jsonpath/render.ts';
import { renderGoTemplate } from '../go-template/render.ts';
import { renderCustomColumns, sortObjects } from './kubectl-custom-columns.ts';
import { resolveArg, selectObjects, typeArgs, type Selection } from './kubectl-get-select.ts';
import { renderTables } from './kubectl-get-tables.ts';
import { getVersioned } from './kubectl-apiversions.ts';
import type { Connect } from './kubectl-node.ts';
import { getRaw, rawFlag } from './kubectl-get-raw.ts';
import { readWarnings } from '../api/warnings.ts';
import {
  allowMissingKeys,
  outputOf,
  printedValue,
  renderJson,
  renderYaml,
} from './kubectl-print.ts';

const NO_TYPE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples';

/**
 * What `-w` / `--watch-only` print after the listing: a real kubectl keeps the watch open and
 * prints each change until Ctrl-C; the simulated cluster changes only when a command runs, so
 * the simulated kubectl says so and returns.
 */
const WATCH_NOTE =
  'kubectl: this simulator stops watching here: the simulated cluster changes only when you run a command (a real kubectl keeps printing changes until Ctrl-C)';

/** `kubectl get`, with `-w` / `--watch-only`. */
export async function getCommand(
  inv: Invocation,
  p: ParsedFlags,
  connect: Connect,
): Promise<number> {
  const raw = rawFlag(p);
  if (raw !== null) return getRaw(inv, p, connect, raw);
  if (!bool(p, 'watch') && !bool(p, 'watch-only')) return getOnce(inv, p, connect);
  // get.go watch(): the builder asks for SingleResourceType; an empty list prints nothing.
  if (p.positionals.length > 0 && (p.positionals[0] ?? '').includes(',')) {
    inv.io.err('error: you may only specify a single resource type');
    return 1;
  }
  // --watch-only skips the listing but still resolves the type and reaches the server.
  const quiet = bool(p, 'watch-only');
  const io = {
    ...inv.io,
    ...(quiet ? { out: () => undefined, write: () => undefined } : {}),
    err: (t: string) => (t.startsWith('No resources found') ? undefined : inv.io.err(t)),
  };
  const code = await getOnce({ ...inv, io }, p, connect);
  if (code === 0) inv.io.err(WATCH_NOTE);
  return code;
}

async function getOnce(inv: Invocation, p: ParsedFlags, connect: Connect): Promise<number> {
  if (p.positionals.length === 0) {
    inv.io.err(NO_TYPE);
    return 1;
  }
  const format = outputOf(inv, p);
  if (format.kind === 'error') {
    inv.io.err(format.message);
    return 1;
  }
  if (format.kind === 'unsupported') {
    inv.io.err(
      `kubectl: this simulator does not implement -o ${format.format} (it prints json, yaml, name, wide, jsonpath, jsonpath-as-json, jsonpath-file, go-template, go-template-file and custom-columns=…)`,
    );
    return 1;
  }
  const args = typeArgs(p.positionals);
  if (!args.ok) {
    inv.io.err(args.message);
    return 1;
  }
  // The componentstatus registry probes the components without reading etcd (rest.go).
  const probedOnly = args.requests.every((r) => {
    const t = resolveArg(inv.ctx.state, r.arg);
    return t.ok && t.types.every((x) => x.id === 'componentstatuses');
  });
  if (!connect(inv, p, { etcd: !probedOnly })) return 1;
  const state = inv.ctx.state;
  const single = args.requests.length === 1 ? args.requests[0] : undefined;
  // Resources whose served versions are modelled per stored object keep their printer.
  if (single && resourceByName(single.arg))
    return getVersioned(inv, p, single.arg, single.names) ?? 1;
  const allNamespaces = bool(p, 'all-namespaces') && !args.named;
  const namespace = allNamespaces ? null : (str(p, 'namespace') ?? 'default');
  const selections: Selection[] = [];
  for (const req of args.requests) {
    const resolved = resolveArg(state, req.arg);
    if (!resolved.ok) {
      inv.io.err(resolved.message);
      return 1;
    }
    for (const type of resolved.types) {
      const labelSelector = str(p, 'selector');
      const fieldSelector = str(p, 'field-selector');
      const s = selectObjects(state, type, req.names, {
        namespace,
        ...(labelSelector !== undefined ? { labelSelector } : {}),
        ...(fieldSelector !== undefined ? { fieldSelector } : {}),
      });
      if ('error' in s) {
        inv.io.err(s.error);
        return 1;
      }
      selections.push(s);
    }
  }
  const warned = new Set<string>();
  for (const s of selections)
    for (const w of readWarnings(state, s.type.group, s.type.plural))
      if (!warned.has(w)) {
        warned.add(w);
        inv.io.err(`Warning: ${w}`);
      }
  const sortBy = str(p, 'sort-by');
  if (sortBy !== undefined)
    for (let i = 0; i < selections.length; i++) {
      const s = selections[i] as Selection;
      const sorted = sortObjects(s.objects, sortBy);
      if (!sorted.ok) {
        inv.io.err(sorted.message);
        return 1;
      }
      selections[i] = { ...s, objects: sorted.objects };
    }
  const objects: ApiObject[] = selections.flatMap((s) => [...s.objects]);
  const missing = selections.flatMap((s) => s.missing.map((n) => ({ type: s.type, name: n })));
  const named = args.requests.some((r) => r.names.length > 0);
  const code = await print(inv, p, format, selections, objects, {
    single: args.requests.length === 1 && (single?.names.length ?? 0) === 1 && !args.named,
    withKind:
      args.requests.length > 1 || args.named || selections.length > 1 || bool(p, 'show-kind'),
    allNamespaces,
  });
  for (const m of missing) inv.io.err(notFound(m.type, m.name));
  if (code !== 0) return code;
  // Only the human-readable printers say so (get.go: printGeneric prints nothing for no objects).
  if (objects.length === 0 && !named && (format.kind === 'table' || format.kind === 'wide')) {
    const scoped = namespace !== null && selections.some((s) => s.type.namespaced);
    inv.io.err(scoped ? `No resources found in ${namespace} namespace.` : 'No resources found');
  }
  return missing.length > 0 ? 1 : 0;
}

function notFound(type: ApiResourceType, name: string): string {
  // pkg/registry/core/componentstatus/rest.go Get: a plain error, served without a reason.
  if (type.id === 'componentstatuses') return `Error from server: ${componentNotFound(name)}`;
  return `Error from server (NotFound): ${type.id} "${name}" not found`;
}

async function print(
  inv: Invocation,
  p: ParsedFlags,
  format: ReturnType<typeof outputOf>,
  selections: readonly Selection[],
  objects: readonly ApiObject[],
  o: { single: boolean; withKind: boolean; allNamespaces: boolean },
): Promise<number> {
  const state = inv.ctx.state;
  if (format.kind === 'table' || format.kind === 'wide') {
    const text = renderTables(state, selections, {
      wide: format.kind === 'wide',
      allNamespaces: o.allNamespaces,
      showLabels: bool(p, 'show-labels'),
      noHeaders: bool(p, 'no-headers'),
      withKind: o.withKind,
    });
    if (text !== '') inv.io.out(text);
    return 0;
  }
  if (format.kind === 'name') {
    for (const s of selections)
      for (const obj of s.objects) inv.io.out(`${s.type.namePrefix}/${obj.metadata.name}`);
    return 0;
  }
  if (format.kind === 'custom-columns') {
    if (objects.length === 0) return 0;
    const r = renderCustomColumns(format.source, objects, bool(p, 'no-headers'));
    if (!r.ok) {
      inv.io.err(r.message);
      return 1;
    }
    inv.io.out(r.text);
    return 0;
  }
  const value = printedValue(objects, o.single);
  let output: string;
  if (format.kind === 'json') output = renderJson(value);
  else if (format.kind === 'yaml') output = renderYaml(value);
  else if (format.kind === 'jsonpath') {
    const r = renderJsonpath(format.template, value, format.asJson);
    if (!r.ok) {
      inv.io.err(`error: ${r.message}`);
      return 1;
    }
    // kubectl prints jsonpath results without a trailing newline; the terminal line ends here.
    if (r.text === '') return 0;
    output = r.text.replace(/\n$/, '');
  } else if (format.kind === 'go-template') {
    const r = renderGoTemplate(format.template, value, allowMissingKeys(p));
    if (!r.ok) {
      if (r.stdout !== '') inv.io.out(r.stdout.replace(/\n$/, ''));
      inv.io.err(`error: ${r.message}`);
      return 1;
    }
    // Like jsonpath, the template's text is printed as it is, without a newline of its own.
    if (r.text === '') return 0;
    output = r.text.replace(/\n$/, '');
  } else return 0;
  inv.io.out(await inv.ctx.materialize(state, inv.machine, output));
  return 0;
}
