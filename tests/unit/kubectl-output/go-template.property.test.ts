// Property: kubectl's go-template printer answers every template, however malformed, with its
// text or kubectl's error, never with an internal exception (issue 14: nothing crashes); and a
// template without actions prints itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderGoTemplate } from '../../../src/lib/engine/shell/go-template/render.ts';

const OBJECT = {
  apiVersion: 'v1',
  kind: 'List',
  items: [{ metadata: { name: 'a', labels: { x: 'y' } }, spec: { replicas: 2, ratio: 0.5 } }],
};

/** Fragments that make templates: delimiters, keywords, functions, fields, literals. */
const PIECES = [
  '{{',
  '}}',
  '{{-',
  '-}}',
  ' ',
  '.',
  '.items',
  '.metadata',
  '.name',
  '$',
  '$x',
  ':=',
  '=',
  '|',
  '(',
  ')',
  ',',
  'if',
  'else',
  'end',
  'range',
  'with',
  'break',
  'continue',
  'define',
  'template',
  'block',
  'index',
  'len',
  'printf',
  'print',
  'eq',
  'lt',
  'and',
  'or',
  'not',
  'slice',
  'exists',
  'base64decode',
  '"%d"',
  '"%v %s"',
  '"a\\n"',
  '`raw`',
  "'c'",
  '0',
  '1',
  '-2',
  '3.5',
  '1e9',
  'nil',
  'true',
  '/*',
  '*/',
  'x',
  '\n',
  'é',
];

describe('go-template printer robustness', () => {
  it('answers any sequence of template fragments with output or a kubectl error', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const r = renderGoTemplate(parts.join(''), OBJECT);
        if (r.ok) expect(typeof r.text).toBe('string');
        else expect(r.message).toMatch(/^(error (parsing|executing) template |kubelife stopped)/);
      }),
      { numRuns: 3000 },
    );
  });

  it('answers arbitrary text the same way', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (t) => {
        const r = renderGoTemplate(t, OBJECT);
        expect(r.ok || /^error (parsing|executing) template /.test(r.message)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops a runaway template with the message of the simulator instead of hanging', () => {
    for (const t of ['{{range 100000000}}x{{end}}', '{{range 100000000000}}{{end}}']) {
      const r = renderGoTemplate(t, OBJECT);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^kubelife stopped/);
    }
  });

  it('prints a template without actions as it is', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{{')),
        (t) => {
          expect(renderGoTemplate(t, OBJECT)).toEqual({ ok: true, text: t });
        },
      ),
    );
  });
});
