/**
 * Measures materialising one control plane's PKI (3 CAs, 7 leaves, 5 kubeconfigs, sa key pair)
 * from the simulation key pool. Run: `npx node scripts/bench-pki.ts [rounds]`.
 */
import { performance } from 'node:perf_hooks';
import { materializePlan } from '../src/lib/engine/src/pki/materialize-plan.ts';
import { planCertificates } from '../src/lib/engine/src/pki/plan-certificates.ts';
import { createRng } from '../src/lib/engine/src/random.ts';
import { formatText } from '../src/lib/engine/src/pki/openssl-format.ts';

const rounds = Number(process.argv[2] ?? 20);
const now = Date.UTC(2026, 10, 25, 14, 44, 10);

function plan(seed: number) {
  const rng = createRng(seed);
  return planCertificates({
    nodeName: 'cp-1',
    advertiseAddress: '192.168.0.10',
    controlPlaneEndpoint: 'k8s.example.com:6443',
    now,
    random: () => rng.next(),
  });
}

const rows: Array<[string, number]> = [];
let t = performance.now();
const first = await materializePlan(plan(1));
rows.push([
  'first control plane (incl. loading @peculiar/x509, importing keys)',
  performance.now() - t,
]);

const times: number[] = [];
for (let i = 0; i < rounds; i++) {
  t = performance.now();
  await materializePlan(plan(i + 2));
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
rows.push([`warm control plane, median of ${rounds}`, times[Math.floor(times.length / 2)] ?? 0]);
rows.push([`warm control plane, max of ${rounds}`, times[times.length - 1] ?? 0]);

t = performance.now();
planCertificates({ nodeName: 'cp-1', advertiseAddress: '192.168.0.10', now, random: () => 0.5 });
rows.push(['planCertificates only', performance.now() - t]);

const pems = Object.entries(first).filter(([p]) => p.endsWith('.crt'));
t = performance.now();
for (const [, pem] of pems) formatText(pem);
rows.push([`formatText over ${pems.length} certificates`, performance.now() - t]);

const certCount = plan(1).certificates.length;
console.log(`files per control plane: ${Object.keys(first).length} (${certCount} certificates)`);
console.log('| step | ms |\n| --- | ---: |');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} |`);
