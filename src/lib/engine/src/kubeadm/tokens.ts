/**
 * Bootstrap tokens (`[a-z0-9]{6}.[a-z0-9]{16}`), created by init and `kubeadm token create`.
 */
import type { BootstrapToken } from '../model/state.ts';
import { TOKEN_ALPHABET, type Rng } from '../random.ts';

/** Default extra group of tokens kubeadm creates for joining nodes. */
export const DEFAULT_TOKEN_GROUP = 'system:bootstrappers:kubeadm:default-node-token';

/** Creates a token valid for `ttlMs` from `now` (0 = never expires). */
export function newToken(
  rng: Rng,
  now: number,
  ttlMs: number,
  description: string,
): BootstrapToken {
  return {
    id: rng.pick(TOKEN_ALPHABET, 6),
    secret: rng.pick(TOKEN_ALPHABET, 16),
    expires: ttlMs === 0 ? null : now + ttlMs,
    description,
    usages: ['authentication', 'signing'],
    groups: [DEFAULT_TOKEN_GROUP],
  };
}

/** True when the token is usable at `now`. */
export function tokenValid(t: BootstrapToken, now: number): boolean {
  return t.expires === null || t.expires > now;
}

/** The bootstrap token format kubeadm validates against. */
export const TOKEN_PATTERN = /^([a-z0-9]{6})\.([a-z0-9]{16})$/;
