// Simulation harness for watch mode (`npm run bench:stats`): seeded, prints figures, asserts
// nothing. Uses the built statistics (dist/stats.js): run `npm run build` first.
//
//   1. A/A false-fail rate, 2,000 runs, a look every minute for 60 minutes, canary and baseline
//      identical: repeated fixed-horizon tests (peeking) against the anytime-valid tests the
//      watch uses — error ratios (0.5%, 100 requests/s per side), means of a gauge, and medians of
//      a per-minute latency. Target for the sequential tests: ≤ 1% at α = 0.01.
//   2. Time to detect a 2× error-ratio regression (0.5% → 1%, 100 requests/s of canary traffic
//      and as much baseline traffic): median time until the Poisson mixture test rejects at
//      α = 0.01, against the duration a fixed-horizon exact test of the same α needs for 80% (and
//      90%) power. Target: sequential median ≤ 50% of the fixed horizon.
import {
  binomialSf,
  clopperPearson,
  mannWhitney,
  normalQuantile,
  studentTQuantile,
  normalMixtureSprt,
  poissonMixtureLogBayesFactor,
  poissonMixtureRateRatioInterval,
  quantileConfidenceSequence,
  welchTTest,
  mulberry32,
} from '../dist/stats.js';

const RUNS = Number(process.env.SIM_RUNS ?? 2000);
const LOOKS = 60;
const ALPHA = 0.01;
const K = Number(process.env.SIM_CONCENTRATION ?? 10); // src/analysis/sequential/judges.ts POISSON_CONCENTRATION

const seeded = mulberry32;
const random = seeded(20261120);
function normal() {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
function poisson(mean) {
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}
/** The exact conditional test (R poisson.test): P(canary errors ≥ x | total) under the exposure share. */
function exactPGreater(ce, ct, be, bt) {
  return ce === 0 ? 1 : binomialSf(ce - 1, ce + be, ct / (ct + bt));
}
/** Lower end of its two-sided interval at `confidence` on the rate ratio (Clopper-Pearson). */
function exactRatioLower(ce, ct, be, bt, confidence) {
  const { lower } = clopperPearson(ce, ce + be, confidence, 2);
  return (lower / (1 - lower)) * (bt / ct);
}
const pct = (x, digits = 2) => `${(100 * x).toFixed(digits)}%`;
const se = (p, n) => Math.sqrt((p * (1 - p)) / n);
const row = (label, failures) => console.log(`  ${label.padEnd(64)} ${pct(failures / RUNS).padStart(7)}  (± ${pct(se(failures / RUNS, RUNS))})`);

console.log(`canary-gate sequential statistics — ${RUNS} seeded runs per figure, α = ${ALPHA}, Poisson mixture concentration k = ${K}\n`);

// ---------------------------------------------------------------------------------------------
// 1. A/A false-fail rates
// ---------------------------------------------------------------------------------------------
console.log(`1. A/A: canary = baseline, a look every minute for ${LOOKS} minutes; "fail" = a look says the canary is worse`);
{
  const perMinute = 6000; // 100 requests/s per side
  const rate = 0.005;
  let fixedOnce = 0;
  let fixedPeek = 0;
  let fixedPeekCi = 0;
  let seqBf = 0;
  let seqCs = 0;
  for (let run = 0; run < RUNS; run++) {
    let ce = 0;
    let be = 0;
    let ct = 0;
    let bt = 0;
    let peek = false;
    let peekCi = false;
    let bf = false;
    let cs = false;
    let low = 0;
    for (let look = 1; look <= LOOKS; look++) {
      ce += poisson(perMinute * rate);
      be += poisson(perMinute * rate);
      ct += perMinute;
      bt += perMinute;
      const p = exactPGreater(ce, ct, be, bt);
      if (p <= ALPHA) peek = true;
      if (ce + be > 0 && exactRatioLower(ce, ct, be, bt, 1 - 2 * ALPHA) > 1) peekCi = true;
      if (look === LOOKS && p <= ALPHA) fixedOnce++;
      const share = ct / (ct + bt);
      if (poissonMixtureLogBayesFactor(ce, be, { share, concentration: K, alternative: 'greater' }) >= Math.log(1 / ALPHA)) bf = true;
      // The gate's rule: the running intersection of the 99% confidence sequence wholly above a ratio of 1.
      low = Math.max(low, poissonMixtureRateRatioInterval(ce, be, { share, concentration: K, confidence: 1 - ALPHA })[0]);
      if (low > 1) cs = true;
    }
    fixedPeek += peek;
    fixedPeekCi += peekCi;
    seqBf += bf;
    seqCs += cs;
  }
  console.log(' error ratio 0.5%, 100 requests/s per side (summed counts):');
  row('fixed-horizon exact Poisson test, one look at 60 min (p ≤ 0.01)', fixedOnce);
  row('fixed-horizon exact Poisson test, re-run every minute (p ≤ 0.01)', fixedPeek);
  row('fixed-horizon 98% interval wholly above 1, re-run every minute', fixedPeekCi);
  row('sequential: Poisson mixture, one-sided BF ≥ 1/α at any look', seqBf);
  row('sequential: 99% confidence sequence (running ∩) wholly above 1', seqCs);
}
{
  let peek = 0;
  let seq = 0;
  let peekMw = 0;
  let seqQ = 0;
  for (let run = 0; run < RUNS; run++) {
    const c = [];
    const b = [];
    const cl = [];
    const bl = [];
    let p1 = false;
    let s1 = false;
    let p2 = false;
    let s2 = false;
    let low = -Infinity;
    let lowQ = -Infinity;
    for (let look = 1; look <= LOOKS; look++) {
      c.push(100 + 10 * normal());
      b.push(100 + 10 * normal());
      cl.push(0.2 * Math.exp(0.3 * normal()));
      bl.push(0.2 * Math.exp(0.3 * normal()));
      if (look < 3) continue;
      if (welchTTest(c, b, { alternative: 'greater' }).p <= ALPHA) p1 = true;
      const mc = c.reduce((s, v) => s + v, 0) / c.length;
      const mb = b.reduce((s, v) => s + v, 0) / b.length;
      const vc = c.reduce((s, v) => s + (v - mc) ** 2, 0) / (c.length - 1);
      const vb = b.reduce((s, v) => s + (v - mb) ** 2, 0) / (b.length - 1);
      // τ = the allowed change of a 10% tolerance and the small-sample t correction, as the watch's mean judge does.
      const df = (vc / c.length + vb / b.length) ** 2 / ((vc / c.length) ** 2 / (c.length - 1) + (vb / b.length) ** 2 / (b.length - 1));
      const correction = (studentTQuantile(1 - ALPHA / 2, df) / normalQuantile(1 - ALPHA / 2)) ** 2;
      const variance = (vc / c.length + vb / b.length) * correction;
      low = Math.max(low, normalMixtureSprt(mc - mb, variance, { tau: 0.1 * Math.abs(mb), alpha: ALPHA }).ci[0]);
      if (low > 0) s1 = true;
      if (mannWhitney(cl, bl, { alternative: 'greater', method: 'asymptotic' }).p <= ALPHA) p2 = true;
      const qc = quantileConfidenceSequence(Float64Array.from(cl).sort(), 0.5, { confidence: 1 - ALPHA / 2, tightestAt: 30 });
      const qb = quantileConfidenceSequence(Float64Array.from(bl).sort(), 0.5, { confidence: 1 - ALPHA / 2, tightestAt: 30 });
      if (qc.lower > 0 && Number.isFinite(qb.upper)) lowQ = Math.max(lowQ, Math.log(qc.lower / qb.upper));
      if (lowQ > 0) s2 = true;
    }
    peek += p1;
    seq += s1;
    peekMw += p2;
    seqQ += s2;
  }
  console.log(' gauge, one sample per minute, N(100, 10²) on both sides:');
  row("fixed-horizon Welch's t, re-run every minute (p ≤ 0.01)", peek);
  row('sequential: mSPRT 99% confidence sequence (running ∩) above 0', seq);
  console.log(' latency, one sample per minute, log-normal on both sides:');
  row('fixed-horizon Mann-Whitney, re-run every minute (p ≤ 0.01)', peekMw);
  row('sequential: median confidence sequences (99.5% each) above 1', seqQ);
}

// ---------------------------------------------------------------------------------------------
// 2. Time to detect a 2× error-ratio regression
// ---------------------------------------------------------------------------------------------
console.log('\n2. Time to detect a 2× error-ratio regression: 0.5% → 1%, 100 requests/s on the canary and on the baseline');
{
  const rps = 100;
  const horizon = 1800; // seconds simulated per run
  const baseRate = 0.005;
  const detections = { second: [], tenSeconds: [], minute: [], gateSecond: [] };
  const fixedRejects = new Float64Array(horizon + 1);
  const checkpoints = new Set();
  for (let t = 5; t <= 600; t += 5) checkpoints.add(t);
  for (let run = 0; run < RUNS; run++) {
    let ce = 0;
    let be = 0;
    let found = undefined;
    let foundGate = undefined;
    let low = 0;
    for (let t = 1; t <= horizon; t++) {
      ce += poisson(rps * baseRate * 2);
      be += poisson(rps * baseRate);
      if (found === undefined && poissonMixtureLogBayesFactor(ce, be, { share: 0.5, concentration: K, alternative: 'greater' }) >= Math.log(1 / ALPHA)) found = t;
      if (foundGate === undefined) {
        low = Math.max(low, poissonMixtureRateRatioInterval(ce, be, { share: 0.5, concentration: K, confidence: 1 - ALPHA })[0]);
        if (low > 1) foundGate = t;
      }
      // The fixed-horizon exact test evaluated once at each candidate horizon (its power curve).
      if (checkpoints.has(t) && exactPGreater(ce, t * rps, be, t * rps) <= ALPHA) fixedRejects[t]++;
      if (found !== undefined && foundGate !== undefined && t >= 600) break;
    }
    detections.second.push(found ?? Infinity);
    detections.gateSecond.push(foundGate ?? Infinity);
    detections.tenSeconds.push(found === undefined ? Infinity : Math.ceil(found / 10) * 10);
    detections.minute.push(found === undefined ? Infinity : Math.ceil(found / 60) * 60);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const quant = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];
  const horizonFor = (power) => [...checkpoints].find((t) => fixedRejects[t] / RUNS >= power);
  const fixed80 = horizonFor(0.8);
  const fixed90 = horizonFor(0.9);
  const fixed99 = horizonFor(0.99);
  console.log(
    `  fixed-horizon exact Poisson test (one-sided, α = ${ALPHA}) needs ${fixed80} s of traffic for 80% power, ${fixed90} s for 90%, ${fixed99} s for 99%`,
  );
  const show = (label, xs) =>
    console.log(
      `  ${label.padEnd(58)} median ${String(median(xs)).padStart(4)} s (p90 ${String(quant(xs, 0.9)).padStart(4)} s) = ${pct(median(xs) / fixed80, 0)} / ${pct(median(xs) / fixed90, 0)} / ${pct(median(xs) / fixed99, 0)} of the 80% / 90% / 99%-power horizon`,
    );
  show('sequential, Poisson mixture BF ≥ 1/α, evidence every second', detections.second);
  show('sequential, the same with a look every 10 s', detections.tenSeconds);
  show('sequential, the same with a look every minute', detections.minute);
  show('gate rule: 99% confidence sequence above 1, every second', detections.gateSecond);
  const missed = detections.second.filter((x) => x === Infinity).length;
  console.log(`  undetected within ${horizon / 60} min: ${pct(missed / RUNS)}`);
}
