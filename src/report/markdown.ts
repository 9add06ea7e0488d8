import { OUTCOME_ICON, VERDICT_ICON, headline, metricRow, windowsText } from './rows.js';
import type { MetricReport, Report } from './model.js';
import { budgetMarkdown } from './budget-render.js';
import { noticeBlocks } from './notices.js';
import { trendSection } from './trends.js';
import { renderWatchMarkdown } from './watch-markdown.js';

/** GitHub's job summary limit is 1 MiB (1,048,576 bytes) per step; stay inside it, in UTF-8 bytes. */
export const SUMMARY_LIMIT = 1_000_000;

/** The job summary: the verdict, a table of every check, and the windows and resolved queries. */
export function renderMarkdown(report: Report, limit = SUMMARY_LIMIT): string {
  const w = windowsText(report);
  const lines: string[] = [
    `## ${VERDICT_ICON[report.verdict]} canary-gate: ${escapeText(headline(report))}`,
    '',
    ...noticeBlocks(report, escapeText),
    ...report.reasons.map((r) => `> ${escapeText(r)}`),
    '',
    ...(report.metrics.length > 0 ? ['| | Metric | Canary | Baseline | Δ | Tolerance / threshold | Reason |', '|---|---|---|---|---|---|---|'] : []),
    ...report.metrics.map((m) => {
      const row = metricRow(m);
      const name = `**${cell(row.name)}**${row.flags ? ` _(${cell(row.flags)})_` : ''}`;
      const reason = [row.reason, ...row.notes.map((n) => `⚠️ ${n}`)].join('; ');
      return `| ${OUTCOME_ICON[row.outcome]} ${row.outcome} | ${name} | ${cell(row.canary)} | ${cell(row.baseline)} | ${cell(row.delta)} | ${cell(row.limit)} | ${cell(reason)} |`;
    }),
    '',
    ...(w ? [`Canary: \`${code(w.canary)}\`  `, `Baseline: \`${code(w.baseline)}\`  `, `Window ${report.window}, step ${report.step}; evaluated ${report.evaluatedAt} by canary-gate ${report.tool.version}.`] : [`Evaluated ${report.evaluatedAt} by canary-gate ${report.tool.version}.`]),
    '',
    ...(report.budget ? budgetMarkdown(report.budget, cell, escapeText) : []),
    ...renderWatchMarkdown(report, escapeText),
    '<details><summary>Resolved queries and data</summary>',
    '',
    ...report.metrics.flatMap(queryDetails),
    '</details>',
    '',
    ...trendSection(report, escapeText),
  ];
  return truncate(lines.join('\n'), limit);
}

function queryDetails(m: MetricReport): string[] {
  const out = [`**${escapeText(m.name)}** (${m.kind}, ${escapeText(m.aggregate)}, source \`${code(m.source)}\`)`, ''];
  for (const side of [m.canary, m.baseline]) {
    if (!side) continue;
    for (const q of side.queries) {
      const stats = q.error
        ? `error: ${escapeText(q.error)}`
        : `${q.series} series, ${q.points} points, ${q.nonFinite} NaN/Inf, ${q.missing} missing steps`;
      out.push(`- ${side.scope} ${q.role}: \`${code(q.query)}\` — ${stats}`);
    }
    for (const note of side.notes) out.push(`- ${side.scope}: ${escapeText(note)}`);
  }
  for (const check of m.checks) out.push(`- ${check.type}: ${check.outcome} — ${escapeText(check.reason)}`);
  out.push('');
  return out;
}

/** Text that goes into a table cell: no pipes, no newlines, no HTML, no accidental emphasis or links. */
export function cell(text: string): string {
  return escapeText(text)
    .replace(/[\\`*_~[\]]/g, '\\$&')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code cannot hold a backtick; swap it for a look-alike rather than break the span. */
function code(text: string): string {
  return text.replace(/`/g, 'ˋ').replace(/\r?\n/g, ' ');
}

/** Cuts to `limit` UTF-8 bytes (GitHub counts the summary in bytes; emoji take four), never inside a character. */
export function truncate(markdown: string, limit: number): string {
  if (utf8Length(markdown) <= limit) return markdown;
  const note = '\n\n_…truncated: the full report is in the JSON report file._\n';
  return sliceUtf8(markdown, limit - utf8Length(note)) + note;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` that fits in `bytes` UTF-8 bytes, without splitting a surrogate pair. */
export function sliceUtf8(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (used + size > bytes) break;
    used += size;
    end += ch.length;
  }
  return text.slice(0, end);
}
