/**
 * "Answers like Kayenta": every case of kayenta-cases.json (written by
 * scripts/reference/kayenta-cases.R, which classifies with R's own wilcox.test) replayed through
 * the TypeScript classifier — same label, same critical flag, R's interval and estimate.
 * Cases R cannot produce (the seeded tie-breaking noise, exceptions) follow below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classifyKayenta,
  KAYENTA_CONF_LEVEL,
  seededGaussian,
  transformSide,
  type KayentaClassifierConfig,
} from '../../../src/analysis/kayenta/classify.js';
import type { KayentaLabel } from '../../../src/analysis/kayenta/score.js';

interface Case {
  name: string;
  rule: string;
  experiment: (number | string)[];
  control: (number | string)[];
  config: KayentaClassifierConfig;
  r: { lower: number; upper: number; estimate: number } | null;
  expected: {
    label: KayentaLabel;
    critical: boolean;
    rule: string;
    ratio: number | string;
    effect: number | string | null;
    bound: number | null;
    used: [number, number];
  };
}

const reference = JSON.parse(readFileSync(new URL('./kayenta-cases.json', import.meta.url), 'utf8')) as { cases: Case[] };
const num = (v: number | string): number => (typeof v === 'number' ? v : Number(v));

function close(actual: number, expected: number, rtol: number): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.max(Math.abs(expected), 1e-300));
}

const DEFAULTS: KayentaClassifierConfig = {
  direction: 'either',
  nanStrategy: 'remove',
  outliers: { strategy: 'keep', factor: 3 },
  effectSize: { measure: 'meanRatio', allowedIncrease: 1, allowedDecrease: 1, criticalIncrease: 1, criticalDecrease: 1 },
  mustHaveData: false,
  critical: false,
};

describe('kayenta classifier against R (kayenta-cases.json)', () => {
  it('covers every rule of KAYENTA.md §1.2–1.4 with at least 30 cases', () => {
    expect(reference.cases.length).toBeGreaterThanOrEqual(30);
    const labels = new Set(reference.cases.map((c) => c.expected.label));
    for (const label of ['Pass', 'High', 'Low', 'Nodata', 'NodataFailMetric']) expect(labels.has(label as KayentaLabel)).toBe(true);
  });

  it.each(reference.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = classifyKayenta('m', c.experiment.map(num), c.control.map(num), c.config);
    expect({ label: result.label, critical: result.critical, rule: result.rule }).toEqual({
      label: c.expected.label,
      critical: c.expected.critical,
      rule: c.expected.rule,
    });
    expect([result.preprocessing.experiment.used, result.preprocessing.control.used]).toEqual(c.expected.used);
    close(result.ratio, num(c.expected.ratio), 1e-12);
    if (c.r === null) {
      expect(result.mannWhitney).toBeUndefined();
      return;
    }
    const mw = result.mannWhitney!;
    expect(mw.confLevel).toBe(0.98);
    // R prints 17 significant digits; the port follows R's zeroin operation for operation.
    close(mw.lower, c.r.lower, 1e-9);
    close(mw.upper, c.r.upper, 1e-9);
    close(mw.estimate, c.r.estimate, 1e-9);
    close(mw.bound, c.expected.bound!, 1e-9);
    close(result.effect!.value, num(c.expected.effect!), 1e-12);
  });
});

describe('kayenta classifier: the documented examples', () => {
  const cases = new Map(reference.cases.map((c) => [c.name, c]));

  it('spinnaker#6278: [100×7, 1×3] vs [1×10] passes — the interval does not clear 25% of the estimate', () => {
    const c = cases.get('spinnaker-6278')!;
    const result = classifyKayenta('m', c.experiment.map(num), c.control.map(num), DEFAULTS);
    expect(result.label).toBe('Pass');
    expect(result.mannWhitney!.lower).toBeCloseTo(6.8e-5, 6);
    expect(result.mannWhitney!.upper).toBe(99);
    expect(result.mannWhitney!.estimate).toBeCloseTo(99, 3);
    expect(result.mannWhitney!.bound).toBeCloseTo(24.75, 3);
  });

  it('zero-inflated error rates: R returns an inverted interval (lower > upper) and it is used as is', () => {
    const c = cases.get('zero-inflated-inverted-interval')!;
    const result = classifyKayenta('m', c.experiment.map(num), c.control.map(num), DEFAULTS);
    expect(result.mannWhitney!.lower).toBeGreaterThan(result.mannWhitney!.upper);
    expect(result.label).toBe('High');
  });
});

describe('kayenta classifier: rules outside R', () => {
  it('two constant sides get seeded noise (sd = value·1e−5): reproducible, and a clear shift is High', () => {
    const x = Array(20).fill(10);
    const y = Array(20).fill(5);
    const a = classifyKayenta('m', x, y, DEFAULTS);
    const b = classifyKayenta('m', x, y, DEFAULTS);
    expect(a.noise).toBe(true);
    expect(a.label).toBe('High');
    expect(a).toEqual(b);
    expect(a.mannWhitney!.estimate).toBeCloseTo(5, 3);
    expect(a.ratio).toBeCloseTo(2, 4);
    // Another seed moves the numbers, not the label.
    const c = classifyKayenta('m', x, y, DEFAULTS, { seed: 42 });
    expect(c.label).toBe('High');
    expect(c.mannWhitney!.estimate).not.toBe(a.mannWhitney!.estimate);
  });

  it('noise is scaled by each side’s own value, so a constant 0 stays 0', () => {
    const result = classifyKayenta('m', Array(10).fill(0), Array(10).fill(3), DEFAULTS);
    expect(result.noise).toBe(true);
    expect(result.label).toBe('Low');
    expect(result.stats.experiment).toEqual({ count: 10, min: 0, max: 0, mean: 0, std: 0 });
    expect(result.ratio).toBeNaN();
  });

  it('the seeded Gaussian generator is deterministic and roughly standard normal', () => {
    const g = seededGaussian(7);
    const h = seededGaussian(7);
    const draws = Array.from({ length: 20000 }, () => g());
    expect(Array.from({ length: 5 }, () => h())).toEqual(draws.slice(0, 5));
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('an exception in the classification is Error, "Metric Classification Failed", not critical', () => {
    const critical = { ...DEFAULTS, critical: true };
    const infinite = classifyKayenta('m', [1, 2, Infinity], [1, 2, 3], critical);
    expect(infinite).toMatchObject({ label: 'Error', critical: false, rule: 'error' });
    expect(infinite.reason).toMatch(/^Metric Classification Failed/);
    // A constant canary of 0 (no noise) against one baseline point: every shift in [μmin, μmax]
    // ties everything, where R stops with "all observations are tied".
    const tied = classifyKayenta('m', [0, 0, 0], [5], critical);
    expect(tied).toMatchObject({ label: 'Error', critical: false });
  });

  it('Nodata names the metric, as Kayenta does', () => {
    expect(classifyKayenta('latency', [], [1, 2], DEFAULTS).reason).toBe('Missing data for latency');
  });

  it('descriptive statistics are taken after the transforms (sample sd)', () => {
    const result = classifyKayenta('m', [1, 2, 3, NaN], [2, 4, NaN, 6], DEFAULTS);
    expect(result.stats.experiment).toEqual({ count: 3, min: 1, max: 3, mean: 2, std: 1 });
    expect(result.stats.control).toEqual({ count: 3, min: 2, max: 6, mean: 4, std: 2 });
    expect(result.preprocessing.control).toEqual({ raw: 4, nan: 1, outliers: 0, used: 3 });
  });

  it('transformSide applies the NaN strategy before the outlier fences', () => {
    const values = [...Array.from({ length: 30 }, (_, i) => 100 + (i % 5)), NaN, 1e6];
    expect(transformSide(values, { nanStrategy: 'remove', outliers: { strategy: 'remove', factor: 3 } })).toMatchObject({ nan: 1, outliers: 1 });
    const replaced = transformSide(values, { nanStrategy: 'replace', outliers: { strategy: 'keep', factor: 3 } });
    expect(replaced.values).toContain(0);
    expect(replaced.values).toHaveLength(32);
  });

  it('uses the judge’s hard-coded 98% confidence', () => {
    expect(KAYENTA_CONF_LEVEL).toBe(0.98);
  });
});
