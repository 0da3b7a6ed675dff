import { defineConfig } from 'vitest/config';

// `@spreekkamer/shared` resolves to packages/shared/src through the workspace symlink and the
// package's "exports" (which point at TypeScript source), so no alias is needed here.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.{ts,tsx}',
            'packages/shared/src/**/*.test.ts',
            'scripts/**/*.test.mjs',
            'eslint/**/*.test.mjs',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['apps/server/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
