import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the canary-gate/stats package entry', () => {
  it('is declared in package.json with its types', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, { types: string; import: string }> };
    expect(pkg.exports['./stats']).toEqual({ types: './dist/types/stats/index.d.ts', import: './dist/stats.js' });
    expect(existsSync(pkg.exports['./stats']!.types)).toBe(true);
  });

  it('resolves by package name and computes (run npm run build if this fails)', async () => {
    const stats = (await import('canary-gate/stats')) as typeof import('../../src/stats/index.js');
    expect(stats.normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(stats.mannWhitney([3, 4, 5], [1, 2]).uCanary).toBe(6);
    expect(stats.hodgesLehmann([3, 4, 5], [1, 2]).estimate).toBe(2.5);
    expect(stats.fisherExact(12, 10000, 4, 10000).pTwoSided).toBeCloseTo(0.0766961088904945, 12);
  });
});
