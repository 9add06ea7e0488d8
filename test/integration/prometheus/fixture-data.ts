/**
 * Deterministic OpenMetrics fixture for integration tests against a real Prometheus.
 *
 * Everything here is pure and seeded: the same code always yields byte-identical text, so the
 * backfilled TSDB can be cached by a hash of the text (see prometheus-server.ts).
 *
 * Timeline: one hour of samples every 15 s, from FIXTURE_START to FIXTURE_END inclusive
 * (241 samples per series), all timestamps on the 15 s grid (so also on the 1 m grid).
 *
 * Scenario (service="checkout"):
 *   deployment="checkout-stable" (baseline) | "checkout-canary"
 *   - http_requests_total{code="200"|"500"}: baseline ~100 req/s, 0.5 % errors;
 *     canary ~20 req/s, 3 % errors                                  -> error-ratio REGRESSION
 *   - http_request_duration_seconds histogram: identical latency distribution -> latency PASS
 *   - process_resident_memory_bytes gauge: baseline ~200e6, canary ~260e6 (+30 %) -> REGRESSION
 *   - checkout_orders_total: identical rate (~2 orders/s) in both              -> PASS
 *
 * Extending: pass `extend` to generateFixture() and use the writer building blocks
 * (OpenMetricsWriter.counter/gauge/histogram, timeGrid, counterFromIncrements, rngFor, poisson...).
 * Each family draws from its own PRNG stream seeded by name, so adding families never changes
 * the values (nor FIXTURE_FACTS) of the existing ones.
 */
import { mulberry32 } from '../../../src/stats/seeded-random.js';

// ---------------------------------------------------------------------------------------------
// Time constants
// ---------------------------------------------------------------------------------------------

export const FIXTURE_END = '2026-11-20T12:00:00Z';
/** FIXTURE_END as Unix epoch seconds (1795176000). */
export const FIXTURE_END_SECONDS = Date.parse(FIXTURE_END) / 1000;
/** Sample interval (seconds). */
export const FIXTURE_STEP_SECONDS = 15;
/** Length of the generated window (seconds). */
export const FIXTURE_DURATION_SECONDS = 3600;
/** First sample timestamp (epoch seconds) = END - 1h. */
export const FIXTURE_START_SECONDS = FIXTURE_END_SECONDS - FIXTURE_DURATION_SECONDS;
export const FIXTURE_START = new Date(FIXTURE_START_SECONDS * 1000).toISOString();
/** The window FIXTURE_FACTS describes: (END - 30m, END]. */
export const FIXTURE_FACTS_WINDOW_SECONDS = 1800;

export const SERVICE = 'checkout';
export const CANARY = 'checkout-canary';
export const BASELINE = 'checkout-stable';
export const DEPLOYMENTS = [BASELINE, CANARY] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

/** Histogram upper bounds (the +Inf bucket is implicit and always written). */
export const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

export type Rng = () => number;

export { mulberry32 };

/** FNV-1a 32-bit hash of a string: used to derive independent seeds from names. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const FIXTURE_SEED = 20261120;

/** An independent PRNG stream for one named purpose, e.g. rngFor('http_requests/checkout-canary'). */
export function rngFor(name: string, seed: number = FIXTURE_SEED): Rng {
  return mulberry32(seedFrom(`${seed}:${name}`));
}

/** Standard normal draw (Box-Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson draw: Knuth for small lambda, rounded normal approximation for large lambda. */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= rng();
    } while (p > limit);
    return k - 1;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rng)));
}

/** Binomial(n, p) draw via Poisson approximation (fine for small p), clamped to [0, n]. */
export function binomialSmallP(rng: Rng, n: number, p: number): number {
  return Math.min(n, poisson(rng, n * p));
}

// ---------------------------------------------------------------------------------------------
// Time helpers
// ---------------------------------------------------------------------------------------------

/** Timestamps (epoch seconds) from end - duration to end inclusive, every step seconds. */
export function timeGrid(
  endSeconds: number = FIXTURE_END_SECONDS,
  durationSeconds: number = FIXTURE_DURATION_SECONDS,
  stepSeconds: number = FIXTURE_STEP_SECONDS,
): number[] {
  const out: number[] = [];
  for (let t = endSeconds - durationSeconds; t <= endSeconds; t += stepSeconds) out.push(t);
  return out;
}

/**
 * Cumulative counter samples. increments[i] is added between times[i-1] and times[i]
 * (increments[0] is ignored: the first sample is `start`).
 */
export function counterFromIncrements(
  times: readonly number[],
  start: number,
  increments: readonly number[],
): Sample[] {
  if (increments.length !== times.length) {
    throw new Error(`counterFromIncrements: ${increments.length} increments for ${times.length} times`);
  }
  const out: Sample[] = [];
  let value = start;
  times.forEach((t, i) => {
    if (i > 0) value += increments[i] ?? 0;
    out.push({ t, v: value });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// OpenMetrics writer
// ---------------------------------------------------------------------------------------------

export type Labels = Readonly<Record<string, string>>;
/** t: epoch SECONDS (OpenMetrics), v: value. */
export interface Sample {
  t: number;
  v: number;
}
export interface SeriesData {
  labels: Labels;
  samples: readonly Sample[];
}
export interface HistogramPoint {
  t: number;
  /** Cumulative counts, one per upper bound, plus a final +Inf entry (length = le.length + 1). */
  buckets: readonly number[];
  sum: number;
}
export interface HistogramSeries {
  labels: Labels;
  points: readonly HistogramPoint[];
}

const METRIC_NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatLabels(labels: Labels, extra?: [string, string]): string {
  const entries = Object.entries(labels);
  if (extra) entries.push(extra);
  if (entries.length === 0) return '';
  for (const [name] of entries) {
    if (!LABEL_NAME_RE.test(name)) throw new Error(`invalid label name: ${name}`);
  }
  return `{${entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

/** Plain decimal number formatting (never exponent notation for our ranges). */
export function formatNumber(v: number): string {
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Number.isNaN(v)) return 'NaN';
  const s = String(v);
  if (!/e/i.test(s)) return s;
  // Very large/small numbers: fall back to fixed notation with enough digits.
  return Math.abs(v) >= 1 ? v.toFixed(0) : v.toFixed(12).replace(/0+$/, '');
}

function formatLe(le: number): string {
  if (le === Infinity) return '+Inf';
  return formatNumber(le);
}

function checkTimes(family: string, labels: Labels, times: readonly number[]): void {
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (!Number.isFinite(t)) throw new Error(`${family}${formatLabels(labels)}: non-finite timestamp`);
    if (i > 0 && t <= times[i - 1]!) {
      throw new Error(`${family}${formatLabels(labels)}: samples not strictly sorted by time at index ${i}`);
    }
  }
}

/**
 * Builds OpenMetrics text suitable for `promtool tsdb create-blocks-from openmetrics`.
 * Families are written in call order and never interleaved; every series is sorted by time;
 * timestamps are in seconds; toString() appends the mandatory `# EOF`.
 */
export class OpenMetricsWriter {
  private readonly lines: string[] = [];
  private readonly families = new Set<string>();

  private header(name: string, type: 'counter' | 'gauge' | 'histogram', help?: string): void {
    if (!METRIC_NAME_RE.test(name)) throw new Error(`invalid metric family name: ${name}`);
    if (this.families.has(name)) throw new Error(`metric family written twice: ${name}`);
    this.families.add(name);
    this.lines.push(`# TYPE ${name} ${type}`);
    if (help !== undefined) this.lines.push(`# HELP ${name} ${escapeHelp(help)}`);
  }

  /**
   * Counter family. `name` may be given with or without the `_total` suffix; the family is
   * declared without it (`# TYPE http_requests counter`) and samples use `<name>_total`.
   */
  counter(name: string, series: readonly SeriesData[], help?: string): this {
    const family = name.endsWith('_total') ? name.slice(0, -'_total'.length) : name;
    this.header(family, 'counter', help);
    for (const s of series) {
      checkTimes(family, s.labels, s.samples.map((x) => x.t));
      const labels = formatLabels(s.labels);
      let prev = -Infinity;
      for (const { t, v } of s.samples) {
        if (!(v >= 0) || v < prev) {
          throw new Error(`${family}_total${labels}: counter must be >= 0 and non-decreasing (t=${t}, v=${v})`);
        }
        prev = v;
        this.lines.push(`${family}_total${labels} ${formatNumber(v)} ${t}`);
      }
    }
    return this;
  }

  gauge(name: string, series: readonly SeriesData[], help?: string): this {
    this.header(name, 'gauge', help);
    for (const s of series) {
      checkTimes(name, s.labels, s.samples.map((x) => x.t));
      const labels = formatLabels(s.labels);
      for (const { t, v } of s.samples) this.lines.push(`${name}${labels} ${formatNumber(v)} ${t}`);
    }
    return this;
  }

  /** Classic histogram: `<name>_bucket{le=...}` (cumulative, incl. +Inf), `<name>_count`, `<name>_sum`. */
  histogram(name: string, upperBounds: readonly number[], series: readonly HistogramSeries[], help?: string): this {
    const les = [...upperBounds.filter((b) => b !== Infinity), Infinity];
    for (let i = 1; i < les.length; i++) {
      if (les[i]! <= les[i - 1]!) throw new Error(`${name}: bucket bounds must be increasing`);
    }
    this.header(name, 'histogram', help);
    for (const s of series) {
      checkTimes(name, s.labels, s.points.map((p) => p.t));
      const labels = formatLabels(s.labels);
      let prev: readonly number[] | undefined;
      let prevSum = -Infinity;
      for (const p of s.points) {
        if (p.buckets.length !== les.length) {
          throw new Error(`${name}${labels}: expected ${les.length} bucket counts (incl. +Inf), got ${p.buckets.length}`);
        }
        p.buckets.forEach((c, i) => {
          if (i > 0 && c < p.buckets[i - 1]!) throw new Error(`${name}${labels}: buckets not cumulative at t=${p.t}`);
          if (prev && c < prev[i]!) throw new Error(`${name}${labels}: bucket decreased at t=${p.t}`);
        });
        if (p.sum < prevSum) throw new Error(`${name}${labels}: _sum decreased at t=${p.t}`);
        prev = p.buckets;
        prevSum = p.sum;
        les.forEach((le, i) => {
          this.lines.push(`${name}_bucket${formatLabels(s.labels, ['le', formatLe(le)])} ${formatNumber(p.buckets[i]!)} ${p.t}`);
        });
        this.lines.push(`${name}_count${labels} ${formatNumber(p.buckets[les.length - 1]!)} ${p.t}`);
        this.lines.push(`${name}_sum${labels} ${formatNumber(p.sum)} ${p.t}`);
      }
    }
    return this;
  }

  /** Names of the families written so far. */
  familyNames(): string[] {
    return [...this.families];
  }

  toString(): string {
    return `${this.lines.join('\n')}\n# EOF\n`;
  }
}

// ---------------------------------------------------------------------------------------------
// The checkout scenario
// ---------------------------------------------------------------------------------------------

interface DeploymentProfile {
  requestsPerSecond: number;
  errorRatio: number;
  memoryBytes: number;
  memoryNoiseBytes: number;
  ordersPerSecond: number;
  requestsStart: { ok: number; err: number };
  ordersStart: number;
}

/** The knobs the scenario was generated with (targets; FIXTURE_FACTS has the realised values). */
export const FIXTURE_PROFILE: Readonly<Record<Deployment, Readonly<DeploymentProfile>>> = {
  [BASELINE]: {
    requestsPerSecond: 100,
    errorRatio: 0.005,
    memoryBytes: 200e6,
    memoryNoiseBytes: 2e6,
    ordersPerSecond: 2,
    requestsStart: { ok: 4_812_345, err: 24_117 },
    ordersStart: 96_021,
  },
  [CANARY]: {
    requestsPerSecond: 20,
    errorRatio: 0.03,
    memoryBytes: 260e6,
    memoryNoiseBytes: 2e6,
    ordersPerSecond: 2,
    requestsStart: { ok: 51_230, err: 1_571 },
    ordersStart: 2_113,
  },
};

/** Latency distribution shared by canary and baseline: lognormal, median 120 ms, sigma 0.5. */
export const LATENCY_MEDIAN_SECONDS = 0.12;
export const LATENCY_SIGMA = 0.5;

export interface DeploymentFacts {
  /** All requests (code 200 + 500) in (END-30m, END]. */
  requests: number;
  requests200: number;
  requests500: number;
  /** requests500 / requests. */
  errorRatio: number;
  /** checkout_orders_total increase in (END-30m, END]. */
  orders: number;
  /** Histogram increase in (END-30m, END]: _count, _sum (seconds), cumulative buckets (le order, incl. +Inf). */
  latencyCount: number;
  latencySumSeconds: number;
  latencyBuckets: ReadonlyArray<{ le: string; count: number }>;
  /**
   * Mean / min / max / count of the memory gauge samples with t in [END-30m, END] (CLOSED: 121
   * samples), i.e. exactly what Prometheus 2.x returns for avg_over_time(...[30m]) at END.
   * (Prometheus 3.x range selectors are left-open and would see 120 samples.)
   */
  memoryMeanBytes: number;
  memoryMinBytes: number;
  memoryMaxBytes: number;
  memorySamples: number;
  /** Value of the memory gauge at END exactly. */
  memoryAtEndBytes: number;
}

export interface FixtureFacts {
  /** Window start (exclusive) and end (inclusive), epoch seconds. */
  windowStartSeconds: number;
  windowEndSeconds: number;
  deployments: Readonly<Record<Deployment, DeploymentFacts>>;
}

export interface FixtureContext {
  writer: OpenMetricsWriter;
  /** The 241 sample timestamps (epoch seconds). */
  times: readonly number[];
  endSeconds: number;
  rngFor: (name: string) => Rng;
}

export interface GenerateFixtureOptions {
  /** Append extra families after the built-in ones. */
  extend?: (ctx: FixtureContext) => void;
}

export interface GeneratedFixture {
  text: string;
  facts: FixtureFacts;
  families: string[];
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function generateFixture(options: GenerateFixtureOptions = {}): GeneratedFixture {
  const times = timeGrid();
  const n = times.length;
  const windowStart = FIXTURE_END_SECONDS - FIXTURE_FACTS_WINDOW_SECONDS;
  const inWindow = (t: number): boolean => t > windowStart && t <= FIXTURE_END_SECONDS;
  const les = [...LATENCY_BUCKETS, Infinity];

  const requestSeries: SeriesData[] = [];
  const histogramSeries: HistogramSeries[] = [];
  const memorySeries: SeriesData[] = [];
  const orderSeries: SeriesData[] = [];
  const facts = {} as Record<Deployment, DeploymentFacts>;

  for (const deployment of DEPLOYMENTS) {
    const profile = FIXTURE_PROFILE[deployment];
    const labels = { service: SERVICE, deployment };

    // --- requests (per-interval totals, split into 200 / 500) + latency histogram --------------
    const reqRng = rngFor(`http_requests/${deployment}`);
    const latRng = rngFor(`http_request_duration_seconds/${deployment}`);
    const okInc: number[] = [0];
    const errInc: number[] = [0];
    const points: HistogramPoint[] = [];
    // Histogram counters start at 0 at the first sample (a fresh process is fine for a histogram).
    const cumBuckets = les.map(() => 0);
    let cumSumMicros = 0;
    const windowBuckets = les.map(() => 0);
    let windowSumMicros = 0;
    let req200 = 0;
    let req500 = 0;

    for (let i = 0; i < n; i++) {
      const t = times[i]!;
      if (i > 0) {
        const total = poisson(reqRng, profile.requestsPerSecond * FIXTURE_STEP_SECONDS);
        const err = binomialSmallP(reqRng, total, profile.errorRatio);
        okInc.push(total - err);
        errInc.push(err);
        for (let r = 0; r < total; r++) {
          const latency = LATENCY_MEDIAN_SECONDS * Math.exp(LATENCY_SIGMA * normal(latRng));
          const micros = Math.max(1, Math.round(latency * 1e6));
          cumSumMicros += micros;
          if (inWindow(t)) windowSumMicros += micros;
          const seconds = micros / 1e6;
          les.forEach((le, b) => {
            if (seconds <= le) {
              cumBuckets[b]!++;
              if (inWindow(t)) windowBuckets[b]!++;
            }
          });
        }
        if (inWindow(t)) {
          req200 += total - err;
          req500 += err;
        }
      }
      points.push({ t, buckets: [...cumBuckets], sum: cumSumMicros / 1e6 });
    }
    requestSeries.push(
      { labels: { ...labels, code: '200' }, samples: counterFromIncrements(times, profile.requestsStart.ok, okInc) },
      { labels: { ...labels, code: '500' }, samples: counterFromIncrements(times, profile.requestsStart.err, errInc) },
    );
    histogramSeries.push({ labels, points });

    // --- memory gauge ----------------------------------------------------------------------------
    const memRng = rngFor(`process_resident_memory_bytes/${deployment}`);
    const memSamples: Sample[] = times.map((t) => ({
      t,
      v: Math.round(profile.memoryBytes + profile.memoryNoiseBytes * normal(memRng)),
    }));
    memorySeries.push({ labels, samples: memSamples });
    const memWindow = memSamples.filter((s) => s.t >= windowStart && s.t <= FIXTURE_END_SECONDS).map((s) => s.v);

    // --- orders counter --------------------------------------------------------------------------
    const ordRng = rngFor(`checkout_orders/${deployment}`);
    const ordInc = times.map((_, i) => (i === 0 ? 0 : poisson(ordRng, profile.ordersPerSecond * FIXTURE_STEP_SECONDS)));
    orderSeries.push({ labels, samples: counterFromIncrements(times, profile.ordersStart, ordInc) });
    const orders = ordInc.reduce((acc, v, i) => (inWindow(times[i]!) ? acc + v : acc), 0);

    facts[deployment] = {
      requests: req200 + req500,
      requests200: req200,
      requests500: req500,
      errorRatio: round6(req500 / (req200 + req500)),
      orders,
      latencyCount: windowBuckets[les.length - 1]!,
      latencySumSeconds: windowSumMicros / 1e6,
      latencyBuckets: les.map((le, b) => ({ le: formatLe(le), count: windowBuckets[b]! })),
      memoryMeanBytes: round6(memWindow.reduce((a, b) => a + b, 0) / memWindow.length),
      memoryMinBytes: Math.min(...memWindow),
      memoryMaxBytes: Math.max(...memWindow),
      memorySamples: memWindow.length,
      memoryAtEndBytes: memSamples[n - 1]!.v,
    };
  }

  const writer = new OpenMetricsWriter()
    .counter('http_requests', requestSeries, 'HTTP requests by deployment and status code.')
    .histogram('http_request_duration_seconds', LATENCY_BUCKETS, histogramSeries, 'HTTP request latency.')
    .gauge('process_resident_memory_bytes', memorySeries, 'Resident memory size in bytes.')
    .counter('checkout_orders', orderSeries, 'Orders placed.');

  options.extend?.({ writer, times, endSeconds: FIXTURE_END_SECONDS, rngFor: (name) => rngFor(name) });

  return {
    text: writer.toString(),
    facts: { windowStartSeconds: windowStart, windowEndSeconds: FIXTURE_END_SECONDS, deployments: facts },
    families: writer.familyNames(),
  };
}

// ---------------------------------------------------------------------------------------------
// Hand-checked facts (literal on purpose: a change to the generator must be a visible diff).
// The smoke test asserts generateFixture().facts deep-equals this object.
// ---------------------------------------------------------------------------------------------

export const FIXTURE_FACTS: FixtureFacts = {
  windowStartSeconds: 1_795_174_200,
  windowEndSeconds: 1_795_176_000,
  deployments: {
    [BASELINE]: {
      requests: 179_606,
      requests200: 178_704,
      requests500: 902,
      errorRatio: 0.005022,
      orders: 3593,
      latencyCount: 179_606,
      latencySumSeconds: 24413.313767,
      latencyBuckets: [
        { le: '0.05', count: 7203 },
        { le: '0.1', count: 64271 },
        { le: '0.25', count: 166889 },
        { le: '0.5', count: 179210 },
        { le: '1', count: 179604 },
        { le: '2.5', count: 179606 },
        { le: '+Inf', count: 179606 },
      ],
      memoryMeanBytes: 199897096.090909,
      memoryMinBytes: 195_557_187,
      memoryMaxBytes: 204_605_908,
      memorySamples: 121,
      memoryAtEndBytes: 202_276_600,
    },
    [CANARY]: {
      requests: 36_081,
      requests200: 34_988,
      requests500: 1093,
      errorRatio: 0.030293,
      orders: 3611,
      latencyCount: 36_081,
      latencySumSeconds: 4898.354828,
      latencyBuckets: [
        { le: '0.05', count: 1436 },
        { le: '0.1', count: 12936 },
        { le: '0.25', count: 33569 },
        { le: '0.5', count: 35988 },
        { le: '1', count: 36081 },
        { le: '2.5', count: 36081 },
        { le: '+Inf', count: 36081 },
      ],
      memoryMeanBytes: 259819223.190083,
      memoryMinBytes: 255_273_029,
      memoryMaxBytes: 265_357_600,
      memorySamples: 121,
      memoryAtEndBytes: 259_809_560,
    },
  },
};
