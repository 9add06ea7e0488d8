import { formatPercent } from '../core/format.js';
import { formatDuration } from '../policy/duration.js';
import type { WatchPlan } from '../policy/types.js';
import type { WatchLook, WatchLookMetric } from './model.js';

/** "+12% [−3%, +35%] of ±20%": a check's state at a look, the same in every progress output. */
export function lookMetricText(m: WatchLookMetric): string {
  if (m.ci) {
    const allowed = m.allowed === undefined || m.allowed === null ? '' : ` (allowed ${formatPercent(m.allowed, true)})`;
    return `${formatPercent(m.estimate, true)} [${formatPercent(m.ci[0], true)}, ${formatPercent(m.ci[1], true)}]${allowed}`;
  }
  if (m.estimate !== undefined) return formatPercent(m.estimate, true);
  return m.outcome === 'pass' ? '' : m.reason;
}

/** One log line per look: `look 7 · 7m/30m · inconclusive · error-ratio inconclusive +12% [..] · …`. */
export function lookLine(look: WatchLook, plan: WatchPlan): string {
  const checks = look.metrics.map((m) => `${m.name} ${m.outcome}${lookMetricText(m) ? ` ${lookMetricText(m)}` : ''}`);
  return [`look ${look.look}`, `${formatDuration(look.elapsedMs)}/${formatDuration(plan.durationMs)}`, look.verdict, ...checks].join(' · ');
}

/**
 * The live status block for a terminal: a progress bar over the planned duration, then one line
 * per check. The CLI redraws it in place after every look.
 */
export function statusBlock(look: WatchLook, plan: WatchPlan, service: string, width = 80): string[] {
  const barWidth = 24;
  const filled = Math.min(barWidth, Math.round((look.elapsedMs / plan.durationMs) * barWidth));
  const bar = '█'.repeat(filled) + '░'.repeat(barWidth - filled);
  const head = `canary-gate watching ${service}  ${bar}  ${formatDuration(look.elapsedMs)}/${formatDuration(plan.durationMs)}  look ${look.look}  ${look.verdict}`;
  const nameWidth = Math.max(...look.metrics.map((m) => m.name.length));
  const lines = look.metrics.map((m) => `  ${m.name.padEnd(nameWidth)}  ${m.outcome.padEnd(12)}  ${lookMetricText(m)}`);
  return [head, ...lines].map((line) => (line.length > width ? `${line.slice(0, width - 1)}…` : line));
}
