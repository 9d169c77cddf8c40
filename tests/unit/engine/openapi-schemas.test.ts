// The generated schema data (scripts/generate-openapi.ts, from kubernetes-models@4.5.0 =
// Kubernetes v1.33.0's spec): the facts kubectl explain prints come through intact.
// upstream: api/openapi-spec/v3/api__v1_openapi.json (io.k8s.api.core.v1.ContainerPort),
// apimachinery intstr.go / quantity.go OpenAPIV3OneOfTypes.
import { describe, expect, it } from 'vitest';
import { loadOpenApiSchemas, schemaClosure, schemaNameOf } from 'kubelife';

describe('the OpenAPI v3 schema data', () => {
  it('keeps integer formats, enum values and required lists of the upstream spec', async () => {
    const s = await loadOpenApiSchemas();
    const port = s['io.k8s.api.core.v1.ContainerPort'] as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };

    expect(port.properties['containerPort']).toMatchObject({ type: 'integer', format: 'int32' });
    expect(port.properties['protocol']?.['enum']).toEqual(['SCTP', 'TCP', 'UDP']);
    expect(port.required).toEqual(['containerPort']);
  });

  it("keeps a description's text as upstream wrote it, asterisks included", async () => {
    const s = await loadOpenApiSchemas();
    const webhook = s['io.k8s.api.admissionregistration.v1.MutatingWebhook'] as {
      properties: Record<string, { description: string }>;
    };

    expect(webhook.properties['reinvocationPolicy']?.description).toContain(
      'Webhooks that specify this option *must* be idempotent',
    );
  });

  it('gives IntOrString and Quantity their oneOf form, with no type', async () => {
    const s = await loadOpenApiSchemas();

    expect(s['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({
      format: 'int-or-string',
      oneOf: [{ type: 'integer' }, { type: 'string' }],
    });
    expect(s['io.k8s.apimachinery.pkg.api.resource.Quantity']?.['type']).toBeUndefined();
  });

  it('finds each kind by its group, version and kind, and what it references', async () => {
    const s = await loadOpenApiSchemas();
    const name = schemaNameOf(s, { group: 'batch', version: 'v1', kind: 'CronJob' });

    expect(name).toBe('io.k8s.api.batch.v1.CronJob');
    expect(schemaClosure(s, [name ?? ''])).toContain('io.k8s.api.core.v1.PodSpec');
    expect(schemaNameOf(s, { group: 'batch', version: 'v2', kind: 'CronJob' })).toBeNull();
  });
});
