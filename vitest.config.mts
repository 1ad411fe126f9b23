import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Vitest keeps a core for itself by default, which is one worker on a
    // 2-core machine; the main process mostly waits, and the soak test alone
    // takes a worker for a minute or more, so run the other files beside it.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
