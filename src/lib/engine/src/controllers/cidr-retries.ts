/**
 * How often the node IPAM range allocator records CIDRNotAvailable for a Node it has no subnet
 * for, and what `kubectl get events` then shows. The allocator syncs the Node from a work queue
 * (pkg/controller/nodeipam/ipam/range_allocator.go processNextNodeWorkItem): when the Node is
 * added, again after every failure with the queue's back-off (AddRateLimited,
 * workqueue.DefaultControllerRateLimiter: 5 ms doubling per failure up to 1000 s), and at every
 * update of the Node (UpdateFunc → queue.Add), which without other changes is the kubelet's
 * status report every nodeStatusReportFrequency (5m0s). An earlier pending retry wins over a later
 * one (the delaying queue keeps the earliest ready time). Each failed sync records the Warning
 * Event again; the recorder's correlator (client-go tools/record/events_cache.go) lets 25
 * Events about one object through at once and then one per 5 minutes
 * (EventSourceObjectSpamFilter: defaultSpamBurst 25, defaultSpamQPS 1/300), and folds the
 * identical ones into one Event: count + 1, lastTimestamp the newest, firstTimestamp and name
 * those of the first (eventLogger.eventObserve).
 */

/** The workqueue's ItemExponentialFailureRateLimiter: base delay and cap. */
const BASE_MS = 5;
const CAP_MS = 1_000_000;
/** KubeletConfiguration nodeStatusReportFrequency default. */
const STATUS_REPORT_MS = 300_000;
/** EventSourceObjectSpamFilter: burst and refill (one token per 300 s). */
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

/** The folded Event: first and last time recorded, and how many times. */
export interface EventSeries {
  readonly first: number;
  readonly last: number;
  readonly count: number;
}

/**
 * The CIDRNotAvailable Event of a Node first synced at `start`, as it stands at `now` (the
 * Node still without a subnet), or null before `start`.
 */
export function cidrNotAvailableSeries(start: number, now: number): EventSeries | null {
  if (now < start) return null;
  let failures = 0;
  let retry: number | null = null;
  let report = start + STATUS_REPORT_MS;
  let tokens = SPAM_BURST;
  let tokensAt = start;
  let t = start;
  let count = 0;
  let last = start;
  for (;;) {
    // The spam filter's token bucket, refilled since the last Event it looked at.
    tokens = Math.min(SPAM_BURST, tokens + (t - tokensAt) / SPAM_REFILL_MS);
    tokensAt = t;
    if (tokens >= 1) {
      tokens -= 1;
      count++;
      last = t;
    }
    const delay = Math.min(BASE_MS * 2 ** failures, CAP_MS);
    failures++;
    retry = retry !== null && retry > t ? Math.min(retry, t + delay) : t + delay;
    const next = Math.min(retry, report);
    if (next > now) break;
    if (next === retry) retry = null;
    if (next === report) report += STATUS_REPORT_MS;
    t = next;
  }
  return { first: start, last, count };
}
