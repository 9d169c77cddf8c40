/**
 * kubeadm's workflow runner, as data: a command is a tree of phases; the runner computes
 * `parent/child` paths, honours `--skip-phases`, and wraps a failure with the phase path
 * (cmd/kubeadm/app/cmd/phases/workflow/runner.go).
 */
import { EngineError, isEngineError } from '../errors.ts';

/** One phase: a name, a one-line description, optional children and an optional action. */
export interface Phase<D> {
  readonly name: string;
  readonly short: string;
  readonly phases?: readonly Phase<D>[];
  /** The phase's own work; runs before its children, like kubeadm's runner. */
  readonly run?: (data: D) => void;
  /** When present and false, the phase (and its children) is skipped silently. */
  readonly runIf?: (data: D) => boolean;
  /** Hidden phases (e.g. `all`) are left out of help text. */
  readonly hidden?: boolean;
}

/** A phase with its computed path. */
export interface PhaseEntry<D> {
  readonly path: string;
  readonly phase: Phase<D>;
  readonly depth: number;
}

/** Flattens a phase tree in execution order, with `a/b` paths. */
export function flattenPhases<D>(
  phases: readonly Phase<D>[],
  parent = '',
  depth = 0,
): PhaseEntry<D>[] {
  const out: PhaseEntry<D>[] = [];
  for (const phase of phases) {
    const path = parent ? `${parent}/${phase.name}` : phase.name;
    out.push({ path, phase, depth });
    if (phase.phases) out.push(...flattenPhases(phase.phases, path, depth + 1));
  }
  return out;
}

/**
 * Validates `--skip-phases` values against the tree, returning the unknown ones (kubeadm rejects
 * them).
 */
export function unknownPhases<D>(phases: readonly Phase<D>[], skip: readonly string[]): string[] {
  const known = new Set(flattenPhases(phases).map((e) => e.path));
  return skip.filter((s) => !known.has(s));
}

function isSkipped(path: string, skip: readonly string[]): boolean {
  return skip.some((s) => path === s || path.startsWith(`${s}/`));
}

/**
 * Runs the phases in order. A phase's thrown error becomes EngineError KubeadmPhase with the
 * phase path, unless it already is one.
 */
export function runPhases<D>(
  phases: readonly Phase<D>[],
  data: D,
  skip: readonly string[],
  only?: string,
): void {
  const skippedByCondition: string[] = [];
  for (const { path, phase } of flattenPhases(phases)) {
    // `kubeadm init phase certs/ca` runs that phase and its children, not its parent's own work.
    if (only !== undefined && path !== only && !path.startsWith(`${only}/`)) continue;
    if (isSkipped(path, skip)) continue;
    if (skippedByCondition.some((p) => path.startsWith(`${p}/`))) continue;
    if (phase.runIf && !phase.runIf(data)) {
      skippedByCondition.push(path);
      continue;
    }
    if (!phase.run) continue;
    try {
      phase.run(data);
    } catch (error) {
      if (isEngineError(error) && error.code === 'KubeadmPhase') throw error;
      const message = isEngineError(error) ? error.message : String(error);
      throw new EngineError('KubeadmPhase', { phase: path, message });
    }
  }
}

/**
 * The "Phases:" section of `kubeadm init --help`, generated from the same tree: names padded to a
 * column, children indented with `/`.
 */
export function formatPhaseHelp<D>(phases: readonly Phase<D>[]): string {
  const rows = flattenPhases(phases)
    .filter((e) => !e.phase.hidden)
    .map((e) => ({
      label: `${'  '.repeat(e.depth)}${e.depth > 0 ? '/' : ''}${e.phase.name}`,
      short: e.phase.short,
    }));
  const width = Math.max(...rows.map((r) => r.label.length)) + 2;
  return rows.map((r) => `  ${r.label.padEnd(width)}${r.short}`).join('\n');
}
