import { formatPercent } from '../core/format.js';
import type { Report, WatchLook } from './model.js';

/** Mermaid's chart needs finite numbers: unbounded interval ends are drawn at the axis edge. */
const AXIS_CAP = 5; // +500%

/**
 * The watch section of the job summary: why it stopped, then per compared metric a Mermaid chart
 * of the change and its anytime-valid interval over the looks, against the allowed change, and
 * the looks as a table (collapsed). The JSON report carries the same timeline.
 */
export function renderWatchMarkdown(report: Report, escape: (text: string) => string): string[] {
  const w = report.watch;
  if (!w) return [];
  const out = [
    `### Watch: ${escape(w.summary)}`,
    '',
    `A look every ${w.interval} for up to ${w.duration} (no early pass before ${w.minDuration}); window growing from ${w.start}; stopped by \`${w.stoppedBy}\`.`,
    '',
  ];
  const names = w.looks[0]?.metrics.map((m) => m.name) ?? [];
  for (const name of names) {
    const points = w.looks
      .map((look) => ({ look, m: look.metrics.find((x) => x.name === name)! }))
      .filter((p) => p.m?.ci && Number.isFinite(p.m.estimate));
    if (points.length === 0) continue;
    out.push(...chart(name, points));
  }
  out.push('<details><summary>Every look</summary>', '', '| look | at | elapsed | verdict | ' + names.map(escape).join(' | ') + ' |');
  out.push('|---|---|---|---|' + names.map(() => '---|').join(''));
  for (const look of w.looks) {
    const cells = names.map((name) => {
      const m = look.metrics.find((x) => x.name === name);
      if (!m) return '–';
      const interval = m.ci ? ` ${formatPercent(m.estimate, true)} [${formatPercent(m.ci[0], true)}, ${formatPercent(m.ci[1], true)}]` : '';
      return `${m.outcome}${interval}`;
    });
    out.push(`| ${look.look} | ${look.at} | ${minutes(look.elapsedMs)} min | ${look.verdict} | ${cells.join(' | ')} |`);
  }
  out.push('', '</details>', '');
  return out;
}

function chart(name: string, points: { look: WatchLook; m: NonNullable<WatchLook['metrics'][number]> }[]): string[] {
  const pct = (v: number) => Math.round(Math.max(-1, Math.min(AXIS_CAP, v)) * 1000) / 10;
  const estimate = points.map((p) => pct(p.m.estimate!));
  const lower = points.map((p) => pct(Number.isFinite(p.m.ci![0]) ? p.m.ci![0] : -1));
  const upper = points.map((p) => pct(Number.isFinite(p.m.ci![1]) ? p.m.ci![1] : AXIS_CAP));
  const allowed = points.map((p) => (p.m.allowed === undefined || p.m.allowed === null ? undefined : pct(p.m.allowed)));
  const all = [...estimate, ...lower, ...upper, ...allowed.filter((v): v is number => v !== undefined)];
  const lo = Math.floor(Math.min(0, ...all) / 10) * 10;
  const hi = Math.ceil(Math.max(0, ...all) / 10) * 10 || 10;
  const title = `${name.replace(/"/g, "'")}: change vs baseline, %`;
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis "minutes" [${points.map((p) => minutes(p.look.elapsedMs)).join(', ')}]`,
    `  y-axis "change %" ${lo} --> ${hi}`,
    `  line [${upper.join(', ')}]`,
    `  line [${estimate.join(', ')}]`,
    `  line [${lower.join(', ')}]`,
  ];
  if (allowed.every((v) => v !== undefined)) lines.push(`  line [${allowed.join(', ')}]`);
  lines.push('```', '', `_Lines, top to bottom at the start: upper bound, estimate, lower bound of the anytime-valid interval${allowed.every((v) => v !== undefined) ? ', and the allowed change (flat)' : ''}. Unbounded ends are drawn at −100% / +500%._`, '');
  return lines;
}

function minutes(ms: number): string {
  return String(Math.round((ms / 60_000) * 100) / 100);
}
