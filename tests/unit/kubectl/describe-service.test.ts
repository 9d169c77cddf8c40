// upstream (v1.32): staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeService,
// formatEndpointSlices: the ready endpoints of the port as ip:port; labels.FormatLabels gives
// `<none>` for an empty selector). Checked with the real kubectl v1.33 against serve --api.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('kubectl describe service', () => {
  it('shows the ready Pods behind the port on the Endpoints line', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl expose deployment web --port=80 --target-port=8080');

    const r = await s.run('kubectl describe svc web');

    const lines = r.stdout.split('\n');
    expect(lines).toContain('Port:                     <unset>  80/TCP');
    expect(lines).toContain('TargetPort:               8080/TCP');
    expect(lines.find((l) => l.startsWith('Endpoints:'))).toMatch(
      /^Endpoints: +10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080$/,
    );
  });

  it('prints <none> for the selector of the kubernetes Service and NotFound for a missing one', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const own = await s.run('kubectl describe svc kubernetes');
    const missing = await s.run('kubectl describe svc nope');

    expect(own.stdout).toContain('\nSelector:                 <none>\n');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toBe('Error from server (NotFound): services "nope" not found\n');
  });
});
