// Statistics and engine throughput, printed (never asserted):
//   1. Mann-Whitney + Hodges-Lehmann (estimate and 95% interval) on 1e6 vs 1e6 samples, as a
//      ratio to sorting 2e6 float64 values in the same process (target ≤ 1.5);
//   2. a policy of 100 metrics × 2 scopes × 10k points, end to end from the file source through
//      the CLI, as CPU seconds of the child process (target ≤ 1 s).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mannWhitneyHodgesLehmann, mulberry32 } from '../dist/stats.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const REPS = Number(process.env.BENCH_REPS ?? 5);

const seeded = mulberry32;

/** Latency-like samples: log-normal, rounded to 0.1 ms (so there are ties, as in real data). */
function latencies(n, seed, scale = 1) {
  const random = seeded(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out[i] = Math.round(scale * Math.exp(-2 + 0.5 * z) * 1e4) / 1e4;
  }
  return out;
}

function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn) {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

// 1. Mann-Whitney + Hodges-Lehmann vs sort
const N = 1_000_000;
const x = latencies(N, 1, 1.02);
const y = latencies(N, 2);
const sortTimes = [];
const testTimes = [];
for (let rep = 0; rep < REPS + 1; rep++) {
  const pooled = new Float64Array(2 * N);
  pooled.set(x);
  pooled.set(y, N);
  const sortMs = time(() => pooled.sort());
  let result;
  const testMs = time(() => {
    const { mannWhitney: mw, hodgesLehmann: hl } = mannWhitneyHodgesLehmann(x, y);
    result = { p: mw.p, estimate: hl.estimate, ci: hl.ci };
  });
  if (rep > 0) {
    sortTimes.push(sortMs);
    testTimes.push(testMs);
  }
  if (rep === REPS) console.log(`  (last run: p = ${result.p.toExponential(3)}, HL shift ${result.estimate.toFixed(5)}, 95% CI [${result.ci.map((v) => v.toFixed(5)).join(', ')}])`);
}
const sortMedian = medianOf(sortTimes);
const testMedian = medianOf(testTimes);
console.log(`Mann-Whitney + Hodges-Lehmann (estimate and 95% CI), 1e6 vs 1e6, median of ${REPS}:`);
console.log(`  sort of 2e6 float64:  ${sortMedian.toFixed(0)} ms`);
console.log(`  MW + HL:              ${testMedian.toFixed(0)} ms`);
console.log(`  ratio:                ${(testMedian / sortMedian).toFixed(2)} (target ≤ 1.5 → ${testMedian / sortMedian <= 1.5 ? 'met' : 'NOT met'})\n`);

// 2. 100 metrics × 2 scopes × 10k points through the CLI
const dir = mkdtempSync(path.join(os.tmpdir(), 'canary-gate-bench-'));
const POINTS = 10_000;
const METRICS = 100;
const end = Date.parse('2026-11-20T12:00:00Z') / 1000;
const lines = [];
for (let m = 0; m < METRICS; m++) {
  for (const [scope, scale] of [['canary', m % 10 === 0 ? 1.3 : 1], ['baseline', 1]]) {
    const values = latencies(POINTS, m * 2 + (scope === 'canary' ? 1 : 0) + 100, scale);
    const timestamps = Array.from(values, (_v, i) => end - (POINTS - 1 - i));
    lines.push(JSON.stringify({ name: `metric_${m}`, labels: { scope }, timestamps, values: Array.from(values) }));
  }
}
writeFileSync(path.join(dir, 'metrics.json'), `{"series": [\n${lines.join(',\n')}\n]}\n`);
const metrics = Array.from(
  { length: METRICS },
  (_, m) => `  - name: metric-${m}
    source: data
    kind: distribution
    query: 'metric_${m}{{{scope}}}'
    compare: { tolerance: 10% }`,
).join('\n');
writeFileSync(
  path.join(dir, 'policy.yml'),
  `version: 1
service: bench
window: ${POINTS}s
step: 1s
sources: { data: { type: file, path: metrics.json } }
scopes: { canary: 'scope="canary"', baseline: 'scope="baseline"' }
metrics:
${metrics}
`,
);
const cpu = [];
const wall = [];
let summary = '';
for (let rep = 0; rep < 3; rep++) {
  const started = process.hrtime.bigint();
  // The child reports its own CPU time (user + system) on exit.
  const cpuProbe = "data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('cpu-ms='+Math.round((u.user+u.system)/1000))})";
  const run = spawnSync(process.execPath, ['--import', cpuProbe, path.join(root, 'dist/cli.js'), 'evaluate', '-p', path.join(dir, 'policy.yml'), '-e', new Date(end * 1000).toISOString(), '-f', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  wall.push(Number(process.hrtime.bigint() - started) / 1e6);
  if (![0, 1, 2].includes(run.status)) throw new Error(`evaluate exited ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout);
  summary = `${report.metrics.length} metrics, verdict ${report.verdict}, ${report.counts.fail} failed`;
  cpu.push(Number(run.stderr.match(/cpu-ms=(\d+)/)?.[1] ?? NaN));
}
console.log(`100 metrics × 2 scopes × 10k points from the file source, CLI end to end (${summary}):`);
console.log(`  wall: ${medianOf(wall).toFixed(0)} ms (median of 3)`);
if (cpu.every(Number.isFinite)) console.log(`  cpu:  ${medianOf(cpu).toFixed(0)} ms (target ≤ 1000 → ${medianOf(cpu) <= 1000 ? 'met' : 'NOT met'})`);
