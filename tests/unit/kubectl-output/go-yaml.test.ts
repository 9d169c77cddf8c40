// `kubectl -o yaml` goes through sigs.k8s.io/yaml, i.e. go-yaml v2: its key order, scalar styles
// and folding at 80 columns. The *.real.yaml files are what the real kubectl v1.32.4 printed for
// the JSON beside them (`kubectl annotate --local -f FILE z=1 -o yaml`, no server involved).
// upstream: gopkg.in/yaml.v2 emitterc.go, encode.go, resolve.go, sorter.go.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyLess, marshalGoYaml } from '../../../src/lib/engine/shell/go-yaml/marshal.ts';

const dir = join(import.meta.dirname, 'go-yaml');

function marshalAnnotated(name: string): string {
  const o = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as {
    metadata: Record<string, unknown>;
  };
  o.metadata['annotations'] = { z: '1' };
  return marshalGoYaml(o as Parameters<typeof marshalGoYaml>[0]);
}

describe('go-yaml v2 marshalling as kubectl -o yaml prints it', () => {
  it.each(['scalars', 'structures'])('prints %s exactly as the real kubectl did', (name) => {
    const expected = readFileSync(join(dir, `${name}.real.yaml`), 'utf8');

    const printed = marshalAnnotated(name);

    expect(printed).toBe(expected);
  });

  it('orders digit runs by value and puts non-letters before letters', () => {
    const keys = ['item10', 'Zed', 'item9', '_x', 'a'];

    const sorted = [...keys].sort((a, b) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));

    expect(sorted).toEqual(['_x', 'Zed', 'a', 'item9', 'item10']);
  });
});
