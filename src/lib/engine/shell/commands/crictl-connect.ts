/**
 * How crictl reaches the runtime (cri-tools cmd/crictl/main.go GetRuntimeService /
 * GetImageService, crictl_config.go): /etc/crictl.yaml or the -r/-i flags, else the deprecated
 * default endpoints tried in turn, each failure logged; logrus's terminal format for what it says.
 */
import { findMachine } from '../../src/index.ts';
import type { Invocation } from '../types.ts';
import { str, type ParsedFlags } from '../flags.ts';

/** main.go's defaultRuntimeEndpoints (dockershim dropped). */
const DEFAULT_ENDPOINTS = [
  'unix:///run/containerd/containerd.sock',
  'unix:///run/crio/crio.sock',
  'unix:///var/run/cri-dockerd.sock',
];
const CONTAINERD = DEFAULT_ENDPOINTS[0] ?? '';
/** logrus's TextFormatter on a terminal: level, seconds since start, the message, a space. */
export const log = (level: 'WARN' | 'ERRO' | 'FATA', message: string): string =>
  `${level}[0000] ${message.padEnd(44)} `;

/** The endpoint /etc/crictl.yaml sets for `key`, if it does. */
function configured(files: Readonly<Record<string, string>>, key: string): string | undefined {
  const m = new RegExp(`^${key}:\\s*(\\S+)`, 'm').exec(files['/etc/crictl.yaml'] ?? '');
  return m?.[1];
}

/**
 * Connects as crictl's GetRuntimeService and GetImageService do: the config file's warning when
 * /etc/crictl.yaml is missing, the deprecation warning for the default endpoints (each tried in
 * turn, a failure logged as an error), and the runtime's answer. Returns false when no endpoint
 * answers (the caller exits 1 after FATA).
 */
export function connect(inv: Invocation, g: ParsedFlags, image: boolean): boolean {
  const m = findMachine(inv.ctx.state, inv.machine);
  const files = m?.files ?? {};
  if (str(g, 'config') === undefined && files['/etc/crictl.yaml'] === undefined)
    inv.io.err(
      log('WARN', 'Config "/etc/crictl.yaml" does not exist, trying next: "/usr/bin/crictl.yaml"'),
    );
  const runtime = str(g, 'runtime-endpoint') ?? configured(files, 'runtime-endpoint');
  const up = m?.containerd.running === true;
  const fail = (endpoint: string): string => {
    const path = endpoint.replace(/^unix:\/\//, '');
    // A stopped containerd removed its socket (Go's UnixListener.Close unlinks it).
    return `validate service connection: validate CRI v1 runtime API for endpoint "${endpoint}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${path}: connect: no such file or directory"`;
  };
  if (runtime === undefined) {
    inv.io.err(
      log(
        'WARN',
        `runtime connect using default endpoints: [${DEFAULT_ENDPOINTS.join(' ')}]. As the default settings are now deprecated, you should set the endpoint instead.`,
      ),
    );
    if (!up) {
      const errors = DEFAULT_ENDPOINTS.map(fail);
      for (const e of errors) inv.io.err(log('ERRO', e));
      inv.io.err(log('FATA', errors.at(-1) ?? ''));
      return false;
    }
  } else if (!up || runtime.replace('/var/run/', '/run/') !== CONTAINERD) {
    inv.io.err(log('FATA', fail(runtime)));
    return false;
  }
  const imageEndpoint = str(g, 'image-endpoint') ?? configured(files, 'image-endpoint') ?? runtime;
  if (image && imageEndpoint === undefined)
    inv.io.err(
      log(
        'WARN',
        `Image connect using default endpoints: [${DEFAULT_ENDPOINTS.join(' ')}]. As the default settings are now deprecated, you should set the endpoint instead.`,
      ),
    );
  return true;
}
