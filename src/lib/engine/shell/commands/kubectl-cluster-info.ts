/**
 * `kubectl cluster-info`: the control plane's address (the kubeconfig's server) and each
 * cluster service (label kubernetes.io/cluster-service=true in kube-system, or the namespace of
 * -n) with its API-server proxy URL. kubectl v1.32.4 prints it without colours, on a terminal
 * too (checked with `script`), so no colour is added.
 *
 * upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go (Complete:
 * the -n flag or kube-system, not the context's namespace; Run: the link scheme guess and
 * utilnet.JoinSchemeNamePort, the kubernetes.io/name label as the shown name, the closing hint).
 */
import { listObjects, type ApiObject } from '../../src/index.ts';
import type { FlagSpec, ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { loadKubeconfig } from './kubeconfig-file.ts';
import type { Connect } from './kubectl-node.ts';
import type { KubectlVerbFactory } from './kubectl-verb.ts';

type Obj = Record<string, unknown>;

/** The server of the context kubectl uses (the kubeconfig's current or --context one). */
function serverOf(inv: Invocation, p: ParsedFlags): string {
  const loaded = loadKubeconfig(inv, p);
  if (!loaded.ok) return '';
  const c = loaded.config;
  const context = typeof p.values['context'] === 'string' ? p.values['context'] : c.currentContext;
  const cluster = c.contexts.find((x) => x.name === context)?.value['cluster'];
  const server = c.clusters.find((x) => x.name === cluster)?.value['server'];
  return typeof server === 'string' ? server : '';
}

function link(host: string, svc: ApiObject): string {
  const spec = (svc['spec'] ?? {}) as Obj;
  const ingress = ((((svc['status'] ?? {}) as Obj)['loadBalancer'] ?? {}) as Obj)['ingress'];
  const ports = Array.isArray(spec['ports']) ? (spec['ports'] as Obj[]) : [];
  if (Array.isArray(ingress) && ingress.length > 0) {
    const first = ingress[0] as Obj;
    const ip =
      typeof first['ip'] === 'string' && first['ip'] !== '' ? first['ip'] : first['hostname'];
    return ports.map((pt) => `http://${String(ip)}:${String(pt['port'])} `).join('');
  }
  let name = svc.metadata.name;
  const port = ports[0];
  if (port) {
    const portName = typeof port['name'] === 'string' ? port['name'] : '';
    const scheme = portName === 'https' || port['port'] === 443 ? 'https' : '';
    // utilnet.JoinSchemeNamePort: scheme:name:port, each part only when set.
    name =
      scheme !== ''
        ? `${scheme}:${name}:${portName}`
        : portName !== ''
          ? `${name}:${portName}`
          : name;
  }
  return `${host}/api/v1/namespaces/${svc.metadata.namespace ?? ''}/services/${name}/proxy`;
}

function clusterInfo(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const [sub] = p.positionals;
  if (sub === 'dump') {
    inv.io.err(
      'kubectl: this simulator does not implement cluster-info dump (use kubectl get, describe and logs on the objects you need)',
    );
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const host = serverOf(inv, p);
  const explicit = inv.args.some((a) => /^(-n|--namespace)(=|$)|^-n./.test(a));
  const namespace =
    explicit && typeof p.values['namespace'] === 'string' ? p.values['namespace'] : 'kube-system';
  const services = listObjects(inv.ctx.state, 'services', namespace).filter(
    (s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true',
  );
  const lines = [`Kubernetes control plane is running at ${host}`];
  for (const s of services)
    lines.push(
      `${s.metadata.labels?.['kubernetes.io/name'] || s.metadata.name} is running at ${link(host, s)}`,
    );
  inv.io.out(
    `${lines.join('\n')}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
  );
  return 0;
}

/** `kubectl cluster-info`. */
export const clusterInfoVerb: KubectlVerbFactory = (connect) => ({
  flags: [] as FlagSpec[],
  short: 'Display cluster information',
  run: (inv, p) => clusterInfo(inv, p, connect),
});
