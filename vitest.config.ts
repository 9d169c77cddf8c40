import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/doc/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/setup/build-engine.ts'],
    // Tests wait for results (a spawned CLI exiting, a scenario built), never for time; these limits
    // only catch a hang. On a shared CI machine with both cores busy a CLI spawn that takes 1 s on a
    // quiet machine took over 5 s (vitest's default) and failed sound tests.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
