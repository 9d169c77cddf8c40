/**
 * How the host backend reaches a guide's machines: the ssh command is only constructed here,
 * never run (no remote hosts in tests).
 */
import { describe, expect, it } from 'vitest';
import { BASH_ARGS, parseMachineSpec, shellCommand } from 'kubelife/cli';
import { machineSwitch } from 'kubelife/doctest';

describe('--machine targets', () => {
  it('runs a local machine with a bash that reads no profile', () => {
    const { name, target } = parseMachineSpec('cp-1=local');

    expect(name).toBe('cp-1');
    expect(shellCommand(target)).toEqual(['bash', '--noprofile', '--norc']);
  });

  it('builds a non-interactive ssh command with user and port', () => {
    const { target } = parseMachineSpec('cp-1=ssh://root@10.0.0.11:2222');

    expect(shellCommand(target)).toEqual([
      'ssh',
      '-T',
      '-o',
      'BatchMode=yes',
      '-p',
      '2222',
      '--',
      'root@10.0.0.11',
      BASH_ARGS.join(' '),
    ]);
  });

  it('leaves user and port to the ssh configuration when not given', () => {
    const { target } = parseMachineSpec('worker-1=ssh://worker-1.lab');

    expect(shellCommand(target)).toEqual([
      'ssh',
      '-T',
      '-o',
      'BatchMode=yes',
      '--',
      'worker-1.lab',
      'bash --noprofile --norc',
    ]);
  });

  it('accepts a bracketed IPv6 address', () => {
    const { target } = parseMachineSpec('cp-2=ssh://root@[fd00::12]');

    expect(target).toEqual({ kind: 'ssh', host: 'fd00::12', user: 'root' });
  });

  it.each([
    ['cp-1', 'NAME=local'],
    ['=local', 'NAME=local'],
    ['cp-1=http://10.0.0.11', 'neither local nor ssh'],
    ['cp-1=ssh://root@10.0.0.11:70000', 'out of range'],
    ['cp-1=ssh://root@host;rm -rf /', 'neither local nor ssh'],
  ])('rejects %s with a clear message', (spec, message) => {
    expect(() => parseMachineSpec(spec)).toThrow(message);
  });
});

describe('machine switches in guides', () => {
  it.each([
    ['ssh worker-1', { kind: 'ssh', machine: 'worker-1' }],
    ['ssh root@cp-2', { kind: 'ssh', machine: 'cp-2', user: 'root' }],
    ['ssh -t cp-3', { kind: 'ssh', machine: 'cp-3' }],
    ['exit', { kind: 'exit' }],
  ])('reads "%s" as a switch', (line, expected) => {
    expect(machineSwitch(line)).toEqual(expected);
  });

  it.each(['ssh cp-2 hostname', 'sshd -t', 'exit 1', 'echo ssh cp-1'])(
    'reads "%s" as an ordinary command',
    (line) => {
      expect(machineSwitch(line)).toBeUndefined();
    },
  );
});
