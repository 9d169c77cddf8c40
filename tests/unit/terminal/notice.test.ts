import { describe, expect, it } from 'vitest';

import { createRig } from './helpers.ts';

const LEFT = '\x1b[D';

describe('line discipline notices', () => {
  it('prints a notice above a half-typed line and keeps the line and cursor', async () => {
    const rig = createRig();
    rig.discipline.input(`echo abc${LEFT}`);

    rig.discipline.notice('kubelife: switched backend');
    rig.discipline.input('X\r');
    const screen = await rig.screen();

    expect(screen).toEqual([
      'kubelife: switched backend',
      'root@cp-1:~# echo abXc',
      'abXc',
      'root@cp-1:~#',
    ]);
    expect(rig.executed).toEqual(['echo abXc']);
  });

  it('redraws a wrapped input line below the notice', async () => {
    const rig = createRig(20);
    rig.discipline.input('echo 0123456789');

    rig.discipline.notice('note');
    const screen = await rig.screen();

    expect(screen).toEqual(['note', 'root@cp-1:~# echo 01', '23456789']);
    expect(rig.cursor()).toEqual({ x: 8, y: 2 });
  });

  it('prints a notice as its own line under the prompt of an empty line', async () => {
    const rig = createRig();

    rig.discipline.notice('first\nsecond');
    const screen = await rig.screen();

    expect(screen).toEqual(['first', 'second', 'root@cp-1:~#']);
    expect(rig.cursor()).toEqual({ x: 13, y: 2 });
  });
});
