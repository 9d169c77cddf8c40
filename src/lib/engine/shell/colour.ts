/**
 * Terminal colours where the real tools print them, for a terminal that shows colour (the site's
 * xterm, the CLI on a TTY without NO_COLOR). The engine's output stays plain text (doc-tests
 * compare it); colour is added here, at the edge, and only where the real tool adds it:
 *
 * - The prompt: green `user@host`, blue working directory, as Ubuntu's default bashrc colours it
 *   (`\[\033[01;32m\]\u@\h\[\033[00m\]:\[\033[01;34m\]\w\[\033[00m\]\$ `, /etc/skel/.bashrc).
 * - kubectl's `Warning:` prefix in bold yellow, as client-go's warning writer prints it on a
 *   terminal (staging/src/k8s.io/client-go/rest/warnings.go: yellowColor "\u001b[33;1m").
 */

const GREEN = '\x1b[01;32m';
const BLUE = '\x1b[01;34m';
const YELLOW = '\x1b[33;1m';
const RESET = '\x1b[00m';

/** `root@cp-1:~# ` → the same prompt with Ubuntu's colours; anything else is returned as is. */
export function colourPrompt(prompt: string): string {
  const match = /^([^@\s]+@[^:\s]+):([^#$]*)([#$] )$/.exec(prompt);
  if (!match) return prompt;
  return `${GREEN}${match[1] ?? ''}${RESET}:${BLUE}${match[2] ?? ''}${RESET}${match[3] ?? ''}`;
}

/** Colours what the real tools colour in command output (kubectl's `Warning:` prefix). */
export function colourOutput(output: string): string {
  return output.replace(/^Warning:(?= )/gm, `${YELLOW}Warning:\x1b[0m`);
}

/** Removes SGR colour sequences (for plain transcripts and NO_COLOR). */
export function stripColour(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
