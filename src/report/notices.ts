import type { Notice, Report } from './model.js';

/**
 * Notices as GitHub alert blocks (`> [!WARNING]`), rendered in the PR comment, the job summary and
 * the check run alike. `escape` is the renderer's text escaper: titles and messages may quote
 * file names and refs.
 */
export function noticeBlocks(report: Report, escape: (text: string) => string): string[] {
  return (report.notices ?? []).flatMap((n) => [`> [!${n.level === 'warning' ? 'WARNING' : 'NOTE'}]`, `> **${escape(n.title)}** ${escape(n.message)}`, '']);
}

/** One plain line per notice, for the log and the terminal. */
export function noticeLines(report: Report): string[] {
  return (report.notices ?? []).map((n: Notice) => `${n.level}: ${n.title} ${n.message}`);
}
