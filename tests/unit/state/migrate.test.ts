// Saved states keep loading after state.machines became a keyed map: a state saved with machines
// as a plain record (the shape before) is migrated, anything unreadable is refused clearly.
import { describe, expect, it } from 'vitest';
import {
  createSession,
  isKeyedMap,
  keyedToRecord,
  machineNames,
  migrateState,
  type SerializedState,
} from 'kubelife';

/** A session's save as the engine wrote it before machines were keyed. */
async function oldShapeSave(): Promise<SerializedState> {
  const s = createSession({ scenario: 'packages-installed' });
  await s.run('ssh worker-1');
  const saved = JSON.parse(JSON.stringify(s.save())) as SerializedState;
  return {
    ...saved,
    state: { ...saved.state, machines: keyedToRecord(saved.state.machines) as never },
  };
}

describe('saved-state migration', () => {
  it('loads a state whose machines are a plain record and keeps working on it', async () => {
    const saved = await oldShapeSave();

    const session = createSession({ state: saved });
    const host = await session.run('hostname');
    const version = await session.run('kubeadm version -o short');

    expect(host.stdout).toBe('worker-1\n');
    expect(version.exitCode).toBe(0);
    expect(isKeyedMap(session.save().state.machines)).toBe(true);
    expect(machineNames(session.save().state)).toEqual(['cp-1', 'worker-1', 'worker-2']);
  });

  it('leaves a current state as it is', () => {
    const saved = createSession({ scenario: 'bare-machines' }).save();

    const migrated = migrateState(JSON.parse(JSON.stringify(saved.state)));

    expect(migrated).toEqual(saved.state);
  });

  it('refuses a state without readable machines with a clear message', async () => {
    const saved = await oldShapeSave();
    const broken = { ...saved, state: { ...saved.state, machines: 'cp-1' as never } };

    // The saved-state schema (model/state-schema.ts) names the field as well.
    expect(() => createSession({ state: broken })).toThrow(
      'invalid saved state: state.machines: the state has no readable machines',
    );
    expect(() => migrateState([])).toThrow('invalid saved state: the state is not an object');
    expect(() => migrateState({ machines: {} })).toThrow('no clock or random seed');
  });
});
