/**
 * The interactive terminal: node:readline with history (up/down), Ctrl-C clears the line,
 * Ctrl-D or `exit` at the top level quits. Lines ending in `\` continue with a `> ` prompt.
 */
import { createInterface } from 'node:readline';
import { isCompleteInput, type Session } from '../shell/index.ts';

/** Runs the REPL until the user exits; resolves to the last exit code. */
export function repl(session: Session): Promise<number> {
  return new Promise((resolve) => {
    const rl = createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY === true,
      historySize: 1000,
    });
    let buffer = '';
    let last = 0;
    const queue: string[] = [];
    let busy = false;
    const prompt = (): void => {
      rl.setPrompt(buffer ? '> ' : session.prompt);
      rl.prompt();
    };
    rl.on('SIGINT', () => {
      // Like bash: abandon the current line (readline keeps it unless killed) and re-prompt.
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
      buffer = '';
      process.stdout.write('^C\n');
      prompt();
    });
    // Lines typed while a command runs are queued, like a terminal's type-ahead.
    const next = (): void => {
      const line = queue.shift();
      if (line === undefined) return;
      if (!isCompleteInput(buffer + line)) {
        buffer += `${line}\n`;
        prompt();
        next();
        return;
      }
      const full = buffer + line;
      buffer = '';
      busy = true;
      void session.run(full).then((r) => {
        busy = false;
        process.stdout.write(r.output);
        last = r.exitCode;
        if (session.exited) {
          rl.close();
          return;
        }
        if (queue.length > 0) {
          process.stdout.write(`${session.prompt}${queue[0] ?? ''}\n`);
          next();
        } else prompt();
      });
    };
    rl.on('line', (line) => {
      queue.push(line);
      if (!busy) next();
    });
    rl.on('close', () => {
      if (!session.exited) process.stdout.write('\n');
      resolve(last);
    });
    prompt();
  });
}
