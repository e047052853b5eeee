import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/summary-reporter.ts'],
    // One module graph per worker, not per test file: importing src/ (and Bolt, pino, LangChain) again
    // for each of ~60 files was half the suite's CPU time. Tests keep their state in temp dirs and
    // objects they make, so sharing modules between files is safe.
    isolate: false,
    // Both cores: vitest's default leaves one idle on a 2-core machine, which doubles the wall time.
    maxWorkers: 2,
  },
});
