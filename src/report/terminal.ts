import { headline, metricRow, windowsText } from './rows.js';
import type { CheckOutcome, Report, Verdict } from './model.js';
import { budgetTerminal } from './budget-render.js';
import { noticeLines } from './notices.js';

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m' };
const OUTCOME_COLOR: Record<CheckOutcome | Verdict, string> = {
  pass: ANSI.green,
  fail: ANSI.red,
  error: ANSI.red,
  inconclusive: ANSI.yellow,
  warn: ANSI.yellow,
};

/** The CLI's table: colored on a TTY, plain text otherwise. */
export function renderTerminal(report: Report, options: { color: boolean; width?: number }): string {
  const paint = (color: string, text: string) => (options.color ? `${color}${text}${ANSI.reset}` : text);
  const rows = report.metrics.map(metricRow);
  const header = ['outcome', 'metric', 'canary', 'baseline', 'Δ', 'limit'];
  const table = rows.map((r) => [r.outcome, r.name + (r.flags ? ` (${r.flags})` : ''), r.canary, r.baseline, r.delta, r.limit]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();

  const w = windowsText(report);
  const out: string[] = [
    paint(ANSI.bold + OUTCOME_COLOR[report.verdict], `canary-gate: ${headline(report)}`),
    ...noticeLines(report).map((n) => paint(ANSI.yellow, `  ${n}`)),
    ...report.reasons.map((r) => `  ${r}`),
    ...(rows.length > 0 ? ['', paint(ANSI.dim, line(header))] : []),
  ];
  table.forEach((cells, i) => {
    const outcome = rows[i]!.outcome;
    const padded = line(cells);
    out.push(paint(OUTCOME_COLOR[outcome], padded.slice(0, widths[0]!)) + padded.slice(widths[0]!));
    if (outcome !== 'pass' || report.metrics[i]!.dryRun || report.metrics[i]!.kayenta?.muted) out.push(paint(ANSI.dim, `    why: ${rows[i]!.reason}`));
    for (const note of rows[i]!.notes) out.push(paint(ANSI.yellow, `    note: ${note}`));
  });
  if (w) out.push('', `canary:   ${w.canary}`, `baseline: ${w.baseline}`, `window ${report.window}, step ${report.step}`);
  if (report.budget) {
    const budgetColor = { pass: ANSI.green, warn: ANSI.yellow, inconclusive: ANSI.yellow, block: ANSI.red, error: ANSI.red };
    out.push(...budgetTerminal(report.budget, (outcome, text) => paint(budgetColor[outcome], text)));
  }
  if (report.watch) out.push(`watch: ${report.watch.looks.length} look${report.watch.looks.length === 1 ? '' : 's'} every ${report.watch.interval}, stopped by ${report.watch.stoppedBy} after ${report.watch.elapsed}`);
  if (report.notification) out.push(`notify: ${report.notification.status} (${report.notification.target}, ${report.notification.attempts} attempts${report.notification.error ? `, ${report.notification.error}` : ''})`);
  return out.join('\n') + '\n';
}
