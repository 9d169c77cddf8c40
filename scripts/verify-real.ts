/**
 * `npm run verify:real`: the guides' openssl and etcd leaves on this machine's REAL tools.
 * - PKI leaves: their openssl commands run (host backend, local bash) on the files the simulator
 *   exports for the leaf's scenario, and must print what the page says.
 * - etcd leaves: their etcdctl commands run against a real etcd cluster (Debian's etcd-server,
 *   3.4) on 127.0.0.1 shaped like the scenario's, with the documented etcd 3.4 vs 3.5/3.6
 *   differences (`etcd-3.4`) and simulator gaps (`sim-gaps`) masked by name.
 * - etcdctl put/get/del on keys outside /registry: the simulator against a real etcd started
 *   here, byte for byte where etcdctl 3.4 and 3.5/3.6 print the same (lib/verify-real/etcdctl-kv.ts).
 * - kubectl: every guide page's kubectl lines run through the real kubectl against
 *   `kubelife serve --api` on the page's state and must print what the simulator prints (the
 *   parity suite's guide half, scripts/lib/parity: judge per release minor, masks with reasons).
 * Two negative controls (an etcd leaf and a kubectl line with a deliberately wrong expectation)
 * must fail, or this run fails. Prints per-leaf results and `N passed, M failed`; writes
 * verify-real.json with the versions of every real tool used (openssl, etcd, etcdctl, kubectl).
 *
 * Usage: node --conditions=source scripts/verify-real.ts [--json FILE] [--release MINOR]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listGuides } from 'kubelife/cli';
import { guidePages, RUN_MASKS, toleranceMasks, type DocPage } from 'kubelife/doctest';
import { toolVersions } from './lib/verify-real/tool-versions.ts';
import { verifyKubectl } from './lib/verify-real/kubectl-leaves.ts';
import { verifyEtcdctlKv } from './lib/verify-real/etcdctl-kv.ts';
import { usesRealTools, verifyLeaf, type LeafOutcome } from './lib/verify-real/run-leaf.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const jsonFile = option('--json') ?? 'verify-real.json';
const minor = option('--release');
const masks = [...toleranceMasks(['etcd-3.4', 'sim-gaps']), ...RUN_MASKS];
const root = mkdtempSync(join(tmpdir(), 'kubelife-verify-real-'));
const tools = toolVersions();
const started = Date.now();

console.log('Real tools:');
console.log(`  bash     ${tools.bash}`);
console.log(`  openssl  ${tools.openssl}`);
console.log(`  etcd     ${tools.etcd}`);
console.log(`  etcdctl  ${tools.etcdctl}`);
console.log(
  `  kubectl  ${tools.kubectl.version} (${tools.kubectl.minors.join(', ') || 'no per-minor binaries'})`,
);
console.log('');
const absent = (['bash', 'openssl', 'etcd', 'etcdctl'] as const).filter(
  (t) => tools[t] === 'missing',
);
if (absent.length > 0) {
  console.log(
    `missing real tools: ${absent.join(', ')} (Debian: apt-get install openssl etcd-server etcd-client, as .ci/run does)`,
  );
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

let leafCount = 0;
const run = async (page: DocPage): Promise<LeafOutcome> =>
  verifyLeaf(page, {
    work: mkdtempSync(join(root, `leaf-${++leafCount}-`)),
    masks,
    ...(minor ? { minor } : {}),
  });

const leaves = listGuides(process.cwd())
  .flatMap(guidePages)
  .filter((p) => p.meta.kind === 'leaf' && !p.meta.doctest?.skip && usesRealTools(p));
const outcomes: LeafOutcome[] = [];
for (const page of leaves) {
  const outcome = await run(page);
  outcomes.push(outcome);
  const count = (s: string): number => outcome.snippets.filter((x) => x.status === s).length;
  const etcd = outcome.realEtcdMembers > 0 ? `, real etcd x${outcome.realEtcdMembers}` : '';
  console.log(
    `${count('failed') > 0 ? 'FAIL' : 'ok  '} ${page.file} (${outcome.scenario}${etcd}): ${count('passed')} passed, ${count('failed')} failed, ${count('not compared')} not compared`,
  );
  for (const s of outcome.snippets) {
    const masked = s.masked.length > 0 ? ` [masked: ${s.masked.join(', ')}]` : '';
    const tag = s.status === 'passed' ? 'ok  ' : s.status === 'failed' ? 'FAIL' : 'skip';
    const first = s.status === 'passed' ? '' : ` ${s.detail.split('\n')[0] ?? ''}`;
    console.log(`     ${tag} :${s.line}${first}${masked}`);
    if (s.status === 'failed') console.log(s.detail.replace(/^/gm, '          '));
  }
}

// Negative control: the same harness must fail an etcd leaf whose expectation is wrong.
const control = leaves.find(
  (p) => /member list -w table/.test(p.source) && /\| cp-2 \|/.test(p.source),
);
let controlOk = false;
let controlDetail = 'no etcd leaf with a `member list -w table` of cp-2 to alter';
if (control) {
  const wrong = {
    ...control,
    source: control.source.replace('| cp-2 |', '| cp-9 |'),
    file: `${control.file} (altered: cp-2 -> cp-9)`,
  };
  const outcome = await run(wrong);
  const failed = outcome.snippets.filter((s) => s.status === 'failed');
  controlOk = failed.length > 0 && failed.some((s) => s.detail.includes('cp-9'));
  controlDetail = controlOk
    ? `${wrong.file} fails as it must`
    : `${wrong.file} PASSED: the harness cannot fail, so it proves nothing`;
}
console.log(`\n${controlOk ? 'ok  ' : 'FAIL'} negative control: ${controlDetail}`);

console.log('\netcdctl put/get/del outside /registry, the simulator against a real etcd:');
const kv = await verifyEtcdctlKv((line) => console.log(line));

console.log('\nkubectl lines of the guides, real kubectl against `kubelife serve --api`:');
const kubectl = await verifyKubectl((line) => console.log(line));

const all = outcomes.flatMap((o) => o.snippets);
const passed =
  all.filter((s) => s.status === 'passed').length +
  (controlOk ? 1 : 0) +
  kubectl.passed +
  kv.passed;
const failed =
  all.filter((s) => s.status === 'failed').length +
  (controlOk ? 0 : 1) +
  kubectl.failed +
  kv.failed;
writeFileSync(
  jsonFile,
  `${JSON.stringify(
    {
      versions: {
        openssl: tools.openssl,
        etcd: tools.etcd,
        etcdctl: tools.etcdctl,
        kubectl:
          'judges' in kubectl.report ? Object.keys(kubectl.report.judges).join(', ') : 'missing',
      },
      tools,
      kubectl: kubectl.report,
      etcdctlKv: kv.outcomes,
      tolerated: masks.map((m) => ({ name: m.name, reason: m.reason })),
      leaves: outcomes,
      negativeControl: { ok: controlOk, detail: controlDetail },
      passed,
      failed,
      notCompared: all.filter((s) => s.status === 'not compared').length,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    },
    null,
    2,
  )}\n`,
);
rmSync(root, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
