/**
 * `kubectl describe node NAME`, rendered from the same objects `kubectl get -o yaml` prints
 * (kubectl-resources.ts).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeNode, describeNodeLease,
 * describeNodeResource, printLabelsMultiline, printAnnotationsMultiline, printNodeTaintsMultiline,
 * DescribeEvents; tabbedString = tabwriter.NewWriter(out, 0, 8, 2, ' ', 0); LEVEL_1 = 2 spaces).
 * Events are not modelled: `Events: <none>`.
 */
import { formatTabwriter } from '../../src/pki/tabwriter.ts';
import type { Invocation } from '../types.ts';
import { humanDuration, rfc1123z } from '../format.ts';
import { annotationLines, multiline } from './kubectl-describe-maps.ts';
import { nodeObject, podObjects } from './kubectl-resources.ts';

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
/** A scalar field as text; objects and absent values give `fallback`. */
const scalar = (v: unknown, fallback = ''): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;

/** resource.Quantity's String() of a millicore count. */
function cpu(milli: number): string {
  return milli === 0 ? '0' : milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}
function mem(mi: number): string {
  return mi === 0 ? '0' : mi % 1024 === 0 ? `${mi / 1024}Gi` : `${mi}Mi`;
}
function milliOf(q: unknown): number {
  const s = scalar(q, '0');
  return s.endsWith('m') ? Number(s.slice(0, -1)) : Number(s) * 1000;
}
function miOf(q: unknown): number {
  const s = scalar(q, '0');
  if (s.endsWith('Gi')) return Number(s.slice(0, -2)) * 1024;
  if (s.endsWith('Mi')) return Number(s.slice(0, -2));
  if (s.endsWith('Ki')) return Number(s.slice(0, -2)) / 1024;
  return Number(s) / (1024 * 1024);
}

/** The describeNode text for one node. */
export function describeNodeText(inv: Invocation, name: string): string {
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
        `${String(t['key'])}${t['value'] ? `=${scalar(t['value'])}` : ''}:${String(t['effect'])}`,
    );
  lines.push(
    ...(taints.length === 0
      ? ['Taints:\t<none>']
      : taints.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${t}`)),
  );
  lines.push(`Unschedulable:\t${spec['unschedulable'] === true ? 'true' : 'false'}`);
  // The kubelet's Lease in kube-node-lease, renewed every 10s while it runs.
  const conditions = arr(status['conditions']);
  const posting = conditions.find((c) => c['type'] === 'Ready')?.['status'] !== 'Unknown';
  lines.push(
    'Lease:',
    `  HolderIdentity:\t${name}`,
    '  AcquireTime:\t<unset>',
    `  RenewTime:\t${posting ? rfc1123z(String(conditions[0]?.['lastHeartbeatTime'])) : rfc1123z(String(md['creationTimestamp']))}`,
  );
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
      .map((k) => `  ${k}:\t${String(list[k])}`),
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
  );
  if (spec['podCIDR']) lines.push(`PodCIDR:\t${scalar(spec['podCIDR'])}`);
  if (Array.isArray(spec['podCIDRs']))
    lines.push(`PodCIDRs:\t${(spec['podCIDRs'] as string[]).join(',')}`);
  // describeNodeResource: non-terminated pods bound to the node, requests/limits as % of allocatable.
  const allocatable = o(status['allocatable']);
  const allocCpu = milliOf(allocatable['cpu']);
  const allocMem = miOf(allocatable['memory']);
  const pct = (v: number, of: number): string => `${of > 0 ? Math.trunc((v / of) * 100) : 0}%`;
  const pods = podObjects(state, null).filter((p) => o(p['spec'])['nodeName'] === name);
  lines.push(
    `Non-terminated Pods:\t(${pods.length} in total)`,
    '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge',
    '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---',
  );
  let reqCpu = 0;
  let limCpu = 0;
  let reqMem = 0;
  let limMem = 0;
  for (const p of pods) {
    const pm = o(p['metadata']);
    const r = o(arr(o(p['spec'])['containers'])[0]?.['resources']);
    const rc = milliOf(o(r['requests'])['cpu']);
    const lc = milliOf(o(r['limits'])['cpu']);
    const rm = miOf(o(r['requests'])['memory']);
    const lm = miOf(o(r['limits'])['memory']);
    reqCpu += rc;
    limCpu += lc;
    reqMem += rm;
    limMem += lm;
    const age = humanDuration(state.now - Date.parse(String(pm['creationTimestamp'])));
    lines.push(
      `  ${String(pm['namespace'])}\t${String(pm['name'])}\t\t${cpu(rc)} (${pct(rc, allocCpu)})\t${cpu(lc)} (${pct(lc, allocCpu)})\t${mem(rm)} (${pct(rm, allocMem)})\t${mem(lm)} (${pct(lm, allocMem)})\t${age}`,
    );
  }
  lines.push(
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    '  Resource\tRequests\tLimits',
    '  --------\t--------\t------',
    `  cpu\t${cpu(reqCpu)} (${pct(reqCpu, allocCpu)})\t${cpu(limCpu)} (${pct(limCpu, allocCpu)})`,
    `  memory\t${mem(reqMem)} (${pct(reqMem, allocMem)})\t${mem(limMem)} (${pct(limMem, allocMem)})`,
    '  ephemeral-storage\t0 (0%)\t0 (0%)',
    '  hugepages-1Gi\t0 (0%)\t0 (0%)',
    '  hugepages-2Mi\t0 (0%)\t0 (0%)',
    'Events:\t<none>',
  );
  return formatTabwriter(lines, { minwidth: 0, tabwidth: 8, padding: 2 }).replace(/\n$/, '');
}
