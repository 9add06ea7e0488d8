/**
 * Vitest globalSetup: one real Prometheus per `vitest run`, serving the deterministic fixture.
 *
 * In tests:
 *   import { inject } from 'vitest';
 *   const url = inject('prometheusUrl'); // e.g. http://127.0.0.1:41234
 *
 * Query with explicit times (the fixture ends at FIXTURE_END, in the past).
 */
import type { TestProject } from 'vitest/node';
import { generateFixture } from './fixture-data.js';
import { ensureInstalled } from '../services/daemon.js';
import { cachedBackfill, ensurePrometheusInstalled, startPrometheus } from './prometheus-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the test Prometheus, no trailing slash. */
    prometheusUrl: string;
    /** Version string of the test Prometheus, e.g. "2.42.0+ds". */
    prometheusVersion: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = performance.now();
  const bins = await ensurePrometheusInstalled();
  // The other backends' tests would each install their package when missing, in parallel
  // workers contending for the dpkg lock within a hook timeout: install them here, one at a time.
  await ensureInstalled('prometheus-alertmanager', 'prometheus-alertmanager');
  await ensureInstalled('victoria-metrics', 'victoria-metrics');
  const t1 = performance.now();
  const { text } = generateFixture();
  const t2 = performance.now();
  const tsdb = await cachedBackfill(text);
  const t3 = performance.now();
  const server = await startPrometheus({ tsdbDir: tsdb.dir });
  const t4 = performance.now();

  project.provide('prometheusUrl', server.url);
  project.provide('prometheusVersion', server.version);

  const ms = (a: number, b: number): string => `${Math.round(b - a)} ms`;
  console.log(
    `[prometheus] ${server.version} at ${server.url} (pid ${server.pid}) ready in ${ms(t0, t4)}: ` +
      `install check ${ms(t0, t1)}, generate ${ms(t1, t2)} (${(text.length / 1024).toFixed(0)} KiB), ` +
      `backfill ${tsdb.cached ? 'cached' : 'fresh'} ${ms(t2, t3)}, start ${ms(t3, t4)} [${bins.prometheus}]`,
  );

  return async () => {
    await server.stop();
  };
}
