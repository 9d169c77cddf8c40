// Packs the `kubelife` engine package as npm would publish it, installs the tarball into an empty
// folder, and checks what a user gets: publint is clean, `npx kubelife run FILE` prints a transcript,
// `import { createSession } from 'kubelife'` works, its types compile in a strict TS file, and
// every export the package README documents (its "Library API" table and the `import { … } from
// 'kubelife…'` lines of its examples) exists in the installed package.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const engine = join(root, 'src/lib/engine');
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const check = (label, ok, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  if (!ok) {
    console.error(detail);
    process.exitCode = 1;
  }
};

/**
 * The exports the README promises: `{ entry, name, type }` for every backticked name in the
 * "Library API" table (`type X` for types) and every name an example imports.
 */
function documentedExports(readme) {
  const found = [];
  const api = readme.split(/^## Library API$/m)[1]?.split(/^## /m)[0] ?? '';
  for (const row of api.split('\n').filter((l) => /^\| `/.test(l))) {
    const [names = '', from = ''] = row.split('|').slice(1, 3);
    const entry = /`([^`]+)`/.exec(from)?.[1] ?? '';
    for (const [, code] of names.matchAll(/`([^`]+)`/g)) {
      const m = /^(type\s+)?([A-Za-z_$][\w$]*)/.exec(code);
      if (m) found.push({ entry, name: m[2], type: Boolean(m[1]) });
    }
  }
  for (const [, list, entry] of readme.matchAll(
    /import\s*\{([^}]*)\}\s*from\s*'(kubelife[^']*)'/g,
  )) {
    for (const item of list
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const m = /^(type\s+)?([A-Za-z_$][\w$]*)/.exec(item);
      if (m) found.push({ entry, name: m[2], type: Boolean(m[1]) });
    }
  }
  return found;
}

run('npx', ['tsc', '-b', engine], root);
const lint = run('npx', ['publint'], engine);
check('publint reports no problems', /All good/.test(lint), lint);

const work = mkdtempSync(join(tmpdir(), 'kubelife-pack-'));
try {
  const tgz = run('npm', ['pack', '--pack-destination', work, '--silent'], engine)
    .trim()
    .split('\n')
    .at(-1);
  const app = join(work, 'app');
  run('mkdir', ['-p', app], work);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module' }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tgz)], app);

  writeFileSync(
    join(app, 'steps.sh'),
    'kubelife scenario packages-installed\nkubeadm version -o short\n',
  );
  const transcript = run('npx', ['--no-install', 'kubelife', 'run', 'steps.sh'], app);
  check(
    'npx kubelife run prints a transcript',
    /\$ kubeadm version -o short\nv\d+\.\d+\.\d+\n/.test(transcript),
    transcript,
  );

  writeFileSync(
    join(app, 'page.md'),
    '---\nscenario: packages-installed\n---\n\n```console run\nhostname\n```\n\n```text output\ncp-1\n```\n',
  );
  const doctest = run('npx', ['--no-install', 'kubelife', 'doctest', 'page.md'], app);
  check(
    'npx kubelife doctest checks a page and prints the summary',
    /^ok {3}page\.md on v\d+\.\d+/m.test(doctest) && /\n[1-9]\d* passed, 0 failed\n$/.test(doctest),
    doctest,
  );

  writeFileSync(
    join(app, 'use.mjs'),
    "import { createSession } from 'kubelife';\nconst s = createSession({ scenario: 'packages-installed' });\nconst r = await s.run('kubeadm version -o short');\nconsole.log(JSON.stringify(r));\n",
  );
  const result = JSON.parse(run('node', ['use.mjs'], app));
  check(
    'import { createSession } from "kubelife" runs a command',
    result.exitCode === 0 && /^v\d/.test(result.stdout),
    JSON.stringify(result),
  );

  writeFileSync(
    join(app, 'typed.ts'),
    "import { createSession, parseVersion, type RunResult } from 'kubelife';\nconst s = createSession();\nconst r: Promise<RunResult> = s.run('hostname');\nconst v: number = parseVersion('v1.31.2').minor;\nvoid r; void v;\n",
  );
  /** What strict tsc says about `file` in the app (empty when it compiles). */
  const typeErrorsOf = (file) => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const strict = [
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
    ];
    try {
      run(join(root, 'node_modules/.bin/node'), [tsc, ...strict, '--target', 'es2022', file], app);
      return '';
    } catch (error) {
      return `${error.stdout ?? ''}${error.stderr ?? ''}`;
    }
  };
  const typeErrors = typeErrorsOf('typed.ts');
  check('the package ships types that compile in a strict TS file', typeErrors === '', typeErrors);
  const documented = documentedExports(
    readFileSync(join(app, 'node_modules/kubelife/README.md'), 'utf8'),
  );
  check(
    'the README documents the public API',
    documented.some((d) => d.name === 'reconcileEndpoints'),
    JSON.stringify(documented),
  );
  const values = documented.filter((d) => !d.type);
  writeFileSync(
    join(app, 'exports.mjs'),
    `const wanted = ${JSON.stringify(values)};\nconst missing = [];\nfor (const { entry, name } of wanted) {\n  const mod = await import(entry);\n  if (mod[name] === undefined) missing.push(entry + ' ' + name);\n}\nconsole.log(JSON.stringify(missing));\n`,
  );
  const missingValues = JSON.parse(run('node', ['exports.mjs'], app));
  check(
    `every documented export exists (${values.length} values)`,
    missingValues.length === 0,
    `missing: ${missingValues.join(', ')}`,
  );
  const types = documented.filter((d) => d.type);
  writeFileSync(
    join(app, 'types.ts'),
    types
      .map(
        (d, i) =>
          `import type { ${d.name} as T${i} } from '${d.entry}';\nexport type U${i} = T${i};\n`,
      )
      .join(''),
  );
  const missingTypes = typeErrorsOf('types.ts');
  check(`every documented type exists (${types.length} types)`, missingTypes === '', missingTypes);
  const pkg = JSON.parse(readFileSync(join(app, 'node_modules/kubelife/package.json'), 'utf8'));
  check('the installed package is the packed version', pkg.name === 'kubelife', pkg.name);
} finally {
  rmSync(work, { recursive: true, force: true });
}
