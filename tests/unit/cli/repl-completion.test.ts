import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife/shell';

import { completerFor } from '../../../src/lib/engine/cli/repl.ts';

describe('the REPL’s Tab completion', () => {
  it('gives readline the engine’s completions and the word they replace', () => {
    const complete = completerFor(createSession({ scenario: 'workers-joined' }));

    expect(complete('kubectl get nodes w')).toEqual([['worker-1', 'worker-2'], 'w']);
  });

  it('ends a single choice with a space, and a directory with its slash only', () => {
    const complete = completerFor(createSession({ scenario: 'workers-joined' }));

    expect(complete('kubeadm ver')).toEqual([['version '], 'ver']);
    expect(complete('ls /etc/kube')).toEqual([['/etc/kubernetes/'], '/etc/kube']);
  });
});
