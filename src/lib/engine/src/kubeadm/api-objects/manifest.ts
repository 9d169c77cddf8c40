/**
 * kubeadm creates its objects from YAML templates (cmd/kubeadm/app/phases/addons/dns and addons/proxy manifests.go,
 * rendered with text/template): the same here, `{{ .Name }}` placeholders filled from a map, the
 * result parsed into objects for the store, each with the resource it is stored under.
 */
import { parse } from 'yaml';
import { RESOURCE_CATALOG, resourceId } from '../../store/catalog.ts';
import type { NewObject } from '../../store/types.ts';

/** An object and the store resource it belongs to (`services`, `deployments.apps`, …). */
export type Placed = readonly [resource: string, object: NewObject];

/** The store resource of an object, from its apiVersion and kind. */
export function resourceOf(apiVersion: string, kind: string): string {
  const group = apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
  const r = RESOURCE_CATALOG.find((x) => x.kind === kind && x.group === group);
  return r ? resourceId(r) : `${kind.toLowerCase()}s${group === '' ? '' : `.${group}`}`;
}

/**
 * Parsed documents by rendered text. Parsing YAML costs milliseconds and every init renders the
 * same few texts, so each is parsed once (the objects are never mutated: writers copy them).
 */
const PARSED = new Map<string, readonly NewObject[]>();

function parsed(text: string): readonly NewObject[] {
  const cached = PARSED.get(text);
  if (cached) return cached;
  const docs = text
    .split(/^---$/m)
    .map((doc) => parse(doc) as NewObject | null)
    .filter((o): o is NewObject => o !== null && typeof o === 'object');
  PARSED.set(text, docs);
  return docs;
}

/** Renders a template and parses its YAML documents into placed objects created at `created`. */
export function renderManifest(
  template: string,
  vars: Readonly<Record<string, string>>,
  created: string,
): Placed[] {
  const text = template.replace(/\{\{ *\.(\w+) *\}\}/g, (_, k: string) => vars[k] ?? '');
  return parsed(text).map((o) => {
    const { resourceVersion: _rv, ...metadata } = o.metadata as NewObject['metadata'] & {
      resourceVersion?: string;
    };
    return [
      resourceOf(o.apiVersion, o.kind),
      { ...o, metadata: { ...metadata, creationTimestamp: created } },
    ] as const;
  });
}

/** The n-th address of an IPv4 CIDR (`10.96.0.0/12`, 10 → `10.96.0.10`), as kubeadm computes the DNS IP. */
export function nthAddress(cidr: string, n: number): string {
  const [ip = '0.0.0.0'] = cidr.split('/');
  const v = ip.split('.').reduce((a, o) => a * 256 + Number(o), 0) + n;
  return [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.');
}
