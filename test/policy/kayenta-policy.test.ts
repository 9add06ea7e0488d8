/** judge: kayenta in the policy: defaults (KAYENTA.md §1.1), inheritance, groups. Errors are in the bad-policies corpus. */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';

function policy(metrics: string, extra = '', judge = 'judge: kayenta') {
  return loadPolicy(
    `version: 1
service: svc
${judge}
window: 30m
sources: { s: { type: file, path: unused.json } }
scopes: { canary: 'd="c"', baseline: 'd="b"' }
${extra}
metrics:
${metrics}`,
    'policy.yml',
    { env: {} },
  );
}

const bare = `  - name: latency
    source: s
    query: 'lat{{{scope}}}'`;

describe('judge: kayenta policies', () => {
  it('defaults to judge: gate, and gate metrics carry no Kayenta settings', () => {
    const p = policy(`${bare}\n    compare: { tolerance: 10% }`, '', '');
    expect(p.judge).toBe('gate');
    expect(p.metrics[0]!.kayenta).toBeUndefined();
  });

  it('resolves Kayenta’s defaults: direction either, NaN remove, outliers kept (factor 3), meanRatio gates at 1', () => {
    const p = policy(bare);
    expect(p.judge).toBe('kayenta');
    const m = p.metrics[0]!;
    expect(m.compare).toBeUndefined();
    expect(m.threshold).toBeUndefined();
    expect(m.group).toBe('latency');
    expect(m.kayenta).toEqual({
      direction: 'either',
      nanStrategy: 'remove',
      outliers: { strategy: 'keep', factor: 3 },
      effectSize: { measure: 'meanRatio', allowedIncrease: 1, allowedDecrease: 1, criticalIncrease: 1, criticalDecrease: 1 },
      mustHaveData: false,
      muted: false,
      groups: ['latency'],
    });
  });

  it('CLES gates default to 0.5', () => {
    const p = policy(`${bare}\n    kayenta: { effect-size: { measure: cles, allowed-increase: 0.7 } }`);
    expect(p.metrics[0]!.kayenta!.effectSize).toEqual({
      measure: 'cles',
      allowedIncrease: 0.7,
      allowedDecrease: 0.5,
      criticalIncrease: 0.5,
      criticalDecrease: 0.5,
    });
  });

  it('reads every Kayenta key; compare.direction is the direction', () => {
    const p = policy(`${bare}
    group: [latency, golden]
    critical: true
    compare: { direction: increase }
    kayenta:
      nan-strategy: replace
      outliers: { strategy: remove, factor: 1.5 }
      effect-size: { allowed-increase: 1.1, allowed-decrease: 0.9, critical-increase: 5, critical-decrease: 0.5 }
      must-have-data: true
      muted: true`);
    const m = p.metrics[0]!;
    expect(m.critical).toBe(true);
    expect(m.group).toBe('latency');
    expect(m.kayenta).toEqual({
      direction: 'increase',
      nanStrategy: 'replace',
      outliers: { strategy: 'remove', factor: 1.5 },
      effectSize: { measure: 'meanRatio', allowedIncrease: 1.1, allowedDecrease: 0.9, criticalIncrease: 5, criticalDecrease: 0.5 },
      mustHaveData: true,
      muted: true,
      groups: ['latency', 'golden'],
    });
  });

  it('defaults.kayenta and defaults.compare.direction apply; a metric’s effect-size replaces the default one whole', () => {
    const p = policy(
      `${bare}
  - name: cpu
    source: s
    query: 'cpu{{{scope}}}'
    kayenta: { effect-size: { allowed-decrease: 0.8 }, muted: false }`,
      `defaults:
  compare: { direction: decrease }
  kayenta: { nan-strategy: replace, muted: true, effect-size: { allowed-increase: 1.2 }, outliers: { strategy: remove } }`,
    );
    const [latency, cpu] = p.metrics;
    expect(latency!.kayenta).toMatchObject({ direction: 'decrease', nanStrategy: 'replace', muted: true, outliers: { strategy: 'remove', factor: 3 } });
    expect(latency!.kayenta!.effectSize.allowedIncrease).toBe(1.2);
    expect(cpu!.kayenta).toMatchObject({ nanStrategy: 'replace', muted: false });
    expect(cpu!.kayenta!.effectSize).toMatchObject({ allowedIncrease: 1, allowedDecrease: 0.8 });
  });

  it('scoring.groups may weigh any of a metric’s groups', () => {
    const p = policy(`${bare}\n    group: [latency, golden]`, 'scoring: { groups: { golden: 70 } }');
    expect(p.scoring.groups).toEqual({ golden: 70 });
  });
});
