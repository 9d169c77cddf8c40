/**
 * xterm wiring for the page terminal: creates the xterm Terminal and fit addon in a container,
 * starts the engine worker and connects keystrokes → line discipline → worker → screen. Loaded
 * lazily by <kubelife-terminal> on first interaction, so xterm and the engine never weigh on the
 * initial page load. This folder is the only code that imports @xterm/*.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';

import { colourOutput, colourPrompt } from 'kubelife/colour';

import { createKeyboardEscape } from './keyboard-escape.ts';
import { REPLAY_REFRESH_MS } from './replay.ts';
import { createLineDiscipline, type BatchControl, type ExecuteResult } from './line-discipline.ts';
import type { BackendChoice } from './backends/backend-selection.ts';
import { createEngineSwitch } from './backends/engine-switch.ts';
import { engineWorkers } from './engine-worker-start.ts';
import { reasonOf } from './backends/with-timeout.ts';
import type { ClusterStatus, GoalStatus } from './protocol.ts';
import { createSupervisedClient } from './supervised-client.ts';

/** Where and how to mount a terminal. */
export interface MountOptions {
  readonly container: HTMLElement;
  /** Scenario to start from (empty: the engine's default). */
  readonly scenario: string;
  /** Saved engine state to continue from instead of the scenario. */
  readonly state?: unknown;
  /** Called with the engine state after every command, for persistence. */
  readonly onState: (state: unknown) => void;
  /** Called after every command with its plain-text transcript entry (prompt, command, output). */
  readonly onTranscript?: (text: string) => void;
  /** Called with the simulated clock and cluster version after loading and after every command. */
  readonly onStatus?: (status: ClusterStatus) => void;
  /** Goal predicate the worker checks after loading and after every command. */
  readonly goal?: string | undefined;
  /** The reader's release (a minor, e.g. "v1.36"), asked at every load: scenarios follow it. */
  readonly release?: () => string;
  /** Called with the goal's status whenever the worker checked it. */
  readonly onGoal?: (goal: GoalStatus) => void;
  /**
   * Backend the reader chose. The terminal always starts on the Web Worker; for 'webcontainer'
   * it then starts a WebContainer in the background and moves the session there when it answers.
   */
  readonly backend?: BackendChoice;
  /** Called with the backend in use after every change, and why a WebContainer is not used. */
  readonly onBackend?: (backend: BackendChoice, failure?: string) => void;
  /** Called after every command the terminal ran (typed or replayed), for progress. */
  readonly onCommand?: () => void;
  /** Called when the reader typed Ctrl-C (queued commands of a replay are dropped as well). */
  readonly onInterrupt?: () => void;
  /** Called when Escape was pressed in the terminal: Tab or Shift+Tab now leaves it. */
  readonly onEscape?: () => void;
  /** Id of the element describing the terminal's input (the keyboard hint). */
  readonly describedBy?: string;
}

/** Handle on a mounted terminal. */
export interface TerminalController {
  /** Types and runs commands as if entered at the prompt. */
  run(commands: readonly string[]): void;
  /**
   * Restarts the session from a scenario and clears the screen; `note` is printed (dimmed) above
   * the new prompt, e.g. "This step starts from scenario …".
   */
  reset(scenario: string, note?: string): Promise<void>;
  focus(): void;
  setScreenReaderMode(on: boolean): void;
  /**
   * While on, the session is not saved after each command batch or scenario load (each save copies
   * the whole cluster state out of the engine and into sessionStorage); turning it off saves once
   * if anything ran meanwhile. For long replays (Run all up to here).
   */
  deferSaves(on: boolean): void;
  /** Resolves once queued input has been processed. */
  idle(): Promise<void>;
  /** Stops a replay: queued commands are dropped, as Ctrl-C in the terminal does. */
  interrupt(): void;
  /** Moves the running session to another backend; resolves to the backend in use after. */
  useBackend(choice: BackendChoice): Promise<BackendChoice>;
  dispose(): void;
}

/** Commands per engine request during a replay: Ctrl-C and Stop act between two chunks. */
const REPLAY_CHUNK = 25;

/** What `clear` writes: cursor home, erase the screen. */
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

/** Removes the escape sequences this module adds, for the plain-text transcript. */
function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** Marks kubelife's own notices dim so they stand apart from tool output; the rest stays plain. */
function styleStderr(stderr: string): string {
  return stderr.replace(/^(kubelife: .*)$/gm, '\x1b[2m$1\x1b[22m');
}

/** Mounts a terminal; resolves once the engine session is loaded and the prompt is shown. */
export async function mountTerminal(options: MountOptions): Promise<TerminalController> {
  const { container, onState } = options;
  const client = createEngineSwitch({
    createWorker: () =>
      // The first worker was started ahead by the dock (see engine-worker-start.ts).
      createSupervisedClient(() => engineWorkers.take()),
    startWebContainer: async () =>
      (await import('./backends/webcontainer.ts')).startWebContainerBackend(),
    goal: options.goal,
    notify(text) {
      discipline.notice(`\x1b[2m${text}\x1b[22m`);
      options.onTranscript?.(`${text}\n`);
    },
    ...(options.onBackend ? { onBackend: options.onBackend } : {}),
  });
  const firstLoad = client.load(options.scenario, options.state, options.goal, options.release?.());
  // Sent before xterm opens: the engine loads the scenario on its thread meanwhile. The first
  // load() below awaits it; the catch only keeps an early failure from counting as unhandled.
  firstLoad.catch(() => undefined);
  const term = new Terminal({
    cursorBlink: false,
    convertEol: false,
    fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace",
    fontSize: 13,
    lineHeight: 1.2,
    scrollback: 5000,
    theme: {
      background: '#0d1117',
      foreground: '#e6edf3',
      cursor: '#e6edf3',
      selectionBackground: '#264f78',
    },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  // Replacing the placeholder drops focus from its "Open terminal" button: hand it to the terminal.
  const hadFocus = container.contains(document.activeElement);
  container.replaceChildren();
  term.open(container);
  fit.fit();
  const escape = createKeyboardEscape();
  term.attachCustomKeyEventHandler((event) => {
    const decision = escape(event);
    if (decision === 'armed') options.onEscape?.();
    return decision === 'terminal';
  });
  if (options.describedBy !== undefined)
    term.textarea?.setAttribute('aria-describedby', options.describedBy);
  if (hadFocus) term.focus();
  const observer = new ResizeObserver(() => fit.fit());
  observer.observe(container);

  let firstWrite = true;
  let prompt = 'root@cp-1:~# ';

  async function execute(command: string): Promise<ExecuteResult> {
    try {
      const result = await client.run(command);
      if (result.incomplete) return { output: '', incomplete: true };
      if (firstWrite) performance.mark('kubelife:first-output');
      firstWrite = false;
      const output = colourOutput(styleStderr(result.output));
      transcribe(command, output);
      prompt = result.prompt;
      options.onStatus?.(result.status);
      if (result.goal) options.onGoal?.(result.goal);
      options.onCommand?.();
      saveWhenIdle();
      return { output, prompt: result.prompt };
    } catch (error) {
      return {
        output: `\x1b[2mkubelife: ${error instanceof Error ? error.message : String(error)}\x1b[22m\n`,
      };
    }
  }

  /**
   * Runs a replay's commands (Run, Run all up to here) a chunk per request: one message to the
   * engine for many commands instead of one round trip each, while Ctrl-C and Stop still take
   * effect between chunks. The status badge and goal are updated once per chunk.
   */
  async function replay(commands: readonly string[], control: BatchControl): Promise<void> {
    const chunks: string[][] = [];
    for (let at = 0; at < commands.length; at += REPLAY_CHUNK)
      chunks.push(commands.slice(at, at + REPLAY_CHUNK));
    // The engine runs the next chunk while this thread draws the one before. A chunk already
    // sent when Ctrl-C arrives has run (engine commands are atomic): it is shown, then the replay stops.
    let next = chunks.length > 0 ? client.runMany(chunks[0] ?? []) : undefined;
    for (const [index, chunk] of chunks.entries()) {
      if (next === undefined) return;
      let answer: Awaited<ReturnType<typeof client.runMany>>;
      try {
        answer = await next;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        control.show({ command: chunk[0] ?? '', output: `\x1b[2mkubelife: ${message}\x1b[22m\n` });
        return;
      }
      const following = chunks[index + 1];
      next = following && !control.stopped() ? client.runMany(following) : undefined;
      if (firstWrite) performance.mark('kubelife:first-output');
      firstWrite = false;
      answer.results.forEach((result, i) => {
        const command = chunk[i] ?? '';
        // `clear` is the terminal's business (see line-discipline.ts): it clears, it does not fail.
        const clear = command.trim() === 'clear';
        const output = clear ? CLEAR_SCREEN : colourOutput(styleStderr(result.output));
        transcribe(command, clear ? '' : output);
        prompt = result.prompt;
        control.show({ command, output, prompt: result.prompt });
        options.onCommand?.();
      });
      options.onStatus?.(answer.status);
      if (answer.goal) options.onGoal?.(answer.goal);
    }
  }

  /** Adds a command and its output to the plain-text transcript. */
  function transcribe(command: string, output: string): void {
    const echoed = command.replace(/\n/g, '\n> ');
    const ending = output === '' || output.endsWith('\n') ? '' : '\n';
    options.onTranscript?.(`${prompt}${echoed}\n${plain(output)}${ending}`);
  }

  /**
   * Saves the session once the queue is empty, not after every command: a replay of hundreds of
   * commands would otherwise copy and store the whole cluster state hundreds of times.
   */
  let saving = false;
  /** While a long replay runs, saves wait for its end (`deferSaves(false)`); true: one is due. */
  let deferred: boolean | undefined;
  function saveWhenIdle(): void {
    if (deferred !== undefined) {
      deferred = true;
      return;
    }
    if (saving) return;
    saving = true;
    void discipline.idle().then(async () => {
      saving = false;
      onState(await client.save());
    });
  }

  /**
   * While commands are replayed (Run, Run all), screen output is collected and written a few
   * times a second: xterm then parses and renders one chunk instead of one per command (on a long
   * page every repaint costs), and the reader sees the final screen. Typed keystrokes are echoed
   * at once.
   */
  let replaying = false;
  let screenBuffer = '';
  let screenFrame = 0;
  function flushScreen(): void {
    screenFrame = 0;
    if (screenBuffer === '') return;
    term.write(screenBuffer);
    screenBuffer = '';
  }
  function write(data: string): void {
    if (!replaying) {
      flushScreen();
      term.write(data);
      return;
    }
    screenBuffer += data;
    screenFrame ||= window.setTimeout(flushScreen, REPLAY_REFRESH_MS);
  }

  const discipline = createLineDiscipline(
    {
      write,
      execute,
      columns: () => term.cols,
      stylePrompt: colourPrompt,
      complete: (line) => client.complete(line),
      interrupt: () => client.interrupt?.(),
    },
    'root@cp-1:~# ',
  );
  const input = term.onData((data) => {
    // Ctrl-C also stops a replay between two of its batches (while a scenario loads).
    if (data === '\x03') options.onInterrupt?.();
    discipline.input(data);
  });

  /** Starts a session (`early`: the same load, already sent) and shows its prompt. */
  async function load(
    scenario: string,
    state?: unknown,
    early?: ReturnType<typeof client.load>,
  ): Promise<void> {
    try {
      const loaded = await (early ??
        client.load(scenario, state, options.goal, options.release?.()));
      prompt = loaded.prompt;
      options.onStatus?.(loaded.status);
      if (loaded.goal) options.onGoal?.(loaded.goal);
      discipline.setPrompt(loaded.prompt);
    } catch (error) {
      if (state !== undefined) {
        // A stored session this engine cannot use (tampered, or from another version): say so,
        // start from the page's scenario and store that instead, so a reload starts clean too.
        term.write(
          `\x1b[2mkubelife: the session saved in this tab could not be loaded (${reasonOf(error)}); starting from the page's scenario\x1b[22m\r\n`,
        );
        await load(scenario);
        onState(await client.save());
        return;
      }
      term.write(`\x1b[2mkubelife: cannot load scenario ${scenario}: ${String(error)}\x1b[22m\r\n`);
    }
    discipline.start();
  }

  await load(options.scenario, options.state, firstLoad);
  if (options.backend === 'webcontainer') void client.use('webcontainer');

  return {
    run(commands) {
      firstWrite = true;
      replaying = true;
      void discipline
        .batch((control) => replay(commands, control))
        .then(() => {
          replaying = false;
          flushScreen();
          saveWhenIdle();
        });
    },
    async reset(scenario, note) {
      await discipline.idle();
      // A reader typing (or watching a replay) keeps the keyboard in the terminal across resets.
      const focused = term.textarea !== undefined && document.activeElement === term.textarea;
      discipline.reset();
      term.reset();
      if (focused) term.focus();
      if (note !== undefined) {
        term.write(`\x1b[2m${note}\x1b[22m\r\n`);
        options.onTranscript?.(`${note}\n`);
      }
      await load(scenario);
      saveWhenIdle();
    },
    deferSaves(on) {
      const due = deferred === true;
      deferred = on ? (deferred ?? false) : undefined;
      if (!on && due) saveWhenIdle();
    },
    focus: () => term.focus(),
    setScreenReaderMode(on) {
      term.options.screenReaderMode = on;
    },
    idle: () => discipline.idle(),
    interrupt: () => discipline.interrupt(),
    useBackend: (choice) => client.use(choice),
    dispose() {
      input.dispose();
      observer.disconnect();
      client.dispose();
      term.dispose();
    },
  };
}
