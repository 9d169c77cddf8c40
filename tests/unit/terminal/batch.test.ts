import { describe, expect, it } from 'vitest';

import type { BatchControl } from '../../../src/lib/terminal/line-discipline.ts';
import { createRig } from './helpers.ts';

/** A batch runner that "runs" each command elsewhere and shows it with a canned output. */
function showAll(entries: ReadonlyArray<readonly [string, string, string?]>) {
  return async (control: BatchControl): Promise<void> => {
    for (const [command, output, prompt] of entries) {
      if (control.stopped()) return;
      await Promise.resolve();
      control.show({ command, output, prompt });
    }
  };
}

describe('a batched replay', () => {
  it('shows each command at its prompt with its output, heredoc lines after "> "', async () => {
    const rig = createRig();

    await rig.discipline.batch(
      showAll([
        ['echo one', 'one\n'],
        ["cat <<'EOF' > /root/a\nkind: A\nEOF", ''],
        ['ssh worker-1', '', 'root@worker-1:~# '],
      ]),
    );
    const screen = await rig.screen();

    expect(rig.executed).toEqual([]);
    expect(screen).toEqual([
      'root@cp-1:~# echo one',
      'one',
      "root@cp-1:~# cat <<'EOF' > /root/a",
      '> kind: A',
      '> EOF',
      'root@cp-1:~# ssh worker-1',
      'root@worker-1:~#',
    ]);
  });

  it('keeps the commands in history for the Up arrow', async () => {
    const rig = createRig();

    await rig.discipline.batch(
      showAll([
        ['echo one', 'one\n'],
        ['echo two', 'two\n'],
      ]),
    );
    rig.discipline.input('\x1b[A\x1b[A\r');
    await rig.screen();

    expect(rig.executed).toEqual(['echo one']);
  });

  it('holds what the reader types meanwhile and runs it after the batch', async () => {
    const rig = createRig();

    const done = rig.discipline.batch(showAll([['echo one', 'one\n']]));
    rig.discipline.input('echo typed\r');
    await done;
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo typed']);
    expect(screen.slice(0, 4)).toEqual([
      'root@cp-1:~# echo one',
      'one',
      'root@cp-1:~# echo typed',
      'typed',
    ]);
  });

  it('stops at Ctrl-C between two commands and prints ^C and a fresh prompt', async () => {
    const rig = createRig();
    let shown = 0;

    const done = rig.discipline.batch(async (control) => {
      for (const command of ['echo one', 'echo two', 'echo three']) {
        if (control.stopped()) return;
        control.show({ command, output: `${command.slice(5)}\n` });
        shown++;
        if (shown === 1) rig.discipline.input('\x03');
        await Promise.resolve();
      }
    });
    await done;
    const screen = await rig.screen();

    expect(shown).toBe(1);
    expect(screen).toEqual(['root@cp-1:~# echo one', 'one', 'root@cp-1:~# ^C', 'root@cp-1:~#']);
  });

  it('puts a half-typed line back at the prompt after the batch', async () => {
    const rig = createRig();
    rig.discipline.input('kubectl get');

    await rig.discipline.batch(showAll([['echo one', 'one\n']]));
    const screen = await rig.screen();

    expect(screen).toEqual(['root@cp-1:~# echo one', 'one', 'root@cp-1:~# kubectl get']);
  });
});
