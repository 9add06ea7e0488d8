import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, parseRatio, parseTime } from '../../src/policy/duration.js';
import { expandEnv } from '../../src/policy/env.js';
import { placeholdersIn, renderTemplate } from '../../src/policy/template.js';

describe('durations', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['28d', 28 * 86_400_000],
    ['1w', 604_800_000],
    ['250ms', 250],
    ['1.5h', 5_400_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
  it.each(['', '5', 'm', '5 minutes', '-5m', '5M', '1h 30m'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
  it('formats milliseconds as Prometheus durations', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(60_000)).toBe('1m');
    expect(formatDuration(86_400_000 * 28)).toBe('28d');
    expect(formatDuration(1500)).toBe('1s500ms');
  });
});

describe('ratios and times', () => {
  it('reads percentages and plain fractions', () => {
    expect(parseRatio('10%')).toBeCloseTo(0.1, 15);
    expect(parseRatio('0.5%')).toBeCloseTo(0.005, 15);
    expect(parseRatio(0.25)).toBe(0.25);
  });
  it('reads ISO 8601 and epoch seconds', () => {
    expect(parseTime('2026-11-20T12:00:00Z')).toBe(Date.UTC(2026, 10, 20, 12));
    expect(parseTime('1795176000')).toBe(1_795_176_000_000);
    expect(parseTime('1795176000.5')).toBe(1_795_176_000_500);
    expect(parseTime('yesterday')).toBeUndefined();
    expect(parseTime('2026-13-45')).toBeUndefined();
  });
});

describe('templates', () => {
  it('finds placeholders, reading {{{scope}}} as { + {{scope}}', () => {
    expect(placeholdersIn('x{{{scope}}}[{{ step }}] {{my_var}}')).toEqual(['scope', 'step', 'my_var']);
  });
  it('renders known placeholders and leaves unknown ones', () => {
    expect(renderTemplate('rate(x{{{scope}}}[{{step}}]) {{other}}', { scope: 'a="b"', step: '1m' })).toBe(
      'rate(x{a="b"}[1m]) {{other}}',
    );
  });
});

describe('expandEnv', () => {
  it('expands variables, collects their values as secrets and reports missing ones', () => {
    const result = expandEnv('Bearer ${TOKEN} ${MISSING} $${LITERAL}', { TOKEN: 's3cret' });
    expect(result).toEqual({ value: 'Bearer s3cret  ${LITERAL}', missing: ['MISSING'], secrets: ['s3cret'] });
  });
});
