/**
 * describeContainers: a Pod's (or a Pod template's) containers, each with its image, ports,
 * command and args, state from the container status when there is one (a Pod's, not a
 * template's), resources, probes, environment and mounts.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeContainers,
 * describeContainerBasicInfo, describeContainerPorts, describeContainerHostPorts,
 * describeContainerCommand, describeContainerState, describeStatus, describeResources,
 * describeContainerProbe, DescribeProbe, describeContainerEnvFrom, describeContainerEnvVars,
 * describeContainerVolumes, EnvValueRetriever), staging/src/k8s.io/kubectl/pkg/util/resource
 * (ExtractContainerResourceValue), staging/src/k8s.io/kubectl/pkg/util/fieldpath.
 */
import { rfc1123z } from '../format.ts';
import { fieldPathValue, resourceFieldValue } from './kubectl-describe-values.ts';
import { o, arr, text, num, type Obj } from './kubectl-describe-fields.ts';

/** An integer field as %d prints it. */
const count = (v: unknown): string => String(num(v));
const bool = (v: unknown): string => (v === true ? 'True' : 'False');

/**
 * describeContainerPorts / describeContainerHostPorts: `port/PROTO`, comma-joined, with
 * ` (name)` for a named port since v1.34 (kubernetes/kubernetes#133018).
 */
function portList(
  ports: readonly Obj[],
  field: 'containerPort' | 'hostPort',
  minor: number,
): string {
  return ports
    .map((p) => {
      const s = `${count(p[field])}/${text(p['protocol'])}`;
      return minor >= 34 && text(p['name']) !== '' ? `${s} (${text(p['name'])})` : s;
    })
    .join(', ');
}

/** describeStatus under `title` (State, Last State). */
function stateLines(title: string, state: Obj): string[] {
  const running = state['running'];
  const waiting = state['waiting'];
  const terminated = state['terminated'];
  if (running !== undefined)
    return [`    ${title}:\tRunning`, `      Started:\t${rfc1123z(text(o(running)['startedAt']))}`];
  if (terminated !== undefined) {
    const t = o(terminated);
    return [
      `    ${title}:\tTerminated`,
      ...(text(t['reason']) !== '' ? [`      Reason:\t${text(t['reason'])}`] : []),
      ...(text(t['message']) !== '' ? [`      Message:\t${text(t['message'])}`] : []),
      `      Exit Code:\t${count(t['exitCode'])}`,
      ...(typeof t['signal'] === 'number' && t['signal'] > 0
        ? [`      Signal:\t${t['signal']}`]
        : []),
      `      Started:\t${rfc1123z(text(t['startedAt']) || '0001-01-01T00:00:00Z')}`,
      `      Finished:\t${rfc1123z(text(t['finishedAt']) || '0001-01-01T00:00:00Z')}`,
    ];
  }
  const reason = text(o(waiting)['reason']);
  return [
    `    ${title}:\tWaiting`,
    ...(waiting !== undefined && reason !== '' ? [`      Reason:\t${reason}`] : []),
  ];
}

/** DescribeProbe. */
export function probeText(probe: Obj): string {
  const attrs = `delay=${count(probe['initialDelaySeconds'])}s timeout=${count(probe['timeoutSeconds'])}s period=${count(probe['periodSeconds'])}s #success=${count(probe['successThreshold'])} #failure=${count(probe['failureThreshold'])}`;
  if (probe['exec'] !== undefined)
    return `exec [${arr(o(probe['exec'])['command']).map(text).join(' ')}] ${attrs}`;
  if (probe['httpGet'] !== undefined) {
    const h = o(probe['httpGet']);
    const host = text(h['host']);
    const port = text(h['port']);
    // net.JoinHostPort brackets an IPv6 host; url.URL prints scheme://host/path.
    const hostPort = port === '' ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const scheme = text(h['scheme']).toLowerCase();
    return `http-get ${scheme === '' ? '' : `${scheme}:`}//${hostPort}${text(h['path'])} ${attrs}`;
  }
  if (probe['tcpSocket'] !== undefined) {
    const t = o(probe['tcpSocket']);
    return `tcp-socket ${text(t['host'])}:${text(t['port'])} ${attrs}`;
  }
  if (probe['grpc'] !== undefined) {
    const g = o(probe['grpc']);
    return `grpc <pod>:${count(g['port'])} ${text(g['service'])} ${attrs}`;
  }
  return `unknown ${attrs}`;
}

/** describeContainerEnvVars (and EnvFrom before it when the container has any). */
function envLines(c: Obj, pod: Obj | null): string[] {
  const lines: string[] = [];
  const envFrom = arr(c['envFrom']);
  if (envFrom.length > 0) {
    lines.push('    Environment Variables from:');
    for (const e of envFrom) {
      const fromCm = e['configMapRef'] !== undefined;
      const ref = o(fromCm ? e['configMapRef'] : e['secretRef']);
      const from = fromCm ? 'ConfigMap' : e['secretRef'] !== undefined ? 'Secret' : '';
      const kind = text(e['prefix']) === '' ? from : `${from} with prefix '${text(e['prefix'])}'`;
      lines.push(`      ${text(ref['name'])}\t${kind}\tOptional: ${ref['optional'] === true}`);
    }
  }
  const env = arr(c['env']);
  lines.push(`    Environment:${env.length === 0 ? '\t<none>' : ''}`);
  for (const e of env) {
    const name = text(e['name']);
    const from = e['valueFrom'];
    if (from === undefined) {
      text(e['value'])
        .split('\n')
        .forEach((s, i) => lines.push(i === 0 ? `      ${name}:\t${s}` : `      \t${s}`));
      continue;
    }
    const f = o(from);
    if (f['fieldRef'] !== undefined) {
      const ref = o(f['fieldRef']);
      const value = pod === null ? '' : fieldPathValue(pod, text(ref['fieldPath']));
      lines.push(`      ${name}:\t${value} (${text(ref['apiVersion'])}:${text(ref['fieldPath'])})`);
    } else if (f['resourceFieldRef'] !== undefined) {
      const ref = o(f['resourceFieldRef']);
      const resource = text(ref['resource']);
      let value = resourceFieldValue(c, ref);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory'))
        value = 'node allocatable';
      lines.push(`      ${name}:\t${value} (${resource})`);
    } else if (f['secretKeyRef'] !== undefined) {
      const ref = o(f['secretKeyRef']);
      lines.push(
        `      ${name}:\t<set to the key '${text(ref['key'])}' in secret '${text(ref['name'])}'>\tOptional: ${ref['optional'] === true}`,
      );
    } else if (f['configMapKeyRef'] !== undefined) {
      const ref = o(f['configMapKeyRef']);
      lines.push(
        `      ${name}:\t<set to the key '${text(ref['key'])}' of config map '${text(ref['name'])}'>\tOptional: ${ref['optional'] === true}`,
      );
    }
  }
  return lines;
}

/** describeContainerVolumes: mounts sorted by path (`ro`/`rw`, `path="sub"`), then devices. */
function mountLines(c: Obj): string[] {
  const mounts = [...arr(c['volumeMounts'])].sort((a, b) =>
    text(a['mountPath']) < text(b['mountPath'])
      ? -1
      : text(a['mountPath']) > text(b['mountPath'])
        ? 1
        : 0,
  );
  const lines = [`    Mounts:${mounts.length === 0 ? '\t<none>' : ''}`];
  for (const m of mounts) {
    const flags = [m['readOnly'] === true ? 'ro' : 'rw'];
    if (text(m['subPath']) !== '') flags.push(`path=${JSON.stringify(text(m['subPath']))}`);
    lines.push(`      ${text(m['mountPath'])} from ${text(m['name'])} (${flags.join(',')})`);
  }
  const devices = [...arr(c['volumeDevices'])].sort((a, b) =>
    text(a['devicePath']) < text(b['devicePath']) ? -1 : 1,
  );
  if (devices.length > 0) {
    lines.push('    Devices:');
    for (const d of devices) lines.push(`      ${text(d['devicePath'])} from ${text(d['name'])}`);
  }
  return lines;
}

/** describeResources at `pad` (LEVEL_2 for a container, LEVEL_1 for the Pod's own). */
export function resourceLines(resources: Obj, pad: string): string[] {
  const lines: string[] = [];
  for (const [field, title] of [
    ['limits', 'Limits'],
    ['requests', 'Requests'],
  ] as const) {
    const q = o(resources[field]);
    const keys = Object.keys(q).sort();
    if (keys.length > 0)
      lines.push(`${pad}${title}:`, ...keys.map((k) => `${pad}  ${k}:\t${text(q[k])}`));
  }
  return lines;
}

/**
 * describeContainers under `label`: `space` is the Pod template's indent ("  "), empty for a
 * Pod; `statuses` and `pod` are null for a template (no state, no field values); `minor` is
 * the printing kubectl's.
 */
export function containerLines(
  label: string,
  containers: readonly Obj[],
  statuses: readonly Obj[] | null,
  pod: Obj | null,
  space: string,
  minor: number,
): string[] {
  const lines = [`${space}${label}:${containers.length === 0 ? ' <none>' : ''}`];
  for (const c of containers) {
    const status = statuses?.find((s) => text(s['name']) === text(c['name']));
    const ports = arr(c['ports']);
    lines.push(`  ${space === '' ? '' : ' '}${text(c['name'])}:`);
    if (status) lines.push(`    Container ID:\t${text(status['containerID'])}`);
    lines.push(`    Image:\t${text(c['image'])}`);
    if (status) lines.push(`    Image ID:\t${text(status['imageID'])}`);
    const portText = portList(ports, 'containerPort', minor);
    lines.push(
      portText.includes(',') ? `    Ports:\t${portText}` : `    Port:\t${portText || '<none>'}`,
    );
    const hostText = portList(ports, 'hostPort', minor);
    lines.push(
      hostText.includes(',')
        ? `    Host Ports:\t${hostText}`
        : `    Host Port:\t${hostText || '<none>'}`,
    );
    const seccomp = o(o(c['securityContext'])['seccompProfile']);
    if (text(seccomp['type']) !== '') {
      lines.push(`    SeccompProfile:\t${text(seccomp['type'])}`);
      if (seccomp['type'] === 'Localhost')
        lines.push(`      LocalhostProfile:\t${text(seccomp['localhostProfile'])}`);
    }
    for (const [field, title] of [
      ['command', 'Command'],
      ['args', 'Args'],
    ] as const) {
      const words = arr(c[field]).map(text);
      if (words.length === 0) continue;
      lines.push(`    ${title}:`);
      for (const w of words) for (const part of w.split('\n')) lines.push(`      ${part}`);
    }
    if (status) {
      lines.push(...stateLines('State', o(status['state'])));
      if (o(status['lastState'])['terminated'] !== undefined)
        lines.push(...stateLines('Last State', o(status['lastState'])));
      lines.push(
        `    Ready:\t${bool(status['ready'])}`,
        `    Restart Count:\t${count(status['restartCount'])}`,
      );
    }
    lines.push(...resourceLines(o(c['resources']), '    '));
    for (const [field, title] of [
      ['livenessProbe', 'Liveness'],
      ['readinessProbe', 'Readiness'],
      ['startupProbe', 'Startup'],
    ] as const)
      if (c[field] !== undefined) lines.push(`    ${title}:\t${probeText(o(c[field]))}`);
    lines.push(...envLines(c, pod), ...mountLines(c));
  }
  return lines;
}
