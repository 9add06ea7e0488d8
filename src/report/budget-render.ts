/** The budget section of every output: SLO figures, burn-rate tiers, freezes and the override. */
import { exhaustionText, overrideText } from '../budget/decide.js';
import { budgetBar, formatBudgetShare, formatBurn, formatCount, formatSli } from '../budget/format.js';
import { formatPercent } from '../core/format.js';
import type { BudgetOutcome, BudgetReport, BurnFigure, FreezeReport, SloReport, TierReport } from './budget-model.js';

export const BUDGET_ICON: Record<BudgetOutcome, string> = { pass: '✅', warn: '⚠️', block: '⛔', inconclusive: '❔', error: '❗' };

/** `block`, or `warn (overridden from block)`. */
export function outcomeText(outcome: BudgetOutcome, original: BudgetOutcome): string {
  return outcome === original ? outcome : `${outcome} (overridden from ${original})`;
}

/** The cells of an SLO's summary row, formatted once for every rendering. */
export function sloRow(s: SloReport) {
  const left = s.remaining === null ? '–' : `${formatBudgetShare(s.remaining)} of ${formatPercent(s.budget)}`;
  return {
    name: s.name,
    outcome: outcomeText(s.outcome, s.originalOutcome),
    objective: `${formatSli(s.objective)} over ${s.window}`,
    sli: formatSli(s.sli),
    bar: budgetBar(s.remaining),
    left,
    burn: s.current ? `${burnText(s.current)} over ${s.current.window}` : '–',
    exhaustion: exhaustionText(s),
    events: s.events ? `${formatCount(s.events.total)} (${formatCount(s.events.errors)} bad)` : '–',
  };
}

/** A burn rate with its upper bound: `16.2× (≤ 17.1×)`. */
export function burnText(f: BurnFigure | null | undefined): string {
  if (!f || f.burn === null) return 'no events';
  return f.upper === null ? formatBurn(f.burn) : `${formatBurn(f.burn)} (≤ ${formatBurn(f.upper)})`;
}

function tierRow(t: TierReport) {
  return {
    tier: `${t.long} / ${t.short}`,
    long: burnText(t.longBurn),
    short: burnText(t.shortBurn),
    factor: `${formatBurn(t.factor)}${t.share !== undefined ? ` (${formatPercent(t.share)} of budget in ${t.long})` : ''}`,
    severity: t.severity,
    tripped: t.tripped ? 'tripped' : 'no',
  };
}

function decidedByText(s: SloReport): string {
  const bound = `${Math.round(s.confidence * 1000) / 10}% one-sided upper bound (${s.interval})`;
  return s.decideOn === 'upper-bound' ? `tiers decided on the ${bound}` : `tiers decided on the point burn rate; ≤ is the ${bound}`;
}

export function freezeText(f: FreezeReport): string {
  const state = f.active ? `active${f.endsAt ? ` until ${f.endsAt}` : ''}` : f.startsAt ? `inactive, next from ${f.startsAt}` : 'over';
  const outcome = f.active ? ` — ${outcomeText(f.outcome, f.originalOutcome)}` : '';
  return `${f.name} (${f.when}${f.reason ? `; ${f.reason}` : ''}): ${state}${outcome}`;
}

/** Markdown: the job summary's budget section. `cell` escapes table cells, `esc` plain text. */
export function budgetMarkdown(b: BudgetReport, cell: (text: string) => string, esc: (text: string) => string): string[] {
  const out: string[] = [`### ${BUDGET_ICON[b.outcome]} Error budget and deploy policy: ${esc(outcomeText(b.outcome, b.originalOutcome))}`, ''];
  if (b.override) {
    out.push(`> **Override** ${esc(overrideText(b.override))}`);
    for (const note of b.override.notes) out.push(`> ${esc(note)}`);
    out.push('');
  }
  if (b.slos.length > 0) {
    out.push('| | SLO | Objective | SLI | Budget left | Burn now | Budget gone in | Events |', '|---|---|---|---|---|---|---|---|');
    for (const s of b.slos) {
      const r = sloRow(s);
      const bar = r.bar ? `\`${r.bar}\` ` : '';
      out.push(
        `| ${BUDGET_ICON[s.outcome]} ${cell(r.outcome)} | **${cell(r.name)}** | ${cell(r.objective)} | ${cell(r.sli)} | ${bar}${cell(r.left)} | ${cell(r.burn)} | ${cell(r.exhaustion)} | ${cell(r.events)} |`,
      );
    }
    out.push('');
    for (const s of b.slos) {
      out.push(`**${esc(s.name)}**: ${esc(s.reason)}`, '');
      if (s.tiers.length > 0) {
        out.push('| Burn-rate tier | Long window | Short window | Factor | Severity | Tripped |', '|---|---|---|---|---|---|');
        for (const t of s.tiers) {
          const r = tierRow(t);
          out.push(`| ${cell(r.tier)} | ${cell(r.long)} | ${cell(r.short)} | ${cell(r.factor)} | ${r.severity} | ${t.tripped ? `🔥 ${r.tripped}` : r.tripped} |`);
        }
        out.push('', `_${esc(decidedByText(s))}._`, '');
      }
      if (s.canaryImpact) out.push(`Canary impact: ${BUDGET_ICON[s.canaryImpact.outcome]} ${esc(s.canaryImpact.reason)}`, '');
      for (const note of s.notes) out.push(`- ⚠️ ${esc(note)}`);
      if (s.notes.length > 0) out.push('');
    }
  }
  if (b.freezes.length > 0) {
    out.push(`Deploy freezes (checked at ${b.checkedAt}):`, '');
    for (const f of b.freezes) out.push(`- ${f.active ? BUDGET_ICON[f.outcome] : '·'} ${esc(freezeText(f))}`);
    out.push('');
  }
  if (b.slos.length > 0) {
    out.push('<details><summary>SLO queries</summary>', '');
    for (const s of b.slos) {
      for (const q of s.queries) {
        const value = q.error ? `error: ${esc(q.error)}` : q.value === null ? `${q.series} series, no value` : `${formatCount(q.value)} (${q.series} series)`;
        out.push(`- ${esc(s.name)} ${q.role} over ${q.window}: \`${q.query.replace(/`/g, 'ˋ')}\` — ${value}`);
      }
    }
    out.push('', '</details>', '');
  }
  return out;
}

/** Terminal: plain lines; `paint(outcome, text)` colors by outcome. */
export function budgetTerminal(b: BudgetReport, paint: (outcome: BudgetOutcome, text: string) => string): string[] {
  const out: string[] = ['', paint(b.outcome, `error budget and deploy policy: ${outcomeText(b.outcome, b.originalOutcome)}`)];
  if (b.override) out.push(`  ${overrideText(b.override)}`, ...b.override.notes.map((n) => `    note: ${n}`));
  for (const s of b.slos) {
    const r = sloRow(s);
    out.push(
      `  ${paint(s.outcome, r.outcome)}  ${r.name}: objective ${r.objective}, SLI ${r.sli}, budget left ${r.bar ? `${r.bar} ` : ''}${r.left}, burn ${r.burn}, exhaustion ${r.exhaustion}, events ${r.events}`,
    );
    out.push(`    why: ${s.reason}`);
    for (const t of s.tiers) {
      const row = tierRow(t);
      const mark = t.tripped ? paint(t.severity, 'TRIPPED') : 'ok';
      out.push(`    tier ${row.tier}: ${row.long} / ${row.short} vs ${row.factor} [${row.severity}] ${mark}`);
    }
    if (s.tiers.length > 0) out.push(`    (${decidedByText(s)})`);
    if (s.canaryImpact) out.push(`    canary impact: ${paint(s.canaryImpact.outcome, s.canaryImpact.outcome)} ${s.canaryImpact.reason}`);
    for (const note of s.notes) out.push(`    note: ${note}`);
  }
  for (const f of b.freezes) out.push(`  freeze ${f.active ? paint(f.outcome, freezeText(f)) : freezeText(f)}`);
  return out;
}
