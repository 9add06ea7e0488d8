import type { MetricReport } from './model.js';

/** GitHub renders ```mermaid blocks; xychart-beta has no legend, so the palette is fixed and named in the caption. */
const CANARY_COLOR = '#d62728';
const BASELINE_COLOR = '#1f77b4';
export const CHART_LEGEND = '🟥 canary · 🟦 baseline';

/**
 * A mermaid `xychart-beta` line chart of canary against baseline over the window, in the metric's
 * unit (ratios in percent). Buckets where either side has no data are left out (the chart cannot
 * draw gaps) and the caption says how many. Undefined when there is nothing to draw.
 */
export function mermaidChart(m: MetricReport): string | undefined {
  const canary = m.canary.trend;
  const baseline = m.baseline?.trend;
  if (!canary) return undefined;
  const scale = m.kind === 'ratio' ? 100 : 1;
  const length = Math.max(canary.values.length, baseline?.values.length ?? 0);
  const xs: string[] = [];
  const c: number[] = [];
  const b: number[] = [];
  let skipped = 0;
  for (let i = 0; i < length; i++) {
    const cv = canary.values[i];
    const bv = baseline ? baseline.values[i] : 0;
    if (cv === null || cv === undefined || bv === null || bv === undefined || !Number.isFinite(cv) || !Number.isFinite(bv)) {
      skipped++;
      continue;
    }
    xs.push(String(i + 1));
    c.push(cv * scale);
    if (baseline) b.push(bv * scale);
  }
  if (xs.length < 2) return undefined;
  const all = [...c, ...b];
  const [lo, hi] = axisRange(Math.min(...all), Math.max(...all));
  const unit = m.kind === 'ratio' ? '%' : (m.unit ?? '');
  const lines = [
    '```mermaid',
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${CANARY_COLOR}, ${BASELINE_COLOR}"`,
    '---',
    'xychart-beta',
    `  title "${label(m.name)}${unit ? ` (${label(unit)})` : ''}"`,
    `  x-axis "${label(`bucket of ${canary.bucket}`)}" [${xs.join(', ')}]`,
    `  y-axis "${label(unit || 'value')}" ${num(lo)} --> ${num(hi)}`,
    `  line [${c.map(num).join(', ')}]`,
    ...(baseline ? [`  line [${b.map(num).join(', ')}]`] : []),
    '```',
    '',
    `${baseline ? CHART_LEGEND : '🟥 canary'}${skipped ? ` · ${skipped} bucket${skipped === 1 ? '' : 's'} without data on a side left out` : ''}`,
  ];
  return lines.join('\n');
}

/** A little headroom so the lines do not sit on the frame; a flat series gets a visible band. */
function axisRange(min: number, max: number): [number, number] {
  if (max === min) {
    const pad = Math.abs(max) * 0.1 || 1;
    return [min - pad, max + pad];
  }
  const pad = (max - min) * 0.1;
  const lo = min >= 0 && min - pad < 0 ? 0 : min - pad;
  return [lo, max + pad];
}

function num(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/** Mermaid strings are double-quoted: keep names readable but never able to close the quote or the fence. */
function label(text: string): string {
  return text.replace(/[^\w .:/%()+-]/g, '_').slice(0, 80);
}
