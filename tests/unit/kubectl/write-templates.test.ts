/**
 * Template printers on kubectl's writing verbs and `-o custom-columns-file`
 * (staging/src/k8s.io/kubectl/pkg/cmd/util/printing.go PrintFlagsWithDryRunStrategy: json, yaml,
 * name and the template printers, no table printers; kubectl/pkg/cmd/get/customcolumn_flags.go
 * and customcolumn.go NewCustomColumnsPrinterFromTemplate, v1.33). Judged identical by the real
 * kubectl v1.33 in the parity case corpus/output.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/lib/engine/shell/index.ts';

describe('kubectl writing verbs with -o jsonpath / go-template', () => {
  it('print the written object through the template, and refuse table formats', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const created = await s.run(
      "kubectl create deployment web --image=nginx -o jsonpath='{.metadata.name}'",
    );
    const templ = await s.run("kubectl create cm c --from-literal=a=b --template='{{.data.a}}'");
    const wide = await s.run('kubectl create ns x -o wide');
    const badPath = await s.run("kubectl create ns y -o 'jsonpath={.a'");

    expect(created.stdout).toBe('web\n');
    expect(templ.stdout).toBe('b\n');
    expect(wide.exitCode).toBe(1);
    expect(wide.stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,(kyaml,)?name,template,templatefile,yaml\n$/,
    );
    expect(badPath.exitCode).toBe(1);
    expect((await s.run('kubectl get ns y')).exitCode).toBe(1);
  });

  it('kubectl scale prints the object as it was read, before the new replica count', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx');
    const r = await s.run(
      "kubectl scale deployment web --replicas=3 -o jsonpath='{.spec.replicas}'",
    );
    const now = await s.run("kubectl get deploy web -o jsonpath='{.spec.replicas}'");

    expect(r.stdout).toBe('1\n');
    expect(now.stdout).toBe('3\n');
  });
});

describe('kubectl get -o custom-columns-file', () => {
  it('reads headers from the first line and field specs from the second, always printing headers', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(
      "printf 'NAME  VERSION\\n.metadata.name {.status.nodeInfo.kubeletVersion}\\n' > cols.txt",
    );
    const r = await s.run('kubectl get nodes -o custom-columns-file=cols.txt --no-headers');

    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+VERSION$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['cp-1', 'worker-1', 'worker-2']);
  });

  it('explains a missing file, a missing spec line and uneven columns', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run("echo 'A B' > short.txt; printf 'A B\\n.a\\n' > uneven.txt");

    expect((await s.run('kubectl get nodes -o custom-columns-file=nope.txt')).stderr).toBe(
      'error: error reading template nope.txt, open nope.txt: no such file or directory\n',
    );
    expect((await s.run('kubectl get nodes -o custom-columns-file=short.txt')).stderr).toBe(
      'error: invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.\n',
    );
    expect((await s.run('kubectl get nodes -o custom-columns-file=uneven.txt')).stderr).toBe(
      "error: number of headers (2) and field specifications (1) don't match\n",
    );
  });
});
