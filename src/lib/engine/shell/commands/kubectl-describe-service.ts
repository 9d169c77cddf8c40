/**
 * `kubectl describe service [NAME…]`: the Service, its ports with the endpoints of its
 * EndpointSlices (the ready ones, `ip:port`, three at most then `+ N more...`), and its Events.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/describe/describe.go (ServiceDescriber,
 * describeService, formatEndpointSlices, printLabelsMultiline, printAnnotationsMultiline).
 */
import { listObjects, type ApiObject } from '../../src/index.ts';
import type { Invocation } from '../types.ts';
import { describedText, refOf } from './kubectl-describe-events.ts';
import { annotationLines, multiline } from './kubectl-describe-maps.ts';

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

/** formatEndpointSlices for one port name. */
function endpointsFor(slices: readonly ApiObject[], port: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const slice of slices) {
    const endpoints = arr(slice['endpoints']);
    const ports = arr(slice['ports']);
    const ready = (e: Obj): boolean => o(e['conditions'])['ready'] !== false;
    const address = (e: Obj): string => text(arr(e['addresses'])[0] ?? '');
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === 3) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(address(e));
        count++;
      }
      continue;
    }
    for (const p of ports) {
      if (text(p['name']) !== port) continue;
      for (const e of endpoints) {
        if (list.length === 3) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(`${address(e)}:${text(p['port'])}`);
        count++;
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - 3} more...` : joined;
}

/** describeService's text for one Service; `showEvents` false leaves the Events out. */
export function serviceText(inv: Invocation, svc: ApiObject, showEvents: boolean): string {
  const spec = o(svc['spec']);
  const ns = svc.metadata.namespace ?? 'default';
  const slices = listObjects(inv.ctx.state, 'endpointslices.discovery.k8s.io', ns).filter(
    (s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
  );
  const selector = Object.entries(o(spec['selector']))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${text(v)}`)
    .join(',');
  const families = arr(spec['ipFamilies']).map(text);
  const clusterIPs = arr(spec['clusterIPs']).map(text);
  const lines = [
    `Name:\t${svc.metadata.name}`,
    `Namespace:\t${ns}`,
    ...multiline('Labels', svc.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', svc.metadata.annotations ?? {}),
    // labels.FormatLabels: `<none>` for an empty selector.
    `Selector:\t${selector === '' ? '<none>' : selector}`,
    `Type:\t${text(spec['type'])}`,
    ...(spec['ipFamilyPolicy'] !== undefined
      ? [`IP Family Policy:\t${text(spec['ipFamilyPolicy'])}`]
      : []),
    `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}`,
    `IP:\t${text(spec['clusterIP'])}`,
    `IPs:\t${clusterIPs.length > 0 ? clusterIPs.join(',') : '<none>'}`,
    ...(spec['externalName'] !== undefined
      ? [`External Name:\t${text(spec['externalName'])}`]
      : []),
  ];
  for (const p of arr(spec['ports'])) {
    const name = text(p['name']) || '<unset>';
    const protocol = text(p['protocol']) || 'TCP';
    lines.push(`Port:\t${name}\t${text(p['port'])}/${protocol}`);
    lines.push(`TargetPort:\t${text(p['targetPort'] ?? p['port'])}/${protocol}`);
    if (p['nodePort'] !== undefined)
      lines.push(`NodePort:\t${name}\t${text(p['nodePort'])}/${protocol}`);
    lines.push(`Endpoints:\t${endpointsFor(slices, text(p['name']))}`);
  }
  lines.push(`Session Affinity:\t${text(spec['sessionAffinity'])}`);
  if (spec['externalTrafficPolicy'] !== undefined)
    lines.push(`External Traffic Policy:\t${text(spec['externalTrafficPolicy'])}`);
  if (spec['internalTrafficPolicy'] !== undefined)
    lines.push(`Internal Traffic Policy:\t${text(spec['internalTrafficPolicy'])}`);
  return describedText(inv.ctx.state, lines, showEvents ? refOf(svc) : null);
}
