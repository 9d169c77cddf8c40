import xtermHeadless from '@xterm/headless';

import {
  createLineDiscipline,
  type ExecuteResult,
  type LineDiscipline,
  type LineDisciplineHost,
} from '../../../src/lib/terminal/line-discipline.ts';

const { Terminal } = xtermHeadless;

/** A headless terminal wired to a line discipline with a scripted fake shell. */
export interface Rig {
  readonly discipline: LineDiscipline;
  readonly executed: string[];
  /** Waits for all input and writes to settle, then returns the visible, right-trimmed rows. */
  screen(): Promise<string[]>;
  /** The cursor position (0-based column and row on the viewport). */
  cursor(): { x: number; y: number };
}

/** Fake shell: `echo …` prints its arguments, `ssh <host>` switches the prompt. */
function fakeShell(command: string): ExecuteResult {
  const joined = command.replace(/\\\n/g, '');
  const [name, ...args] = joined.trim().split(/\s+/);
  if (name === 'echo') return { output: `${args.join(' ')}\n` };
  if (name === 'for')
    return joined.includes('done') ? { output: 'looped\n' } : { output: '', incomplete: true };
  // A construct only the engine knows to be open (the page's parser sees a whole command).
  if (name === 'begin')
    return joined.includes('end') ? { output: 'ended\n' } : { output: '', incomplete: true };
  if (name === 'ssh') return { output: '', prompt: `root@${args[0] ?? ''}:~# ` };
  if (name === 'kubectl') {
    return {
      output:
        'NAME   STATUS   ROLES           AGE   VERSION\ncp-1   Ready    control-plane   5m    v1.34.2',
    };
  }
  return { output: `bash: ${name ?? ''}: command not found\n` };
}

/** Creates a rig with the given terminal width; `complete` answers Tab (none: Tab does nothing). */
export function createRig(cols = 80, complete?: LineDisciplineHost['complete']): Rig {
  const term = new Terminal({ cols, rows: 12, allowProposedApi: true });
  const executed: string[] = [];
  const discipline = createLineDiscipline(
    {
      write: (data) => term.write(data),
      execute: (command) => {
        executed.push(command);
        return Promise.resolve(fakeShell(command));
      },
      columns: () => term.cols,
      ...(complete ? { complete } : {}),
    },
    'root@cp-1:~# ',
  );
  discipline.start();
  return {
    discipline,
    executed,
    async screen() {
      await discipline.idle();
      await new Promise<void>((resolve) => term.write('', resolve));
      const rows: string[] = [];
      const buffer = term.buffer.active;
      for (let y = 0; y < term.rows; y++) {
        rows.push(
          buffer
            .getLine(buffer.viewportY + y)
            ?.translateToString(true)
            .trimEnd() ?? '',
        );
      }
      while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
      return rows;
    },
    cursor() {
      return { x: term.buffer.active.cursorX, y: term.buffer.active.cursorY };
    },
  };
}
