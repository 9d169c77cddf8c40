/**
 * Records the go-template fixture from a real kubectl (tests/unit/kubectl-output/go-template.test.ts
 * replays it): every template in tests/unit/kubectl-output/fixtures/go-template/*.txt (one per
 * line, `\n` for a newline) runs as `kubectl create deployment web … --dry-run=client -o
 * go-template=TEMPLATE`, which needs no cluster; stdout, stderr and the exit code are kept.
 *
 * Run: PATH="$(dirname "$(readlink -f "$(command -v kubectl)")"):$PATH" \
 *   node scripts/record-go-template.ts [kubectl.1.33]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const kubectl = process.argv[2] ?? 'kubectl.1.33';
const dir = 'tests/unit/kubectl-output/fixtures';
const base = [
  'create',
  'deployment',
  'web',
  '--image=nginx:1.27',
  '--replicas=3',
  '--port=8080',
  '--dry-run=client',
];
const object: unknown = JSON.parse(
  execFileSync(kubectl, [...base, '-o', 'json'], { encoding: 'utf8' }),
);
const version = (
  JSON.parse(
    execFileSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' }),
  ) as {
    clientVersion: { gitVersion: string };
  }
).clientVersion.gitVersion;
const cases = [];
for (const file of readdirSync(`${dir}/go-template`).sort())
  for (const line of readFileSync(`${dir}/go-template/${file}`, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const template = line.replace(/\\n/g, '\n');
    const r = spawnSync(kubectl, [...base, '-o', `go-template=${template}`], { encoding: 'utf8' });
    cases.push({
      template,
      // A typed object prints its JSON in struct order; kubectl get prints sorted keys.
      stdout: r.stdout.replace(/raw data was:\n\t\t.*\n/, 'raw data was: …\n'),
      stderr: r.stderr,
      exitCode: r.status,
    });
  }
const note = `Recorded from kubectl ${version}: kubectl ${base.join(' ')} -o go-template=TEMPLATE (the raw data line is masked)`;
writeFileSync(
  `${dir}/go-template-kubectl-1.33.json`,
  `${JSON.stringify({ note, object, cases }, null, 1)}\n`,
);
console.log(`${cases.length} cases recorded with kubectl ${version}`);
