import { mermaidChart } from './chart.js';
import type { MetricReport, Report } from './model.js';
import { metricSparklines } from './sparkline.js';

/** Failing and undecided metrics are the ones a reader wants to see over time. */
export function wantsChart(m: MetricReport): boolean {
  return m.outcome === 'fail' || m.outcome === 'inconclusive';
}

/** The job summary's trends: a sparkline pair per metric, and a chart for each failing or undecided one. */
export function trendSection(report: Report, escape: (text: string) => string): string[] {
  const rows = report.metrics.flatMap((m) => {
    const s = metricSparklines(m);
    return s ? [`| ${escape(m.name)} | \`${s.canary}\` | ${s.baseline ? `\`${s.baseline}\`` : '–'} |`] : [];
  });
  if (rows.length === 0) return [];
  const charts = report.metrics.filter(wantsChart).flatMap((m) => {
    const chart = mermaidChart(m);
    return chart ? [chart, ''] : [];
  });
  return ['<details><summary>Trends over the window</summary>', '', '| Metric | Canary | Baseline |', '|---|---|---|', ...rows, '', ...charts, '</details>', ''];
}
