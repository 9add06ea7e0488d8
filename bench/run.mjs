// `npm run bench`: figures, printed (never asserted in tests).
//   - cold start of the bundled action: process start → verdict written, on the demo policy;
//   - the same for the CLI, and for a bare `node -e ''` as the floor no bundle can beat;
//   - the size of dist/.
// Medians over several runs; the targets come from the foundation issue.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'canary-gate-bench-'));

function timeRuns(label, args, env = {}) {
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.error) throw result.error;
    if (i > 0) times.push(ms); // the first run warms the file cache
    if (i === 0 && label.includes('action') && !/verdict/.test(readFileSafe(env.GITHUB_OUTPUT))) {
      throw new Error(`${label}: no verdict output; stderr: ${result.stderr}`);
    }
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p90 = times[Math.floor(times.length * 0.9)];
  return { label, median, p90, min: times[0] };
}

function readFileSafe(file) {
  try {
    return file ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

function sizeOf(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
  }
  return total;
}

const outputs = path.join(tmp, 'outputs');
const summary = path.join(tmp, 'summary.md');
writeFileSync(outputs, '');
writeFileSync(summary, '');
const actionEnv = {
  INPUT_POLICY: 'examples/demo/policy.yml',
  INPUT_END: '2026-11-20T12:00:00Z',
  'INPUT_FAIL-ON': 'inconclusive',
  GITHUB_OUTPUT: outputs,
  GITHUB_STEP_SUMMARY: summary,
  RUNNER_TEMP: tmp,
};

const rows = [
  timeRuns('node -e "" (floor)', ['-e', '']),
  timeRuns('action: node dist/index.js on the demo policy', ['dist/index.js'], actionEnv),
  timeRuns('cli: node dist/cli.js evaluate on the demo policy', ['dist/cli.js', 'evaluate', '-p', 'examples/demo/policy.yml', '-e', '2026-11-20T12:00:00Z']),
];

console.log(`canary-gate bench — node ${process.version}, ${os.cpus().length} cores, ${RUNS} runs each\n`);
console.log('cold start (process start → exit, verdict written)        median     p90      min');
for (const r of rows) {
  console.log(`  ${r.label.padEnd(55)} ${r.median.toFixed(0).padStart(5)} ms ${r.p90.toFixed(0).padStart(5)} ms ${r.min.toFixed(0).padStart(5)} ms`);
}
const action = rows[1];
console.log(`  target: action ≤ 300 ms → ${action.median <= 300 ? 'met' : 'NOT met'} (${action.median.toFixed(0)} ms)\n`);

const distBytes = sizeOf(path.join(root, 'dist'));
console.log(`dist/ size: ${(distBytes / 1024 / 1024).toFixed(2)} MB (${distBytes} bytes); target ≤ 1.5 MB → ${distBytes <= 1.5 * 1024 * 1024 ? 'met' : 'NOT met'}`);
for (const entry of readdirSync(path.join(root, 'dist'), { recursive: true })) {
  const full = path.join(root, 'dist', entry);
  if (statSync(full).isFile()) console.log(`  ${entry.padEnd(40)} ${(statSync(full).size / 1024).toFixed(0).padStart(6)} KB`);
}
