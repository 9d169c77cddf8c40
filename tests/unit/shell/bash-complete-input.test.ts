import { describe, expect, it } from 'vitest';

import { createProtocolHandler, isCompleteInput } from 'kubelife/shell';

describe('whether input is a whole command yet', () => {
  it.each([
    ['for h in cp-1 cp-2; do', false],
    ['for h in cp-1 cp-2; do\n  echo $h\ndone', true],
    ['if true; then', false],
    ["echo 'open", false],
    ['cat <<EOF | sudo tee /etc/modules-load.d/k8s.conf\noverlay', false],
    ['cat <<EOF | sudo tee /etc/modules-load.d/k8s.conf\noverlay\nEOF', true],
    ['kubectl get nodes |', false],
    ['true &&', false],
    ['echo one \\', false],
    ['echo done', true],
    ['fi', true],
  ])('%j is complete: %s', (input, complete) => {
    expect(isCompleteInput(input)).toBe(complete);
  });

  it('answers an incomplete run request with incomplete and runs nothing', async () => {
    const handler = createProtocolHandler();
    await handler.handle({ id: 1, type: 'load', scenario: '' });

    const open = await handler.handle({ id: 2, type: 'run', line: 'for i in 1 2; do' });
    const whole = await handler.handle({
      id: 3,
      type: 'run',
      line: 'for i in 1 2; do\necho $i; done',
    });

    expect(open).toMatchObject({ type: 'ran', incomplete: true, output: '' });
    expect(whole).toMatchObject({ type: 'ran', output: '1\n2\n', exitCode: 0 });
    expect(whole).not.toHaveProperty('incomplete');
  });
});
