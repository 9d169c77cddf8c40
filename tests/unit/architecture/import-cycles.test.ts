// The engine core's modules form an acyclic graph where it matters: a scenario module never
// imports the index that lists it (the index imports the scenarios), so loading order cannot
// leave a binding undefined and each file can be read on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const core = resolve(import.meta.dirname, '../../../src/lib/engine/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Relative imports (type-only ones too: they tie the files together just the same). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'/gm)];
  return specifiers.map((m) => resolve(dirname(file), m[1] ?? ''));
}

/** Every cycle's files (strongly connected components of more than one file, Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (w === v) continue;
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(relative(core, w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return found;
}

describe('engine core imports', () => {
  it('finds a cycle when two files import each other, through a third', () => {
    const graph = new Map([
      [join(core, 'a.ts'), [join(core, 'b.ts')]],
      [join(core, 'b.ts'), [join(core, 'c.ts')]],
      [join(core, 'c.ts'), [join(core, 'a.ts')]],
      [join(core, 'd.ts'), [join(core, 'a.ts')]],
    ]);

    const found = cycles(graph);

    expect(found).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('has no import cycle through the scenario modules', () => {
    const graph = new Map(sourceFiles(core).map((f) => [f, importsOf(f)]));

    const throughScenarios = cycles(graph).filter((c) => c.some((f) => f.startsWith('scenarios/')));

    expect(throughScenarios).toEqual([]);
  });
});
