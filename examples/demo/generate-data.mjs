// Regenerates examples/demo/metrics.json: 30 one-minute steps per series ending at
// 2026-11-20T12:00:00Z. The canary serves as well as the baseline except for its p99 latency,
// which is about 40% slower. Deterministic (seeded), so the demo's verdict never changes.
import { writeFileSync } from 'node:fs';

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const jitter = (center, spread) => center + (random() * 2 - 1) * spread;

const end = Date.parse('2026-11-20T12:00:00Z') / 1000;
const steps = Array.from({ length: 30 }, (_, i) => end - (29 - i) * 60);
const series = [];
const add = (name, labels, value) => series.push({ name, labels, points: steps.map((t) => [t, Number(value().toFixed(4))]) });

for (const [deployment, rps] of [['checkout-canary', 20], ['checkout-stable', 180]]) {
  const perMinute = rps * 60;
  add('http_requests', { deployment, code: '200' }, () => Math.round(jitter(perMinute * 0.996, perMinute * 0.02)));
  add('http_requests', { deployment, code: '500' }, () => Math.round(jitter(perMinute * 0.004, perMinute * 0.002)));
  const p99 = deployment === 'checkout-canary' ? 0.42 : 0.3;
  add('http_request_duration_p99_seconds', { deployment }, () => jitter(p99, 0.03));
  add('process_cpu_cores', { deployment }, () => jitter(0.5, 0.05));
}
writeFileSync(new URL('./metrics.json', import.meta.url), `{"series": [\n${series.map((s) => `  ${JSON.stringify(s)}`).join(',\n')}\n]}\n`);
