// kubectl logs over the simulated control plane: klog lines of real transcripts with the Pod's
// start time, its image's version and its static Pod manifest's flags; kubectl's own checks.
// upstream: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go, polymorphichelpers/logsforobject.go,
// pkg/kubelet/kubelet_pods.go (previous terminated container … not found).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('kubectl logs', () => {
  it("prints the scheduler's startup with its version and the bind address of its manifest", async () => {
    const session = createSession({ scenario: 'workers-joined', release: 'v1.37' });

    const r = await session.run('kubectl logs -n kube-system kube-scheduler-cp-1');

    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^I1125 09:00:\d\d\.\d{6} {7}1 serving\.go:386\] Generated self-signed cert in-memory$/,
    );
    expect(r.stdout).toContain('"Starting Kubernetes Scheduler" version="v1.37.1"');
    expect(r.stdout).toContain('Serving securely on 127.0.0.1:10259');
  });

  it('keeps the last lines with --tail and says the API server advertises its address', async () => {
    const session = createSession({ scenario: 'workers-joined' });

    const r = await session.run('kubectl logs -n kube-system kube-apiserver-cp-1 --tail=3');

    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(r.stdout).toContain('external host was not specified, using 10.0.0.11');
  });

  it.each([
    [
      'kubectl logs',
      /^error: expected 'logs \[-f\] \[-p\] \(POD \| TYPE\/NAME\) \[-c CONTAINER\]'\./,
    ],
    [
      'kubectl logs -n kube-system kube-scheduler-cp-1 -c nope',
      /^error: container nope is not valid for pod kube-scheduler-cp-1\n$/,
    ],
    [
      'kubectl logs -n kube-system kube-scheduler-cp-1 -p',
      /^Error from server \(BadRequest\): previous terminated container "kube-scheduler" in pod "kube-scheduler-cp-1" not found\n$/,
    ],
    [
      'kubectl logs nope',
      /^error: error from server \(NotFound\): pods "nope" not found in namespace "default"\n$/,
    ],
  ])('fails `%s` as kubectl does', async (line, message) => {
    const session = createSession({ scenario: 'workers-joined' });

    const r = await session.run(line);

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  it('says which logs it does not simulate rather than print an empty log', async () => {
    const session = createSession({ scenario: 'workers-joined' });

    const r = await session.run('kubectl logs -n kube-system etcd-cp-1');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('is not simulated');
  });
});
