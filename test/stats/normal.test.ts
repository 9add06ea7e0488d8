import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalMillsRatio, normalPdf, normalQuantile, normalSf } from '../../src/stats/normal.js';
import { expectClose, reference } from './reference.js';

interface UpperTailCase {
  z: number;
  upper_tail: number;
}
interface QuantileCase {
  p: number;
  qnorm: number;
}

describe('normalSf / normalCdf against R pnorm', () => {
  for (const c of reference.normal_upper_tail as UpperTailCase[]) {
    it(`upper tail at z = ${c.z}`, () => {
      // R prints 15 significant digits; full relative precision even at z = 20 (2.75e-89)
      expectClose(normalSf(c.z), c.upper_tail, 1e-13);
      expectClose(normalCdf(-c.z), c.upper_tail, 1e-13);
      expectClose(normalCdf(c.z), 1 - c.upper_tail, 1e-15);
    });
  }

  it('reproduces the two-proportion z-test p-values', () => {
    for (const [name, set] of Object.entries(reference.two_proportion_sets as Record<string, { expected: Record<string, number> }>)) {
      const e = set.expected;
      const z = e.z_pooled!;
      expectClose(2 * normalSf(Math.abs(z)), e.z_pooled_p_two_sided!, 1e-12);
      expectClose(normalSf(z), e.z_pooled_p_greater!, 1e-12);
      expect(name).toBeTruthy();
    }
  });

  it('reproduces the asymptotic Mann-Whitney p-values from the reference z', () => {
    for (const set of Object.values(reference.mann_whitney_sets as Record<string, { expected: Record<string, unknown> }>)) {
      const e = set.expected as { z_no_continuity: number | null; p_asymptotic: { tie_correction_only?: { two_sided: number; greater: number; less: number } } };
      const p = e.p_asymptotic.tie_correction_only;
      if (e.z_no_continuity === null || !Number.isFinite(e.z_no_continuity) || !p) continue;
      // z is printed with 15 digits, so the p-values agree to ~1e-13 relative
      expectClose(2 * normalSf(Math.abs(e.z_no_continuity)), p.two_sided, 1e-11);
      expectClose(normalSf(e.z_no_continuity), p.greater, 1e-11);
      expectClose(normalCdf(e.z_no_continuity), p.less, 1e-11);
    }
  });
});

describe('normalQuantile against R qnorm', () => {
  for (const c of reference.normal_quantile as QuantileCase[]) {
    it(`qnorm(${c.p})`, () => {
      expectClose(normalQuantile(c.p), c.qnorm, 1e-13, 1e-300);
      if (c.p !== 0.5) expectClose(normalQuantile(1 - c.p), -c.qnorm, c.p > 0.5 ? 1e-13 : 1e-6);
    });
  }
});

describe('normal edge cases', () => {
  it('handles infinities, NaN and the centre', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalSf(Infinity)).toBe(0);
    expect(normalSf(-Infinity)).toBe(1);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalSf(NaN)).toBeNaN();
    expect(normalPdf(NaN)).toBeNaN();
    expect(normalPdf(Infinity)).toBe(0);
  });

  it('quantile: ±Infinity at 0/1, NaN outside [0, 1], 0 at ½', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-1e-9)).toBeNaN();
    expect(normalQuantile(1.0000001)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });

  it('keeps relative precision in the far tail and near the centre (mpmath, 50 digits)', () => {
    // Φ̄(37) and Φ⁻¹(1e-300): far beyond any table
    expectClose(normalSf(37), 5.7255712225246e-300, 1e-12);
    expectClose(normalQuantile(1e-300), -37.047096299361201, 1e-14);
    expectClose(normalQuantile(1e-100), -21.273453560965322, 1e-14);
    // near p = ½ the quantile is tiny; still full relative precision
    expectClose(normalQuantile(0.5 + 2 ** -40), 2.2797651350911e-12, 1e-12);
    expectClose(normalCdf(1e-10), 0.5 + 3.989422804014327e-11, 2e-16);
    // density in the far tail (exp(-z²/2) evaluated in two parts)
    expectClose(normalPdf(30), 1.4736461348785e-196, 1e-12);
  });

  it('Mills ratio matches the tail/density ratio and 1/z asymptotics', () => {
    expectClose(normalMillsRatio(2), normalSf(2) / normalPdf(2), 1e-14);
    expectClose(normalMillsRatio(0), Math.sqrt(Math.PI / 2), 1e-15);
    expectClose(normalMillsRatio(1e6), 1e-6, 1e-11);
    expect(normalMillsRatio(Infinity)).toBe(0);
  });
});

describe('normal properties', () => {
  const z = fc.double({ min: -38, max: 38, noNaN: true });
  const p = fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true });

  it('CDF and SF are in [0, 1] and sum to 1', () => {
    fc.assert(
      fc.property(z, (x) => {
        const c = normalCdf(x);
        const s = normalSf(x);
        return c >= 0 && c <= 1 && s >= 0 && s <= 1 && Math.abs(c + s - 1) <= 2e-16;
      }),
    );
  });

  it('CDF is monotone and symmetric', () => {
    fc.assert(
      fc.property(z, z, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return normalCdf(lo) <= normalCdf(hi) && normalCdf(-a) === normalSf(a);
      }),
    );
  });

  it('quantile inverts the CDF with relative precision', () => {
    fc.assert(
      fc.property(p, (q) => {
        const x = normalQuantile(q);
        const back = x < 0 ? normalCdf(x) : normalSf(x);
        const target = x < 0 ? q : 1 - q;
        // x itself carries a rounding error of ~1e-16·|x|, which moves the tail by ~x²·1e-16 relative
        return Math.abs(back - target) <= 4e-16 * (8 + x * x) * target;
      }),
    );
  });

  it('CDF inverts the quantile', () => {
    fc.assert(
      // lower tail with relative precision: recover x ≤ 0 (for x > 0 use the upper tail by symmetry)
      fc.property(fc.double({ min: -37, max: 0, noNaN: true }), (x) => {
        const back = normalQuantile(normalCdf(x));
        // near 0, Φ(x) ≈ ½ + 0.4x resolves x only to ~1.4e-16 absolute
        return Math.abs(back - x) <= 1e-14 * Math.abs(x) + 2e-16;
      }),
    );
  });
});
