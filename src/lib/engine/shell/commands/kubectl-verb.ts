/**
 * The shape of one kubectl verb in the registry of kubectl.ts: its flags, its one-line help and
 * how it runs. Verbs that live in their own file export a factory taking kubectl's `connect`
 * (the kubeconfig and API server checks), so registering one is a single line.
 */
import type { FlagSpec, ParsedFlags } from '../flags.ts';
import { findMachine } from '../../src/index.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';

/** One kubectl verb. */
export interface KubectlVerb {
  readonly flags: FlagSpec[];
  readonly short: string;
  readonly run: (inv: Invocation, p: ParsedFlags) => number | Promise<number>;
}

/** Builds a verb from kubectl's connect check. */
export type KubectlVerbFactory = (connect: Connect) => KubectlVerb;

/** True when the flag was given on the line (cobra's Flags().Changed). */
export function changed(p: ParsedFlags, name: string): boolean {
  return Object.hasOwn(p.values, name);
}

/**
 * kubectl's usage error (cmdutil.UsageErrorf) for positional arguments a verb takes none of:
 * `error: unexpected arguments: [a b]` and the hint to the verb's help.
 */
export function unexpectedArguments(
  inv: Invocation,
  verb: string,
  args: readonly string[],
): number {
  inv.io.err(
    `error: unexpected arguments: [${args.join(' ')}]\nSee 'kubectl ${verb} -h' for help and examples`,
  );
  return 1;
}

/**
 * How kubectl labels a flag parse error: the real kubectl v1.32.4 prints cobra's "Error:", v1.33.1
 * prints "error:" (both run against `kubelife serve --api`); releases before v1.33 get the former.
 */
export function flagErrorLabel(inv: Invocation): string {
  const version = findMachine(inv.ctx.state, inv.machine)?.packages.kubectl?.version ?? '';
  const minor = Number(version.split('.')[1] ?? 99);
  return minor < 33 ? 'Error' : 'error';
}
