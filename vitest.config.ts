import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts one real Prometheus (backfilled fixture) per run; tests get its URL via inject('prometheusUrl').
    globalSetup: ['./test/integration/prometheus/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
