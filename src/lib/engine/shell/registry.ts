/**
 * The command registry: every command the simulated machines understand, by name.
 * Modules register themselves here; `help` lists them.
 */
import type { CommandModule } from './types.ts';

/** Name → module. Populated by ./commands/index.ts. */
export const registry = new Map<string, CommandModule>();

/** Adds modules to the registry. */
export function register(...modules: readonly CommandModule[]): void {
  for (const m of modules) registry.set(m.name, m);
}
