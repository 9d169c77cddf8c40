/**
 * Issue 13 (cold start): the engine worker can be started before the terminal is mounted (when
 * the reader reaches for a snippet or clicks Run), and the terminal then uses that worker instead
 * of starting a second one; workers needed later (after a stopped command) are new ones.
 */
import { describe, expect, it } from 'vitest';

import { createEngineWorkerStarter } from '../../../src/lib/terminal/engine-worker-start.ts';

/** A starter on numbered fake workers; `made` counts the workers started. */
function counting(): {
  starter: ReturnType<typeof createEngineWorkerStarter<number>>;
  made: () => number;
} {
  let made = 0;
  return { starter: createEngineWorkerStarter(() => ++made), made: () => made };
}

describe('starting the engine worker ahead of the terminal', () => {
  it('hands the terminal the worker started ahead instead of starting another', () => {
    const { starter, made } = counting();
    starter.prestart();
    expect(made()).toBe(1);
    expect(starter.take()).toBe(1);
    expect(made()).toBe(1);
  });

  it('starts only one worker however often the reader hovers, focuses and clicks', () => {
    const { starter, made } = counting();
    starter.prestart();
    starter.prestart();
    starter.prestart();
    expect(made()).toBe(1);
  });

  it('gives each worker out once: the next one asked for (a replacement) is new', () => {
    const { starter, made } = counting();
    starter.prestart();
    expect(starter.take()).toBe(1);
    expect(starter.take()).toBe(2);
    expect(made()).toBe(2);
  });

  it('starts a worker when asked without one started ahead', () => {
    const { starter, made } = counting();
    expect(made()).toBe(0);
    expect(starter.take()).toBe(1);
  });
});
