// ESLint: typed rules for TypeScript, Astro components, and the layer boundaries of
// docs/dev/contracts.md and the architecture (core and shell are pure; only lib/terminal imports
// xterm; the site uses the engine through its package name only).
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/**
 * Import patterns that keep `who` (core, or core and shell) host-neutral: no Node modules and
 * nothing of the site. (ESLint's no-restricted-imports replaces, not merges, a rule per file
 * glob, so the core-only block repeats these with its own extra pattern.)
 */
const hostNeutral = (who) => [
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process'],
    message: `${who} ${who === 'core' ? 'is' : 'are'} host-neutral: no Node modules.`,
  },
  {
    group: ['@xterm/*', 'astro', 'astro:*', 'astro/*'],
    message: `${who} ${who === 'core' ? 'knows' : 'know'} nothing of the site.`,
  },
];

const impureGlobals = [
  { name: 'window', message: 'engine core/shell run in any host: no DOM.' },
  { name: 'document', message: 'engine core/shell run in any host: no DOM.' },
  { name: 'process', message: 'engine core/shell run in any host: no Node globals.' },
  { name: 'setTimeout', message: 'time is injected through ctx.clock.' },
  { name: 'setInterval', message: 'time is injected through ctx.clock.' },
  { name: 'performance', message: 'time is injected through ctx.clock.' },
];

const impureSyntax = [
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'randomness comes from the seeded RNG in ctx.rng.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'time comes from the injected clock.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'time comes from the injected clock.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.astro/**',
      'node_modules/**',
      'src/lib/engine/dist/**',
      'test-results/**',
      'playwright-report/**',
      'tmp/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Plain browser scripts served as they are (public/head-init.js): no TypeScript project.
    files: ['public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },

  {
    files: ['src/lib/engine/src/**/*.ts', 'src/lib/engine/shell/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-syntax': ['error', ...impureSyntax],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...hostNeutral('core and shell'),
            { group: ['**/cli/**'], message: 'core and shell may not depend on the CLI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...hostNeutral('core'),
            {
              group: ['**/shell/**', '**/cli/**'],
              message: 'core may not depend on the shell or the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.astro'],
    ignores: ['src/lib/terminal/**', 'src/lib/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@xterm/*'], message: 'only src/lib/terminal imports xterm.' },
            {
              group: [
                '**/lib/engine/**',
                '**/engine/src/**',
                '**/engine/shell/**',
                '**/engine/cli/**',
                '**/engine/index.ts',
              ],
              message: "import the engine by package name ('kubelife').",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/terminal/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/lib/engine/**',
                '**/engine/src/**',
                '**/engine/shell/**',
                '**/engine/cli/**',
                '**/engine/index.ts',
              ],
              message: "import the engine by package name ('kubelife').",
            },
          ],
        },
      ],
    },
  },
  ...astro.configs['flat/recommended'],
  {
    files: ['**/*.astro', '**/*.mjs', '**/*.cjs', 'src/lib/engine/bin/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
