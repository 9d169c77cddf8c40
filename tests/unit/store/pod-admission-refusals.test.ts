// The default admission plugins refuse a Pod they cannot admit, with the Forbidden Status of
// admission.NewForbidden: plugin/pkg/admission/serviceaccount/admission.go (getServiceAccount's
// NotFound) and plugin/pkg/admission/priority/admission.go (resolvePriorityClass, the integer
// priority check).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const pod = (name: string, spec: string): string =>
  `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}\n  containers:\n  - name: app\n    image: busybox:1.36\nEOF`;

describe('admission refusals', () => {
  it('refuses a Pod whose ServiceAccount does not exist', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run(pod('robot', '  serviceAccountName: build-robot'));

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "robot" is forbidden: error looking up service account default/build-robot: serviceaccount "build-robot" not found\n',
    );
  });

  it('admits it once the ServiceAccount exists, with that account’s token', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create serviceaccount build-robot');

    const r = await s.run(pod('robot', '  serviceAccountName: build-robot'));
    const sa = await s.run("kubectl get pod robot -o jsonpath='{.spec.serviceAccount}'");

    expect(r.exitCode).toBe(0);
    expect(sa.stdout.trim()).toBe('build-robot');
  });

  it('refuses a PriorityClass that does not exist and a priority the class does not give', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const unknown = await s.run(pod('urgent', '  priorityClassName: urgent'));
    const own = await s.run(pod('sneaky', '  priority: 1000'));

    expect(unknown.stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "urgent" is forbidden: no PriorityClass with name urgent was found\n',
    );
    expect(own.stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "sneaky" is forbidden: the integer value of priority (1000) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name\n',
    );
  });

  it('leaves a ReplicaSet without Pods and with one FailedCreate Warning until the ServiceAccount exists (controller_utils.go)', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await s.run(
      `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"serviceAccountName":"robot"}}}}'`,
    );

    const events = await s.run('kubectl get events --field-selector reason=FailedCreate -o json');
    await s.run('kubectl create serviceaccount robot');
    const accounts = await s.run(
      "kubectl get pods -o jsonpath='{.items[*].spec.serviceAccountName}'",
    );

    const items = (JSON.parse(events.stdout) as { items: { message: string; type: string }[] })
      .items;
    expect(items).toHaveLength(1);
    expect(items[0]?.type).toBe('Warning');
    expect(items[0]?.message).toMatch(
      /^Error creating: pods "web-[a-z0-9]+-" is forbidden: error looking up service account default\/robot: serviceaccount "robot" not found$/,
    );
    expect(accounts.stdout.trim()).toBe('robot robot');
  });
});
