// upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (NodeDescriber.Describe: the
// Events of both UIDs merged; describeNode; describeNodeResource), pkg/kubelet/kubelet_node_status.go
// (recordNodeSchedulableEvent), staging/src/k8s.io/component-helpers/resource/helpers.go
// (PodRequests, PodLimits). Judged by the real kubectl v1.33.1 in the parity corpus
// (corpus/describe-nodes, corpus/drain-several).
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

describe('kubectl describe node', () => {
  it('prints capacity and allocatable quantities in their canonical form', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe node worker-1');

    expect(r.stdout).toMatch(/^Capacity:\n(?: {2}.*\n)*? {2}ephemeral-storage: +30Gi$/m);
    expect(r.stdout).toMatch(/^ {2}memory: +4Gi$/m);
    expect(r.stdout).toMatch(/^ {2}memory: +3996Mi$/m);
    expect(r.stdout).not.toContain('31457280Ki');
  });

  it('lists the kubelet and node-controller Events of the node, found by name and by UID', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe node worker-1');

    const events = r.stdout.slice(r.stdout.indexOf('\nEvents:\n'));
    expect(events).toMatch(/Normal +Starting +\S+ +kubelet +Starting kubelet\./);
    expect(events).toMatch(
      /Normal +RegisteredNode +\S+ +node-controller +Node worker-1 event: Registered Node worker-1 in Controller/,
    );
  });

  it("shows the kubelet Lease's last renewal, which stays put once the kubelet stops", async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('ssh worker-1');
    await s.run('systemctl stop kubelet');
    await s.run('exit');
    await s.run('kubelife clock advance 2m');

    const r = await s.run('kubectl describe node worker-1');
    const lease = await s.run(
      "kubectl get lease worker-1 -n kube-node-lease -o jsonpath='{.spec.renewTime}'",
    );

    const renewed = new Date(lease.stdout.trim()).toUTCString().replace('GMT', '+0000');
    expect(r.stdout).toMatch(
      /^Lease:\n {2}HolderIdentity: +worker-1\n {2}AcquireTime: +<unset>\n/m,
    );
    expect(r.stdout).toContain(`  RenewTime:       ${renewed}`);
    expect(r.stdout).not.toMatch(/^ {2}RenewTime: .*09:01:55/m);
  });

  it('omits the Events with --show-events=false', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl describe node worker-1 --show-events=false');

    expect(r.stdout).not.toContain('Events:');
  });

  it('counts every container of a reader Pod, and formats the sums as Quantity.Add keeps them', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create deployment web --image=nginx --image=busybox --replicas=1');
    await s.run(
      'kubectl set resources deployment web --requests=cpu=250m,memory=64Mi --limits=cpu=500m,memory=128Mi',
    );
    const where = await s.run(
      "kubectl get pods -l app=web -o jsonpath='{.items[0].spec.nodeName}'",
    );

    const r = await s.run(`kubectl describe node ${where.stdout.trim()}`);

    expect(r.stdout).toMatch(
      /^ {2}default +web-\S+ +500m \(25%\) +1 \(50%\) +128Mi \(3%\) +256Mi \(6%\) +\S+$/m,
    );
    expect(r.stdout).toMatch(/^ {2}cpu +600m \(30%\) +1 \(50%\)$/m);
    expect(r.stdout).toMatch(/^ {2}memory +178Mi \(4%\) +256Mi \(6%\)$/m);
  });

  it('leaves finished Pods out of Non-terminated Pods', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create job once --image=busybox -- true');
    await s.run('kubelife clock advance 60s');
    const job = await s.run(
      "kubectl get pods -l job-name=once -o jsonpath='{.items[0].status.phase} {.items[0].spec.nodeName}'",
    );
    const [phase, node] = job.stdout.trim().split(' ');

    const r = await s.run(`kubectl describe node ${node ?? ''}`);

    expect(phase).toBe('Succeeded');
    expect(r.stdout).not.toMatch(/^ {2}default +once-/m);
  });

  it('prints the empty Kube-Proxy Version line with kubectl v1.35 and not with v1.37', async () => {
    const old = createSession({ scenario: 'workers-joined', release: 'v1.35' });
    const now = createSession({ scenario: 'workers-joined', release: 'v1.37' });

    const a = await old.run('kubectl describe node cp-1');
    const b = await now.run('kubectl describe node cp-1');

    expect(a.stdout).toMatch(/^ {2}Kubelet Version: +v1\.35\.\d+\n {2}Kube-Proxy Version: +\n/m);
    expect(b.stdout).not.toContain('Kube-Proxy Version');
  });
});

describe('the kubelet records cordon and uncordon', () => {
  it('records NodeNotSchedulable at its next status update after kubectl cordon', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl cordon worker-2');

    const before = await s.run('kubectl get events --field-selector reason=NodeNotSchedulable');
    await s.run('kubelife clock advance 10s');
    const after = await s.run('kubectl get events --field-selector reason=NodeNotSchedulable');

    expect(before.stderr).toBe('No resources found in default namespace.\n');
    expect(after.stdout).toMatch(
      /Normal +NodeNotSchedulable +node\/worker-2 +Node worker-2 status is now: NodeNotSchedulable/,
    );
  });

  it('records nothing for a cordon undone before the kubelet looked', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl cordon worker-2');
    await s.run('kubectl uncordon worker-2');
    await s.run('kubelife clock advance 30s');

    const reasons = await s.run(
      "kubectl get events --field-selector involvedObject.name=worker-2 -o jsonpath='{.items[*].reason}'",
    );
    expect(reasons.stdout).not.toMatch(/Schedulable/);
  });

  it('records NodeSchedulable after kubectl uncordon, and both survive a save and load', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl cordon worker-2');
    await s.run('kubelife clock advance 10s');
    await s.run('kubectl uncordon worker-2');
    await s.run('kubelife clock advance 10s');

    const loaded = createSession({ state: s.save() });
    const r = await loaded.run(
      "kubectl get events --field-selector involvedObject.name=worker-2 -o jsonpath='{.items[*].reason}'",
    );

    expect(r.stdout.trimEnd()).toMatch(/NodeNotSchedulable NodeSchedulable$/);
  });
});

describe('kubectl drain of several nodes', () => {
  it('cordons every node first, then drains each, and lists the nodes it could not drain', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl drain worker-1 worker-2');

    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('node/worker-1 cordoned\nnode/worker-2 cordoned\n');
    expect(r.stderr).toMatch(
      /^error: unable to drain node "worker-1" due to error: .*, continuing command\.\.\.\nerror: unable to drain node "worker-2" due to error: .*, continuing command\.\.\.\nThere are pending nodes to be drained:\n worker-1\n worker-2\n/,
    );
  });

  it('drains each node in turn with --ignore-daemonsets', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl drain worker-1 worker-2 --ignore-daemonsets');

    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      'node/worker-1 cordoned\nnode/worker-2 cordoned\nnode/worker-1 drained\nnode/worker-2 drained\n',
    );
  });

  it('changes nothing when one of the nodes does not exist', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const r = await s.run('kubectl drain worker-1 nope --ignore-daemonsets');
    const nodes = await s.run('kubectl get nodes');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(nodes.stdout).not.toContain('SchedulingDisabled');
  });

  it('refuses a --grace-period that is not an integer, as pflag does', async () => {
    const s = createSession({ scenario: 'workers-joined' });

    const bad = await s.run('kubectl drain worker-1 --grace-period=1.5');
    const hex = await s.run('kubectl drain worker-1 --grace-period=0x1e --ignore-daemonsets');

    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toBe(
      'error: invalid argument "1.5" for "--grace-period" flag: strconv.ParseInt: parsing "1.5": invalid syntax\nSee \'kubectl drain --help\' for usage.\n',
    );
    expect(hex.exitCode).toBe(0);
  });
});
