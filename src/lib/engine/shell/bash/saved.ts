/**
 * The interpreter state that `session.save()` keeps beside `env`: working directory, arrays and
 * options, written only when they differ from a fresh shell (so saved states of sessions that
 * never used them stay as they were). Functions and `$?` are not kept (a reload starts a new shell).
 */
import type { BashState } from './vars.ts';

/** Plain-JSON form of the interpreter state. */
export interface SavedShell {
  readonly cwd?: string;
  readonly options?: readonly string[];
  readonly arrays?: Readonly<
    Record<
      string,
      { readonly assoc: boolean; readonly items: ReadonlyArray<readonly [string, string]> }
    >
  >;
}

/** `{ shell }` for save(), or nothing when the state is a fresh shell's. */
export function saveShell(s: BashState, home: string): { shell?: SavedShell } {
  const shell: { cwd?: string; options?: string[]; arrays?: NonNullable<SavedShell['arrays']> } =
    {};
  if (s.cwd !== home) shell.cwd = s.cwd;
  if (s.options.size > 0) shell.options = [...s.options].sort();
  if (s.arrays.size > 0)
    shell.arrays = Object.fromEntries(
      [...s.arrays].map(([k, v]) => [k, { assoc: v.assoc, items: [...v.items] }]),
    );
  return Object.keys(shell).length > 0 ? { shell } : {};
}

/** Applies a saved interpreter state to a fresh one. */
export function restoreShell(s: BashState, saved: SavedShell): void {
  if (typeof saved.cwd === 'string') s.cwd = saved.cwd;
  for (const o of saved.options ?? []) if (typeof o === 'string') s.options.add(o);
  for (const [k, v] of Object.entries(saved.arrays ?? {}))
    s.arrays.set(k, { assoc: v.assoc === true, items: new Map(v.items.map(([a, b]) => [a, b])) });
}
