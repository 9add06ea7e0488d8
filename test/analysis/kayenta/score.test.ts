/** Kayenta's roll-up of metric labels into group scores and the 0–100 score (KAYENTA.md §1.5). */
import { describe, expect, it } from 'vitest';
import { kayentaScore, roundHalfUp, type KayentaLabel, type KayentaMetricLabel } from '../../../src/analysis/kayenta/score.js';

const T = { pass: 95, marginal: 75 };
let seq = 0;
function m(label: KayentaLabel, groups: string | string[], extra: Partial<KayentaMetricLabel> = {}): KayentaMetricLabel {
  seq++;
  return { name: `m${seq}`, groups: Array.isArray(groups) ? groups : [groups], label, critical: false, muted: false, reason: `reason ${seq}`, ...extra };
}
const group = (result: ReturnType<typeof kayentaScore>, name: string) => result.groupScores.find((g) => g.group === name)!;

describe('kayentaScore: group scores', () => {
  it('one group of passes scores 100 and classifies Pass', () => {
    expect(kayentaScore([m('Pass', 'a'), m('Pass', 'a')], {}, T)).toMatchObject({ score: 100, classification: 'Pass' });
  });

  it('a group scores 100·#Pass / (#Pass + #High + #Low + #NodataFailMetric)', () => {
    const r = kayentaScore([m('Pass', 'a'), m('High', 'a'), m('Low', 'a'), m('NodataFailMetric', 'a')], {}, T);
    expect(group(r, 'a')).toMatchObject({ score: 25, noData: false });
    expect(r.score).toBe(25);
  });

  it('Nodata and Error are left out of a group’s count', () => {
    const r = kayentaScore([m('Pass', 'a'), m('Error', 'a'), m('Nodata', 'a'), m('High', 'a'), m('Pass', 'b')], {}, T);
    expect(group(r, 'a').score).toBe(50);
  });

  it('an all-Nodata (or all-Error) group scores 0 with noData, and counts as 100 in the summary', () => {
    const r = kayentaScore([m('Error', 'a'), m('Pass', 'b'), m('Pass', 'c')], {}, T);
    expect(group(r, 'a')).toMatchObject({ score: 0, noData: true });
    expect(r.score).toBe(100);
  });

  it('a metric in several groups counts in each', () => {
    const r = kayentaScore([m('High', ['a', 'b']), m('Pass', 'a'), m('Pass', 'b'), m('Pass', 'b'), m('Pass', 'b')], {}, T);
    expect(group(r, 'a').score).toBe(50);
    expect(group(r, 'b').score).toBe(75);
    expect(r.score).toBe(62.5);
  });
});

describe('kayentaScore: weights', () => {
  it('configured group weights weigh the group scores', () => {
    const r = kayentaScore([m('Pass', 'a'), m('High', 'a'), m('Pass', 'b')], { a: 60, b: 40 }, T);
    expect(r.score).toBe(70); // 50·0.6 + 100·0.4
    expect(r.classification).toBe('Fail');
    expect(group(r, 'a').weight).toBe(60);
  });

  it('groups without a weight share 100 minus the configured weights equally', () => {
    const r = kayentaScore([m('Pass', 'a'), m('High', 'b'), m('Pass', 'c')], { a: 50 }, T);
    expect(group(r, 'b').weight).toBe(25);
    expect(group(r, 'c').weight).toBe(25);
    expect(r.score).toBe(75); // 100·0.5 + 0·0.25 + 100·0.25
    expect(r.classification).toBe('Marginal');
  });

  it('with no weights every group weighs 100/#groups', () => {
    const r = kayentaScore([m('Pass', 'a'), m('Pass', 'b'), m('High', 'b'), m('High', 'c')], {}, T);
    expect(r.groupScores.map((g) => g.weight)).toEqual([100 / 3, 100 / 3, 100 / 3]);
    expect(r.score).toBe(50);
  });

  it('a configured weight counts in the sum even when its group has no metric', () => {
    const r = kayentaScore([m('Pass', 'a'), m('Pass', 'b')], { a: 50, gone: 30 }, T);
    expect(group(r, 'b').weight).toBe(20);
    expect(r.score).toBe(70);
  });

  it('weights are not checked to sum to 100 (Kayenta does not either)', () => {
    expect(kayentaScore([m('Pass', 'a'), m('Pass', 'b')], { a: 80, b: 80 }, T).score).toBe(160);
  });

  it('a group named like an Object.prototype key is an ordinary unweighted group', () => {
    const r = kayentaScore([m('Pass', 'constructor'), m('High', 'toString')], {}, T);
    expect(r.groupScores.map((g) => g.weight)).toEqual([50, 50]);
    expect(r.score).toBe(50);
  });
});

describe('kayentaScore: critical metrics, Nodata, muted', () => {
  it('a critical High zeroes the score with its reason', () => {
    const r = kayentaScore([m('Pass', 'a'), m('High', 'a', { critical: true, reason: 'latency was High' }), m('Pass', 'b')], {}, T);
    expect(r).toMatchObject({ score: 0, classification: 'Fail', reason: 'Canary Failed: latency was High' });
  });

  it('a critical Nodata zeroes the score too (label ≠ Pass)', () => {
    expect(kayentaScore([m('Pass', 'a'), m('Pass', 'a'), m('Nodata', 'b', { critical: true })], {}, T).score).toBe(0);
  });

  it('only the classification’s critical flag counts: a High below criticalIncrease is ordinary', () => {
    const r = kayentaScore([m('Pass', 'a'), m('High', 'b', { critical: false })], {}, T);
    expect(r.score).toBe(50);
    expect(r.reason).toBeUndefined();
  });

  it('50% or more Nodata metrics score 0', () => {
    expect(kayentaScore([m('Pass', 'a'), m('Nodata', 'b')], {}, T)).toMatchObject({
      score: 0,
      classification: 'Fail',
      reason: 'Canary Failed: 50% or more metrics returned NODATA',
    });
    expect(kayentaScore([m('Pass', 'a'), m('Nodata', 'b'), m('Nodata', 'c'), m('Pass', 'd')], {}, T).score).toBe(0);
  });

  it('just under 50% Nodata is scored normally (Nodata groups count as 100)', () => {
    const r = kayentaScore([m('Pass', 'a'), m('High', 'a'), m('Nodata', 'b'), m('Nodata', 'c'), m('Pass', 'd')], {}, T);
    expect(r.score).toBe(87.5); // (50 + 100 + 100 + 100) / 4
    expect(r.reason).toBeUndefined();
  });

  it('NodataFailMetric is a failure, not Nodata', () => {
    const r = kayentaScore([m('Pass', 'a'), m('NodataFailMetric', 'a')], {}, T);
    expect(r.score).toBe(50);
    expect(r.reason).toBeUndefined();
  });

  it('muted metrics are dropped before everything: no group, no critical, no Nodata share', () => {
    const r = kayentaScore(
      [m('Pass', 'a'), m('High', 'a', { critical: true, muted: true }), m('Nodata', 'b', { muted: true }), m('Low', 'c', { muted: true })],
      {},
      T,
    );
    expect(r).toMatchObject({ score: 100, classification: 'Pass' });
    expect(r.groupScores.map((g) => g.group)).toEqual(['a']);
  });

  it('no counted metric at all scores 0 (no group to sum)', () => {
    expect(kayentaScore([m('Pass', 'a', { muted: true })], {}, T)).toMatchObject({ score: 0, classification: 'Fail' });
  });
});

describe('kayentaScore: thresholds and rounding', () => {
  it('score ≥ pass is Pass, ≥ marginal is Marginal, else Fail (bounds inclusive)', () => {
    const four = (passes: number) => Array.from({ length: 4 }, (_, i) => m(i < passes ? 'Pass' : 'High', 'a'));
    expect(kayentaScore(four(3), {}, { pass: 75, marginal: 50 }).classification).toBe('Pass');
    expect(kayentaScore(four(2), {}, { pass: 75, marginal: 50 }).classification).toBe('Marginal');
    expect(kayentaScore(four(1), {}, { pass: 75, marginal: 50 }).classification).toBe('Fail');
  });

  it('rounds to 2 decimals, half up: 2 of 3 is 66.67, 1 of 3 is 33.33', () => {
    expect(kayentaScore([m('Pass', 'a'), m('Pass', 'a'), m('High', 'a')], {}, T).score).toBe(66.67);
    expect(kayentaScore([m('Pass', 'a'), m('High', 'a'), m('High', 'a')], {}, T).score).toBe(33.33);
    // 1 of 8 is 12.5; weighted by 1/3: 4.1666… → 4.17
    const r = kayentaScore([m('Pass', 'a'), ...Array.from({ length: 7 }, () => m('High', 'a')), m('High', 'b'), m('High', 'c')], {}, T);
    expect(r.score).toBe(4.17);
  });

  it('rounds the shortest decimal representation as BigDecimal(Double.toString(x)) does', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01); // 1.005 is 1.00499999999999989… in binary, "1.005" in decimal
    expect(roundHalfUp(0.125, 2)).toBe(0.13);
    expect(roundHalfUp(83.335 - 2 ** -46, 2)).toBe(83.33); // "83.33499999999998"
    expect(roundHalfUp(83.335, 2)).toBe(83.34);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01); // HALF_UP rounds away from zero
    expect(roundHalfUp(99.999, 2)).toBe(100);
    expect(roundHalfUp(4e-7, 2)).toBe(0);
    expect(roundHalfUp(0.004999, 2)).toBe(0);
    expect(roundHalfUp(0.005, 2)).toBe(0.01);
    expect(roundHalfUp(100, 2)).toBe(100);
    expect(roundHalfUp(0, 2)).toBe(0);
  });
});
