// upstream: staging/src/k8s.io/client-go/util/jsonpath/jsonpath_test.go and parser_test.go (v1.32):
// the templates and expected outputs below are that suite's cases over the same kind of data.
import { describe, expect, it } from 'vitest';
import { renderJsonpath } from '../../../src/lib/engine/shell/jsonpath/render.ts';

const nodes = {
  kind: 'List',
  items: [
    {
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: {
        capacity: { cpu: '4' },
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.1' },
          { type: 'InternalIP', address: '10.0.0.10' },
        ],
      },
    },
    {
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'InternalIP', address: '10.0.0.11' },
        ],
      },
    },
  ],
};

const store = {
  book: [
    { category: 'reference', author: 'Nigel Rees', title: 'Sayings of the Century', price: 8.95 },
    { category: 'fiction', author: 'Evelyn Waugh', title: 'Sword of Honour', price: 12.99 },
    { category: 'fiction', author: 'Herman Melville', title: 'Moby Dick', price: 8.99 },
  ],
  bicycle: [{ color: 'red', price: 19.95, IsNew: true }],
};

const out = (template: string, data: unknown = nodes): string => {
  const r = renderJsonpath(template, data);
  if (!r.ok) throw new Error(r.message);
  return r.text;
};

describe('jsonpath', () => {
  it.each([
    ['{.kind}', 'List'],
    ['{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
    ['{.items[0].metadata.name}', '127.0.0.1'],
    ['{.items[-1].metadata.name}', '127.0.0.2'],
    ['{.items[0:1].metadata.name}', '127.0.0.1'],
    ['{.items[0,1].status.capacity.cpu}', '4 8'],
    ['{.items[*].status.addresses[?(@.type=="InternalIP")].address}', '10.0.0.10 10.0.0.11'],
    [
      '{range .items[*]}{.metadata.name}{"\\t"}{.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}',
      '127.0.0.1\t10.0.0.10\n127.0.0.2\t10.0.0.11\n',
    ],
    ['{.items[*].metadata.labels.kubernetes\\.io/hostname}', '127.0.0.1 127.0.0.2'],
    ["{.items[0].metadata.labels['kubernetes\\.io/hostname']}", '127.0.0.1'],
    ['{..address}', '127.0.0.1 10.0.0.10 127.0.0.2 10.0.0.11'],
    ['{.items[0].metadata.labels}', '{"kubernetes.io/hostname":"127.0.0.1"}'],
    ['{.missing}', ''],
    ['hello {.kind} world', 'hello List world'],
  ])('prints %s', (template, expected) => {
    expect(out(template)).toBe(expected);
  });

  it.each([
    ['{.book[?(@.price<10.0)].title}', 'Sayings of the Century Moby Dick'],
    ['{.book[?(@.category=="fiction")].author}', 'Evelyn Waugh Herman Melville'],
    ['{.bicycle[?(@.IsNew==true)].color}', 'red'],
    ['{.book[?(@.price)].price}', '8.95 12.99 8.99'],
    ['{.book[1:].title}', 'Sword of Honour Moby Dick'],
    ['{range .book[*]}[{.author}]{end}', '[Nigel Rees][Evelyn Waugh][Herman Melville]'],
    ['{.book[*].price}', '8.95 12.99 8.99'],
  ])('evaluates %s over the store of the upstream tests', (template, expected) => {
    expect(out(template, store)).toBe(expected);
  });

  // Measured with kubectl v1.32 against kubelife serve --api.
  it('nests ranges and goes on after each end', () => {
    const template =
      '{range .items[*]}{.metadata.name}:{range .status.addresses[*]}[{.type}]{end};{end}done';

    expect(out(template)).toBe(
      '127.0.0.1:[LegacyHostIP][InternalIP];127.0.0.2:[LegacyHostIP][InternalIP];done',
    );
  });

  it('prints what follows an empty range', () => {
    expect(out('{range .items[?(@.metadata.name=="zz")]}x{end}after')).toBe('after');
  });

  it('skips items without the filtered field instead of failing', () => {
    expect(out('{.items[?(@.spec.unschedulable==true)].metadata.name}')).toBe('');
  });

  it.each([
    ['{.kind', 'error parsing jsonpath {.kind, unclosed action'],
    ['{.items[0}', 'error parsing jsonpath {.items[0}, unterminated array'],
    ['{.items[?(@.a=="x"}', 'error parsing jsonpath {.items[?(@.a=="x"}, unterminated filter'],
    ['{!}', "error parsing jsonpath {!}, unrecognized character in action: U+0021 '!'"],
    ['{.items[a]}', 'error parsing jsonpath {.items[a]}, invalid array index a'],
  ])('rejects %s with the parser error', (template, message) => {
    const r = renderJsonpath(template, nodes);

    expect(r).toEqual({ ok: false, message });
  });

  it('fails an index beyond the array with the executor error', () => {
    const r = renderJsonpath('{.items[5].metadata.name}', nodes);

    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(
      /^error executing jsonpath "\{\.items\[5\]\.metadata\.name\}": Error executing template: array index out of bounds: index 5, length 2\./,
    );
  });

  it('prints every result as indented JSON for jsonpath-as-json', () => {
    const r = renderJsonpath('{.items[*].metadata.name}', nodes, true);

    expect(r).toEqual({ ok: true, text: '[\n    "127.0.0.1",\n    "127.0.0.2"\n]\n' });
  });
});
