/**
 * `kubelife serve --jsonl`: the engine's request/response protocol (shell/protocol.ts) over text
 * streams, one JSON request per input line and one JSON response per output line, answered in
 * input order by the same handler the site's Web Worker uses. This is how a host that can only
 * spawn processes and pipe text (a WebContainer in the browser, an editor, a test) drives a
 * session. A line that is not JSON, or not a request, gets an `error` response; it never stops
 * the server. The server ends when its input ends.
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { ReadStream } from 'node:tty';

import type { EngineResponse } from '../shell/index.ts';
import { createIsolatedHandler } from './serve-isolated.ts';

/**
 * One response as one line of JSON. JSON.stringify escapes newlines inside strings; U+2028 and
 * U+2029 are valid raw in JSON but end a line for JavaScript readers (readline among them), so
 * they are escaped too.
 */
export function formatResponseLine(response: EngineResponse): string {
  return `${JSON.stringify(response)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}\n`;
}

/** Writes one response line, waiting for the stream to drain when its buffer is full. */
async function writeLine(output: Writable, response: EngineResponse): Promise<void> {
  if (!output.write(formatResponseLine(response))) await once(output, 'drain');
}

/**
 * The lines of `input`, split at `\n` only (a raw U+2028, U+2029 or lone `\r` inside a request is
 * part of it), decoded as UTF-8; a last line without `\n` counts too.
 */
export async function* jsonLines(input: Readable): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let buffered = '';
  for await (const chunk of input as AsyncIterable<string>) {
    buffered += chunk;
    let start = 0;
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n', start)) {
      yield buffered.slice(start, end);
      start = end + 1;
    }
    buffered = buffered.slice(start);
  }
  if (buffered !== '') yield buffered;
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

/** How long one `run` may take before it is stopped (`--deadline`). */
export const DEFAULT_DEADLINE_MS = 10_000;

/** Serves JSON-lines requests from `input` until it ends; resolves to the exit code (0). */
export async function serveJsonLines(
  input: Readable,
  output: Writable,
  deadlineMs = DEFAULT_DEADLINE_MS,
): Promise<number> {
  const handler = await createIsolatedHandler(deadlineMs, process.argv[1]);
  // On a terminal (a WebContainer spawns processes on a pseudo-terminal), raw mode stops the line
  // discipline from echoing requests back into the output and from cutting long lines (a saved
  // state is one long line); the client ends the server by killing it, not with Ctrl-D.
  const tty = input as Partial<ReadStream>;
  if (tty.isTTY === true && typeof tty.setRawMode === 'function') tty.setRawMode(true);
  let written: Promise<void> = Promise.resolve();
  for await (const line of jsonLines(input)) {
    // Every line gets an answer, an empty one too: a client counting answers never waits forever.
    const parsed: { message: unknown } | { error: EngineResponse } =
      line.trim() === ''
        ? {
            error: {
              id: null,
              type: 'error',
              message: 'empty line: send one JSON request per line',
            },
          }
        : parseLine(line);
    // The handler serves requests in call order; chaining the writes keeps answers (parse errors
    // included) in input order too, while later lines are already being read.
    const response = 'error' in parsed ? parsed.error : handler.handle(parsed.message);
    written = written.then(async () => writeLine(output, await response));
  }
  await written;
  await handler.close();
  return 0;
}
