/** Human formatting shared by reasons and renderers, so every output says the same thing. */

const SI: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  const abs = Math.abs(value);
  if (abs >= 1e4) {
    for (const [size, suffix] of SI) {
      if (abs >= size) return `${trim((value / size).toPrecision(3))}${suffix}`;
    }
  }
  if (abs !== 0 && abs < 1e-6) return value.toExponential(2);
  if (abs !== 0 && abs < 1e-3) return trim(value.toPrecision(3));
  return trim(value.toPrecision(4));
}

export function formatPercent(fraction: number | null | undefined, signed = false): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return formatNumber(fraction);
  const percent = fraction * 100;
  const text = `${Math.abs(percent) >= 1000 ? Math.round(percent) : trim(percent.toPrecision(3))}%`;
  return signed && fraction > 0 ? `+${text}` : text;
}

/** A value in its metric's terms: ratios as percentages, others with their unit. */
export function formatValue(value: number | null | undefined, kind: string, unit?: string): string {
  if (kind === 'ratio') return formatPercent(value);
  const text = formatNumber(value);
  return unit && value !== null && value !== undefined && Number.isFinite(value) ? `${text} ${unit}` : text;
}

/** A change (or an allowed change): percentage points for ratios, so it is not read as relative. */
export function formatChange(value: number, kind: string, unit?: string): string {
  return kind === 'ratio' ? `${formatNumber(value * 100)} pp` : formatValue(value, kind, unit);
}

export function formatSigned(value: number, kind: string, unit?: string): string {
  const text = formatChange(value, kind, unit);
  return value > 0 ? `+${text}` : text;
}

function trim(text: string): string {
  return text.includes('e') ? text : text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}
