import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/doc/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/setup/build-engine.ts'],
  },
});
