/**
 * `kubectl apply -f FILE|DIR|- [-R]`: client-side apply of every object in the YAML or JSON
 * documents (and `kind: List` items). A missing object is created with the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation (`created`); an existing one gets
 * the three-way strategic merge patch between its last applied configuration, the new one and
 * the live object (`configured`, or `unchanged` when the patch is empty), with kubectl's warning
 * when the live object lacks the annotation. `--server-side` sends the configuration as an apply
 * patch (`serverside-applied`, no annotation). `--dry-run`, `-o name|json|yaml|jsonpath|…`.
 *
 * upstream (v1.33): staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (applyOneObject,
 * printObjects: "created", "configured", "unchanged", "serverside-applied";
 * warningNoLastAppliedConfigAnnotation), apply/patcher.go (three-way patch, "{}" → unchanged),
 * kubectl/pkg/util/apply.go GetModifiedConfiguration (the annotation is the object's JSON
 * without itself, `annotations: {}` kept, json.Encoder's trailing newline),
 * cli-runtime/pkg/resource/visitor.go (directories: .json/.yaml/.yml files, sorted; namespace
 * enforcement), apimachinery strategicpatch.CreateThreeWayMergePatch.
 */
import { parseAllDocuments } from 'yaml';
import {
  applyPatch,
  findMachine,
  getObject,
  resolveType,
  threeWayPatch,
  type ApiObject,
  type ApiResourceType,
} from '../../src/index.ts';
import { bool, list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { absolutePath } from '../paths.ts';
import type { Invocation } from '../types.ts';
import { createOne, invalidText, statusReason } from './kubectl-create.ts';
import type { Connect } from './kubectl-node.ts';
import { sortDeep } from './kubectl-print.ts';
import {
  printWritten,
  writeOptions,
  type DryRun,
  type WriteOutput,
} from './kubectl-write-common.ts';

type Obj = Record<string, unknown>;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `-f` and `-R`: where `kubectl apply` and `kubectl replace` read their objects. */
export function sourceFlags(verb: string): FlagSpec[] {
  return [
    {
      name: 'filename',
      short: 'f',
      type: 'strings',
      usage: `The files that contain the configurations to ${verb}.`,
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      usage:
        'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
  ];
}

/** The flags of `kubectl apply` besides the writing verbs' ones. */
export const APPLY_FLAGS: FlagSpec[] = [
  ...sourceFlags('apply'),
  {
    name: 'server-side',
    type: 'bool',
    usage: 'If true, apply runs in the server instead of the client.',
  },
  {
    name: 'force-conflicts',
    type: 'bool',
    usage: 'If true, server-side apply will force the changes against conflicts.',
  },
  {
    name: 'validate',
    type: 'string',
    usage: 'Must be one of: strict (or true), warn, ignore (or false).',
  },
  {
    name: 'overwrite',
    type: 'bool',
    default: 'true',
    usage:
      'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
  },
];

/** One document source: a file of the machine or stdin. */
export interface Source {
  readonly name: string;
  readonly text: string;
}

/** The files `-f` names: a file, stdin, or a directory's .json/.yaml/.yml files in name order. */
export function sourcesOf(inv: Invocation, arg: string, recursive: boolean): Source[] | string {
  if (arg === '-') return [{ name: 'STDIN', text: inv.stdin ?? '' }];
  const m = findMachine(inv.ctx.state, inv.machine);
  const path = absolutePath(inv, arg);
  const file = m?.files[path];
  if (file !== undefined) return [{ name: arg, text: file }];
  const prefix = `${path.replace(/\/$/, '')}/`;
  const inside = Object.keys(m?.files ?? {}).filter((f) => f.startsWith(prefix));
  const isDir = inside.length > 0 || (m?.dirs ?? []).includes(prefix.slice(0, -1));
  if (!isDir) return `error: the path "${arg}" does not exist`;
  return inside
    .filter((f) => recursive || !f.slice(prefix.length).includes('/'))
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort()
    .map((f) => ({
      name: `${arg.replace(/\/$/, '')}/${f.slice(prefix.length)}`,
      text: m?.files[f] ?? '',
    }));
}

/** The objects of a source: YAML/JSON documents, `kind: …List` expanded to its items. */
export function objectsOf(text: string): Obj[] | string {
  const out: Obj[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) return `error: error parsing: ${doc.errors[0]?.message ?? ''}`;
    const o = doc.toJS() as unknown;
    if (!isObj(o)) continue;
    if (textOf(o['kind']).endsWith('List') && Array.isArray(o['items']))
      out.push(...(o['items'] as unknown[]).filter(isObj));
    else out.push(o);
  }
  return out;
}

/** GetModifiedConfiguration: the object carrying its own JSON (without the annotation) in it. */
function withLastApplied(o: Obj): Obj {
  const meta = isObj(o['metadata']) ? o['metadata'] : {};
  const annotations = isObj(meta['annotations']) ? { ...meta['annotations'] } : {};
  delete annotations[LAST_APPLIED];
  const bare = { ...o, metadata: { ...meta, annotations } };
  const json = `${JSON.stringify(sortDeep(bare))}\n`;
  return { ...o, metadata: { ...meta, annotations: { ...annotations, [LAST_APPLIED]: json } } };
}

function parseLastApplied(live: ApiObject): unknown {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function suffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** Prints the outcome of one object as apply's printer does. */
function report(
  inv: Invocation,
  out: WriteOutput,
  type: ApiResourceType,
  shown: ApiObject,
  operation: string,
  dryRun: DryRun,
  index: number,
): void {
  if (out.kind === 'operation')
    inv.io.out(`${type.namePrefix}/${shown.metadata.name} ${operation}${suffix(dryRun)}`);
  else printWritten(inv, out, type, shown, operation, dryRun, index);
}

interface Options {
  readonly dryRun: DryRun;
  readonly out: WriteOutput;
  readonly serverSide: boolean;
  readonly namespace: string;
}

/** Applies one object; returns the error kubectl prints for it, or null. */
function applyOne(
  inv: Invocation,
  source: string,
  type: ApiResourceType,
  config: Obj,
  o: Options,
  index: number,
): string | null {
  const meta = isObj(config['metadata']) ? config['metadata'] : {};
  const name = textOf(meta['name']);
  const ns = type.namespaced ? textOf(meta['namespace']) || o.namespace : null;
  const placed: Obj = ns !== null ? { ...config, metadata: { ...meta, namespace: ns } } : config;
  const live = getObject(inv.ctx.state, type.id, ns, name);
  const modified = o.serverSide ? placed : withLastApplied(placed);
  if (live === null) {
    if (o.dryRun === 'client') {
      report(inv, o.out, type, modified as unknown as ApiObject, 'created', o.dryRun, index);
      return null;
    }
    const made = createOne(inv, type, modified, o.dryRun, o.namespace);
    if (typeof made === 'string') {
      const reason = statusReason(made, 'Invalid');
      return `Error from server (${reason}): error when creating "${source}": ${made}`;
    }
    report(
      inv,
      o.out,
      type,
      made,
      o.serverSide ? 'serverside-applied' : 'created',
      o.dryRun,
      index,
    );
    return null;
  }
  if (!o.serverSide && live.metadata.annotations?.[LAST_APPLIED] === undefined)
    inv.io.err(
      `Warning: resource ${type.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  const patch = threeWayPatch(o.serverSide ? undefined : parseLastApplied(live), modified, live);
  const operation = o.serverSide ? 'serverside-applied' : 'configured';
  if (Object.keys(patch).length === 0) {
    report(inv, o.out, type, live, o.serverSide ? operation : 'unchanged', o.dryRun, index);
    return null;
  }
  const r = applyPatch(live, 'strategic', patch);
  if (!r.ok) return `error: ${r.message}`;
  const after = r.value as ApiObject;
  if (o.dryRun === 'none') {
    const t = inv.apply({ type: 'kubectl.object.update', resource: type.id, object: after });
    // An Invalid Status carries its kind, name and causes: kubectl's CheckErr prints those
    // (`The Job "pi" is invalid: …`) instead of the wrapped patch message.
    if (!t.ok)
      return (
        invalidText(t.error.message) ??
        `Error from server: error when applying patch to "${source}": ${t.error.message}`
      );
  }
  const shown =
    o.dryRun === 'none' ? (getObject(inv.ctx.state, type.id, ns, name) ?? after) : after;
  report(inv, o.out, type, shown, operation, o.dryRun, index);
  return null;
}

/**
 * `kubectl apply -f` over files, directories and stdin of the machine kubectl runs on; URLs are
 * the caller's (kubectl.ts keeps the manifest URLs it knows).
 */
export function applyFiles(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const args = list(p, 'filename');
  const opts = writeOptions(inv, p);
  if (opts === null) return 1;
  const sources: Source[] = [];
  for (const arg of args) {
    const s = sourcesOf(inv, arg, bool(p, 'recursive'));
    if (typeof s === 'string') {
      inv.io.err(s);
      return 1;
    }
    sources.push(...s);
  }
  const explicit = str(p, 'namespace');
  const o: Options = {
    ...opts,
    serverSide: bool(p, 'server-side'),
    namespace: explicit ?? 'default',
  };
  const work: Array<{ source: string; type: ApiResourceType; config: Obj }> = [];
  const errors: string[] = [];
  for (const s of sources) {
    const objects = objectsOf(s.text);
    if (typeof objects === 'string') {
      inv.io.err(`${objects.replace(/^error: /, `error: error parsing ${s.name}: `)}`);
      return 1;
    }
    for (const config of objects) {
      const kind = textOf(config['kind']);
      const meta = isObj(config['metadata']) ? config['metadata'] : {};
      const type = resolveType(inv.ctx.state, kind.toLowerCase());
      if (!type || type.kind !== kind) {
        errors.push(
          `error: resource mapping not found for name: "${textOf(meta['name'])}" namespace: "${textOf(meta['namespace'])}" from "${s.name}": no matches for kind "${kind}" in version "${textOf(config['apiVersion'])}"\nensure CRDs are installed first`,
        );
        continue;
      }
      const own = textOf(meta['namespace']);
      if (type.namespaced && explicit !== undefined && own !== '' && own !== explicit) {
        inv.io.err(
          `error: the namespace from the provided object "${own}" does not match the namespace "${explicit}". You must pass '--namespace=${own}' to perform this operation.`,
        );
        return 1;
      }
      work.push({ source: s.name, type, config });
    }
  }
  if (work.length === 0 && errors.length === 0) {
    inv.io.err('error: no objects passed to apply');
    return 1;
  }
  if (work.length > 0 && o.dryRun !== 'client' && !connect(inv, p)) return 1;
  work.forEach((w, i) => {
    const e = applyOne(inv, w.source, w.type, w.config, o, i);
    if (e !== null) errors.push(e);
  });
  for (const e of errors) inv.io.err(e);
  return errors.length > 0 ? 1 : 0;
}
