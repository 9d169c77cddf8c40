/**
 * `kubelife export GUIDE --format sh`: a guide as a bash script for real machines. Commands are the
 * guide's, in reading order, for one release track; each expected output follows as comments. A
 * guide's `ssh NAME` … `exit` becomes an ssh section (`ssh NAME bash -s <<'KUBELIFE_NAME_n'` …
 * terminator), so the lines run on NAME exactly as they do in the simulator. There is no `set -e`:
 * some steps are meant to fail (their expected exit status is in a comment).
 */
import { machineSwitch } from './machine-switch.ts';
import type { DocPage } from './runner.ts';
import { extractSnippets, type SnippetTrack } from './snippets.ts';

/** What to export. */
export interface ExportOptions {
  /** The guide's name, for the header. */
  readonly title: string;
  readonly pages: readonly DocPage[];
  readonly track: SnippetTrack;
}

const comment = (text: string, prefix = '# '): string[] =>
  text === '' ? [] : text.split('\n').map((l) => `${prefix}${l}`.trimEnd());

/** Renders the guide as a bash script (ends with a newline). */
export function exportShellScript(options: ExportOptions): string {
  const out: string[] = [
    '#!/usr/bin/env bash',
    `# ${options.title}: exported by \`kubelife export\` for Kubernetes ${options.track.minor}.`,
    '# Run it on the machine the guide starts on; "ssh NAME" sections run on NAME over ssh',
    '# (set up Host entries in ~/.ssh/config). Lines starting with "#" are the guide\'s expected',
    '# output: compare as you go, or check the pages with `kubelife doctest --backend host`.',
  ];
  const sections: string[] = [];
  let count = 0;
  let reached: string | undefined;
  for (const page of options.pages) {
    if (page.meta.doctest?.skip) continue;
    out.push('', `# ==== ${page.file}${page.meta.title ? `: ${page.meta.title}` : ''} ====`);
    const start = page.meta.scenario;
    if (start !== undefined && reached !== undefined && start !== reached)
      out.push(
        `# Note: this page starts from "${start}", not from "${reached}" where the page before`,
        '# left the machines: it is an alternative path. Run it on machines in that state.',
      );
    reached = page.meta.produces ?? start ?? reached;
    for (const snippet of extractSnippets(page.source, options.track)) {
      out.push('', `# -- ${page.file}:${snippet.line}`);
      for (const command of snippet.commands) {
        const move = machineSwitch(command);
        if (move?.kind === 'ssh') {
          const tag = `KUBELIFE_${move.machine.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}_${++count}`;
          sections.push(tag);
          const dest = move.user ? `${move.user}@${move.machine}` : move.machine;
          out.push(`ssh -T ${dest} bash -s <<'${tag}'`);
        } else if (move?.kind === 'exit' && sections.length > 0) {
          out.push(sections.pop() ?? '');
        } else {
          out.push(command);
        }
      }
      if (snippet.exitCode !== 0) out.push(`# expected exit status: ${snippet.exitCode}`);
      out.push(...comment(snippet.expected, '#   '));
    }
  }
  while (sections.length > 0) out.push(sections.pop() ?? '');
  return `${out.join('\n')}\n`;
}
