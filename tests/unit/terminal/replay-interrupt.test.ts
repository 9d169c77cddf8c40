import { describe, expect, it } from 'vitest';

import { createRig } from './helpers.ts';

describe('stopping a replay', () => {
  it('drops the queued commands on Ctrl-C and prints ^C after the running one', async () => {
    const rig = createRig();

    rig.discipline.type(['echo one', 'echo two', 'echo three']);
    rig.discipline.input('\x03');
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo one']);
    expect(screen).toEqual(['root@cp-1:~# echo one', 'one', '^C', 'root@cp-1:~#']);
  });

  it('stops the same way through interrupt(), as the Stop button does', async () => {
    const rig = createRig();

    rig.discipline.type(['echo one', 'echo two']);
    rig.discipline.interrupt();
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo one']);
    expect(screen.at(-1)).toBe('root@cp-1:~#');
  });

  it('still treats Ctrl-C at an idle prompt as killing the line', async () => {
    const rig = createRig();

    rig.discipline.input('echo half');
    rig.discipline.input('\x03');
    rig.discipline.input('echo next\r');
    const screen = await rig.screen();

    expect(rig.executed).toEqual(['echo next']);
    expect(screen.slice(0, 2)).toEqual(['root@cp-1:~# echo half^C', 'root@cp-1:~# echo next']);
  });
});

describe('here-documents', () => {
  it('keeps reading lines up to the delimiter and runs the heredoc as one command', async () => {
    const rig = createRig();

    rig.discipline.type(["cat <<'EOF' > /root/a.yaml\nkind: A\nEOF", 'echo after']);
    const screen = await rig.screen();

    expect(rig.executed).toEqual(["cat <<'EOF' > /root/a.yaml\nkind: A\nEOF", 'echo after']);
    expect(screen.slice(0, 3)).toEqual([
      "root@cp-1:~# cat <<'EOF' > /root/a.yaml",
      '> kind: A',
      '> EOF',
    ]);
  });

  it('does not treat << inside quotes as a heredoc', async () => {
    const rig = createRig();

    rig.discipline.type(["echo '<<EOF'"]);
    await rig.screen();

    expect(rig.executed).toEqual(["echo '<<EOF'"]);
  });
});
