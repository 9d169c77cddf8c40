/**
 * Bounds a promise in time. Some failures of an optional backend never settle on their own (a
 * WebContainer whose runtime iframe cannot load waits forever for its first message), and the
 * terminal must still fall back.
 */

/** Resolves or rejects like `promise`, or rejects with `message` after `ms` milliseconds. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The message of anything thrown, for notices. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
