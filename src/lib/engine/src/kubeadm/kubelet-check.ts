/**
 * The `[kubelet-check]` wait kubeadm init and join share (cmd/kubeadm/app/util/apiclient/wait.go,
 * WaitForKubelet): poll http://127.0.0.1:10248/healthz for up to 4m0s.
 */
import { EngineError } from '../errors.ts';
import { log, type EngineEvent } from '../events.ts';
import type { Rng } from '../random.ts';
import { goDuration } from './join-command.ts';

/** What the wait printed, how long it took (simulated), and the error when the kubelet never came up. */
export interface KubeletCheck {
  readonly events: EngineEvent[];
  readonly waitedMs: number;
  readonly failure: EngineError | null;
}

/** Runs the wait for a kubelet that is (or is not) able to start. Draws from `rng` like kubeadm's timing jitter. */
export function waitForKubelet(healthy: boolean, rng: Rng): KubeletCheck {
  if (!healthy) {
    return {
      events: [
        log(
          'kubelet-check',
          `The kubelet is not healthy after ${goDuration(240_000_000_000 + rng.int(1_000_000))}`,
        ),
      ],
      waitedMs: 4 * 60 * 1000,
      failure: new EngineError('Kubeadm', {
        message:
          'failed while waiting for the kubelet to start: The HTTP call equal to \'curl -sSL http://127.0.0.1:10248/healthz\' returned error: Get "http://127.0.0.1:10248/healthz": context deadline exceeded',
      }),
    };
  }
  const ns =
    rng.next() < 0.5 ? 500_000_000 + rng.int(3_000_000) : 1_000_000_000 + rng.int(3_000_000);
  return {
    events: [log('kubelet-check', `The kubelet is healthy after ${goDuration(ns)}`)],
    waitedMs: 0,
    failure: null,
  };
}
