/**
 * `kubelife serve --jsonl`: the engine's request/response protocol (shell/protocol.ts) over text
 * streams, one JSON request per input line and one JSON response per output line, answered in
 * input order by the same handler the site's Web Worker uses. This is how a host that can only
 * spawn processes and pipe text (a WebContainer in the browser, an editor, a test) drives a
 * session. A line that is not JSON, or not a request, gets an `error` response; it never stops
 * the server. The server ends when its input ends.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ReadStream } from 'node:tty';

import { createProtocolHandler, type EngineResponse } from '../shell/index.ts';

/** Writes one response line, waiting for the stream to drain when its buffer is full. */
async function writeLine(output: Writable, response: EngineResponse): Promise<void> {
  // JSON.stringify escapes newlines inside strings, so one response is always one line.
  if (!output.write(`${JSON.stringify(response)}\n`)) await once(output, 'drain');
}

/** Reads one request line; a line that is not JSON becomes the error response to send. */
function parseLine(line: string): { message: unknown } | { error: EngineResponse } {
  try {
    return { message: JSON.parse(line) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { error: { id: null, type: 'error', message: `invalid JSON: ${reason}` } };
  }
}

/** Serves JSON-lines requests from `input` until it ends; resolves to the exit code (0). */
export async function serveJsonLines(input: Readable, output: Writable): Promise<number> {
  const handler = createProtocolHandler();
  // On a terminal (a WebContainer spawns processes on a pseudo-terminal), raw mode stops the line
  // discipline from echoing requests back into the output and from cutting long lines (a saved
  // state is one long line); the client ends the server by killing it, not with Ctrl-D.
  const tty = input as Partial<ReadStream>;
  if (tty.isTTY === true && typeof tty.setRawMode === 'function') tty.setRawMode(true);
  // terminal: false: no echo and no line editing even when stdin is a (pseudo)terminal, as it is
  // for processes spawned in a WebContainer.
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  let written: Promise<void> = Promise.resolve();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const parsed = parseLine(line);
    // The handler serves requests in call order; chaining the writes keeps answers (parse errors
    // included) in input order too, while later lines are already being read.
    const response = 'error' in parsed ? parsed.error : handler.handle(parsed.message);
    written = written.then(async () => writeLine(output, await response));
  }
  await written;
  return 0;
}
