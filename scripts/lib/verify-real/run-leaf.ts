/**
 * Runs one guide leaf on this machine's real tools: the simulator builds the leaf's scenario and
 * exports every machine's files; each simulated machine becomes a local bash whose /etc/kubernetes,
 * /var/lib/etcd, /var/lib/kubelet and /root are that machine's exported tree; when the leaf uses
 * etcdctl, a real etcd cluster shaped like the scenario's runs on 127.0.0.1. Snippets the real
 * tools can run are compared with the page (classify.ts says which), with the run masks and the
 * named tolerance sets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { etcdView, findMachine, machineNames } from 'kubelife';
import { createHostBackend, exportFs } from 'kubelife/cli';
import {
  extractSnippets,
  pageSession,
  runSnippet,
  snippetTrack,
  type DocPage,
  type Mask,
} from 'kubelife/doctest';
import { classifyCommand, MAPPED_DIRS, programs, queriesEtcd } from './classify.ts';
import { LS_STAND_IN, sortMemberRows, startRealEtcd, type RealEtcd } from './real-etcd.ts';

/** One snippet's outcome. */
export interface SnippetOutcome {
  readonly line: number;
  readonly status: 'passed' | 'failed' | 'not compared';
  readonly detail: string;
  readonly masked: readonly string[];
}

/** One leaf's outcome. */
export interface LeafOutcome {
  readonly file: string;
  readonly scenario: string;
  readonly realEtcdMembers: number;
  readonly snippets: readonly SnippetOutcome[];
}

/** True when the leaf has a command for one of the real tools this harness runs. */
export function usesRealTools(page: DocPage): boolean {
  const track = snippetTrack();
  return extractSnippets(page.source, track).some((s) =>
    s.commands.some((c) => programs(c).some((p) => ['openssl', 'etcdctl', 'etcdutl'].includes(p))),
  );
}

/** Runs one leaf; `work` is an empty folder for its files. */
export async function verifyLeaf(
  page: DocPage,
  options: { readonly work: string; readonly masks: readonly Mask[]; readonly minor?: string },
): Promise<LeafOutcome> {
  const track = snippetTrack(options.minor);
  const session = pageSession(page.meta.scenario, track.minor);
  const start = (await session.run('hostname')).stdout.trim();
  const state = session.save().state;
  const fs = join(options.work, 'fs');
  mkdirSync(fs, { recursive: true });
  await exportFs(state, fs);
  const snippets = extractSnippets(page.source, track);
  const needsEtcd = snippets.some((s) => s.commands.some((c) => /\betcd(ctl|utl)\b/.test(c)));
  const view = etcdView(state);
  let etcd: RealEtcd | undefined;
  if (needsEtcd && view && view.members.length > 0) {
    etcd = startRealEtcd({
      members: view.members,
      clusterId: view.clusterId,
      fs,
      work: options.work,
      localMachine: start,
    });
    // A snapshot the scenario took is simulator data: replace it with a real one.
    for (const m of machineNames(state)) {
      for (const path of Object.keys(findMachine(state, m)?.files ?? {}))
        if (path.startsWith('/root/') && path.endsWith('.db')) etcd.snapshot(join(fs, m, path));
    }
  }
  const prelude = join(options.work, 'prelude.sh');
  writeFileSync(prelude, etcd?.prelude ?? `${LS_STAND_IN}\n`);
  process.env['BASH_ENV'] = prelude;
  const machineRewrites = new Map(
    machineNames(state).map((m) => {
      for (const dir of MAPPED_DIRS) mkdirSync(join(fs, m, dir), { recursive: true });
      return [m, MAPPED_DIRS.map((dir) => [dir, join(fs, m, dir)] as const)] as const;
    }),
  );
  const backend = createHostBackend({
    // Each machine's shell starts in its exported /root (HOME), never in this machine's /root.
    machines: new Map(
      machineNames(state).map((m) => [m, { kind: 'local', home: join(fs, m, 'root') }] as const),
    ),
    initial: start,
    machineRewrites,
    rewrites: etcd?.rewrites ?? [],
    timeoutSeconds: 120,
  });
  const host: typeof backend = etcd
    ? {
        ...backend,
        async run(line) {
          const result = await backend.run(line);
          return {
            ...result,
            output: sortMemberRows(result.output),
            stdout: sortMemberRows(result.stdout),
          };
        },
      }
    : backend;
  const outcomes: SnippetOutcome[] = [];
  let diverged: { files: boolean; cluster: boolean; after: string } = {
    files: false,
    cluster: false,
    after: '',
  };
  try {
    for (const snippet of snippets) {
      const kinds = snippet.commands.map((c) => ({ command: c, ...classifyCommand(c) }));
      const blocked = kinds.find((k) => k.kind === 'api' || k.kind === 'unsupported');
      const stale =
        diverged.files || (diverged.cluster && snippet.commands.some((c) => queriesEtcd(c)));
      if (!blocked && !stale) {
        const result = await runSnippet(host, snippet, { masks: options.masks, label: 'real' });
        outcomes.push({
          line: snippet.line,
          status: result.problems.length === 0 ? 'passed' : 'failed',
          detail: result.problems.join('\n'),
          masked: result.masked,
        });
      } else {
        for (const k of kinds)
          if (k.kind !== 'api' && k.kind !== 'unsupported') await host.run(k.command);
        const why = blocked
          ? `\`${blocked.command.split('\n')[0] ?? ''}\`: ${blocked.reason ?? ''}`
          : `follows \`${diverged.after}\`, whose effect this harness cannot reproduce`;
        outcomes.push({ line: snippet.line, status: 'not compared', detail: why, masked: [] });
      }
      for (const k of kinds) {
        const first = k.command.split('\n')[0] ?? '';
        if (k.kind === 'unsupported') diverged = { files: true, cluster: true, after: first };
        else if (k.kind === 'kubelet' && !diverged.cluster)
          diverged = { ...diverged, cluster: true, after: first };
      }
    }
  } finally {
    host.close();
    etcd?.stop();
  }
  return {
    file: page.file,
    scenario: page.meta.scenario ?? '',
    realEtcdMembers: etcd?.members.length ?? 0,
    snippets: outcomes,
  };
}
