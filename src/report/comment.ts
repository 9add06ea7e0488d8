import { mermaidChart } from './chart.js';
import { cell, escapeText } from './markdown.js';
import type { MetricReport, Report } from './model.js';
import { noticeBlocks } from './notices.js';
import { OUTCOME_ICON, VERDICT_ICON, headline, metricRow, windowsText } from './rows.js';
import { metricSparklines } from './sparkline.js';
import { wantsChart } from './trends.js';

/** GitHub rejects issue comments longer than 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

const MARKER_PREFIX = '<!-- canary-gate:sticky ';

export interface CommentOptions {
  /** The policy's identity: one sticky comment per key on a pull request. */
  key: string;
  /** Where the full report is (the run's page, which shows the job summary). */
  summaryUrl?: string;
  /** In characters (UTF-16 code units, which never undercounts GitHub's limit). */
  limit?: number;
}

/**
 * The hidden first line that makes the comment sticky: the key finds it again on the next run,
 * the digest tells `comment: on-change` whether anything a reviewer cares about changed.
 */
export function commentMarker(key: string, digest?: string): string {
  return `${MARKER_PREFIX}key=${encodeKey(key)}${digest ? ` digest=${digest}` : ''} -->`;
}

/** Whether a comment body is this key's sticky comment, and the digest it was posted with. */
export function parseCommentMarker(body: string, key: string): { digest?: string } | undefined {
  const firstLine = body.split('\n', 1)[0] ?? '';
  const prefix = `${MARKER_PREFIX}key=${encodeKey(key)}`;
  if (!firstLine.startsWith(prefix)) return undefined;
  const rest = firstLine.slice(prefix.length);
  if (!rest.startsWith(' ')) return undefined;
  const digest = /^ digest=([0-9a-f]+) -->$/.exec(rest)?.[1];
  return digest ? { digest } : {};
}

/** What a reviewer would notice changing: the verdict, the score, each metric's outcome, the notices. */
export function commentDigest(report: Report): string {
  const essence = {
    verdict: report.verdict,
    score: report.score === null ? null : Math.round(report.score * 10) / 10,
    enforced: report.enforced,
    metrics: report.metrics.map((m) => [m.name, m.outcome, m.counted]),
    notices: (report.notices ?? []).map((n) => n.title),
  };
  return fnv1a64(JSON.stringify(essence));
}

/**
 * 64-bit FNV-1a as 16 hex digits: a change detector, not a security hash, so the action does not
 * load node:crypto (~25 ms of cold start) on every run.
 */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The pull-request comment when the policy does not load: every problem, so the author sees on
 * the pull request why no metric was evaluated. Same marker (one comment per key), so the next
 * good run replaces it.
 */
export function renderPolicyErrorComment(problems: string[], options: CommentOptions): { body: string; digest: string } {
  const digest = fnv1a64(JSON.stringify(problems));
  // A fence longer than any run of backticks in the text, so no message can close it.
  const longestRun = Math.max(0, ...(problems.join('\n').match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const head = [
    commentMarker(options.key, digest),
    `## ⚠️ canary-gate: the policy has ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    '',
    'No metric was evaluated and the step failed. Fix the policy and push again:',
    '',
    fence,
  ].join('\n');
  const tail = [fence, '', options.summaryUrl ? `[Workflow run](${options.summaryUrl})` : ''].join('\n').trimEnd();
  const limit = (options.limit ?? COMMENT_LIMIT) - head.length - tail.length - 64;
  const lines: string[] = [];
  let size = 0;
  for (const problem of problems) {
    if (size + problem.length + 1 > limit) {
      lines.push(`… and ${problems.length - lines.length} more (see the workflow log)`);
      break;
    }
    lines.push(problem);
    size += problem.length + 1;
  }
  return { body: `${head}\n${lines.join('\n')}\n${tail}\n`, digest };
}

/**
 * The pull-request comment: the verdict and score, one row per check with a sparkline of each
 * side, and a collapsible block per check (open for the ones that did not pass) with every
 * reason and, for failing or undecided metrics, a chart of canary against baseline.
 *
 * Within the limit, the least useful parts go first: details of passing metrics, then charts,
 * then the remaining details, then the rows of passing metrics; the footer says what was left
 * out and points to the job summary, which has everything.
 */
export function renderComment(report: Report, options: CommentOptions): string {
  const limit = options.limit ?? COMMENT_LIMIT;
  const header = [
    commentMarker(options.key, commentDigest(report)),
    `## ${VERDICT_ICON[report.verdict]} canary-gate: ${escapeText(headline(report))}`,
    '',
    ...noticeBlocks(report, cell),
    ...report.reasons.map((r) => `> ${cell(r)}`),
    ...(report.reasons.length ? [''] : []),
    ...(report.metrics.length > 0 ? ['| | Metric | Canary | Baseline | Δ | Limit | Trend (canary / baseline) |', '|---|---|---|---|---|---|---|'] : []),
  ].join('\n');
  const rows = report.metrics.map((m) => tableRow(m) + '\n');
  const full = report.metrics.map((m) => details(m, true));
  const noChart = report.metrics.map((m, i) => (wantsChart(m) ? details(m, false) : full[i]!));

  type Choice = 'full' | 'no-chart' | 'none';
  const choice: Choice[] = report.metrics.map(() => 'full');
  const rowKept = report.metrics.map(() => true);
  const detailText = (i: number) => (choice[i] === 'full' ? full[i]! : choice[i] === 'no-chart' ? noChart[i]! : '');

  const footer = (omitted: Omitted) => footerText(report, options, omitted);
  const omitted: Omitted = { details: 0, charts: 0, rows: 0 };
  // Separators between parts are counted generously (two per metric) so the estimate never undercounts.
  let size =
    header.length +
    rows.reduce((n, r) => n + r.length, 0) +
    full.reduce((n, d) => n + d.length, 0) +
    footer(worstCase(report)).length +
    2 * report.metrics.length +
    8;
  const fits = () => size <= limit;

  const passing = (m: MetricReport) => m.outcome === 'pass';
  const order = [...report.metrics.keys()].reverse();
  // 1. Details of passing metrics.
  for (const i of order) {
    if (fits()) break;
    if (!passing(report.metrics[i]!)) continue;
    size -= detailText(i).length;
    choice[i] = 'none';
    omitted.details++;
  }
  // 2. Charts.
  for (const i of order) {
    if (fits()) break;
    if (choice[i] !== 'full' || full[i] === noChart[i]) continue;
    size -= full[i]!.length - noChart[i]!.length;
    choice[i] = 'no-chart';
    omitted.charts++;
  }
  // 3. The remaining details.
  for (const i of order) {
    if (fits()) break;
    if (choice[i] === 'none') continue;
    size -= detailText(i).length;
    choice[i] = 'none';
    omitted.details++;
  }
  // 4. Rows of passing metrics (the failing ones are the point of the comment).
  for (const i of order) {
    if (fits()) break;
    if (!passing(report.metrics[i]!)) continue;
    size -= rows[i]!.length;
    rowKept[i] = false;
    omitted.rows++;
  }

  let table = rows.filter((_, i) => rowKept[i]).join('');
  const body = () => [header, table, '', ...report.metrics.map((_, i) => detailText(i)).filter(Boolean), footer(omitted)].join('\n');
  let text = body();
  if (text.length > limit) {
    // 5. Thousands of failing metrics: cut the table itself, at a row boundary.
    const room = limit - (text.length - table.length) - 80;
    const cut = table.lastIndexOf('\n', Math.max(0, room));
    const shown = table.slice(0, cut + 1);
    const left = table.slice(cut + 1).split('\n').filter(Boolean).length;
    omitted.rows += left;
    table = `${shown}| | _…${left} more row${left === 1 ? '' : 's'}_ | | | | | |\n`;
    text = body();
  }
  return text.length <= limit ? text : text.slice(0, limit);
}

interface Omitted {
  details: number;
  charts: number;
  rows: number;
}

/** The footer's size is reserved up front as if everything had to be counted. */
function worstCase(report: Report): Omitted {
  const n = report.metrics.length;
  return { details: n, charts: n, rows: n };
}

function tableRow(m: MetricReport): string {
  const row = metricRow(m);
  const name = `**${cell(row.name)}**${row.flags ? ` _(${cell(row.flags)})_` : ''}`;
  const spark = metricSparklines(m);
  const trend = spark ? `\`${spark.canary}\`${spark.baseline ? `<br>\`${spark.baseline}\`` : ''}` : '–';
  return `| ${OUTCOME_ICON[row.outcome]} ${row.outcome} | ${name} | ${cell(row.canary)} | ${cell(row.baseline)} | ${cell(row.delta)} | ${cell(row.limit)} | ${trend} |`;
}

function details(m: MetricReport, withChart: boolean): string {
  const row = metricRow(m);
  const open = m.outcome === 'pass' ? '' : ' open';
  const lines = [
    `<details${open}><summary>${OUTCOME_ICON[m.outcome]} <b>${escapeText(m.name)}</b>: ${m.outcome}${row.flags ? ` (${escapeText(row.flags)})` : ''}</summary>`,
    '',
    // The reason is the checks' reasons joined: say it once, unless no check ran (no data, a query error).
    ...(m.checks.length === 0 || !m.checks.some((c) => m.reason.includes(c.reason)) ? [cell(m.reason), ''] : []),
    ...m.checks.map((c) => `- ${c.type}: ${c.outcome} — ${cell(c.reason)}`),
    ...row.notes.map((n) => `- ⚠️ ${cell(n)}`),
    `- samples: canary ${m.canary.samples}${m.baseline ? `, baseline ${m.baseline.samples}` : ''}; ${cell(m.aggregate)}`,
  ];
  const chart = withChart && wantsChart(m) ? mermaidChart(m) : undefined;
  if (chart) lines.push('', chart);
  lines.push('', '</details>', '');
  return lines.join('\n');
}

function footerText(report: Report, options: CommentOptions, omitted: Omitted): string {
  const w = windowsText(report);
  const where = options.summaryUrl ? `[the job summary](${options.summaryUrl})` : 'the job summary of this run';
  const parts: string[] = [];
  if (omitted.rows) parts.push(`${omitted.rows} row${omitted.rows === 1 ? '' : 's'}`);
  if (omitted.details) parts.push(`${omitted.details} detail${omitted.details === 1 ? '' : 's'}`);
  if (omitted.charts) parts.push(`${omitted.charts} chart${omitted.charts === 1 ? '' : 's'}`);
  const lines = [];
  if (parts.length) {
    lines.push(`_${parts.join(', ')} left out to stay within GitHub's 65,536-character comment limit: everything is in ${where}._`, '');
  }
  lines.push(
    `<sub>${w ? `Canary ${inlineCode(w.canary)} · baseline ${inlineCode(w.baseline)} · window ${report.window}, step ${report.step} · ` : ''}` +
      `evaluated ${report.evaluatedAt} by canary-gate ${report.tool.version} · full report: ${where}</sub>`,
    '',
  );
  return lines.join('\n');
}

/** Inline code cannot hold a backtick; swap it for a look-alike rather than break the span. */
function inlineCode(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ').replace(/\r?\n/g, ' ')}\``;
}

/** Keys are paths; keep them readable but unable to close the HTML comment or break the line. */
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/-/g, '%2D');
}
