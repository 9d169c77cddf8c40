import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife/shell';

import { tabAction } from '../../../src/lib/terminal/tab-completion.ts';
import { createRig } from './helpers.ts';

/** A rig whose Tab asks a real engine session of `workers-joined`, as the worker does. */
function rigWithEngine(cols = 80) {
  const session = createSession({ scenario: 'workers-joined' });
  return createRig(cols, (line) => Promise.resolve(session.complete(line)));
}

describe('Tab in the terminal', () => {
  it('completes a unique word and adds a space', async () => {
    const rig = rigWithEngine();

    rig.discipline.input('kubectl get no\t');
    const screen = await rig.screen();

    expect(screen).toEqual(['root@cp-1:~# kubectl get nodes']);
    expect(rig.cursor().x).toBe('root@cp-1:~# kubectl get nodes '.length);
  });

  it('completes a directory with a slash and no space, then a file inside it', async () => {
    const rig = rigWithEngine();

    rig.discipline.input('cat /etc/kuber\tadm\t\r');
    await rig.screen();

    expect(rig.executed).toEqual(['cat /etc/kubernetes/admin.conf ']);
  });

  it('extends to the common prefix, then lists the choices on a second Tab', async () => {
    const rig = rigWithEngine();

    rig.discipline.input('kubectl get nodes w\t');
    expect(await rig.screen()).toEqual(['root@cp-1:~# kubectl get nodes worker-']);
    rig.discipline.input('\t');
    expect(await rig.screen()).toEqual(['root@cp-1:~# kubectl get nodes worker-']);
    rig.discipline.input('\t');

    expect(await rig.screen()).toEqual([
      'root@cp-1:~# kubectl get nodes worker-',
      'worker-1  worker-2',
      'root@cp-1:~# kubectl get nodes worker-',
    ]);
  });

  it('keeps keys typed while the completion is on its way, in order', async () => {
    const rig = rigWithEngine();

    rig.discipline.input('kubeadm ver\t-o short\r');
    await rig.screen();

    expect(rig.executed).toEqual(['kubeadm version -o short']);
  });

  it('completes the word at the cursor, leaving the rest of the line in place', async () => {
    const rig = rigWithEngine();

    rig.discipline.input(
      'kubeadm ver -o short\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\t\r',
    );
    await rig.screen();

    expect(rig.executed).toEqual(['kubeadm version  -o short']);
  });

  it('does nothing without a completer (no stray space)', async () => {
    const rig = createRig();

    rig.discipline.input('echo a\tb\r');
    await rig.screen();

    expect(rig.executed).toEqual(['echo ab']);
  });
});

describe('tabAction', () => {
  it('lists choices in as many columns as fit, only on the second Tab', () => {
    const words = ['worker-1', 'worker-2', 'worker-3'];

    expect(tabAction('worker-', words, 1, 24)).toBeUndefined();
    expect(tabAction('worker-', words, 2, 24)).toEqual({
      list: 'worker-1  worker-2\r\nworker-3',
    });
  });

  it('ignores candidates that do not extend the typed word', () => {
    expect(tabAction('kube', ['kubeadm', 'crictl'], 1, 80)).toEqual({ insert: 'adm ' });
  });
});
