/**
 * Colour in the CLI: the shell's colours (shell/colour.ts) when the stream is a terminal and the
 * user has not opted out with NO_COLOR (https://no-color.org: any non-empty value disables
 * colour); plain text otherwise, so transcripts and pipes stay byte-for-byte the engine's output.
 */
import { colourOutput, colourPrompt } from '../shell/colour.ts';

/** Whether `stream` should get ANSI colours. */
export function wantsColour(stream: { isTTY?: boolean }): boolean {
  const opt = process.env['NO_COLOR'];
  return stream.isTTY === true && (opt === undefined || opt === '');
}

/** Command output for `stream`, coloured where the real tools colour it when it wants colour. */
export function colourFor(stream: { isTTY?: boolean }, output: string): string {
  return wantsColour(stream) ? colourOutput(output) : output;
}

/** The prompt for `stream`, coloured like Ubuntu's when it wants colour. */
export function promptFor(stream: { isTTY?: boolean }, prompt: string): string {
  return wantsColour(stream) ? colourPrompt(prompt) : prompt;
}
