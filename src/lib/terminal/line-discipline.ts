/**
 * A bash-like line discipline for a terminal emulator, kept free of xterm and DOM so it can be
 * tested with @xterm/headless: it turns keystrokes (and pasted text) into edits of the current
 * line, echoes them, runs complete commands one at a time and prints their output.
 *
 * Supported: printable input, Backspace/Delete, Left/Right/Home/End (and Ctrl-A/Ctrl-E), history
 * Up/Down, Ctrl-C (prints ^C and a fresh prompt), Ctrl-L and `clear` (clear the screen), Ctrl-U
 * (kills the line), pasted multi-line text (each line runs in order), `\` continuations and
 * here-documents (`> ` prompt), and Tab completion through the host (a second Tab lists choices).
 */

import { isCompleteInput } from 'kubelife/input';

import { tabAction } from './tab-completion.ts';

/** What a command run produces for the screen. */
export interface ExecuteResult {
  /** Text to print, with `\n` line ends (converted to `\r\n` here). */
  readonly output: string;
  /** Prompt to show next (e.g. after `ssh worker-1`); unchanged when absent. */
  readonly prompt?: string | undefined;
  /** True when the command is not complete yet (`for … do`): nothing ran, ask for more with `> `. */
  readonly incomplete?: boolean | undefined;
}

/** The environment a line discipline drives. */
export interface LineDisciplineHost {
  /** Writes raw terminal data (already `\r\n` line ends and escape sequences). */
  write(data: string): void;
  /** Runs one logical command (continuation lines joined with `\n`, backslashes kept). */
  execute(command: string): Promise<ExecuteResult>;
  /** Current terminal width in columns, for cursor movement across wrapped rows. */
  columns(): number;
  /** Adds colour to a prompt as it is written (cursor arithmetic uses the plain prompt). */
  stylePrompt?(prompt: string): string;
  /** Called when Ctrl-C interrupted queued or running input (a replay), after it was dropped. */
  onInterrupt?(): void;
  /**
   * Stops the running command (Ctrl-C typed while one runs); its result then reports the stop.
   * A replay's Stop (the handle's interrupt()) lets the running command finish instead.
   */
  interrupt?(): void;
  /**
   * Tab completion of the word that ends `line` (the input before the cursor): where that word
   * starts and the words that may replace it. Without it, Tab does nothing.
   */
  complete?(line: string): Promise<{ start: number; candidates: readonly string[] }>;
}

/** A command that ran in a batch, as the screen shows it. */
export interface ShownCommand {
  /** The logical command (continuation lines joined with `\n`). */
  readonly command: string;
  /** What it printed (`\n` line ends). */
  readonly output: string;
  /** Prompt after it; unchanged when absent. */
  readonly prompt?: string | undefined;
}

/** What a batch's runner gets: a way to show each command once it ran, and whether to stop. */
export interface BatchControl {
  /** Shows a command at the prompt with its output, adds it to history, prints the next prompt. */
  show(entry: ShownCommand): void;
  /** True once Ctrl-C (or `interrupt()`) asked the batch to stop: run no further command. */
  stopped(): boolean;
}

/** Handle returned by createLineDiscipline. */
export interface LineDiscipline {
  /** Feeds keystrokes or pasted text from the terminal. */
  input(data: string): void;
  /** Types commands as if the user entered them, each followed by Enter. */
  type(commands: readonly string[]): void;
  /**
   * Runs commands in one go (a replay) through `runner`, which executes them elsewhere and shows
   * each with `show`: no keystroke-by-keystroke echo. Input typed meanwhile waits, as while a
   * command runs; a half-typed line is put back at the prompt afterwards. Resolves when done.
   */
  batch(runner: (control: BatchControl) => Promise<void>): Promise<void>;
  /** Prints the prompt (call once after the terminal is ready, and after a reset). */
  start(): void;
  /** Replaces the primary prompt (takes effect at the next prompt). */
  setPrompt(prompt: string): void;
  /** Drops pending input, the current line and history position (not the history itself). */
  reset(): void;
  /** Resolves once every queued keystroke has been processed and no command is running. */
  idle(): Promise<void>;
  /**
   * Stops a replay like Ctrl-C: drops every queued command; a running one finishes (engine
   * commands are atomic), then `^C` and a fresh prompt are printed.
   */
  interrupt(): void;
  /**
   * Prints a line of text (escape sequences allowed) above the input without disturbing it: the
   * prompt and the half-typed line are drawn again below it, cursor in place. While a command
   * runs, the line simply goes where its output would.
   */
  notice(text: string): void;
}

/** Prompt shown on continuation lines, like bash's PS2. */
export const CONTINUATION_PROMPT = '> ';

const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['\x1b[A', 'up'],
  ['\x1b[B', 'down'],
  ['\x1b[C', 'right'],
  ['\x1b[D', 'left'],
  ['\x1b[H', 'home'],
  ['\x1bOH', 'home'],
  ['\x1b[1~', 'home'],
  ['\x1b[F', 'end'],
  ['\x1bOF', 'end'],
  ['\x1b[4~', 'end'],
  ['\x1b[3~', 'delete'],
];

/** Creates a line discipline writing to and executing through `host`. */
export function createLineDiscipline(
  host: LineDisciplineHost,
  initialPrompt: string,
): LineDiscipline {
  let prompt = initialPrompt;
  let pending = '';
  let buffer = '';
  let cursor = 0;
  let continued: string[] = [];
  const history: string[] = [];
  let historyIndex = 0;
  let draft = '';
  let running = false;
  /** Ctrl-C arrived while a command ran: print ^C once it finished. */
  let interrupted = false;
  /** Whether a prompt has been drawn yet (before that, a notice just prints). */
  let started = false;
  let waiters: Array<() => void> = [];
  /** Tabs pressed in a row: the second one lists the candidates, as in bash. */
  let tabs = 0;

  const currentPrompt = (): string => (continued.length > 0 ? CONTINUATION_PROMPT : prompt);
  /** The prompt as written to the screen (coloured when the host colours it). */
  const shownPrompt = (): string => host.stylePrompt?.(currentPrompt()) ?? currentPrompt();

  /** Moves the physical cursor between two offsets measured from the start of the prompt. */
  function move(from: number, to: number): string {
    const cols = Math.max(1, host.columns());
    const rows = Math.floor(to / cols) - Math.floor(from / cols);
    let out = rows < 0 ? `\x1b[${-rows}A` : rows > 0 ? `\x1b[${rows}B` : '';
    out += '\r';
    if (to % cols > 0) out += `\x1b[${to % cols}C`;
    return out;
  }

  /** After writing up to `end`, forces xterm out of its pending-wrap state at a row boundary. */
  function settle(end: number): string {
    const cols = Math.max(1, host.columns());
    return end > 0 && end % cols === 0 ? ' \r\x1b[K' : '';
  }

  /** Redraws the input after an edit and puts the cursor at `next`. */
  function redraw(next: number): void {
    const base = currentPrompt().length;
    const end = base + buffer.length;
    host.write(
      move(base + cursor, base) + buffer + '\x1b[J' + settle(end) + move(end, base + next),
    );
    cursor = next;
  }

  function insert(text: string): void {
    buffer = buffer.slice(0, cursor) + text + buffer.slice(cursor);
    if (cursor + text.length === buffer.length) {
      cursor = buffer.length;
      host.write(text + settle(currentPrompt().length + cursor));
    } else {
      redraw(cursor + text.length);
    }
  }

  function recall(index: number): void {
    if (index < 0 || index > history.length) return;
    if (historyIndex === history.length) draft = buffer;
    historyIndex = index;
    const text = index === history.length ? draft : (history[index] ?? '');
    const base = currentPrompt().length;
    host.write(move(base + cursor, base));
    buffer = text;
    cursor = 0;
    redraw(text.length);
  }

  function newPrompt(): void {
    started = true;
    buffer = '';
    cursor = 0;
    historyIndex = history.length;
    draft = '';
    host.write(shownPrompt());
  }

  function enter(): void {
    const base = currentPrompt().length;
    host.write(move(base + cursor, base + buffer.length) + '\r\n');
    const line = buffer;
    // The shell's own parser says whether more lines are needed (a `\` at the end, an open
    // here-document, `for … do`, a quote): the same answer the engine would give, without asking it.
    if (!isCompleteInput([...continued, line].join('\n'))) {
      continued.push(line);
      newPrompt();
      return;
    }
    const command = [...continued, line].join('\n');
    continued = [];
    if (command.trim() === '') {
      newPrompt();
      return;
    }
    const remembered = command.replace(/\\\n/g, '');
    const pushed = history[history.length - 1] !== remembered;
    if (pushed) history.push(remembered);
    // `clear` is the terminal's business, not the cluster's (it is ncurses, not a shell builtin):
    // readers type it out of habit, so it clears the screen like Ctrl-L instead of "not found".
    if (command.trim() === 'clear') {
      host.write('\x1b[H\x1b[2J');
      newPrompt();
      return;
    }
    running = true;
    void host.execute(command).then(
      (result) => {
        if (!result.incomplete) return finish(result);
        // bash keeps a multi-line command as one history entry once it is complete.
        if (pushed) history.pop();
        continued = command.split('\n');
        running = false;
        newPrompt();
        drain();
      },
      (error: unknown) => finish({ output: `kubelife: ${String(error)}\n` }),
    );
  }

  function finish(result: ExecuteResult): void {
    if (result.prompt !== undefined) prompt = result.prompt;
    const text = result.output.replace(/\r?\n/g, '\r\n');
    host.write(text === '' || text.endsWith('\r\n') ? text : `${text}\r\n`);
    if (interrupted) host.write('^C\r\n');
    interrupted = false;
    running = false;
    newPrompt();
    drain();
  }

  function handleKey(key: string): void {
    const base = currentPrompt().length;
    switch (key) {
      case 'up':
        recall(historyIndex - 1);
        break;
      case 'down':
        recall(historyIndex + 1);
        break;
      case 'left':
        if (cursor > 0) {
          host.write(move(base + cursor, base + cursor - 1));
          cursor -= 1;
        }
        break;
      case 'right':
        if (cursor < buffer.length) {
          host.write(move(base + cursor, base + cursor + 1));
          cursor += 1;
        }
        break;
      case 'home':
        host.write(move(base + cursor, base));
        cursor = 0;
        break;
      case 'end':
        host.write(move(base + cursor, base + buffer.length));
        cursor = buffer.length;
        break;
      case 'delete':
        if (cursor < buffer.length) {
          buffer = buffer.slice(0, cursor) + buffer.slice(cursor + 1);
          redraw(cursor);
        }
        break;
    }
  }

  /** Processes queued input until it is empty or a command starts running. */
  function drain(): void {
    // Before the first prompt (a scenario still loading, after a reset) keys wait in the queue;
    // whoever waits for an idle terminal is still told when nothing is pending.
    while (started && !running && pending.length > 0) {
      const key = KEYS.find(([sequence]) => pending.startsWith(sequence));
      if (key) {
        pending = pending.slice(key[0].length);
        tabs = 0;
        handleKey(key[1]);
        continue;
      }
      const char = pending[0] ?? '';
      pending = pending.slice(1);
      tabs = char === '\t' ? tabs + 1 : 0;
      if (char === '\r' || char === '\n') {
        if (char === '\r' && pending[0] === '\n') pending = pending.slice(1);
        enter();
      } else if (char === '\x7f' || char === '\b') {
        if (cursor > 0) {
          buffer = buffer.slice(0, cursor - 1) + buffer.slice(cursor);
          const base = currentPrompt().length;
          host.write(move(base + cursor, base + cursor - 1));
          cursor -= 1;
          redraw(cursor);
        }
      } else if (char === '\x03') {
        host.write(move(currentPrompt().length + cursor, currentPrompt().length + buffer.length));
        host.write('^C\r\n');
        continued = [];
        newPrompt();
      } else if (char === '\x0c') {
        host.write('\x1b[H\x1b[2J' + shownPrompt() + buffer);
        const base = currentPrompt().length;
        host.write(settle(base + buffer.length) + move(base + buffer.length, base + cursor));
      } else if (char === '\x15') {
        const base = currentPrompt().length;
        host.write(move(base + cursor, base));
        buffer = '';
        cursor = 0;
        redraw(0);
      } else if (char === '\x01') {
        handleKey('home');
      } else if (char === '\x05') {
        handleKey('end');
      } else if (char === '\x1b') {
        // An escape sequence we do not handle: drop it up to its final byte.
        const match = /^(\[[0-9;?]*[ -/]*[@-~]|O.)?/.exec(pending);
        pending = pending.slice(match?.[0].length ?? 0);
      } else if (char === '\t') {
        tab();
      } else if (char >= ' ') {
        insert(char);
      }
    }
    if (!running && pending.length === 0) {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  }

  function show(entry: ShownCommand): void {
    const echoed = entry.command.replace(/\n/g, `\r\n${CONTINUATION_PROMPT}`);
    const text = entry.output.replace(/\r?\n/g, '\r\n');
    const ending = text === '' || text.endsWith('\r\n') ? '' : '\r\n';
    const remembered = entry.command.replace(/\\\n/g, '');
    if (remembered.trim() !== '' && history[history.length - 1] !== remembered)
      history.push(remembered);
    if (entry.prompt !== undefined) prompt = entry.prompt;
    host.write(`${echoed}\r\n${text}${ending}${shownPrompt()}`);
  }

  async function batch(runner: (control: BatchControl) => Promise<void>): Promise<void> {
    while (running) await new Promise<void>((resolve) => waiters.push(resolve));
    running = true;
    const kept = buffer;
    if (buffer !== '') {
      const base = currentPrompt().length;
      host.write(move(base + cursor, base) + '\x1b[J');
    }
    buffer = '';
    cursor = 0;
    try {
      await runner({ show, stopped: () => interrupted });
    } catch (error) {
      host.write(`kubelife: ${String(error)}\r\n${shownPrompt()}`);
    }
    if (interrupted) host.write(`^C\r\n${shownPrompt()}`);
    interrupted = false;
    running = false;
    historyIndex = history.length;
    if (kept !== '') insert(kept);
    drain();
  }

  /** Applies a completion of the word before the cursor (see tab-completion.ts). */
  function completeWith(before: string, start: number, candidates: readonly string[]): void {
    const action = tabAction(before.slice(start), candidates, tabs, host.columns());
    if (action === undefined) return;
    if ('insert' in action) {
      insert(action.insert);
      tabs = 0;
      return;
    }
    const base = currentPrompt().length;
    const end = base + buffer.length;
    host.write(
      move(base + cursor, end) +
        '\r\n' +
        action.list +
        '\r\n' +
        shownPrompt() +
        buffer +
        settle(end) +
        move(end, base + cursor),
    );
  }

  /** Tab: asks the host for completions; keys typed meanwhile wait, as while a command runs. */
  function tab(): void {
    if (!host.complete) return;
    const before = buffer.slice(0, cursor);
    running = true;
    host.complete(before).then(
      ({ start, candidates }) => {
        running = false;
        completeWith(before, start, candidates);
        drain();
      },
      () => {
        running = false;
        drain();
      },
    );
  }

  function interrupt(): void {
    pending = '';
    continued = [];
    if (running) interrupted = true;
    else {
      host.write(move(currentPrompt().length + cursor, currentPrompt().length + buffer.length));
      host.write('^C\r\n');
      newPrompt();
      drain();
    }
    host.onInterrupt?.();
  }

  return {
    input(data) {
      // Ctrl-C while commands run or wait in the queue (a replay) stops them, as in a shell.
      if (data === '\x03' && (running || pending.length > 0)) {
        // A command that runs on (a runaway loop, a huge expansion) is stopped by the backend,
        // which goes back to the state saved before it; its error line then says so.
        if (running) host.interrupt?.();
        interrupt();
        return;
      }
      pending += data;
      drain();
    },
    interrupt,
    batch,
    type(commands) {
      pending += commands.map((command) => `${command.replace(/\n/g, '\r')}\r`).join('');
      drain();
    },
    start() {
      newPrompt();
      drain();
    },
    setPrompt(next) {
      prompt = next;
    },
    reset() {
      started = false;
      pending = '';
      continued = [];
      buffer = '';
      cursor = 0;
      historyIndex = history.length;
    },
    idle() {
      if (!running && pending.length === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    notice(text) {
      const line = `${text.replace(/\r?\n/g, '\r\n')}\r\n`;
      if (running || !started) {
        host.write(line);
        return;
      }
      const base = currentPrompt().length;
      const end = base + buffer.length;
      host.write(
        move(base + cursor, 0) +
          '\x1b[J' +
          line +
          shownPrompt() +
          buffer +
          settle(end) +
          move(end, base + cursor),
      );
    },
  };
}
