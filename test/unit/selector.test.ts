import { describe, expect, it } from 'vitest';
import { matchesSelector, parseSelector } from '../../src/sources/selector.js';

describe('parseSelector', () => {
  it('reads a name with every matcher kind', () => {
    expect(parseSelector('http_requests{code=~"5..", deployment="a", zone!="b", pod!~"x.*"}')).toEqual({
      name: 'http_requests',
      matchers: [
        { label: 'code', op: '=~', value: '5..' },
        { label: 'deployment', op: '=', value: 'a' },
        { label: 'zone', op: '!=', value: 'b' },
        { label: 'pod', op: '!~', value: 'x.*' },
      ],
    });
  });
  it('reads a bare name, bare matchers and escaped quotes', () => {
    expect(parseSelector('up')).toEqual({ name: 'up', matchers: [] });
    expect(parseSelector('{a="x\\"y"}')).toEqual({ name: undefined, matchers: [{ label: 'a', op: '=', value: 'x"y' }] });
  });
  it.each(['', 'sum(x)', 'x{a=b}', 'x{a="b"', 'x{a="b"} extra', 'x{="b"}'])('rejects %j', (text) => {
    expect(() => parseSelector(text)).toThrow();
  });
});

describe('matchesSelector', () => {
  const labels = { code: '500', deployment: 'checkout-canary' };
  it('anchors regular expressions like Prometheus', () => {
    expect(matchesSelector(parseSelector('r{code=~"5.."}'), 'r', labels)).toBe(true);
    expect(matchesSelector(parseSelector('r{code=~"5"}'), 'r', labels)).toBe(false);
    expect(matchesSelector(parseSelector('r{deployment!~".*stable"}'), 'r', labels)).toBe(true);
  });
  it('treats a missing label as empty and checks the name', () => {
    expect(matchesSelector(parseSelector('r{zone=""}'), 'r', labels)).toBe(true);
    expect(matchesSelector(parseSelector('r{zone!=""}'), 'r', labels)).toBe(false);
    expect(matchesSelector(parseSelector('other{code="500"}'), 'r', labels)).toBe(false);
  });
});
