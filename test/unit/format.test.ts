import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatSigned, formatValue } from '../../src/core/format.js';
import { createRedactor } from '../../src/core/redact.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [0.30416, '0.3042'],
    [1234.5, '1235'],
    [12345, '12.3k'],
    [259_819_223, '260M'],
    [3.2e9, '3.2G'],
    [0.00012, '0.00012'],
    [1.5e-7, '1.50e-7'],
    [-0.5, '-0.5'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [null, '–'],
  ])('%s → %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('formatPercent and formatValue', () => {
  it('formats fractions as percentages with three significant digits', () => {
    expect(formatPercent(0.030293)).toBe('3.03%');
    expect(formatPercent(0.1, true)).toBe('+10%');
    expect(formatPercent(-0.25, true)).toBe('-25%');
  });
  it('shows ratios as percentages and other values with their unit', () => {
    expect(formatValue(0.005, 'ratio')).toBe('0.5%');
    expect(formatValue(0.4153, 'distribution', 's')).toBe('0.4153 s');
    expect(formatValue(null, 'gauge', 's')).toBe('–');
  });
  it('shows ratio changes in percentage points, not as a relative change', () => {
    expect(formatSigned(0.0002, 'ratio')).toBe('+0.02 pp');
    expect(formatSigned(-0.1, 'gauge', 's')).toBe('-0.1 s');
  });
});

describe('createRedactor', () => {
  it('masks every secret, longest first, and leaves short values alone', () => {
    const redact = createRedactor(['hunter2', 'hunter2-extended', 'ab']);
    expect(redact('token hunter2-extended and hunter2, ab')).toBe('token *** and ***, ab');
  });
  it('escapes regular-expression characters in secrets', () => {
    expect(createRedactor(['a.b*c'])('xa.b*cx aXbbc')).toBe('x***x aXbbc');
  });
});
