/**
 * `kubeadm token create|delete` (cmd/kubeadm/app/cmd/token.go).
 */
import type { ClusterState } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text, type EngineEvent } from '../events.ts';
import { createRng } from '../random.ts';
import { newToken } from './tokens.ts';
import { formatJoinCommandOneLine } from './join-command.ts';
import { noClusterError } from './no-cluster.ts';
import { findMachine } from '../state/machines.ts';

/** `kubeadm token create [--ttl D] [--print-join-command] [--certificate-key K]`. */
export function applyTokenCreate(
  state: ClusterState,
  machine: string,
  ttlMs: number | undefined,
  printJoinCommand: boolean,
  certificateKey: string | undefined,
): Transition {
  const c = state.cluster;
  const m = findMachine(state, machine);
  if (!c || !m || m.files['/etc/kubernetes/admin.conf'] === undefined)
    return fail(noClusterError());
  const rng = createRng(state.rng);
  const token = newToken(rng, state.now, ttlMs ?? 24 * 3600_000, '');
  const value = `${token.id}.${token.secret}`;
  const events: EngineEvent[] = [];
  if (printJoinCommand) {
    events.push(
      text(
        formatJoinCommandOneLine({
          endpoint: c.endpoint,
          token: value,
          caHash: c.caHash,
          controlPlane: certificateKey !== undefined,
          certificateKey: certificateKey ?? null,
        }),
      ),
    );
  } else {
    events.push(text(value));
  }
  return ok({ ...state, rng: rng.state, cluster: { ...c, tokens: [...c.tokens, token] } }, events);
}

/** `kubeadm token delete ID…`. */
export function applyTokenDelete(state: ClusterState, ids: readonly string[]): Transition {
  const c = state.cluster;
  if (!c) return fail(noClusterError());
  const events: EngineEvent[] = [];
  let tokens = c.tokens;
  for (const raw of ids) {
    const id = raw.split('.')[0] ?? raw;
    if (!tokens.some((t) => t.id === id)) {
      return fail(
        new EngineError('Kubeadm', {
          message: `failed to delete bootstrap token with id "${id}": secrets "bootstrap-token-${id}" not found`,
        }),
        events,
      );
    }
    tokens = tokens.filter((t) => t.id !== id);
    events.push(text(`bootstrap token "${id}" deleted`));
  }
  return ok({ ...state, cluster: { ...c, tokens } }, events);
}
