// upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/events/events.go (namespaces, --for,
// --types, "No events found", sort.Sort by event time), events/event_printer.go (columns,
// LAST SEEN); golang/go src/sort/zsortinterface.go (pdqsort: the order of ties). The parity corpus
// compares these lines with the real kubectl (ages masked: kubectl computes them from the host clock).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { goSort } from '../../../src/lib/engine/shell/go-sort.ts';

const run = async (line: string, scenario = 'workers-joined') =>
  createSession({ scenario }).run(line);

describe('kubectl events', () => {
  it('lists the namespace events oldest first with Kind/name objects', async () => {
    const r = await run('kubectl events -n kube-system');

    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(lines[1]).toMatch(
      /^\S+\s+Normal\s+Scheduled\s+Pod\/kube-proxy-\w+\s+Successfully assigned/,
    );
  });

  it('adds the NAMESPACE column with -A', async () => {
    const r = await run('kubectl events -A');

    expect(r.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE/);
  });

  it('says so on stderr when a namespace has no events', async () => {
    const r = await run('kubectl events -n nope');

    expect(r).toMatchObject({
      exitCode: 0,
      stdout: '',
      stderr: 'No events found in nope namespace.\n',
    });
  });

  it.each([
    ['kubectl events --types=Error', 'error: valid --types are Normal or Warning\n'],
    ['kubectl events --for cp-1', 'error: --for must be in resource/name form\n'],
    ['kubectl events --for widgets/x', 'the server doesn\'t have a resource type "widgets"\n'],
  ])('rejects %s as kubectl does', async (line, stderr) => {
    const r = await run(line);

    expect(r).toMatchObject({ exitCode: 1, stderr });
  });
});

describe("Go's sort.Sort", () => {
  it('sorts like pdqsort, which does not keep the order of equal elements', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ key: i % 3, id: i }));

    const sorted = goSort(items, (a, b) => a.key < b.key);

    expect(sorted.map((x) => x.key)).toEqual([...items].map((x) => x.key).sort());
    expect(sorted.filter((x) => x.key === 0).map((x) => x.id)).not.toEqual(
      items.filter((x) => x.key === 0).map((x) => x.id),
    );
  });

  it('keeps short lists in insertion-sort order (stable up to 12 elements)', () => {
    const items = [3, 1, 2, 1, 3].map((key, id) => ({ key, id }));

    const sorted = goSort(items, (a, b) => a.key < b.key);

    expect(sorted.map((x) => x.id)).toEqual([1, 3, 2, 0, 4]);
  });
});
