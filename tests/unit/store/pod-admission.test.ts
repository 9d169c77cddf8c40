// A reader's Pod as kube-apiserver stores it: the API defaults (pkg/apis/core/v1/defaults.go),
// then the default admission plugins (plugin/pkg/admission/serviceaccount/admission.go,
// plugin/pkg/admission/defaulttolerationseconds/admission.go, plugin/pkg/admission/priority/
// admission.go), and the binding subresource that leaves the generation alone
// (pkg/registry/core/pod/storage/storage.go).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import {
  defaultPullPolicy,
  imageTag,
  podDefaults,
} from '../../../src/lib/engine/src/store/pod-defaults.ts';

type Obj = Record<string, unknown>;

async function podJson(lines: readonly string[], name: string, seed?: number): Promise<Obj> {
  const s = createSession({ scenario: 'workers-joined', ...(seed !== undefined ? { seed } : {}) });
  for (const l of lines) expect((await s.run(l)).exitCode).toBe(0);
  const got = await s.run(`kubectl get pod ${name} -o json`);
  expect(got.exitCode).toBe(0);
  return JSON.parse(got.stdout) as Obj;
}

const spec = (pod: Obj): Obj => pod['spec'] as Obj;
const manifest = (body: string): string => `kubectl apply -f - <<'EOF'\n${body}\nEOF`;

describe('pkg/util/parsers ParseImageName and SetDefaults_Container pull policy', () => {
  it.each([
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.27', '1.27', 'IfNotPresent'],
    ['registry.example:5000/team/nginx', 'latest', 'Always'],
    ['registry.example:5000/team/nginx:2', '2', 'IfNotPresent'],
    [
      'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      '',
      'IfNotPresent',
    ],
  ])('reads %s as tag %j and pull policy %s', (image, tag, policy) => {
    expect(imageTag(image)).toBe(tag);
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('pkg/apis/core/v1/defaults.go Pod defaults', () => {
  it('fills the container, probe, port, volume and Pod spec defaults a manifest leaves out', () => {
    const got = podDefaults({
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80 }],
          readinessProbe: { httpGet: { port: 80 } },
          resources: { limits: { cpu: '500m' } },
          env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
        },
      ],
      volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'c' } }],
    });

    expect(got).toEqual({
      containers: [
        {
          env: [
            {
              name: 'NS',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
            },
          ],
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          name: 'app',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          readinessProbe: {
            failureThreshold: 3,
            httpGet: { path: '/', port: 80, scheme: 'HTTP' },
            periodSeconds: 10,
            successThreshold: 1,
            timeoutSeconds: 1,
          },
          resources: { limits: { cpu: '500m' }, requests: { cpu: '500m' } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      volumes: [
        { emptyDir: {}, name: 'scratch' },
        { configMap: { defaultMode: 420, name: 'c' }, name: 'cfg' },
      ],
    });
  });

  it('gives a Deployment template the Pod spec defaults but not the Pod-only ones', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.27');

    const got = await s.run("kubectl get deploy web -o jsonpath='{.spec.template.spec}'");

    const template = JSON.parse(got.stdout) as Obj;
    expect(template['schedulerName']).toBe('default-scheduler');
    expect(template).not.toHaveProperty('enableServiceLinks');
    expect(template).not.toHaveProperty('serviceAccountName');
  });
});

describe('the default admission plugins on a new Pod', () => {
  it('gives kubectl run’s Pod the default ServiceAccount, its token volume and mount, the 300 s tolerations and priority 0', async () => {
    const pod = await podJson(['kubectl run nginx --image=nginx'], 'nginx');

    const s = spec(pod);
    const volumes = s['volumes'] as Obj[];
    const volume = volumes[0] ?? {};
    const name = String(volume['name']);
    expect(name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volumes).toEqual([
      {
        name,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            {
              downwardAPI: {
                items: [
                  {
                    fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                    path: 'namespace',
                  },
                ],
              },
            },
          ],
        },
      },
    ]);
    expect((s['containers'] as Obj[])[0]?.['volumeMounts']).toEqual([
      { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name, readOnly: true },
    ]);
    expect(s['serviceAccountName']).toBe('default');
    expect(s['serviceAccount']).toBe('default');
    expect(s['tolerations']).toEqual([
      {
        effect: 'NoExecute',
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        tolerationSeconds: 300,
      },
      {
        effect: 'NoExecute',
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        tolerationSeconds: 300,
      },
    ]);
    expect(s['priority']).toBe(0);
    expect(s['preemptionPolicy']).toBe('PreemptLowerPriority');
    expect(s['enableServiceLinks']).toBe(true);
    expect((pod['metadata'] as Obj)['generation']).toBe(1);
  });

  it('draws the token volume’s name from the session’s seeded generator', async () => {
    const a = await podJson(['kubectl run one --image=nginx'], 'one', 7);
    const b = await podJson(['kubectl run one --image=nginx'], 'one', 7);
    const c = await podJson(
      ['kubectl run one --image=nginx', 'kubectl run two --image=nginx'],
      'two',
      7,
    );

    const volumeName = (p: Obj) => ((spec(p)['volumes'] as Obj[])[0] ?? {})['name'];
    expect(volumeName(a)).toBe(volumeName(b));
    expect(volumeName(c)).not.toBe(volumeName(a));
  });

  it('mounts no token when the Pod turns automounting off, and keeps a toleration the Pod already has', async () => {
    const pod = await podJson(
      [
        manifest(
          [
            'apiVersion: v1',
            'kind: Pod',
            'metadata:',
            '  name: quiet',
            'spec:',
            '  automountServiceAccountToken: false',
            '  tolerations:',
            '  - key: node.kubernetes.io/not-ready',
            '    operator: Exists',
            '    effect: NoExecute',
            '  containers:',
            '  - name: app',
            '    image: busybox:1.36',
          ].join('\n'),
        ),
      ],
      'quiet',
    );

    const s = spec(pod);
    expect(s).not.toHaveProperty('volumes');
    expect((s['containers'] as Obj[])[0]).not.toHaveProperty('volumeMounts');
    expect(s['tolerations']).toEqual([
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
      {
        effect: 'NoExecute',
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        tolerationSeconds: 300,
      },
    ]);
  });

  it('takes the priority of the PriorityClass the Pod names', async () => {
    const pod = await podJson(
      [
        manifest(
          [
            'apiVersion: v1',
            'kind: Pod',
            'metadata:',
            '  name: critical',
            '  namespace: kube-system',
            'spec:',
            '  priorityClassName: system-cluster-critical',
            '  containers:',
            '  - name: app',
            '    image: busybox:1.36',
          ].join('\n'),
        ),
      ],
      'critical -n kube-system',
    );

    expect(spec(pod)['priority']).toBe(2000000000);
    expect(spec(pod)['priorityClassName']).toBe('system-cluster-critical');
  });

  it('admits the Pods a Deployment’s ReplicaSet creates the same way', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');

    const got = await s.run('kubectl get pods -l app=web -o json');

    const items = (JSON.parse(got.stdout) as { items: Obj[] }).items;
    expect(items).toHaveLength(2);
    for (const p of items) {
      expect(spec(p)['serviceAccountName']).toBe('default');
      expect(String(((spec(p)['volumes'] as Obj[])[0] ?? {})['name'])).toMatch(/^kube-api-access-/);
      expect(spec(p)['priority']).toBe(0);
    }
  });
});
