/**
 * The interactive terminal: node:readline with history (up/down), Ctrl-C clears the line,
 * Ctrl-D or `exit` at the top level quits. Lines ending in `\` continue with a `> ` prompt.
 * `clear` clears the screen, as in the browser terminal (ncurses' clear, not a shell builtin).
 * Tab completes from the engine (shell/complete.ts), as in the browser terminal.
 */
import { createInterface } from 'node:readline';
import { isCompleteInput, type Session } from '../shell/index.ts';
import { colourFor, promptFor } from './colour.ts';

/** The first lines of an interactive session: what this is and how to get help or leave. */
export function banner(session: Session, version: string): string {
  return (
    `kubelife ${version}: a simulated Kubernetes cluster (scenario ${session.scenario}, release ${session.release}).\n` +
    'Type `help` for the commands it knows, `clear` to clear the screen, Ctrl-D or `exit` to leave.\n'
  );
}

/**
 * node:readline's completer for `session`: the words that complete the one before the cursor and
 * that word; a single choice gets bash's trailing space (none after a directory's slash).
 */
export function completerFor(session: Session): (line: string) => [string[], string] {
  return (line) => {
    const { start, candidates } = session.complete(line);
    const words =
      candidates.length === 1
        ? candidates.map((c) => (c.endsWith('/') ? c : `${c} `))
        : [...candidates];
    return [words, line.slice(start)];
  };
}

/** Runs the REPL until the user exits; resolves to the last exit code. */
export function repl(session: Session, version = ''): Promise<number> {
  return new Promise((resolve) => {
    // The banner goes to stderr: stdout stays the transcript of the commands, as with `run`.
    if (process.stdin.isTTY === true) process.stderr.write(banner(session, version));
    const rl = createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY === true,
      historySize: 1000,
      completer: completerFor(session),
    });
    let buffer = '';
    let last = 0;
    const queue: string[] = [];
    let busy = false;
    const prompt = (): void => {
      rl.setPrompt(buffer ? '> ' : promptFor(process.stdout, session.prompt));
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
      if (full.trim() === 'clear') {
        if (process.stdout.isTTY === true) process.stdout.write('\x1b[H\x1b[2J');
        prompt();
        next();
        return;
      }
      busy = true;
      void session.run(full).then((r) => {
        busy = false;
        process.stdout.write(colourFor(process.stdout, r.output));
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
