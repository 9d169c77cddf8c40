/**
 * `kubectl wait --for=condition=C[=V]|delete|jsonpath='{…}'=V TYPE/NAME|TYPE NAME|TYPE -l SEL
 * [--all] [--timeout]`: each object that meets the condition prints `TYPE/NAME condition met`.
 * The simulated cluster does not change while kubectl waits, so a condition not met now is
 * not met when the timeout ends: kubectl's timeout errors follow at once.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go (conditionFuncFor:
 * `unrecognized condition: %q`; "no matching resources found"; "timed out waiting for the
 * condition on %s"), condition.go (ConditionalWait: status.conditions[type] == value,
 * case-insensitive), json.go (JSONPathWait), delete.go (a missing object is already deleted).
 */
import type { ApiObject } from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { renderJsonpath } from '../jsonpath/render.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { resolveArg, selectObjects, typeArgs } from './kubectl-get-select.ts';
import { SELECT_FLAGS } from './kubectl-write-common.ts';

type Obj = Record<string, unknown>;

const FLAGS: FlagSpec[] = [
  ...SELECT_FLAGS,
  {
    name: 'for',
    type: 'string',
    usage:
      "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]].",
  },
  { name: 'timeout', type: 'string', usage: 'The length of time to wait before giving up.' },
  { name: 'filename', short: 'f', type: 'strings', usage: 'identifying the resource.' },
  { name: 'output', short: 'o', type: 'string', usage: 'Output format.' },
];

type Check = (o: ApiObject) => boolean;

function checkFor(spec: string): Check | 'delete' | null {
  if (spec.toLowerCase() === 'delete') return 'delete';
  if (spec.toLowerCase().startsWith('condition=')) {
    const rest = spec.slice('condition='.length);
    const at = rest.indexOf('=');
    const type = (at < 0 ? rest : rest.slice(0, at)).toLowerCase();
    const want = (at < 0 ? 'true' : rest.slice(at + 1)).toLowerCase();
    return (o) =>
      (((o['status'] as Obj | undefined)?.['conditions'] ?? []) as readonly Obj[]).some(
        (c) =>
          String(c['type']).toLowerCase() === type && String(c['status']).toLowerCase() === want,
      );
  }
  if (spec.startsWith('jsonpath=')) {
    const rest = spec.slice('jsonpath='.length);
    const close = rest.lastIndexOf('}');
    if (close < 0) return null;
    const template = rest.slice(0, close + 1);
    const want = rest.slice(close + 1).replace(/^=/, '');
    return (o) => {
      const r = renderJsonpath(template, o, false);
      return r.ok && (want === '' ? r.text !== '' : r.text === want);
    };
  }
  return null;
}

function run(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const spec = str(p, 'for') ?? '';
  const check = checkFor(spec);
  if (check === null) {
    inv.io.err(`error: unrecognized condition: "${spec}"`);
    return 1;
  }
  const args = typeArgs(p.positionals);
  if (!args.ok || p.positionals.length === 0) {
    inv.io.err(
      args.ok
        ? "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"
        : args.message,
    );
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const namespace = bool(p, 'all-namespaces') ? null : (str(p, 'namespace') ?? 'default');
  const selector = str(p, 'selector');
  const timedOut: string[] = [];
  let matched = 0;
  for (const req of args.requests) {
    const resolved = resolveArg(inv.ctx.state, req.arg);
    if (!resolved.ok) {
      inv.io.err(resolved.message);
      return 1;
    }
    for (const type of resolved.types) {
      const s = selectObjects(inv.ctx.state, type, req.names, {
        namespace,
        ...(selector !== undefined ? { labelSelector: selector } : {}),
      });
      if ('error' in s) {
        inv.io.err(s.error);
        return 1;
      }
      if (check === 'delete') {
        for (const o of s.objects) timedOut.push(`${type.plural}/${o.metadata.name}`);
        matched += s.objects.length + s.missing.length;
        continue;
      }
      const missing = s.missing[0];
      if (missing !== undefined) {
        inv.io.err(`Error from server (NotFound): ${type.id} "${missing}" not found`);
        return 1;
      }
      for (const o of s.objects) {
        matched++;
        if (check(o)) inv.io.out(`${type.namePrefix}/${o.metadata.name} condition met`);
        else timedOut.push(`${type.plural}/${o.metadata.name}`);
      }
    }
  }
  if (matched === 0) {
    inv.io.err('error: no matching resources found');
    return 1;
  }
  if (timedOut.length === 1)
    inv.io.err(`error: timed out waiting for the condition on ${timedOut[0] ?? ''}`);
  else for (const t of timedOut) inv.io.err(`timed out waiting for the condition on ${t}`);
  return timedOut.length > 0 ? 1 : 0;
}

/** The `kubectl wait` verb. */
export function waitVerb(connect: Connect) {
  return {
    flags: FLAGS,
    short: 'Experimental: Wait for a specific condition on one or many resources',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, connect),
  };
}
