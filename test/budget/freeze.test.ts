/**
 * Freeze windows across time zones and daylight-saving changes. Expected instants are worked
 * out by hand from the zones' rules (New York: EDT −4h until 2026-11-01 02:00, then EST −5h;
 * spring forward 2026-03-08 02:00 → 03:00. Berlin: CET +1h, CEST +2h from 2026-03-29 02:00 until
 * 2026-10-25 03:00. Auckland: NZDT +13h until 2026-04-05 03:00, NZST +12h, NZDT from 2026-09-27).
 */
import { describe, expect, it } from 'vitest';
import { freezeStatus, parseFreezeTime, parseWeekTime } from '../../src/budget/freeze.js';
import { localTime, offsetAt, zonedToUtc } from '../../src/budget/time-zone.js';
import type { FreezeSpec } from '../../src/policy/slo-types.js';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function weekly(from: string, to: string, timeZone: string): FreezeSpec {
  return { name: 'w', timeZone, severity: 'block', line: 1, kind: 'weekly', from: parseWeekTime(from)!, to: parseWeekTime(to)!, text: `${from} → ${to}` };
}
function range(from: string, to: string, timeZone: string): FreezeSpec {
  return { name: 'r', timeZone, severity: 'block', line: 1, kind: 'range', start: parseFreezeTime(from, timeZone, 'start')!, end: parseFreezeTime(to, timeZone, 'end')! };
}

describe('time zones', () => {
  it('offsets on both sides of a change', () => {
    expect(offsetAt(t('2026-10-31T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(offsetAt(t('2026-11-01T12:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(offsetAt(t('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(offsetAt(t('2026-07-01T00:00:00Z'), 'Pacific/Auckland')).toBe(12 * 3_600_000);
    expect(offsetAt(t('2026-01-01T00:00:00Z'), 'Pacific/Auckland')).toBe(13 * 3_600_000);
    expect(offsetAt(t('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
  });

  it('a wall-clock time skipped by spring-forward moves forward by the gap', () => {
    // 2026-03-08 02:30 does not exist in New York; Temporal's "compatible" gives 03:30 EDT = 07:30Z.
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 8, hour: 3, minute: 0 }, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
  });

  it('a wall-clock time repeated by fall-back is the earlier one', () => {
    // 2026-11-01 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(iso(zonedToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('local time and weekday', () => {
    // 2026-11-20 is a Friday; 23:30Z is already Saturday 12:30 in Auckland (+13h).
    expect(localTime(t('2026-11-20T23:30:00Z'), 'Pacific/Auckland')).toEqual({ year: 2026, month: 11, day: 21, hour: 12, minute: 30, second: 0, weekday: 5 });
  });
});

describe('date-range freezes', () => {
  it('a date alone covers the whole day, at local midnight in the zone', () => {
    const f = range('2026-12-24', '2026-12-26', 'Europe/Berlin');
    // Berlin is +1h in winter: 2026-12-24 00:00 local = 2026-12-23T23:00Z; the 26th ends at 27th 00:00 local.
    expect(iso(f.kind === 'range' ? f.start : undefined)).toBe('2026-12-23T23:00:00.000Z');
    expect(iso(f.kind === 'range' ? f.end : undefined)).toBe('2026-12-26T23:00:00.000Z');
    expect(freezeStatus(f, t('2026-12-23T22:59:59Z')).active).toBe(false);
    expect(freezeStatus(f, t('2026-12-23T23:00:00Z'))).toEqual({ active: true, endsAt: t('2026-12-26T23:00:00Z') });
    expect(freezeStatus(f, t('2026-12-26T22:59:59Z')).active).toBe(true);
    expect(freezeStatus(f, t('2026-12-26T23:00:00Z'))).toEqual({ active: false });
    expect(freezeStatus(f, t('2026-12-01T00:00:00Z'))).toEqual({ active: false, startsAt: t('2026-12-23T23:00:00Z') });
  });

  it('local times, across a daylight-saving change inside the range', () => {
    // From Sat 2026-10-24 18:00 CEST (+2) to Mon 2026-10-26 08:00 CET (+1): the clocks go back in between.
    const f = range('2026-10-24T18:00', '2026-10-26T08:00', 'Europe/Berlin');
    expect(f.kind === 'range' && [iso(f.start), iso(f.end)]).toEqual(['2026-10-24T16:00:00.000Z', '2026-10-26T07:00:00.000Z']);
  });

  it('ISO 8601 with an offset is an absolute instant, whatever the zone', () => {
    expect(iso(parseFreezeTime('2026-12-24T00:00:00Z', 'Asia/Tokyo', 'start'))).toBe('2026-12-24T00:00:00.000Z');
    expect(iso(parseFreezeTime('2026-12-24T09:00+09:00', 'UTC', 'start'))).toBe('2026-12-24T00:00:00.000Z');
  });

  it('malformed boundaries are undefined', () => {
    for (const text of ['2026-02-30', '24/12/2026', '2026-12-24T25:00', 'tomorrow', '']) {
      expect(parseFreezeTime(text, 'UTC', 'start')).toBeUndefined();
    }
  });
});

describe('weekly freezes', () => {
  it('parses weekdays and times', () => {
    expect(parseWeekTime('fri 16:00')).toEqual({ day: 4, minute: 960 });
    expect(parseWeekTime('Monday 9:05')).toEqual({ day: 0, minute: 545 });
    expect(parseWeekTime('sun 24:00')).toEqual({ day: 6, minute: 1440 });
    for (const bad of ['fri', 'fri 16', 'fri 16:60', 'fri 25:00', 'frei 16:00', '16:00 fri']) expect(parseWeekTime(bad)).toBeUndefined();
  });

  it('fri 16:00 → mon 09:00 in New York wraps past Sunday', () => {
    const f = weekly('fri 16:00', 'mon 09:00', 'America/New_York');
    // Fri 2026-11-20 16:00 EST = 21:00Z.
    expect(freezeStatus(f, t('2026-11-20T20:59:00Z'))).toEqual({ active: false, startsAt: t('2026-11-20T21:00:00Z') });
    // Mon 2026-11-23 09:00 EST = 14:00Z.
    expect(freezeStatus(f, t('2026-11-20T21:00:00Z'))).toEqual({ active: true, endsAt: t('2026-11-23T14:00:00Z') });
    expect(freezeStatus(f, t('2026-11-22T12:00:00Z')).active).toBe(true);
    expect(freezeStatus(f, t('2026-11-23T13:59:00Z')).active).toBe(true);
    expect(freezeStatus(f, t('2026-11-23T14:00:00Z')).active).toBe(false);
  });

  it('follows the wall clock across fall-back: ends at 09:00 EST, not 09:00 EDT', () => {
    // The weekend of the change: Fri 2026-10-30 16:00 EDT (20:00Z) → Mon 2026-11-02 09:00 EST (14:00Z).
    const f = weekly('fri 16:00', 'mon 09:00', 'America/New_York');
    expect(freezeStatus(f, t('2026-10-30T20:00:00Z'))).toEqual({ active: true, endsAt: t('2026-11-02T14:00:00Z') });
    // 13:30Z on Monday is 08:30 EST: still frozen (it would be 09:30 EDT under a fixed offset).
    expect(freezeStatus(f, t('2026-11-02T13:30:00Z')).active).toBe(true);
  });

  it('follows the wall clock across spring-forward', () => {
    // Sat 2026-03-07 22:00 EST (03:00Z Sun) → Sun 2026-03-08 06:00 EDT (10:00Z): 7 hours, not 8.
    const f = weekly('sat 22:00', 'sun 06:00', 'America/New_York');
    expect(freezeStatus(f, t('2026-03-08T03:00:00Z'))).toEqual({ active: true, endsAt: t('2026-03-08T10:00:00Z') });
    expect(freezeStatus(f, t('2026-03-08T09:59:00Z')).active).toBe(true);
    expect(freezeStatus(f, t('2026-03-08T10:00:00Z')).active).toBe(false);
  });

  it('a window starting in the spring-forward gap starts when the clock jumps past it', () => {
    // Sun 02:30 does not exist on 2026-03-08 in New York: at 07:00Z the clock reads 03:00, past 02:30.
    const f = weekly('sun 02:30', 'sun 05:00', 'America/New_York');
    expect(freezeStatus(f, t('2026-03-08T06:59:00Z'))).toEqual({ active: false, startsAt: t('2026-03-08T07:30:00Z') });
    expect(freezeStatus(f, t('2026-03-08T07:00:00Z')).active).toBe(true);
  });

  it('the same UTC instant is frozen in one zone and not in another', () => {
    // Fri 2026-11-20 22:00Z: Friday 23:00 in Berlin (frozen after 18:00), Friday 14:00 in Los Angeles (not yet),
    // Saturday 11:00 in Auckland (frozen all weekend).
    const at = t('2026-11-20T22:00:00Z');
    expect(freezeStatus(weekly('fri 18:00', 'mon 06:00', 'Europe/Berlin'), at).active).toBe(true);
    expect(freezeStatus(weekly('fri 18:00', 'mon 06:00', 'America/Los_Angeles'), at)).toEqual({ active: false, startsAt: t('2026-11-21T02:00:00Z') });
    expect(freezeStatus(weekly('sat 00:00', 'mon 00:00', 'Pacific/Auckland'), at)).toEqual({ active: true, endsAt: t('2026-11-22T11:00:00Z') });
  });

  it('a window within one day, every week', () => {
    const f = weekly('wed 12:00', 'wed 13:00', 'UTC');
    expect(freezeStatus(f, t('2026-11-18T12:30:00Z'))).toEqual({ active: true, endsAt: t('2026-11-18T13:00:00Z') });
    expect(freezeStatus(f, t('2026-11-18T13:00:00Z'))).toEqual({ active: false, startsAt: t('2026-11-25T12:00:00Z') });
  });
});
