/**
 * The interactive terminal: node:readline with history (up/down), Ctrl-C clears the line,
 * Ctrl-D or `exit` at the top level quits. Lines ending in `\` continue with a `> ` prompt.
 */
import { createInterface } from 'node:readline';
import type { Session } from '../shell/index.ts';

/** Runs the REPL until the user exits; resolves to the last exit code. */
export function repl(session: Session): Promise<number> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true, historySize: 1000 });
    let buffer = '';
    let last = 0;
    let busy = false;
    const prompt = (): void => {
      rl.setPrompt(buffer ? '> ' : session.prompt);
      rl.prompt();
    };
    rl.on('SIGINT', () => {
      // Like bash: abandon the current line and show a fresh prompt.
      buffer = '';
      process.stdout.write('^C\n');
      prompt();
    });
    rl.on('line', (line) => {
      if (busy) return;
      if (/\\$/.test(line)) {
        buffer += `${line}\n`;
        prompt();
        return;
      }
      const full = buffer + line;
      buffer = '';
      busy = true;
      void session.run(full).then((r) => {
        busy = false;
        process.stdout.write(r.stdout);
        process.stderr.write(r.stderr);
        last = r.exitCode;
        if (session.exited) {
          rl.close();
          return;
        }
        prompt();
      });
    });
    rl.on('close', () => {
      if (!session.exited) process.stdout.write('\n');
      resolve(last);
    });
    prompt();
  });
}
