/**
 * kubeadm's `[y/N]` prompts (InteractivelyConfirmAction in cmd/kubeadm/app/cmd/util): one line
 * is read from stdin and only "y" or "yes", in any case, lets the command go on; anything else,
 * or EOF when there is no input, stops it with the same error.
 */

/** The error text kubeadm returns when the answer is not yes. */
export const NOT_CONFIRMED = "won't proceed; the user didn't answer (Y|y) in order to continue";

/** True when `answer` (the first line of stdin, undefined without input) confirms. */
export function confirmed(answer: string | undefined): boolean {
  const reply = (answer ?? '').trim().toLowerCase();
  return reply === 'y' || reply === 'yes';
}
