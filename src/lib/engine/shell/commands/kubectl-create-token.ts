/**
 * `kubectl create token SERVICEACCOUNT [--duration] [--audience]`: the TokenRequest answer, a
 * service account JWT (RS256 header with the key id, the claims the API server's token issuer
 * writes: aud, exp, iat, iss, jti, kubernetes.io, nbf, sub), valid for --duration (default one
 * hour). The signature is simulated: deterministic bytes derived from the claims and the
 * cluster's sa.pub, not an RSA signature with sa.key (the simulated API server checks no
 * tokens), so a real verifier rejects it.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/create/create_token.go ("failed to create
 * token: %v", the token printed alone), pkg/serviceaccount/claims.go (the private claims),
 * pkg/serviceaccount/jwt.go (keyIDFromPublicKey), cmd/kubeadm/app/phases/controlplane/manifests.go
 * (--service-account-issuer https://kubernetes.default.svc.cluster.local).
 */
import { findMachine, getObject, hash64, parseGoTimeDuration } from '../../src/index.ts';
import { list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { base64 } from '../materialize.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';

const ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** Flags of `create token`. */
export const TOKEN_FLAGS: FlagSpec[] = [
  { name: 'duration', type: 'string', usage: 'Requested lifetime of the issued token.' },
  { name: 'audience', type: 'strings', usage: 'Audience of the requested token.' },
  { name: 'bound-object-kind', type: 'string', usage: 'Kind of an object to bind the token to.' },
  { name: 'bound-object-name', type: 'string', usage: 'Name of an object to bind the token to.' },
  { name: 'bound-object-uid', type: 'string', usage: 'UID of an object to bind the token to.' },
];

const url = (text: string): string =>
  base64(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

function bytes(seed: string, n: number): string {
  let out = '';
  for (let i = 0; out.length < n; i++) {
    const h = hash64(`${seed}/${i}`);
    for (let j = 0; j + 1 < h.length && out.length < n; j += 2)
      out += String.fromCharCode(parseInt(h.slice(j, j + 2), 16));
  }
  return out;
}

/** The token's lifetime in seconds, or kubectl's flag error. */
export function tokenSeconds(p: ParsedFlags): number | { error: string } {
  const d = str(p, 'duration');
  if (d === undefined) return 3600;
  const r = parseGoTimeDuration(d);
  if (!r.ok)
    return {
      error: `error: invalid argument "${d}" for "--duration" flag: ${r.error}\nSee 'kubectl create token --help' for usage.`,
    };
  return Math.floor(r.ms / 1000);
}

/** `kubectl create token NAME`. */
export function createToken(
  inv: Invocation,
  p: ParsedFlags,
  args: readonly string[],
  connect: Connect,
): number {
  if (args.length !== 1) {
    inv.io.err(
      `error: exactly one NAME is required, got ${args.length}\nSee 'kubectl create token -h' for help and examples`,
    );
    return 1;
  }
  const seconds = tokenSeconds(p);
  if (typeof seconds === 'object') {
    inv.io.err(seconds.error);
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const name = args[0] ?? '';
  const ns = str(p, 'namespace') ?? 'default';
  const state = inv.ctx.state;
  const sa = getObject(state, 'serviceaccounts', ns, name);
  if (!sa) {
    inv.io.err(`error: failed to create token: serviceaccounts "${name}" not found`);
    return 1;
  }
  const cp = findMachine(state, inv.machine);
  const pub = cp?.files['/etc/kubernetes/pki/sa.pub'] ?? state.cluster?.version ?? '';
  const kid = url(bytes(`kid/${pub}`, 32));
  const iat = Math.floor(state.now / 1000);
  const audiences = list(p, 'audience');
  const jti = hash64(`${sa.metadata.uid}/${iat}/${state.cluster?.objects?.rv ?? 0}`);
  const claims = {
    aud: audiences.length > 0 ? audiences : [ISSUER],
    exp: iat + seconds,
    iat,
    iss: ISSUER,
    jti: `${jti.slice(0, 8)}-${jti.slice(8, 12)}-4${jti.slice(13, 16)}-a${jti.slice(1, 4)}-${hash64(jti).slice(0, 12)}`,
    'kubernetes.io': { namespace: ns, serviceaccount: { name, uid: sa.metadata.uid } },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${name}`,
  };
  const signing = `${url(JSON.stringify({ alg: 'RS256', kid }))}.${url(JSON.stringify(claims))}`;
  inv.io.out(`${signing}.${url(bytes(signing, 256))}`);
  return 0;
}
