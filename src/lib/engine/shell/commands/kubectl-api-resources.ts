/**
 * `kubectl api-resources` and `kubectl api-versions`: what discovery reports, from the same
 * discovery data the served API answers with (src/store/discovery.ts).
 *
 * upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go
 * (flags, Validate's wording, the filters, sortableResource: by group, then by name; `-o wide`
 * adds VERBS and CATEGORIES, comma-joined; `-o name` is name.group),
 * staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiversions.go (sorted group versions).
 */
import {
  preferredResources,
  servedGroupVersions,
  type PreferredResource,
} from '../../src/index.ts';
import { bool, list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { tabwrite } from './kubectl-tabwriter.ts';
import { changed, unexpectedArguments, type KubectlVerbFactory } from './kubectl-verb.ts';

const FLAGS: FlagSpec[] = [
  {
    name: 'api-group',
    type: 'string',
    usage: 'Limit to resources in the specified API group.',
  },
  { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
  {
    name: 'categories',
    type: 'strings',
    usage: 'Limit to resources that belong to the specified categories.',
  },
  {
    name: 'namespaced',
    type: 'bool',
    usage:
      'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
  },
  {
    name: 'no-headers',
    type: 'bool',
    usage:
      "When using the default or custom-column output format, don't print headers (default print headers).",
  },
  { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
  {
    name: 'sort-by',
    type: 'string',
    usage:
      "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
  },
  { name: 'verbs', type: 'strings', usage: 'Limit to resources that support the specified verbs.' },
];

/** The rows the flags keep (apiresources.go RunAPIResources' filters). */
function selected(inv: Invocation, p: ParsedFlags): PreferredResource[] {
  const group = str(p, 'api-group') ?? '';
  const namespaced = bool(p, 'namespaced');
  const verbs = list(p, 'verbs');
  const categories = list(p, 'categories');
  return preferredResources(inv.ctx.state).filter(
    ({ group: g, resource: r }) =>
      r.verbs.length > 0 &&
      (!changed(p, 'api-group') || g === group) &&
      (!changed(p, 'namespaced') || r.namespaced === namespaced) &&
      verbs.every((v) => r.verbs.includes(v)) &&
      categories.every((c) => (r.categories ?? []).includes(c)),
  );
}

/** sortableResource: by the --sort-by field (the group by default), then by name; stable. */
function sorted(rows: PreferredResource[], by: string): PreferredResource[] {
  const key = (x: PreferredResource): string =>
    by === 'name' ? x.resource.name : by === 'kind' ? x.resource.kind : x.group;
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return rows
    .map((row, i) => ({ row, i }))
    .sort(
      (a, b) =>
        cmp(key(a.row), key(b.row)) || cmp(a.row.resource.name, b.row.resource.name) || a.i - b.i,
    )
    .map((x) => x.row);
}

function apiResources(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  if (p.positionals.length > 0) return unexpectedArguments(inv, 'api-resources', p.positionals);
  const output = str(p, 'output') ?? '';
  if (!['', 'wide', 'name'].includes(output)) {
    inv.io.err(`error: --output ${output} is not available`);
    return 1;
  }
  const sortBy = str(p, 'sort-by') ?? '';
  if (!['', 'name', 'kind'].includes(sortBy)) {
    inv.io.err('error: --sort-by accepts only name or kind');
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const rows = sorted(selected(inv, p), sortBy);
  if (output === 'name') {
    const names = rows.map((x) =>
      x.group === '' ? x.resource.name : `${x.resource.name}.${x.group}`,
    );
    if (names.length > 0) inv.io.out(names.join('\n'));
    return 0;
  }
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
  const wide = output === 'wide';
  const cells = rows.map(({ groupVersion, resource: r }) => [
    r.name,
    (r.shortNames ?? []).join(','),
    groupVersion,
    String(r.namespaced),
    r.kind,
    ...(wide ? [r.verbs.join(','), (r.categories ?? []).join(',')] : []),
  ]);
  const table = [
    ...(bool(p, 'no-headers') ? [] : [wide ? [...header, 'VERBS', 'CATEGORIES'] : header]),
    ...cells,
  ];
  if (table.length > 0) inv.io.out(tabwrite(table));
  return 0;
}

function apiVersions(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  if (p.positionals.length > 0) return unexpectedArguments(inv, 'api-versions', p.positionals);
  if (!connect(inv, p)) return 1;
  inv.io.out(servedGroupVersions(inv.ctx.state).join('\n'));
  return 0;
}

/** `kubectl api-resources`. */
export const apiResourcesVerb: KubectlVerbFactory = (connect) => ({
  flags: FLAGS,
  short: 'Print the supported API resources on the server',
  run: (inv, p) => apiResources(inv, p, connect),
});

/** `kubectl api-versions`. */
export const apiVersionsVerb: KubectlVerbFactory = (connect) => ({
  flags: [],
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  run: (inv, p) => apiVersions(inv, p, connect),
});
