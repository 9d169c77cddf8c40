import { describe, expect, it } from 'vitest';

import { createRig } from './helpers.ts';

const UP = '\x1b[A';
const DOWN = '\x1b[B';
const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';

describe('line discipline', () => {
  it('shows the prompt when started', async () => {
    const rig = createRig();

    const screen = await rig.screen();

    expect(screen).toEqual(['root@cp-1:~#']);
  });

  it('echoes typed text and runs the line on Enter', async () => {
    const rig = createRig();

    rig.discipline.input('echo hello');
    rig.discipline.input('\r');
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo hello']);
    expect(screen).toEqual(['root@cp-1:~# echo hello', 'hello', 'root@cp-1:~#']);
  });

  it('adds a line break after output that lacks one', async () => {
    const rig = createRig();

    rig.discipline.input('kubectl get nodes\r');
    const screen = await rig.screen();

    expect(screen.slice(1)).toEqual([
      'NAME   STATUS   ROLES           AGE   VERSION',
      'cp-1   Ready    control-plane   5m    v1.34.2',
      'root@cp-1:~#',
    ]);
  });

  it('asks for more lines with > while a compound command is open, then runs it whole', async () => {
    const rig = createRig();

    rig.discipline.input('for i in 1 2; do\r');
    rig.discipline.input('echo $i; done\r');
    const screen = await rig.screen();

    // The shell's parser (kubelife/input) knows the loop is open: nothing is sent until it closes.
    expect(rig.executed).toEqual(['for i in 1 2; do\necho $i; done']);
    expect(screen).toEqual([
      'root@cp-1:~# for i in 1 2; do',
      '> echo $i; done',
      'looped',
      'root@cp-1:~#',
    ]);
  });

  it('also asks for more lines when the engine answers that a command is incomplete', async () => {
    const rig = createRig();

    rig.discipline.input('begin\r');
    rig.discipline.input('end\r');
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['begin', 'begin\nend']);
    expect(screen).toEqual(['root@cp-1:~# begin', '> end', 'ended', 'root@cp-1:~#']);
  });

  it('deletes the character before the cursor on Backspace', async () => {
    const rig = createRig();

    rig.discipline.input('echo helloo\x7f\r');
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo hello']);
    expect(screen[0]).toBe('root@cp-1:~# echo hello');
  });

  it('inserts and deletes in the middle of the line after moving left and right', async () => {
    const rig = createRig();

    rig.discipline.input(`echo wrld${LEFT.repeat(3)}o${LEFT}${RIGHT}${RIGHT}\x7f\r`);
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo wold']);
    expect(screen[0]).toBe('root@cp-1:~# echo wold');
  });

  it('recalls earlier commands with Up and returns to the draft with Down', async () => {
    const rig = createRig();
    rig.discipline.input('echo one\recho two\r');

    rig.discipline.input(`draft${UP}${UP}`);
    const recalled = (await rig.screen()).at(-1);
    rig.discipline.input(`${DOWN}${DOWN}`);
    const back = (await rig.screen()).at(-1);

    expect(recalled).toBe('root@cp-1:~# echo one');
    expect(back).toBe('root@cp-1:~# draft');
  });

  it('prints ^C and a fresh prompt on Ctrl-C without running the line', async () => {
    const rig = createRig();

    rig.discipline.input('echo never\x03');
    const screen = await rig.screen();

    expect(rig.executed).toEqual([]);
    expect(screen).toEqual(['root@cp-1:~# echo never^C', 'root@cp-1:~#']);
  });

  it('clears the screen on Ctrl-L and keeps the line being typed', async () => {
    const rig = createRig();
    rig.discipline.input('echo a\recho b\r');

    rig.discipline.input('echo c\x0c');
    const screen = await rig.screen();

    expect(screen).toEqual(['root@cp-1:~# echo c']);
    expect(rig.cursor()).toEqual({ x: 'root@cp-1:~# echo c'.length, y: 0 });
  });

  it('clears the screen for a typed clear without running it on the cluster', async () => {
    const rig = createRig();
    rig.discipline.input('echo a\r');

    rig.discipline.input('clear\r');
    const screen = await rig.screen();

    expect(screen).toEqual(['root@cp-1:~#']);
    expect(rig.executed).toEqual(['echo a']);
  });

  it('runs each line of a multi-line paste in order', async () => {
    const rig = createRig();

    rig.discipline.input('echo first\r\necho second\necho third\n');
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo first', 'echo second', 'echo third']);
    expect(screen).toEqual([
      'root@cp-1:~# echo first',
      'first',
      'root@cp-1:~# echo second',
      'second',
      'root@cp-1:~# echo third',
      'third',
      'root@cp-1:~#',
    ]);
  });

  it('shows a > prompt after a trailing backslash and runs the joined command', async () => {
    const rig = createRig();

    rig.discipline.input('echo one \\\r  two\r');
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo one \\\n  two']);
    expect(screen).toEqual(['root@cp-1:~# echo one \\', '>   two', 'one two', 'root@cp-1:~#']);
  });

  it('types snippet commands exactly as if they were entered by hand', async () => {
    const rig = createRig();

    rig.discipline.type(['echo a \\\n  b', 'echo c']);
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo a \\\n  b', 'echo c']);
    expect(screen).toEqual([
      'root@cp-1:~# echo a \\',
      '>   b',
      'a b',
      'root@cp-1:~# echo c',
      'c',
      'root@cp-1:~#',
    ]);
  });

  it('switches to the prompt the command returns', async () => {
    const rig = createRig();

    rig.discipline.input('ssh worker-1\r');
    const screen = await rig.screen();

    expect(screen).toEqual(['root@cp-1:~# ssh worker-1', 'root@worker-1:~#']);
  });

  it('edits a line that wraps past the terminal width', async () => {
    const rig = createRig(20);

    rig.discipline.input(`echo abcdefghijkl${LEFT.repeat(12)}X\r`);
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo Xabcdefghijkl']);
    expect(screen.slice(0, 3)).toEqual(['root@cp-1:~# echo Xa', 'bcdefghijkl', 'Xabcdefghijkl']);
  });

  it('ignores Backspace at the start of the line', async () => {
    const rig = createRig();

    rig.discipline.input('\x7f\x7fecho ok\r');
    const screen = await rig.screen();

    expect(screen).toEqual(['root@cp-1:~# echo ok', 'ok', 'root@cp-1:~#']);
  });
});

describe('line discipline across a reset', () => {
  it('keeps keys typed while the next scenario loads and shows them after the new prompt', async () => {
    const rig = createRig();
    rig.discipline.input('echo lost');
    rig.discipline.reset();

    rig.discipline.input('echo kept');
    rig.discipline.start();
    rig.discipline.input('\r');
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo kept']);
    // (The rig's screen is not cleared by a reset, as the mounted terminal's is.)
    expect(screen.at(-3)).toMatch(/root@cp-1:~# echo kept$/);
    expect(screen.slice(-2)).toEqual(['kept', 'root@cp-1:~#']);
  });
});
