/**
 * `kubectl replace -f` (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go, v1.33) and the
 * notice for real kubectl commands the simulator does not implement. Judged identical by the real
 * kubectl v1.33 in parity corpus/replace.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/lib/engine/shell/index.ts';

const CM = (name: string, value: string) =>
  `cat > cm.yaml <<'END'\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  mode: ${value}\nEND`;

describe('kubectl replace -f', () => {
  it('replaces the live object whole, keeping its identity', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create configmap settings --from-literal=mode=a --from-literal=old=x');
    const uid = (await s.run("kubectl get cm settings -o jsonpath='{.metadata.uid}'")).stdout;
    await s.run(CM('settings', 'b'));
    const r = await s.run('kubectl replace -f cm.yaml');
    const after = await s.run("kubectl get cm settings -o jsonpath='{.data} {.metadata.uid}'");

    expect(r.stdout).toBe('configmap/settings replaced\n');
    expect(after.stdout).toBe(`{"mode":"b"} ${uid}`);
  });

  it('refuses a missing object and, with --force, deletes then creates', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(CM('nope', 'b'));
    const missing = await s.run('kubectl replace -f cm.yaml');
    await s.run('kubectl create configmap nope --from-literal=mode=a');
    const forced = await s.run('kubectl replace --force -f cm.yaml');

    expect(missing.stderr).toBe(
      'Error from server (NotFound): error when replacing "cm.yaml": configmaps "nope" not found\n',
    );
    expect(forced.stdout).toBe('configmap "nope" deleted\nconfigmap/nope replaced\n');
  });
});

describe('real kubectl commands the simulator does not implement', () => {
  it('are named as real commands, not as unknown ones', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const pf = await s.run('kubectl port-forward svc/kube-dns 5353:53 -n kube-system');
    const bogus = await s.run('kubectl frobnicate');

    expect(pf.exitCode).toBe(1);
    expect(pf.stderr).toBe(
      'kubectl: "kubectl port-forward" (Forward one or more local ports to a pod) is a real kubectl command that this simulator does not implement; nothing was done\n',
    );
    expect(bogus.stderr).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });
});
