// CIDRNotAvailable again and again: the range allocator's work queue retries a Node it has no
// subnet for, and the event recorder folds the repeats into one Event.
// upstream (kubernetes commit 003e8629): pkg/controller/nodeipam/ipam/range_allocator.go
// (processNextNodeWorkItem: AddRateLimited on error; UpdateFunc: queue.Add), staging/src/k8s.io/
// client-go/util/workqueue/default_rate_limiters.go (DefaultControllerRateLimiter: 5 ms doubling
// to 1000 s), staging/src/k8s.io/client-go/tools/record/events_cache.go (defaultSpamBurst 25,
// defaultSpamQPS 1/300, eventLogger.eventObserve: count + 1, firstTimestamp kept),
// pkg/printers/internalversion/printers.go printEvent (-o wide: SUBOBJECT, SOURCE, FIRST SEEN,
// COUNT, NAME); KubeletConfiguration nodeStatusReportFrequency 5m0s.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { cidrNotAvailableSeries } from '../../../src/lib/engine/src/controllers/cidr-retries.ts';

describe('CIDRNotAvailable retries', () => {
  it('records the Event at the add and after each doubling back-off: 0, 5, 15, 35 … 635 ms', () => {
    expect(cidrNotAvailableSeries(0, 0)).toEqual({ first: 0, last: 0, count: 1 });
    expect(cidrNotAvailableSeries(0, 1000)).toEqual({ first: 0, last: 635, count: 8 });
    expect(cidrNotAvailableSeries(10, 5)).toBeNull();
  });

  it('syncs again at each kubelet status report once the back-off is longer than 5 minutes', () => {
    const series = cidrNotAvailableSeries(0, 30 * 60_000);

    expect(series?.last).toBe(30 * 60_000);
    expect(series?.count).toBe(24);
  });

  it('lets 25 Events through at once and then one per 5 minutes (the spam filter)', () => {
    const day = cidrNotAvailableSeries(0, 86_400_000);

    expect(day?.count).toBe(25 + 86_400 / 300);
  });

  it('shows one folded Event with its count and first time in kubectl get events -o wide', async () => {
    const s = createSession({ scenario: 'packages-installed' });
    await s.run('kubeadm init --pod-network-cidr=10.244.0.0/23');
    await s.run('mkdir -p $HOME/.kube && cp /etc/kubernetes/admin.conf $HOME/.kube/config');
    const join = (await s.run('kubeadm token create --print-join-command')).stdout.trim();
    for (const w of ['worker-1', 'worker-2']) {
      await s.run(`ssh ${w}`);
      await s.run(join);
      await s.run('exit');
    }

    await s.run('kubelife clock advance 1h');

    const wide = (
      await s.run('kubectl get events --field-selector reason=CIDRNotAvailable -o wide')
    ).stdout
      .trimEnd()
      .split('\n');
    expect(wide[0]).toMatch(
      /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+SUBOBJECT\s+SOURCE\s+MESSAGE\s+FIRST SEEN\s+COUNT\s+NAME$/,
    );
    expect(wide).toHaveLength(2);
    expect(wide[1]).toMatch(
      /^\S+\s+Warning\s+CIDRNotAvailable\s+node\/worker-2\s+cidrAllocator\s+Node worker-2 status is now: CIDRNotAvailable\s+60m\s+32\s+worker-2\.[0-9a-f]+$/,
    );
  });
});
