/** Budget figures in words, shared by reasons and renderers so every output says the same. */
import { formatNumber, formatPercent } from '../core/format.js';

/** A burn rate: `14.4×`; `–` for no events. */
export function formatBurn(burn: number | null | undefined): string {
  if (burn === null || burn === undefined) return '–';
  return `${formatNumber(burn >= 100 ? Math.round(burn) : Math.round(burn * 100) / 100)}×`;
}

/** A span of time, two units at most: `2d 4h`, `37m`, `45s`. */
export function formatSpan(ms: number): string {
  if (!Number.isFinite(ms)) return 'never';
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ];
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(ms / 1000) * 1000);
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 || (parts.length > 0 && parts.length < 2)) {
      if (n > 0) parts.push(`${n}${unit}`);
      rest -= n * size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ') || '0s';
}

/** Time to exhaustion: `exhausted`, `never` (no burn) or a span. */
export function formatExhaustion(ms: number | null): string {
  if (ms === null) return 'never (no burn)';
  if (ms <= 0) return 'exhausted';
  return formatSpan(ms);
}

/** A share of the budget; negative when overspent. */
export function formatBudgetShare(share: number | null): string {
  return share === null ? '–' : formatPercent(share);
}

/** An SLI or objective: 99.95%, with enough digits to tell 99.9% from 99.95%. */
export function formatSli(value: number | null): string {
  if (value === null) return '–';
  if (value === 1) return '100%';
  // Two significant digits of what is missing from 100%: 99.87%, 99.949%, not 99.9% for both.
  const decimals = Math.min(6, Math.max(1, Math.ceil(-Math.log10(1 - value)) - 1));
  return `${(value * 100).toFixed(decimals).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}%`;
}

/** Event counts: whole when whole, else one decimal (Prometheus extrapolates increase()). */
export function formatCount(n: number): string {
  if (n >= 1e4) return formatNumber(n);
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** A text bar of the remaining budget, 10 cells: `███████░░░`; overspent shows empty with a minus. */
export function budgetBar(remaining: number | null, cells = 10): string {
  if (remaining === null) return '';
  const filled = Math.max(0, Math.min(cells, Math.round(remaining * cells)));
  return '█'.repeat(filled) + '░'.repeat(cells - filled);
}
