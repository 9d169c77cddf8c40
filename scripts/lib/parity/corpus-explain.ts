/**
 * The everyday corpus of `kubectl explain` (kubernetes.io/docs/reference/kubectl/generated/
 * kubectl_explain/: resources, short names, `resource.group`, dotted field paths, --recursive,
 * --api-version; the usage and lookup errors of pkg/cmd/explain/explain.go). The real kubectl
 * reads the OpenAPI v3 documents `serve --api` publishes, so these lines judge the template
 * rendering (pkg/explain/v2/templates/plaintext.tmpl) and the resource resolution.
 */
import type { ParityCase } from './run-case.ts';

const EXPLAIN = [
  'kubectl explain pods',
  'kubectl explain pod.spec.containers',
  'kubectl explain po.spec.containers.ports',
  'kubectl explain pod.spec.restartPolicy',
  'kubectl explain pod.metadata.labels',
  'kubectl explain pod.spec.containers.resources.limits',
  'kubectl explain pod.spec.containers.livenessProbe.httpGet.port',
  'kubectl explain pods.',
  'kubectl explain deployment.spec.strategy',
  'kubectl explain deployments.apps.spec.replicas',
  'kubectl explain deploy --api-version=apps/v1',
  'kubectl explain deployment.spec.strategy --recursive',
  'kubectl explain svc --recursive',
  'kubectl explain service.spec.type',
  'kubectl explain rs',
  'kubectl explain ds.spec.updateStrategy',
  'kubectl explain sts.spec.volumeClaimTemplates',
  'kubectl explain job.spec.podFailurePolicy.rules',
  'kubectl explain cronjob.spec.concurrencyPolicy',
  'kubectl explain cj.spec.jobTemplate.spec.template.spec.containers.image',
  'kubectl explain cm',
  'kubectl explain secret.data',
  'kubectl explain ns.spec',
  'kubectl explain node.spec.taints',
  'kubectl explain sa',
  'kubectl explain pvc.spec.accessModes',
  'kubectl explain ingress.spec.rules',
  'kubectl explain clusterrole.rules',
  'kubectl explain rolebinding.subjects',
  'kubectl explain roles.rbac.authorization.k8s.io',
  'kubectl explain clusterrolebinding.roleRef',
  'kubectl explain pdb.spec',
  'kubectl explain lease.spec',
  'kubectl explain events',
  'kubectl explain events.events.k8s.io',
  'kubectl explain crd.spec.versions.schema --recursive',
  'kubectl explain limitranges.spec.limits',
  'kubectl explain hpa.spec.metrics.resource',
  'kubectl explain csr.spec.usages',
  'kubectl explain apiservices',
  'kubectl explain flowschemas.spec.rules --recursive',
  'kubectl explain validatingwebhookconfigurations.webhooks.failurePolicy',
  'kubectl explain endpointslices',
  'kubectl explain storageclass.volumeBindingMode',
  'kubectl explain pod.spec.nope',
  'kubectl explain pods.spec.containers.nope',
  'kubectl explain deploy.apps.spec',
  'kubectl explain nope',
  'kubectl explain Nope.spec',
  'kubectl explain',
  'kubectl explain pods extra',
  'kubectl explain pods --output=yaml',
  'kubectl explain deployments --api-version=apps/v2',
  'kubectl explain deployments --api-version=v1',
  'kubectl explain deployments --api-version=a/b/c',
];

/**
 * The CronTab CustomResourceDefinition of kubernetes.io/docs/tasks/extend-kubernetes/
 * custom-resources/custom-resource-definitions/ (its comments left out).
 */
const CRONTAB_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                cronSpec:
                  type: string
                image:
                  type: string
                replicas:
                  type: integer
  scope: Namespaced
  names:
    plural: crontabs
    singular: crontab
    kind: CronTab
    shortNames:
    - ct`;

/** Custom resources: a CRD the scenario installed without a schema, then one applied with one. */
const EXPLAIN_CRD = [
  'kubectl explain widgets',
  'kubectl explain widgets.example.com.spec',
  `kubectl apply -f - <<'EOF'\n${CRONTAB_CRD}\nEOF`,
  'kubectl explain crontabs',
  'kubectl explain crontab.spec',
  'kubectl explain crontabs.stable.example.com.spec.replicas',
  'kubectl explain crontabs --recursive',
  'kubectl explain crontabs.spec.schedule',
];

/** The explain corpus. */
export const EXPLAIN_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/explain', source: 'corpus', scenario: 'workers-joined', lines: EXPLAIN },
  {
    id: 'corpus/explain-crd',
    source: 'corpus',
    scenario: 'orphaned-finalizer',
    lines: EXPLAIN_CRD,
  },
];
