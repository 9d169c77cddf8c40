// kubectl's discovery failure lines per client version: client-go's memcache.go logs through
// HandleError ("Unhandled Error" err=…, v1.31–v1.33) or HandleErrorWithContext (v1.34+).
// upstream: staging/src/k8s.io/client-go/discovery/cached/memory/memcache.go refreshLocked.
import { describe, expect, it } from 'vitest';
import {
  discoveryFailureLines,
  unauthorizedText,
} from '../../../src/lib/engine/shell/commands/kubectl-discovery-error.ts';

const at = Date.UTC(2027, 11, 30, 9, 3, 4, 120);

describe('kubectl discovery failure lines', () => {
  it('prints the v1.34+ structured message from one process, a few milliseconds apart', () => {
    const lines = discoveryFailureLines('v1.37.1', at, 'boom "x"');

    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      'E1230 09:03:04.224217   17384 memcache.go:381] "Couldn\'t get current server API group list" err="boom \\"x\\""',
    );
    expect(new Set(lines.map((l) => / +(\d+) memcache/.exec(l)?.[1])).size).toBe(1);
  });

  it('prints the "Unhandled Error" form of kubectl v1.31 to v1.33', () => {
    const [first] = discoveryFailureLines('1.33.4', at, 'boom');

    expect(first).toMatch(
      /memcache\.go:265\] "Unhandled Error" err="couldn't get current server API group list: boom"$/,
    );
  });

  it("ends a 401 with kubectl's login error naming client-go's generic 401 message", () => {
    const text = unauthorizedText('v1.36.0', at);

    expect(text.split('\n').at(-1)).toBe(
      'error: You must be logged in to the server (the server has asked for the client to provide credentials)',
    );
  });
});
