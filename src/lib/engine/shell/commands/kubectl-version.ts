/**
 * `kubectl version`: the client's version (the kubectl package on the machine), Kustomize's,
 * and the API server's, as text or `-o json|yaml`; the client/server skew warning on stderr.
 *
 * upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/version/version.go (Validate: "--output
 * must be 'yaml' or 'json'", json.MarshalIndent with two spaces, sigs.k8s.io/yaml,
 * printVersionSkewWarning: supported skew +/-1 minor).
 */
import { buildInfo, findMachine, isVersion, parseVersion, versionInfo } from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { renderYaml } from './kubectl-print.ts';
import type { KubectlVerbFactory } from './kubectl-verb.ts';

const FLAGS: FlagSpec[] = [
  {
    name: 'client',
    type: 'bool',
    usage: 'If true, shows client version only (no server required).',
  },
  { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
];

/**
 * kubectl's skew warning, printed on stderr after the versions. kubectl up to v1.33 prints
 * "WARNING:", v1.36 prints "Warning:" (both seen in real output; the exact release of the change
 * in between is unverified, so 1.34 and later use the new form).
 */
function skewWarning(client: string, server: string): string | null {
  if (!isVersion(client) || !isVersion(server)) return null;
  const c = parseVersion(client);
  const s = parseVersion(server);
  if (c.major !== s.major || Math.abs(c.minor - s.minor) <= 1) return null;
  const label = c.minor >= 34 ? 'Warning' : 'WARNING';
  return `${label}: version difference between client (${c.major}.${c.minor}) and server (${s.major}.${s.minor}) exceeds the supported minor version skew of +/-1`;
}

const clientMinor = (v: string): number => (isVersion(v) ? parseVersion(v).minor : 99);

function version(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const output = str(p, 'output') ?? '';
  if (output !== '' && output !== 'json' && output !== 'yaml') {
    inv.io.err("error: --output must be 'yaml' or 'json'");
    return 1;
  }
  const client = `v${findMachine(inv.ctx.state, inv.machine)?.packages.kubectl?.version ?? ''}`;
  const kustomize = buildInfo(client).kustomizeVersion;
  const clientOnly = bool(p, 'client');
  // Text: the client's lines come before the server is asked (and before its error).
  if (output === '') inv.io.out(`Client Version: ${client}\nKustomize Version: ${kustomize}`);
  const up = clientOnly || connect(inv, p);
  const server = inv.ctx.state.cluster?.version ?? '';
  const info = {
    clientVersion: versionInfo(client, false),
    kustomizeVersion: kustomize,
    // A kubectl before v1.33 has no emulation fields in its version.Info and drops them.
    ...(!clientOnly && up ? { serverVersion: versionInfo(server, clientMinor(client) >= 33) } : {}),
  };
  if (output === 'json') inv.io.out(JSON.stringify(info, null, 2));
  else if (output === 'yaml') inv.io.out(`${renderYaml(info)}\n`);
  else if (!clientOnly && up) inv.io.out(`Server Version: ${server}`);
  if (!up) return 1;
  const skew = clientOnly ? null : skewWarning(client, server);
  if (skew) inv.io.err(skew);
  return 0;
}

/** `kubectl version`. */
export const versionVerb: KubectlVerbFactory = (connect) => ({
  flags: FLAGS,
  short: 'Print the client and server version information',
  run: (inv, p) => version(inv, p, connect),
});
