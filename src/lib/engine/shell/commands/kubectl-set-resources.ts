/**
 * `kubectl set resources (TYPE NAME | TYPE/NAME | -l SELECTOR | --all) [-c CONTAINERS]
 * [--limits=cpu=200m,memory=512Mi] [--requests=…]`: sets resource requests and limits of the
 * matching containers (init containers too; `-c` takes a shell pattern, `*` by default) in the
 * Pod template of a workload or in a Pod, and writes the object back, which starts the workload
 * controllers' rollout. Quantities are stored in their canonical form, as kubectl sends them.
 * Prints `deployment.apps/web resource requirements updated`; an object already so prints
 * nothing.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/set_resources.go (Complete, Validate, Run),
 * staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go (HandleResourceRequirementsV1,
 * populateResourceListV1), staging/src/k8s.io/kubectl/pkg/cmd/set/helper.go (selectContainers:
 * path.Match), staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity).
 */
import { canonicalQuantity, parseQuantity, type Json } from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { writePodSpecEdits } from './kubectl-pod-spec.ts';
import { reportErrors, selectTargets, writeOptions } from './kubectl-write-common.ts';

type Obj = { [k: string]: Json };

/** The flags `kubectl set resources` adds to the set verb's. */
export const SET_RESOURCES_FLAGS: FlagSpec[] = [
  {
    name: 'containers',
    short: 'c',
    type: 'string',
    usage:
      'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards',
  },
  {
    name: 'limits',
    type: 'string',
    usage:
      "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.",
  },
  {
    name: 'requests',
    type: 'string',
    usage:
      "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.",
  },
];

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const QUANTITY_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** populateResourceListV1: `cpu=100m,memory=256Mi` as canonical quantities, or the error. */
function resourceList(spec: string): Map<string, string> | string {
  const list = new Map<string, string>();
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2)
      return `Invalid argument syntax ${statement}, expected <resource>=<value>`;
    const [name = '', value = ''] = parts;
    if (!QUANTITY.test(value)) return QUANTITY_ERROR;
    if (parseQuantity(value) === null) return "unable to parse quantity's suffix";
    list.set(name, canonicalQuantity(value));
  }
  return list;
}

/** path.Match of a container name against `-c` (`*`, `?`, `[…]`). */
function matches(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(name);
}

/** The Pod spec with the requirements set on the selected containers; false when none matched. */
function setRequirements(
  spec: Obj,
  pattern: string,
  limits: ReadonlyMap<string, string>,
  requests: ReadonlyMap<string, string>,
): boolean {
  let found = false;
  for (const key of ['containers', 'initContainers'])
    for (const c of (spec[key] ?? []) as Obj[]) {
      if (typeof c['name'] !== 'string' || !matches(pattern, c['name'])) continue;
      found = true;
      const resources = (c['resources'] ?? {}) as Obj;
      for (const [field, list] of [
        ['limits', limits],
        ['requests', requests],
      ] as const) {
        if (list.size === 0) continue;
        const current = { ...((resources[field] ?? {}) as Obj) };
        for (const [k, v] of list) current[k] = v;
        resources[field] = current;
      }
      c['resources'] = resources;
    }
  return found;
}

/** `kubectl set resources`. */
export function setResources(
  inv: Invocation,
  p: ParsedFlags,
  args: readonly string[],
  connect: Connect,
): number {
  if (args.length === 0 && str(p, 'selector') === undefined && !bool(p, 'all')) {
    inv.io.err(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
    return 1;
  }
  const opts = writeOptions(inv, p);
  if (opts === null) return 1;
  if (!connect(inv, p)) return 1;
  const targets = selectTargets(inv, p, args);
  if ('error' in targets) return reportErrors(inv, [targets.error]);
  // Validate, after the resource builder of Complete.
  const limitsText = str(p, 'limits') ?? '';
  const requestsText = str(p, 'requests') ?? '';
  if (bool(p, 'all') && str(p, 'selector') !== undefined)
    return reportErrors(inv, ['cannot set --all and --selector at the same time']);
  if (limitsText === '' && requestsText === '')
    return reportErrors(inv, [
      'you must specify an update to requests or limits (in the form of --requests/--limits)',
    ]);
  const limits = limitsText === '' ? new Map<string, string>() : resourceList(limitsText);
  if (typeof limits === 'string') return reportErrors(inv, [limits]);
  const requests = requestsText === '' ? new Map<string, string>() : resourceList(requestsText);
  if (typeof requests === 'string') return reportErrors(inv, [requests]);
  const pattern = str(p, 'containers') ?? '*';
  const errors = writePodSpecEdits(
    inv,
    opts,
    targets,
    (spec) =>
      setRequirements(spec, pattern, limits, requests)
        ? { errors: [], write: true }
        : { errors: [`error: unable to find container named ${pattern}`], write: false },
    'resource requirements updated',
    'failed to patch resources update to pod template ',
  );
  return reportErrors(inv, errors);
}
