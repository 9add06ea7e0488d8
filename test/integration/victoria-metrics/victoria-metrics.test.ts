/**
 * The prometheus source against a REAL VictoriaMetrics (Debian `victoria-metrics`, single node) on
 * 127.0.0.1: samples imported through its /api/v1/import API, then the gate run end to end.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../../../src/core/run.js';
import { ensureInstalled, startDaemon, type Daemon } from '../services/daemon.js';

const END = Date.UTC(2026, 10, 20, 12);
const STEP = 60_000;

let vm: Daemon;
let dir: string;

/** One JSON line per series, as /api/v1/import takes them (timestamps in ms). */
function series(labels: Record<string, string>, value: (i: number) => number) {
  const timestamps = Array.from({ length: 61 }, (_, i) => END - (60 - i) * STEP);
  return JSON.stringify({ metric: labels, values: timestamps.map((_, i) => value(i)), timestamps });
}

beforeAll(async () => {
  const binary = await ensureInstalled('victoria-metrics', 'victoria-metrics');
  dir = await mkdtemp(join(tmpdir(), 'canary-gate-vm-test-'));
  vm = await startDaemon(
    'victoria-metrics',
    binary,
    (port, data) => [`-storageDataPath=${data}`, `-httpListenAddr=127.0.0.1:${port}`, '-retentionPeriod=100y', '-search.disableCache'],
    '/health',
  );
  const lines = [
    // Latency: the canary is 50% slower; memory: the same on both sides.
    series({ __name__: 'http_latency_seconds', deployment: 'checkout-canary' }, (i) => 0.3 + (i % 5) * 0.01),
    series({ __name__: 'http_latency_seconds', deployment: 'checkout-stable' }, (i) => 0.2 + (i % 5) * 0.01),
    series({ __name__: 'process_memory_bytes', deployment: 'checkout-canary' }, (i) => 1e8 + (i % 7) * 1e5),
    series({ __name__: 'process_memory_bytes', deployment: 'checkout-stable' }, (i) => 1e8 + (i % 7) * 1e5),
  ];
  const res = await fetch(`${vm.url}/api/v1/import`, { method: 'POST', body: lines.join('\n') });
  if (res.status !== 204) throw new Error(`import: HTTP ${res.status}: ${await res.text()}`);
  // Imported rows become searchable after a flush.
  await (await fetch(`${vm.url}/internal/force_flush`)).arrayBuffer();
  await writeFile(
    join(dir, 'policy.yml'),
    `version: 1
service: checkout
window: 30m
step: 1m
sources:
  vm: { type: prometheus, url: '\${VM_URL}' }
scopes:
  canary: 'deployment="checkout-canary"'
  baseline: 'deployment="checkout-stable"'
metrics:
  - name: latency
    source: vm
    query: 'max(http_latency_seconds{{{scope}}})'
    unit: s
    compare: { direction: increase, tolerance: 10% }
  - name: memory
    source: vm
    query: 'sum(process_memory_bytes{{{scope}}})'
    compare: { direction: increase, tolerance: 10% }
  - name: typo
    source: vm
    query: 'sum(process_memroy_bytes{{{scope}}})'
    compare: { direction: increase, tolerance: 10% }
`,
  );
}, 180_000);

afterAll(async () => {
  await vm?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('prometheus source against a real VictoriaMetrics', () => {
  it('judges imported data: a regression fails, equal data passes, a misspelt metric is an error', async () => {
    const { report } = await runGate({ policyFile: join(dir, 'policy.yml'), env: { VM_URL: vm.url }, end: END, now: END });
    const byName = Object.fromEntries(report.metrics.map((m) => [m.name, m]));
    expect(byName.latency!.outcome, byName.latency!.reason).toBe('fail');
    expect(byName.latency!.canary.samples).toBe(30);
    expect(byName.memory!.outcome, byName.memory!.reason).toBe('pass');
    expect(byName.typo!.outcome).toBe('error');
    expect(byName.typo!.reason).toMatch(/^no data: canary query returned no series/);
    expect(report.verdict).toBe('fail');
  });
});
