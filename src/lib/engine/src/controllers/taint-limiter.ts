/**
 * The rate limiter of a zone's taint queue (pkg/controller/nodelifecycle/scheduler/
 * rate_limited_queue.go RateLimitedTimedQueue with client-go flowcontrol's token bucket,
 * EvictionRateLimiterBurst 1), as data on the simulated clock: at most one token, refilled at
 * `qps` tokens per second; each NoExecute taint takes one (Try). qps 0 is the
 * FakeNeverRateLimiter: nothing is ever accepted. SwapLimiter replaces the bucket by one of the
 * new rate that starts full if the old one still had a token, empty otherwise ("if we're currently
 * waiting on limiter, we drain the new one").
 *
 * The tainting pass runs every NodeEvictionPeriod (100 ms); the simulation takes a token the
 * moment it is there rather than at the next 100 ms tick.
 */

/** A token bucket of burst 1: its rate, its tokens at `at` (epoch ms). */
export interface TaintLimiter {
  readonly qps: number;
  readonly tokens: number;
  readonly at: number;
}

/** NewTokenBucketRateLimiter(qps, 1) at `at`: a full bucket. */
export function newLimiter(qps: number, at: number): TaintLimiter {
  return { qps, tokens: qps > 0 ? 1 : 0, at };
}

/** The tokens in the bucket at `t` (never more than the burst of 1). */
export function tokensAt(l: TaintLimiter, t: number): number {
  if (l.qps <= 0) return 0;
  return Math.min(1, l.tokens + (Math.max(0, t - l.at) * l.qps) / 1000);
}

/** When the bucket next has a whole token, from `t` on (Infinity for qps 0). */
export function nextToken(l: TaintLimiter, t: number): number {
  if (l.qps <= 0) return Infinity;
  const have = tokensAt(l, t);
  if (have >= 1) return t;
  return t + Math.ceil(((1 - have) * 1000) / l.qps);
}

/** The bucket after a token was taken at `t` (the caller checked one was there). */
export function takeToken(l: TaintLimiter, t: number): TaintLimiter {
  return { qps: l.qps, tokens: Math.max(0, tokensAt(l, t) - 1), at: t };
}

/** SwapLimiter at `t`: unchanged for the same rate; otherwise full if a token was left, else empty. */
export function swapLimiter(l: TaintLimiter, qps: number, t: number): TaintLimiter {
  if (l.qps === qps) return l;
  if (qps <= 0) return { qps: 0, tokens: 0, at: t };
  return { qps, tokens: tokensAt(l, t) >= 1 ? 1 : 0, at: t };
}
