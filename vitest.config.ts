import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { SlowFirst } from './lib/devtools/slow-first';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Both cores: the default leaves one free, which on a 2-core machine runs the files one by one
    // (the corpus tests boot PostgreSQL many times; serial, the suite took about 17 minutes).
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
    setupFiles: ['lib/devtools/vitest-setup.ts'],
  },
});
