/**
 * kubectl's global flags (the persistent flags of the root command: kubeconfig, context,
 * namespace, …), accepted before the verb and after it, the way cobra parses persistent flags.
 * Flags placed before the verb are moved behind it; an unknown one there fails with kubectl's
 * plugin-handler wording.
 *
 * upstream: staging/src/k8s.io/cli-runtime/pkg/genericclioptions/config_flags.go (AddFlags),
 * staging/src/k8s.io/kubectl/pkg/cmd/cmd.go (NewDefaultKubectlCommandWithArgs: "flags cannot be
 * placed before plugin name"), k8s.io/client-go/tools/clientcmd (context not found).
 */
import type { FlagSpec } from '../flags.ts';

const s = (name: string, usage: string, short?: string): FlagSpec =>
  short === undefined ? { name, type: 'string', usage } : { name, short, type: 'string', usage };

/** The root command's persistent flags that the simulator reads or accepts. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  s('kubeconfig', 'Path to the kubeconfig file to use for CLI requests.'),
  s('context', 'The name of the kubeconfig context to use'),
  s('cluster', 'The name of the kubeconfig cluster to use'),
  s('user', 'The name of the kubeconfig user to use'),
  s('namespace', 'If present, the namespace scope for this CLI request', 'n'),
  s('server', 'The address and port of the Kubernetes API server', 's'),
  s('request-timeout', 'The length of time to wait before giving up on a single server request.'),
  s('as', 'Username to impersonate for the operation.'),
  { name: 'as-group', type: 'strings', usage: 'Group to impersonate for the operation.' },
  s('token', 'Bearer token for authentication to the API server'),
  s('certificate-authority', 'Path to a cert file for the certificate authority'),
  s('client-certificate', 'Path to a client certificate file for TLS'),
  s('client-key', 'Path to a client key file for TLS'),
  s('tls-server-name', 'Server name to use for server certificate validation.'),
  s('cache-dir', 'Default cache directory'),
  s('v', 'number for the log level verbosity', 'v'),
  {
    name: 'insecure-skip-tls-verify',
    type: 'bool',
    usage: "If true, the server's certificate will not be checked for validity.",
  },
  {
    name: 'warnings-as-errors',
    type: 'bool',
    usage: 'Treat warnings received from the server as errors.',
  },
  {
    name: 'match-server-version',
    type: 'bool',
    usage: 'Require server version to match client version',
  },
  { name: 'disable-compression', type: 'bool', usage: 'If true, opt-out of response compression.' },
];

/** `specs` plus every global flag they do not declare themselves. */
export function withGlobals(specs: readonly FlagSpec[]): FlagSpec[] {
  const names = new Set(specs.map((f) => f.name));
  const shorts = new Set(specs.map((f) => f.short).filter((x) => x !== undefined));
  return [
    ...specs,
    ...GLOBAL_FLAGS.filter(
      (g) => !names.has(g.name) && (g.short === undefined || !shorts.has(g.short)),
    ),
  ];
}

/** The line with the verb first, or kubectl's error for what stands before it. */
export type Hoisted = { ok: true; args: string[] } | { ok: false; message: string };

function globalFor(arg: string): { spec: FlagSpec; inline: boolean } | null {
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = GLOBAL_FLAGS.find((f) => f.name === name);
    return spec ? { spec, inline: eq >= 0 } : null;
  }
  const spec = GLOBAL_FLAGS.find((f) => f.short === arg[1]);
  return spec ? { spec, inline: arg.length > 2 } : null;
}

/**
 * Moves the global flags written before the verb (`kubectl -n kube-system get pods`) behind it,
 * so the verb's parser reads them like any other of its flags.
 */
export function hoistGlobals(args: readonly string[]): Hoisted {
  const before: string[] = [];
  let i = 0;
  while (i < args.length) {
    const a = args[i] ?? '';
    if (!a.startsWith('-') || a === '-' || a === '--') break;
    if (a === '-h' || a === '--help') return { ok: true, args: [a, ...args.slice(i + 1)] };
    const g = globalFor(a);
    if (g === null)
      return { ok: false, message: `Error: flags cannot be placed before plugin name: ${a}` };
    before.push(a);
    if (g.spec.type !== 'bool' && !g.inline) {
      const value = args[i + 1];
      if (value === undefined) {
        const flag = a.startsWith('--') ? a : `'${a[1] ?? ''}' in ${a}`;
        return {
          ok: false,
          message: `Error: flag needs an argument: ${flag}\nSee 'kubectl --help' for usage.`,
        };
      }
      before.push(value);
      i++;
    }
    i++;
  }
  if (before.length === 0) return { ok: true, args: [...args] };
  const verb = args[i];
  if (verb === undefined) return { ok: true, args: before };
  return { ok: true, args: [verb, ...before, ...args.slice(i + 1)] };
}
