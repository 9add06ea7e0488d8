import type { MetricReport } from './model.js';

const BARS = '▁▂▃▄▅▆▇█';
/** A gap (a bucket without data) must not read as a low value. */
const GAP = '·';
export const SPARKLINE_WIDTH = 20;

/** Averages consecutive values down to at most `width` (nulls ignored; a group of nulls stays null). */
export function downsample(values: readonly (number | null)[], width: number): (number | null)[] {
  if (values.length <= width) return [...values];
  const out: (number | null)[] = [];
  for (let i = 0; i < width; i++) {
    const group = values.slice(Math.floor((i * values.length) / width), Math.floor(((i + 1) * values.length) / width));
    const finite = group.filter((v): v is number => v !== null && Number.isFinite(v));
    out.push(finite.length === 0 ? null : finite.reduce((a, b) => a + b, 0) / finite.length);
  }
  return out;
}

/**
 * Sparklines drawn on one shared scale, so two lines side by side compare heights truthfully
 * (a canary twice the baseline looks twice as tall). A flat scale draws mid-height bars.
 */
export function sparklines(lines: readonly (readonly (number | null)[])[], width = SPARKLINE_WIDTH): string[] {
  const sampled = lines.map((l) => downsample(l, width));
  const finite = sampled.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return sampled.map((l) => GAP.repeat(l.length));
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return sampled.map((l) =>
    l
      .map((v) => {
        if (v === null || !Number.isFinite(v)) return GAP;
        if (max === min) return BARS[3]!;
        return BARS[Math.min(BARS.length - 1, Math.floor(((v - min) / (max - min)) * BARS.length))]!;
      })
      .join(''),
  );
}

/** The canary and baseline sparklines of a metric, or undefined when neither side has a trend with data. */
export function metricSparklines(m: MetricReport, width = SPARKLINE_WIDTH): { canary: string; baseline?: string } | undefined {
  const canary = m.canary.trend?.values ?? [];
  const baseline = m.baseline?.trend?.values;
  const hasData = (v: readonly (number | null)[] | undefined) => (v ?? []).some((x) => x !== null && Number.isFinite(x));
  if (!hasData(canary) && !hasData(baseline)) return undefined;
  const [c, b] = sparklines(baseline ? [canary, baseline] : [canary], width);
  return baseline ? { canary: c!, baseline: b! } : { canary: c! };
}
