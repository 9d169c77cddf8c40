/**
 * Checks a saved session (what `session.save()` returns: the envelope around a ClusterState)
 * before a session uses it. The envelope is checked here; the state by the core's schema beside
 * its types (src/model/state-schema.ts). A failure names the first bad field.
 */
import * as z from 'zod/mini';
import {
  clusterStateSchema,
  EngineError,
  firstIssue,
  isHostName,
  isKeyedMap,
  keyedEntries,
  releaseTrackMinors,
  scenarios,
  type ClusterState,
} from '../src/index.ts';
import type { SerializedState } from './session.ts';
import type { SavedShell } from './bash/saved.ts';

const envelopeSchema = z.strictObject({
  kind: z.literal('kubelife-session'),
  version: z.literal(1),
  scenario: z
    .string()
    .check(z.refine((name) => scenarios.some((s) => s.name === name), 'not a known scenario')),
  release: z.optional(
    z
      .string()
      .check(
        z.refine(
          (minor) => releaseTrackMinors().includes(minor),
          `not a release track (one of ${releaseTrackMinors().join(', ')})`,
        ),
      ),
  ),
  state: z.unknown(),
  machineStack: z
    .array(z.string().check(z.refine(isHostName, 'not a plain host name')))
    .check(z.minLength(1)),
  env: z.record(z.string(), z.string()),
  // The interpreter state beyond env (bash/saved.ts), written only when not a fresh shell's.
  shell: z.optional(
    z.strictObject({
      cwd: z.optional(z.string().check(z.refine((p) => p.startsWith('/'), 'not an absolute path'))),
      options: z.optional(z.array(z.string())),
      arrays: z.optional(
        z.record(
          z.string(),
          z.strictObject({
            assoc: z.boolean(),
            items: z.array(z.tuple([z.string(), z.string()])),
          }),
        ),
      ),
    }),
  ),
});

/**
 * The saved session `value` as a checked SerializedState.
 * @throws EngineError InvalidState naming the first bad field (e.g. `state.now: …`)
 */
export function parseSavedSession(value: unknown): SerializedState {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success)
    throw new EngineError('InvalidState', { reason: firstIssue(envelope.error) });
  // Machines are stored as a KeyedMap (model/keyed-map.ts) or, in older saves, a plain record;
  // both are checked as a record of machines, and the session rebuilds the map from that record
  // (a tampered map with entries in the wrong bucket or a wrong size is read by its entries).
  const raw = envelope.data.state;
  const stored =
    typeof raw === 'object' && raw !== null ? (raw as { machines?: unknown }).machines : undefined;
  const readable =
    isKeyedMap(stored) &&
    stored.buckets.every((b) => typeof b === 'object' && b !== null && !Array.isArray(b));
  const checked = readable
    ? { ...(raw as object), machines: Object.fromEntries(keyedEntries(stored)) }
    : raw;
  const state = clusterStateSchema.safeParse(checked);
  if (!state.success)
    throw new EngineError('InvalidState', { reason: firstIssue(state.error, ['state']) });
  const machines = state.data.machines;
  const missing = envelope.data.machineStack.findIndex((name) => machines[name] === undefined);
  if (missing >= 0)
    throw new EngineError('InvalidState', {
      reason: `machineStack.${missing}: no machine named "${envelope.data.machineStack[missing] ?? ''}"`,
    });
  const { release, shell, ...rest } = envelope.data;
  // zod's records leave out a key named __proto__; in bash it is a variable like any other.
  const rawEnv = (value as { env: Record<string, unknown> }).env;
  const env: Record<string, string> = {};
  for (const key of Object.keys(rawEnv)) {
    const v = rawEnv[key];
    if (typeof v !== 'string')
      throw new EngineError('InvalidState', { reason: `env.${key}: expected string` });
    Object.defineProperty(env, key, { value: v, enumerable: true, writable: true });
  }
  return {
    ...rest,
    env,
    ...(release === undefined ? {} : { release }),
    ...(shell === undefined ? {} : { shell: shell as SavedShell }),
    kind: 'kubelife-session',
    version: 1,
    state: checked as ClusterState,
  };
}
