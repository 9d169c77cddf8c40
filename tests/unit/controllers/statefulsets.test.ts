/**
 * The StatefulSet controller (src/controllers/statefulsets.ts) after pkg/controller/statefulset/
 * stateful_set_control.go (OrderedReady and Parallel creation, scale down in reverse ordinal
 * order), stateful_set_utils.go (names, identity labels, claims), stateful_pod_control.go (the
 * Events' wording), the volumebinding PreFilter for unbound claims, pv_controller.go
 * (FailedBinding, ProvisioningFailed) and kubectl's StatefulSetStatusViewer (rollout_status.go).
 */
import { describe, expect, it } from 'vitest';
import { createSession, getObject, listObjects, type Session } from 'kubelife';

function manifest(replicas: number, extra = '', claims = ''): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: nginx
  replicas: ${replicas}
${extra}  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
${claims}`;
}

const CLAIMS = `        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;

async function applied(text: string): Promise<Session> {
  const s = createSession({ scenario: 'workers-joined' });
  await s.run(`cat > web.yaml <<'EOF'\n${text}EOF`);
  await s.run('kubectl apply -f web.yaml');
  return s;
}

const pods = (s: Session): string[] =>
  listObjects(s.save().state, 'pods', 'default')
    .map((p) => p.metadata.name)
    .sort();

const messages = (s: Session): string[] =>
  listObjects(s.save().state, 'events', 'default')
    .filter((e) => (e['involvedObject'] as { kind?: string }).kind === 'StatefulSet')
    .map((e) => (typeof e['message'] === 'string' ? e['message'] : ''));

describe('stateful_set_control.go: OrderedReady', () => {
  it('creates web-0, web-1, web-2 in order, each once the one before is Running and Ready, with the controller’s Events', async () => {
    const s = await applied(manifest(3));

    expect(pods(s)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(messages(s)).toEqual([
      'create Pod web-0 in StatefulSet web successful',
      'create Pod web-1 in StatefulSet web successful',
      'create Pod web-2 in StatefulSet web successful',
    ]);
    expect((await s.run('kubectl get sts')).stdout).toMatch(/^NAME +READY +AGE\nweb +3\/3 +0s\n$/);
  });

  it('gives each Pod the set’s identity: hostname, subdomain, pod-name, pod-index and revision labels', async () => {
    const s = await applied(manifest(1));

    const pod = getObject(s.save().state, 'pods', 'default', 'web-0');
    const rev = getObject(s.save().state, 'statefulsets.apps', 'default', 'web')?.['status'] as {
      updateRevision: string;
    };

    expect(pod?.['spec']).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(pod?.metadata.labels).toEqual({
      app: 'nginx',
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': rev.updateRevision,
      'statefulset.kubernetes.io/pod-name': 'web-0',
    });
    expect(pod?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web' });
  });

  it('scales down from the highest ordinal, one Pod at a time, each gone before the next is deleted', async () => {
    const s = await applied(manifest(3));

    await s.run('kubectl scale sts web --replicas=1');
    const first = (await s.run('kubectl get pods')).stdout;
    await s.run('kubelife clock advance 5s');
    const second = (await s.run('kubectl get pods')).stdout;
    await s.run('kubelife clock advance 5s');

    expect(first).toMatch(/web-1 +1\/1 +Running/);
    expect(first).toMatch(/web-2 +1\/1 +Terminating/);
    expect(second).toMatch(/web-1 +1\/1 +Terminating/);
    expect(second).not.toMatch(/web-2/);
    expect(pods(s)).toEqual(['web-0']);
    expect(messages(s).slice(3)).toEqual([
      'delete Pod web-2 in StatefulSet web successful',
      'delete Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('reports the set’s status as updateStatefulSetStatus counts it', async () => {
    const s = await applied(manifest(2));

    const set = getObject(s.save().state, 'statefulsets.apps', 'default', 'web');

    expect(set?.['status']).toMatchObject({
      availableReplicas: 2,
      collisionCount: 0,
      currentReplicas: 2,
      observedGeneration: 1,
      readyReplicas: 2,
      replicas: 2,
      updatedReplicas: 2,
    });
    expect((await s.run('kubectl rollout status sts/web')).stdout).toBe(
      'partitioned roll out complete: 2 new pods have been updated...\n',
    );
  });
});

describe('stateful_set_control.go: Parallel', () => {
  it('creates every Pod at once, whether or not the others are ready', async () => {
    const s = await applied(manifest(3, '  podManagementPolicy: Parallel\n', CLAIMS));

    expect(pods(s)).toEqual(['web-0', 'web-1', 'web-2']);
    expect((await s.run('kubectl get pods')).stdout).toMatch(/web-2 +0\/1 +Pending/);
  });
});

describe('volumeClaimTemplates on a cluster without a default StorageClass', () => {
  it('creates the claim www-web-0 before the Pod; both stay Pending and web-1 is never created', async () => {
    const s = await applied(manifest(2, '', CLAIMS));

    const claim = getObject(s.save().state, 'persistentvolumeclaims', 'default', 'www-web-0');
    const describe = (await s.run('kubectl describe pod web-0')).stdout;
    const pvc = (await s.run('kubectl describe pvc www-web-0')).stdout;

    expect(pods(s)).toEqual(['web-0']);
    expect(messages(s)).toEqual([
      'create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'create Pod web-0 in StatefulSet web successful',
    ]);
    expect(claim?.metadata.labels).toEqual({ app: 'nginx' });
    expect(claim?.['status']).toEqual({ phase: 'Pending' });
    expect(describe).toContain(
      'FailedScheduling  0s    default-scheduler  0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(pvc).toContain(
      'no persistent volumes available for this claim and no storage class is set',
    );
    expect((await s.run('kubectl rollout status sts/web --timeout=1s')).stdout).toBe(
      'Waiting for 2 pods to be ready...\n',
    );
  });

  it('says the StorageClass a claim names is not there (ProvisioningFailed)', async () => {
    const s = await applied(
      manifest(1, '', CLAIMS.replace('resources:', 'storageClassName: fast\n      resources:')),
    );

    const pvc = (await s.run('kubectl get pvc')).stdout;
    const events = (await s.run('kubectl get events --field-selector reason=ProvisioningFailed'))
      .stdout;

    expect(pvc).toMatch(
      /^NAME +STATUS +VOLUME +CAPACITY +ACCESS MODES +STORAGECLASS +VOLUMEATTRIBUTESCLASS +AGE\nwww-web-0 +Pending +fast +<unset> +0s\n$/,
    );
    expect(events).toContain('storageclass.storage.k8s.io "fast" not found');
  });
});
