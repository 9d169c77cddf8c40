/**
 * `kubectl describe node NAME`, rendered from the same objects `kubectl get -o yaml` prints
 * (kubectl-resources.ts).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeNode, describeNodeLease,
 * describeNodeResource, printLabelsMultiline, printAnnotationsMultiline, printNodeTaintsMultiline,
 * DescribeEvents; tabbedString = tabwriter.NewWriter(out, 0, 8, 2, ' ', 0); LEVEL_1 = 2 spaces).
 * NodeDescriber.Describe asks for the node's Events twice and merges them: the controllers record
 * them with the Node's UID, the kubelet with its name as the UID ("there are two UIDs for host
 * events"). Capacity and Allocatable print each quantity's String() (`31457280Ki` → `30Gi`).
 */
import { getObject, listObjects } from '../../src/index.ts';
import { canonicalQuantity } from '../../src/objects/quantity.ts';
import type { Invocation } from '../types.ts';
import { rfc1123z } from '../format.ts';
import { describedText, type DescribeSettings } from './kubectl-describe-events.ts';
import { arr, o, text, type Obj } from './kubectl-describe-fields.ts';
import { annotationLines, multiline } from './kubectl-describe-maps.ts';
import { nodeResourceLines } from './kubectl-describe-node-resources.ts';
import { nodeObject } from './kubectl-resources.ts';

/**
 * The last kubectl minor whose describeNode prints `Kube-Proxy Version:` (an empty value since the
 * kubelet stopped setting it, DisableNodeKubeProxyVersion on by default from v1.31). v1.33.1, the
 * parity judge, prints it; the describer on kubernetes/kubernetes master (0176276b, the
 * object-taking Describe of v1.36) no longer has the line. The release in between that dropped it
 * is not in our sources: we keep it up to v1.35.
 */
const LAST_KUBE_PROXY_VERSION_MINOR = 35;

/** The describeNode text for one node. */
export function describeNodeText(
  inv: Invocation,
  name: string,
  settings: DescribeSettings,
): string {
  const state = inv.ctx.state;
  const node = nodeObject(state, name);
  const md = o(node['metadata']);
  const spec = o(node['spec']);
  const status = o(node['status']);
  const info = o(status['nodeInfo']);
  const labels = o(md['labels']);
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  const lines: string[] = [
    `Name:\t${name}`,
    `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}`,
  ];
  lines.push(
    ...multiline('Labels', labels, '='),
    ...annotationLines('Annotations', o(md['annotations'])),
  );
  lines.push(`CreationTimestamp:\t${rfc1123z(String(md['creationTimestamp']))}`);
  // printTaintsMultilineWithIndent prints them sorted by "<effect>,<key>".
  const taintOrder = (t: Obj): string => `${String(t['effect'])},${String(t['key'])}`;
  const taints = [...arr(spec['taints'])]
    .sort((a, b) => (taintOrder(a) < taintOrder(b) ? -1 : taintOrder(a) > taintOrder(b) ? 1 : 0))
    .map(
      (t) =>
        `${String(t['key'])}${t['value'] ? `=${text(t['value'])}` : ''}:${String(t['effect'])}`,
    );
  lines.push(
    ...(taints.length === 0
      ? ['Taints:\t<none>']
      : taints.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${t}`)),
  );
  lines.push(`Unschedulable:\t${spec['unschedulable'] === true ? 'true' : 'false'}`);
  // describeNodeLease: the kubelet's Lease in kube-node-lease as the API serves it.
  const lease = getObject(state, 'leases.coordination.k8s.io', 'kube-node-lease', name);
  const leaseSpec = o(lease?.['spec']);
  const leaseTime = (v: unknown): string =>
    typeof v === 'string' && v !== '' ? rfc1123z(v) : '<unset>';
  lines.push(
    ...(lease === undefined
      ? [`Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found`]
      : [
          'Lease:',
          `  HolderIdentity:\t${text(leaseSpec['holderIdentity']) || '<unset>'}`,
          `  AcquireTime:\t${leaseTime(leaseSpec['acquireTime'])}`,
          `  RenewTime:\t${leaseTime(leaseSpec['renewTime'])}`,
        ]),
  );
  const conditions = arr(status['conditions']);
  lines.push(
    'Conditions:',
    '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage',
    '  ----\t------\t-----------------\t------------------\t------\t-------',
  );
  for (const c of conditions) {
    lines.push(
      `  ${String(c['type'])} \t${String(c['status'])} \t${rfc1123z(String(c['lastHeartbeatTime']))} \t${rfc1123z(String(c['lastTransitionTime']))} \t${String(c['reason'])} \t${String(c['message'])}`,
    );
  }
  lines.push(
    'Addresses:',
    ...arr(status['addresses']).map((a) => `  ${String(a['type'])}:\t${String(a['address'])}`),
  );
  const resources = (title: string, list: Obj): string[] => [
    `${title}:`,
    ...Object.keys(list)
      .sort()
      .map((k) => `  ${k}:\t${canonicalQuantity(String(list[k]))}`),
  ];
  lines.push(
    ...resources('Capacity', o(status['capacity'])),
    ...resources('Allocatable', o(status['allocatable'])),
  );
  lines.push(
    'System Info:',
    `  Machine ID:\t${String(info['machineID'])}`,
    `  System UUID:\t${String(info['systemUUID'])}`,
    `  Boot ID:\t${String(info['bootID'])}`,
    `  Kernel Version:\t${String(info['kernelVersion'])}`,
    `  OS Image:\t${String(info['osImage'])}`,
    `  Operating System:\t${String(info['operatingSystem'])}`,
    `  Architecture:\t${String(info['architecture'])}`,
    `  Container Runtime Version:\t${String(info['containerRuntimeVersion'])}`,
    `  Kubelet Version:\t${String(info['kubeletVersion'])}`,
    ...(settings.kubectlMinor <= LAST_KUBE_PROXY_VERSION_MINOR
      ? [`  Kube-Proxy Version:\t${text(info['kubeProxyVersion'])}`]
      : []),
  );
  if (spec['podCIDR']) lines.push(`PodCIDR:\t${text(spec['podCIDR'])}`);
  if (Array.isArray(spec['podCIDRs']))
    lines.push(`PodCIDRs:\t${(spec['podCIDRs'] as string[]).join(',')}`);
  if (spec['providerID']) lines.push(`ProviderID:\t${text(spec['providerID'])}`);
  // The field selector spec.nodeName=NAME,status.phase!=Succeeded,status.phase!=Failed.
  const pods = listObjects(state, 'pods', null).filter((p) => {
    const phase = o(p['status'])['phase'];
    return o(p['spec'])['nodeName'] === name && phase !== 'Succeeded' && phase !== 'Failed';
  });
  lines.push(...nodeResourceLines(state, node, pods));
  const uid = text(md['uid']);
  const refs = [
    { name, namespace: '', kind: 'Node', uid },
    { name, namespace: '', kind: 'Node', uid: name },
  ];
  return describedText(state, lines, settings.showEvents ? refs : null);
}
