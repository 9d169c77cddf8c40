/**
 * `kubectl exec (POD | pod/NAME) [-c CONTAINER] [-n NS] [-i] [-t] -- COMMAND [args...]` for the
 * commands the simulated containers hold: `etcdctl` and `etcdutl` in the etcd Pod (its image
 * ships them; the Pod runs on the host network with the node's /etc/kubernetes/pki/etcd and
 * /var/lib/etcd mounted, so they run as on the node), and in flannel's Pod (an Alpine image with
 * a shell) `cat` of the files its volumes put there (the kube-flannel-cfg ConfigMap at
 * /etc/kube-flannel, the host's /run/flannel) and `sh -c 'cat FILE'`. Any other program is not in
 * the image: the control-plane, CoreDNS and etcd images are distroless (no shell, no cat).
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (the usage errors, checked against
 * the real kubectl v1.33; "command terminated with exit code N" from
 * client-go/util/exec.CodeExitError), containerd's exec failure for a missing program (the
 * wording of containerd 1.7/2.x with runc: "OCI runtime exec failed: exec failed: unable to
 * start container process: exec: …: executable file not found in $PATH: unknown"; the exec id
 * is derived from the simulated clock, not random).
 */
import {
  findMachine,
  getObject,
  isUserPod,
  readStoredObject,
  type ApiObject,
} from '../../src/index.ts';
import { str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { etcdctl, etcdutl } from './etcdctl.ts';

type Obj = Record<string, unknown>;

/** The flags of `kubectl exec` the simulator reads. */
export const EXEC_FLAGS: FlagSpec[] = [
  {
    name: 'container',
    short: 'c',
    type: 'string',
    usage:
      'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
  },
  { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container' },
  { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY' },
  {
    name: 'quiet',
    short: 'q',
    type: 'bool',
    usage: 'Only print output from the remote session',
  },
];

const names = (list: unknown): string[] =>
  ((list as Obj[] | undefined) ?? []).map((c) => String(c['name']));

/** A 64-hex exec id, derived from the simulated time and the command (stable per run). */
function execId(now: number, command: readonly string[]): string {
  let h = now >>> 0;
  let out = '';
  const text = command.join(' ');
  for (let i = 0; out.length < 64; i++) {
    h = Math.imul(h ^ (text.charCodeAt(i % Math.max(text.length, 1)) || 0), 2654435761) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** A file as the flannel container sees it, or undefined. */
function flannelFile(inv: Invocation, pod: ApiObject, path: string): string | undefined {
  if (path === '/etc/kube-flannel/net-conf.json') {
    const cm = getObject(inv.ctx.state, 'configmaps', 'kube-flannel', 'kube-flannel-cfg');
    return (cm?.['data'] as Record<string, string> | undefined)?.['net-conf.json'];
  }
  return path.startsWith('/run/flannel/')
    ? findMachine(inv.ctx.state, nodeOf(pod))?.files[path]
    : undefined;
}

const nodeOf = (pod: ApiObject): string => {
  const n = (pod['spec'] as Obj | undefined)?.['nodeName'];
  return typeof n === 'string' ? n : '';
};

/**
 * Runs `command` in the container: its exit code (output written), `missing` when the image
 * has no such program, `unsupported` when it has one the simulator does not run.
 */
async function runIn(
  inv: Invocation,
  pod: ApiObject,
  container: string,
  command: readonly string[],
): Promise<number | 'missing' | 'unsupported' | 'unknown'> {
  const [program = '', ...args] = command;
  // A reader's image: what its filesystem holds is not modelled (busybox has ls, scratch none).
  const stored = readStoredObject(
    inv.ctx.state.cluster?.objects,
    'pods',
    pod.metadata.namespace ?? 'default',
    pod.metadata.name,
  );
  if (stored && isUserPod(stored)) return 'unknown';
  const base = program.replace(/^.*\//, '');
  if (container === 'etcd' && (base === 'etcdctl' || base === 'etcdutl')) {
    const module = base === 'etcdctl' ? etcdctl : etcdutl;
    return module.run({ ...inv, name: base, args, machine: nodeOf(pod) });
  }
  if (container !== 'kube-flannel') return 'missing';
  const files = base === 'cat' ? args : base === 'sh' && args[0] === '-c' ? catOf(args[1]) : null;
  if (files === null) return base === 'sh' || base === 'cat' ? 'unsupported' : 'missing';
  let code = 0;
  // flanneld writes /run/flannel/subnet.env on a real node; the simulated node has none.
  if (files.some((f) => f.startsWith('/run/flannel/') && flannelFile(inv, pod, f) === undefined))
    return 'unsupported';
  for (const f of files) {
    const content = flannelFile(inv, pod, f);
    if (content === undefined) {
      inv.io.err(`cat: can't open '${f}': No such file or directory`);
      code = 1;
    } else inv.io.out(content.replace(/\n$/, ''));
  }
  return code;
}

/** The files of `cat FILE…` inside `sh -c`, or null for any other script. */
function catOf(script: string | undefined): string[] | null {
  const words = (script ?? '').trim().split(/\s+/);
  return words[0] === 'cat' && words.length > 1 ? words.slice(1) : null;
}

/** `kubectl exec`. */
export async function execCommand(
  inv: Invocation,
  p: ParsedFlags,
  connect: (inv: Invocation, p: ParsedFlags) => boolean,
): Promise<number> {
  const dash = inv.args.indexOf('--');
  const before =
    dash < 0
      ? p.positionals
      : p.positionals.slice(0, p.positionals.length - (inv.args.length - dash - 1));
  const command = dash < 0 ? [] : inv.args.slice(dash + 1);
  if (before.length === 0) {
    inv.io.err('error: pod, type/name or --filename must be specified');
    return 1;
  }
  if (dash < 0 && before.length > 1) {
    inv.io.err(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    );
    return 1;
  }
  if (command.length === 0) {
    inv.io.err('error: you must specify at least one command for the container');
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const target = before[0] ?? '';
  const name = /^(pods?|po)\/(.+)$/.exec(target)?.[2] ?? target;
  const pod = getObject(inv.ctx.state, 'pods', str(p, 'namespace') ?? 'default', name);
  if (!pod) {
    inv.io.err(`Error from server (NotFound): pods "${name}" not found`);
    return 1;
  }
  const containers = names((pod['spec'] as Obj | undefined)?.['containers']);
  const container = str(p, 'container') ?? containers[0] ?? '';
  if (!containers.includes(container)) {
    inv.io.err(`error: unable to upgrade connection: container not found ("${container}")`);
    return 1;
  }
  const code = await runIn(inv, pod, container, command);
  if (code === 'unsupported') {
    inv.io.err(
      `kubelife: the simulated ${container} container runs only \`cat FILE\` (also as \`sh -c 'cat FILE'\`) of /etc/kube-flannel/net-conf.json and the files the node has under /run/flannel`,
    );
    return 1;
  }
  if (code === 'unknown') {
    const image = (
      ((pod['spec'] as Obj | undefined)?.['containers'] as Obj[] | undefined) ?? []
    ).find((c) => c['name'] === container)?.['image'];
    inv.io.err(
      `kubelife: the files and programs of image ${JSON.stringify(image ?? '')} are not simulated, so \`${command.join(' ')}\` did not run in container "${container}" (kubectl exec runs etcdctl and etcdutl in the etcd Pod and cat in flannel's)`,
    );
    return 1;
  }
  if (code === 'missing') {
    inv.io.err(
      `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId(inv.ctx.state.now, command)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0] ?? ''}": executable file not found in $PATH: unknown`,
    );
    return 1;
  }
  if (code !== 0) inv.io.err(`command terminated with exit code ${code}`);
  return code;
}

/** The `kubectl exec` verb. */
export function execVerb(connect: (inv: Invocation, p: ParsedFlags) => boolean) {
  return {
    flags: EXEC_FLAGS,
    short: 'Execute a command in a container',
    run: (inv: Invocation, p: ParsedFlags) => execCommand(inv, p, connect),
  };
}
