/**
 * `kubectl explain RESOURCE[.field.path]`: the documentation of a resource's fields, from the
 * same OpenAPI v3 group-version document `kubelife serve --api` serves (src/openapi), rendered
 * by kubectl's plaintext template (explain-template.ts).
 *
 * upstream (v1.33): staging/src/k8s.io/kubectl/pkg/cmd/explain/explain.go (flags; Validate's
 * errors; --api-version resolves with SplitAndParseResourceRequest, otherwise
 * SplitAndParseResourceRequestWithMatchingPrefix: the first RESTMapper match whose
 * `resource.group` prefixes the argument, else the first match with every dotted part after
 * the resource as the field path), pkg/explain/explain.go, pkg/explain/v2/explain.go
 * (`couldn't find resource for "<gvr>"` when the v3 root lists no such group version),
 * pkg/explain/v2/generator.go (`unrecognized format`), cmdutil.CheckErr's wording for a resource
 * the server does not have.
 */
import {
  discoveredGroups,
  loadOpenApiSchemas,
  servedDocument,
  type ClusterState,
  type DiscoveredResource,
} from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { renderExplain, type Gvr } from './explain-template.ts';
import type { Connect } from './kubectl-node.ts';
import type { KubectlVerbFactory } from './kubectl-verb.ts';

const FLAGS: FlagSpec[] = [
  {
    name: 'recursive',
    type: 'bool',
    usage:
      'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.',
  },
  {
    name: 'api-version',
    type: 'string',
    usage: 'Use given api-version (group/version) of the resource.',
  },
  {
    name: 'output',
    type: 'string',
    usage:
      'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).',
  },
];

const SUGGEST = 'Use "kubectl api-resources" for a complete list of supported resources.';

/** A resource the RESTMapper knows, in its priority order (discovery's group and version order). */
interface Match {
  readonly gvr: Gvr;
  readonly resource: DiscoveredResource;
}

/** RESTMapper.ResourcesFor: every group version serving a resource of that name. */
function resourcesFor(state: ClusterState, name: string): Match[] {
  const n = name.toLowerCase();
  const out: Match[] = [];
  for (const g of discoveredGroups(state))
    for (const v of g.versions)
      for (const r of v.resources)
        if (
          !r.name.includes('/') &&
          (r.name === n || r.singularName === n || (r.shortNames ?? []).includes(n))
        )
          out.push({ gvr: { group: g.name, version: v.version, resource: r.name }, resource: r });
  return out;
}

/** The resource an argument names and the field path after it, or null when none matches. */
function splitResource(
  state: ClusterState,
  arg: string,
  matchingPrefix: boolean,
): { gvr: Gvr; path: string[] } | null {
  const input = arg.endsWith('.') ? arg.slice(0, -1) : arg;
  const parts = input.split('.');
  const matches = resourcesFor(state, parts[0] ?? '');
  const first = matches[0];
  if (!first) return null;
  if (matchingPrefix)
    for (const m of matches) {
      const groupResource =
        m.gvr.group === '' ? m.gvr.resource : `${m.gvr.resource}.${m.gvr.group}`;
      if (input.startsWith(groupResource)) {
        const suffix = input.slice(groupResource.length);
        return { gvr: m.gvr, path: suffix.length > 0 ? suffix.split('.').slice(1) : [] };
      }
    }
  return { gvr: first.gvr, path: parts.slice(1) };
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(s: string): { group: string; version: string } | null {
  if (s === '' || s === '/') return { group: '', version: '' };
  const parts = s.split('/');
  if (parts.length === 1) return { group: '', version: s };
  if (parts.length === 2) return { group: parts[0] ?? '', version: parts[1] ?? '' };
  return null;
}

/** Prints stdout without the newline io.out adds (the template's text ends with its own). */
function print(inv: Invocation, text: string): void {
  if (text !== '') inv.io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
}

async function explain(inv: Invocation, p: ParsedFlags, connect: Connect): Promise<number> {
  if (!connect(inv, p)) return 1;
  const [arg, ...extra] = p.positionals;
  if (arg === undefined) {
    inv.io.err(`error: You must specify the type of resource to explain. ${SUGGEST}`);
    return 1;
  }
  if (extra.length > 0) {
    inv.io.err('error: We accept only this format: explain RESOURCE');
    return 1;
  }
  const state = inv.ctx.state;
  const apiVersion = str(p, 'api-version') ?? '';
  const found = splitResource(state, arg, apiVersion === '');
  if (!found) {
    const name = (arg.endsWith('.') ? arg.slice(0, -1) : arg).split('.')[0] ?? '';
    inv.io.err(`the server doesn't have a resource type "${name}"`);
    return 1;
  }
  const output = str(p, 'output') ?? 'plaintext';
  if (output === 'plaintext-openapiv2') {
    inv.io.err(
      'kubectl: "kubectl explain --output=plaintext-openapiv2" (the OpenAPI v2 renderer) is a real kubectl option that this simulator does not implement; nothing was done',
    );
    return 1;
  }
  let gvr = found.gvr;
  if (apiVersion !== '') {
    const gv = parseGroupVersion(apiVersion);
    if (!gv) {
      inv.io.err(`error: unexpected GroupVersion string: ${apiVersion}`);
      return 1;
    }
    gvr = { ...gvr, ...gv };
  }
  const doc = servedDocument(state, await loadOpenApiSchemas(), gvr.group, gvr.version);
  if (!doc) {
    inv.io.err(
      `error: couldn't find resource for "${gvr.group}/${gvr.version}, Resource=${gvr.resource}"`,
    );
    return 1;
  }
  if (output !== 'plaintext') {
    inv.io.err(`error: unrecognized format: ${output}`);
    return 1;
  }
  const result = renderExplain(doc, gvr, found.path, bool(p, 'recursive'));
  print(inv, result.out);
  if (result.error === undefined) return 0;
  inv.io.err(result.error);
  return 1;
}

/** `kubectl explain`. */
export const explainVerb: KubectlVerbFactory = (connect) => ({
  flags: FLAGS,
  short: 'Get documentation for a resource',
  run: (inv, p) => explain(inv, p, connect),
});
