import { describe, expect, it } from 'vitest';

import { colourOutput, colourPrompt, stripColour } from 'kubelife/shell';

describe('terminal colours where the real tools colour', () => {
  it("colours the prompt like Ubuntu's bashrc: green user@host, blue directory", () => {
    const coloured = colourPrompt('root@cp-1:~# ');

    expect(coloured).toBe('\x1b[01;32mroot@cp-1\x1b[00m:\x1b[01;34m~\x1b[00m# ');
    expect(stripColour(coloured)).toBe('root@cp-1:~# ');
  });

  it("colours kubectl's Warning: prefix bold yellow as client-go's warning writer does", () => {
    // upstream: staging/src/k8s.io/client-go/rest/warnings.go (yellowColor "\u001b[33;1m")
    const out = colourOutput('Warning: v1 Endpoints is deprecated\nNAME\n');

    expect(out).toBe('\x1b[33;1mWarning:\x1b[0m v1 Endpoints is deprecated\nNAME\n');
  });

  it('leaves other output alone, kubeadm preflight warnings included (kubeadm prints them plain)', () => {
    const text = '\t[WARNING Swap]: swap is supported for cgroup v2 only\nerror: x\n';

    expect(colourOutput(text)).toBe(text);
  });
});
