// kubectl's go-template printer (shell/go-template), judged by the real kubectl: every case in
// the fixture was recorded from kubectl v1.33 (`kubectl create deployment web … --dry-run=client
// -o go-template=TEMPLATE`, see the fixture's note), covering Go's text/template (fields, missing
// keys, pipelines, variables, if/with/range/else, break/continue, define/template/block, every
// builtin, fmt verbs and Go's %v of maps, ints and floats) and kubectl's exists/base64decode,
// including the exact parse and execution errors with their positions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderGoTemplate } from '../../../src/lib/engine/shell/go-template/render.ts';
import { parseOutput } from '../../../src/lib/engine/shell/commands/kubectl-print.ts';
import { createSession } from 'kubelife';

interface Case {
  template: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/go-template-kubectl-1.33.json', import.meta.url), 'utf8'),
) as { object: unknown; cases: Case[] };

const mask = (s: string): string => s.replace(/raw data was:\n\t\t.*\n/, 'raw data was: …\n');

describe('kubectl go-template printer', () => {
  it.each(fixture.cases.map((c) => [c.template, c] as const))(
    'prints %j as kubectl v1.33 does',
    (_t, c) => {
      const r = renderGoTemplate(c.template, fixture.object);
      expect(r.ok ? r.text : mask(r.stdout)).toBe(c.stdout);
      expect(r.ok ? '' : `error: ${r.message}\n`).toBe(c.stderr);
      expect(r.ok ? 0 : 1).toBe(c.exitCode);
    },
  );

  it('prints the object JSON kubectl sends the engine, keys sorted, in the debugging dump', () => {
    const r = renderGoTemplate('{{.a.b.c}}', { a: { b: 'x<y' }, n: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.stdout).toContain('raw data was:\n\t\t{"a":{"b":"x\\u003cy"},"n":1}\n');
  });

  it('reads -o go-template, template, the -file formats and --template like print_flags.go', () => {
    const files: Record<string, string> = { '/root/t.tmpl': '{{.kind}}' };
    const src = (template?: string) => ({
      ...(template !== undefined ? { template } : {}),
      readFile: (p: string) => files[p] ?? null,
    });
    expect(parseOutput('go-template={{.a}}', 'v1.37.1')).toEqual({
      kind: 'go-template',
      template: '{{.a}}',
    });
    expect(parseOutput('template={{.a}}', 'v1.37.1')).toEqual({
      kind: 'go-template',
      template: '{{.a}}',
    });
    expect(parseOutput(undefined, 'v1.37.1', src('{{.b}}'))).toEqual({
      kind: 'go-template',
      template: '{{.b}}',
    });
    expect(parseOutput('go-template', 'v1.37.1', src())).toEqual({
      kind: 'error',
      message: 'error: template format specified but no template given',
    });
    expect(parseOutput('go-template-file=/root/t.tmpl', 'v1.37.1', src())).toEqual({
      kind: 'go-template',
      template: '{{.kind}}',
    });
    expect(parseOutput('jsonpath', 'v1.37.1', src('{.kind}'))).toEqual({
      kind: 'jsonpath',
      template: '{.kind}',
      asJson: false,
    });
    expect(parseOutput('templatefile=/nope', 'v1.37.1', src())).toEqual({
      kind: 'error',
      message: 'error: error reading --template /nope, open /nope: no such file or directory',
    });
  });

  it('answers kubectl get -o go-template in the terminal, numbers as int64 like the real printer', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const r = await s.run(
      `kubectl -n kube-system get pods -l component=etcd -o go-template='{{range .items}}{{.metadata.name}} {{.spec.priority}}{{"\\n"}}{{end}}'`,
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('etcd-cp-1 2000001000\n');
    const f = await s.run(
      `kubectl get node cp-1 -o go-template='{{.nope.x}}' --allow-missing-template-keys=false`,
    );
    expect(f.exitCode).toBe(1);
    expect(f.stderr).toContain(
      'error: error executing template "{{.nope.x}}": template: output:1:7: executing "output" at <.nope.x>: map has no entry for key "nope"',
    );
  });
});
