/**
 * `kubectl describe endpointslice`: the address type, the ports table and each endpoint with
 * its addresses, readiness, hostname, target, node and zone, then its Events.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeEndpointSliceV1).
 */
import type { ApiObject, ClusterState } from '../../src/index.ts';
import { describedText, refOf, type DescribeSettings } from './kubectl-describe-events.ts';
import { annotationLines, multiline } from './kubectl-describe-maps.ts';
import { o, arr, text } from './kubectl-describe-fields.ts';

const unset = (v: unknown): string => (v === undefined || v === null ? '<unset>' : text(v));

/** describeEndpointSliceV1's text. */
export function endpointSliceText(
  state: ClusterState,
  eps: ApiObject,
  settings: DescribeSettings,
): string {
  const ports = arr(eps['ports']);
  const endpoints = arr(eps['endpoints']);
  const lines = [
    `Name:\t${eps.metadata.name}`,
    `Namespace:\t${eps.metadata.namespace ?? ''}`,
    ...multiline('Labels', eps.metadata.labels ?? {}, '='),
    ...annotationLines('Annotations', eps.metadata.annotations ?? {}),
    `AddressType:\t${text(eps['addressType'])}`,
    ...(ports.length === 0
      ? ['Ports: <unset>']
      : [
          'Ports:',
          '  Name\tPort\tProtocol',
          '  ----\t----\t--------',
          ...ports.map(
            (p) =>
              `  ${text(p['name']) === '' ? '<unset>' : text(p['name'])}\t${unset(p['port'])}\t${text(p['protocol'])}`,
          ),
        ]),
  ];
  if (endpoints.length === 0) lines.push('Endpoints: <none>');
  else {
    lines.push('Endpoints:');
    for (const e of endpoints) {
      const ref = e['targetRef'];
      lines.push(
        `  - Addresses:\t${arr(e['addresses']).map(text).join(', ') || '<none>'}`,
        '    Conditions:',
        `      Ready:\t${unset(o(e['conditions'])['ready'])}`,
        `    Hostname:\t${unset(e['hostname'])}`,
        ...(ref !== undefined
          ? [`    TargetRef:\t${text(o(ref)['kind'])}/${text(o(ref)['name'])}`]
          : []),
        `    NodeName:\t${unset(e['nodeName'])}`,
        `    Zone:\t${unset(e['zone'])}`,
      );
    }
  }
  return describedText(state, lines, settings.showEvents ? refOf(eps) : null);
}
