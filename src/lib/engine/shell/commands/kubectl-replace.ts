/**
 * `kubectl replace -f FILE|DIR|- [--force]`: each object of the documents replaces the live one
 * whole (an update, PUT): the file's fields, the live object's identity (uid, creation time) and
 * status; a missing object is an error. `--force` deletes the live object and creates the file's.
 * Prints `TYPE/NAME replaced` (`-o` and `--dry-run` as the writing verbs).
 *
 * upstream (v1.33): staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go (Run: "error when
 * replacing", the "replaced" operation; forceReplace: delete, wait, create),
 * cli-runtime/pkg/resource/helper.go Replace (overwrite: the live resourceVersion is used).
 */
import { getObject, resolveType, type ApiObject, type ApiResourceType } from '../../src/index.ts';
import { bool, list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { objectsOf, sourceFlags, sourcesOf, type Source } from './kubectl-apply.ts';
import { createOne } from './kubectl-create.ts';
import type { Connect } from './kubectl-node.ts';
import { WRITE_FLAGS, printWritten, writeOptions, writtenObject } from './kubectl-write-common.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The flags of `kubectl replace`. */
export const REPLACE_FLAGS: FlagSpec[] = [
  ...sourceFlags('replace'),
  {
    name: 'force',
    type: 'bool',
    usage:
      'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
  },
  {
    name: 'save-config',
    type: 'bool',
    usage:
      'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged.',
  },
  ...WRITE_FLAGS,
];

/** The file's object over the live one's identity and status (what the PUT stores). */
function replacement(config: Obj, live: ApiObject, ns: string | null): ApiObject {
  const meta = isObj(config['metadata']) ? config['metadata'] : {};
  const { status: _ignored, ...rest } = config;
  return {
    ...rest,
    metadata: {
      ...meta,
      ...(ns !== null ? { namespace: ns } : {}),
      uid: live.metadata.uid,
      creationTimestamp: live.metadata.creationTimestamp,
      resourceVersion: live.metadata.resourceVersion,
    },
    ...(live['status'] !== undefined ? { status: live['status'] } : {}),
  } as unknown as ApiObject;
}

function replaceOne(
  inv: Invocation,
  p: ParsedFlags,
  source: string,
  type: ApiResourceType,
  config: Obj,
  index: number,
): string | null {
  const opts = writeOptions(inv, p);
  if (opts === null) return '';
  const meta = isObj(config['metadata']) ? config['metadata'] : {};
  const name = textOf(meta['name']);
  const ns = type.namespaced
    ? textOf(meta['namespace']) || (str(p, 'namespace') ?? 'default')
    : null;
  const live = getObject(inv.ctx.state, type.id, ns, name);
  if (live === null)
    return `Error from server (NotFound): error when replacing "${source}": ${type.id} "${name}" not found`;
  if (bool(p, 'force')) {
    if (opts.dryRun === 'none') {
      const d = inv.apply({
        type: 'kubectl.object.delete',
        resource: type.id,
        namespace: ns,
        name,
      });
      if (!d.ok) return d.error.message;
    }
    inv.io.out(`${type.namePrefix} "${name}" deleted`);
    const made =
      opts.dryRun === 'none' ? createOne(inv, type, config, 'none', ns ?? 'default') : live;
    if (typeof made === 'string')
      return `Error from server: error when creating "${source}": ${made}`;
    printWritten(inv, opts.out, type, made, 'replaced', opts.dryRun, index);
    return null;
  }
  const after = replacement(config, live, ns);
  if (opts.dryRun === 'none') {
    const t = inv.apply({ type: 'kubectl.object.update', resource: type.id, object: after });
    if (!t.ok) return `Error from server: error when replacing "${source}": ${t.error.message}`;
  }
  const shown = opts.dryRun === 'none' ? writtenObject(inv, type, after) : after;
  printWritten(inv, opts.out, type, shown, 'replaced', opts.dryRun, index);
  return null;
}

/** `kubectl replace`. */
export function replaceCommand(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const files = list(p, 'filename');
  if (files.length === 0) {
    inv.io.err('error: must specify one of -f and -k');
    return 1;
  }
  if (writeOptions(inv, p) === null) return 1;
  const sources: Source[] = [];
  for (const f of files) {
    const s = sourcesOf(inv, f, bool(p, 'recursive'));
    if (typeof s === 'string') {
      inv.io.err(s);
      return 1;
    }
    sources.push(...s);
  }
  if (!connect(inv, p)) return 1;
  const errors: string[] = [];
  let index = 0;
  for (const s of sources) {
    const objects = objectsOf(s.text);
    if (typeof objects === 'string') {
      inv.io.err(objects);
      return 1;
    }
    for (const config of objects) {
      const kind = textOf(config['kind']);
      const type = resolveType(inv.ctx.state, kind.toLowerCase());
      if (!type || type.kind !== kind) {
        errors.push(
          `error: resource mapping not found for name: "${textOf((config['metadata'] as Obj | undefined)?.['name'])}" namespace: "" from "${s.name}": no matches for kind "${kind}" in version "${textOf(config['apiVersion'])}"\nensure CRDs are installed first`,
        );
        continue;
      }
      const e = replaceOne(inv, p, s.name, type, config, index++);
      if (e !== null && e !== '') errors.push(e);
    }
  }
  for (const e of errors) inv.io.err(e);
  return errors.length > 0 ? 1 : 0;
}
