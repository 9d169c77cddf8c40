// The simulator's model of when a Job container's command ends (src/workloads/container-run.ts),
// with the kubelet's one-second relist as the shortest run (pkg/kubelet/pleg/generic.go).
import { describe, expect, it } from 'vitest';
import { containerExit } from '../../../src/lib/engine/src/workloads/container-run.ts';

describe('a Job container’s command', () => {
  it.each([
    [['echo', 'hi'], { seconds: 1, exitCode: 0 }],
    [['date'], { seconds: 1, exitCode: 0 }],
    [['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'], { seconds: 1, exitCode: 0 }],
    [['sleep', '30'], { seconds: 30, exitCode: 0 }],
    [['sleep', '2m'], { seconds: 120, exitCode: 0 }],
    [['false'], { seconds: 1, exitCode: 1 }],
    [['sh', '-c', 'echo start; sleep 5; exit 3'], { seconds: 5, exitCode: 3 }],
    [['/bin/sh', '-c', 'false || echo recovered'], { seconds: 1, exitCode: 0 }],
    [['sh', '-c', 'false && sleep 100'], { seconds: 1, exitCode: 1 }],
  ])('%j ends after its run with its exit code', (command, exit) => {
    const container = { name: 'c', image: 'busybox', command };

    const outcome = containerExit(container);

    expect(outcome).toEqual(exit);
  });

  it.each([
    [['sleep', 'infinity']],
    [['nginx', '-g', 'daemon off;']],
    [['sh', '-c', 'while true; do date; sleep 1; done']],
    [['sh', '-c', 'echo $HOME']],
  ])('%j is not guessed: it keeps running', (command) => {
    const container = { name: 'c', image: 'busybox', command };

    const outcome = containerExit(container);

    expect(outcome).toBeNull();
  });

  it('runs the image’s default command without one: busybox’s shell exits, nginx serves', () => {
    const busybox = { name: 'c', image: 'docker.io/library/busybox:1.36' };
    const nginx = { name: 'c', image: 'nginx:1.27' };

    expect(containerExit(busybox)).toEqual({ seconds: 1, exitCode: 0 });
    expect(containerExit(nginx)).toBeNull();
  });
});

describe('what a Job container prints', () => {
  it('writes echo, printf, date and hostname lines when its script reaches them', async () => {
    const { createSession } = await import('kubelife');
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(
      `kubectl create job hello --image=busybox -- sh -c 'echo Hello World; sleep 3; date; printf "%s=%s\\n" a 1'`,
    );

    const early = await s.run('kubectl logs job/hello');
    await s.run('sleep 5');
    const late = await s.run('kubectl logs job/hello');

    expect(early.output).toBe('Hello World\n');
    expect(late.output).toBe('Hello World\nWed Nov 25 09:03:07 UTC 2026\na=1\n');
  });
});
