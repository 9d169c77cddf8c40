// kubectl explain as kubectl v1.33 renders it from the served OpenAPI v3 documents.
// upstream: staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl (the layout),
// staging/src/k8s.io/kubectl/pkg/cmd/explain/explain.go (flags, usage errors, resolution),
// pkg/explain/explain.go (SplitAndParseResourceRequestWithMatchingPrefix). Expected texts were
// printed by the real kubectl v1.33.1 and v1.32.4 against `kubelife serve --api`; the parity
// corpus (scripts/lib/parity/corpus-explain.ts) keeps comparing them.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const run = async (line: string) => createSession({ scenario: 'workers-joined' }).run(line);

describe('kubectl explain', () => {
  it('prints the header, the field, its wrapped description and its fields with their enums', async () => {
    const r = await run('kubectl explain deployment.spec.strategy');

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: strategy <DeploymentStrategy>',
        '',
        '',
        'DESCRIPTION:',
        '    The deployment strategy to use to replace existing pods with new ones.',
        '    DeploymentStrategy describes how to replace existing pods with new ones.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    Rolling update config params. Present only if DeploymentStrategyType =',
        '    RollingUpdate.',
        '',
        '  type\t<string>',
        '  enum: Recreate, RollingUpdate',
        '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        '    RollingUpdate.',
        '    ',
        '    Possible enum values:',
        '     - `"Recreate"` Kill all existing pods before creating new ones.',
        '     - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling',
        '    update i.e gradually scale down the old ReplicaSets and scale up the new',
        '    one.',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('leaves GROUP out for the core group and marks required fields', async () => {
    const r = await run('kubectl explain pod.spec.containers');

    expect(
      r.stdout.startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: containers <[]Container>\n'),
    ).toBe(true);
    expect(r.stdout).toContain('\n  name\t<string> -required-\n');
    expect(r.stdout).toContain('\n  resources\t<ResourceRequirements>\n');
  });

  it('lists every value of a single enum field under ENUM:', async () => {
    const r = await run('kubectl explain pod.spec.restartPolicy');

    expect(r.stdout).toContain(
      'FIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n',
    );
  });

  it('names maps of quantities and int-or-strings by their schema', async () => {
    const limits = await run('kubectl explain pod.spec.containers.resources.limits');
    const port = await run('kubectl explain deploy.spec.strategy.rollingUpdate');

    expect(limits.stdout).toContain('FIELD: limits <map[string]Quantity>\n');
    expect(port.stdout).toContain('  maxSurge\t<IntOrString>\n');
  });

  it('prints only names and types with --recursive, and stops where a schema refers to itself', async () => {
    const svc = await run('kubectl explain svc --recursive');
    const crd = await run('kubectl explain crd.spec.versions.schema --recursive');

    expect(svc.stdout).toContain(
      '\n  spec\t<ServiceSpec>\n    allocateLoadBalancerNodePorts\t<boolean>\n',
    );
    expect(svc.stdout).toContain(
      '\n    type\t<string>\n    enum: ClusterIP, ExternalName, LoadBalancer, NodePort\n',
    );
    expect(crd.exitCode).toBe(0);
    expect(crd.stdout).toContain(
      '\n    allOf\t<[]JSONSchemaProps>\n    anyOf\t<[]JSONSchemaProps>\n',
    );
  });

  it('resolves resource.group, and otherwise reads every dotted part as a field', async () => {
    const grouped = await run('kubectl explain deployments.apps.spec.paused');
    const short = await run('kubectl explain deploy.apps.spec');

    expect(grouped.stdout).toContain('FIELD: paused <boolean>\n');
    expect(short.exitCode).toBe(1);
    expect(short.stdout).toBe('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n');
    expect(short.stderr).toBe('error: field "spec" does not exist\n');
  });

  it("answers kubectl's errors for a missing field, an unknown resource and bad usage", async () => {
    const field = await run('kubectl explain pod.spec.nope');
    const proto = await run('kubectl explain pod.__proto__');
    const resource = await run('kubectl explain Nope.spec');
    const none = await run('kubectl explain');
    const two = await run('kubectl explain pods extra');

    expect(field.stderr).toBe('error: field "nope" does not exist\n');
    expect(field.stdout).toBe('KIND:       Pod\nVERSION:    v1\n\n');
    expect(proto.stderr).toBe('error: field "__proto__" does not exist\n');
    expect(resource.stderr).toBe('the server doesn\'t have a resource type "Nope"\n');
    expect(none.stderr).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect(two.stderr).toBe('error: We accept only this format: explain RESOURCE\n');
    expect([field, proto, resource, none, two].map((r) => r.exitCode)).toEqual([1, 1, 1, 1, 1]);
  });

  it('looks the resource up in the --api-version given, and refuses an unknown format', async () => {
    const ok = await run('kubectl explain deploy --api-version=apps/v1');
    const missing = await run('kubectl explain deployments --api-version=apps/v2');
    const core = await run('kubectl explain deployments --api-version=v1');
    const format = await run('kubectl explain pods --output=yaml');

    expect(ok.stdout.startsWith('GROUP:      apps\nKIND:       Deployment\n')).toBe(true);
    expect(missing.stderr).toBe(
      'error: couldn\'t find resource for "apps/v2, Resource=deployments"\n',
    );
    expect(core.stderr).toBe(
      'error: GVR (/v1, Resource=deployments) not found in OpenAPI schema\n',
    );
    expect(format.stderr).toBe('error: unrecognized format: yaml\n');
  });

  // upstream: staging/src/k8s.io/apiextensions-apiserver/pkg/controller/openapi/builder/builder.go
  it("explains a custom resource from its CRD's schema, with the native fields the apiserver adds", async () => {
    const session = createSession({ scenario: 'workers-joined' });
    await session.run(
      [
        "kubectl apply -f - <<'EOF'",
        'apiVersion: apiextensions.k8s.io/v1',
        'kind: CustomResourceDefinition',
        'metadata: {name: crontabs.stable.example.com}',
        'spec:',
        '  group: stable.example.com',
        '  scope: Namespaced',
        '  names: {plural: crontabs, singular: crontab, kind: CronTab}',
        '  versions:',
        '  - name: v1',
        '    served: true',
        '    storage: true',
        '    schema:',
        '      openAPIV3Schema:',
        '        type: object',
        '        properties:',
        '          spec: {type: object, properties: {cronSpec: {type: string}}}',
        'EOF',
      ].join('\n'),
    );

    const r = await session.run('kubectl explain crontabs');
    const field = await session.run('kubectl explain crontab.spec.cronSpec');

    expect(r.stdout).toContain('GROUP:      stable.example.com\nKIND:       CronTab\n');
    expect(r.stdout).toContain("\n  metadata\t<ObjectMeta>\n    Standard object's metadata.");
    expect(r.stdout).toContain('\n  spec\t<Object>\n    <no description>\n');
    expect(field.stdout).toContain('FIELD: cronSpec <string>\n');
  });
});
