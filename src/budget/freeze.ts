/** Deploy-freeze windows: date ranges and weekly recurring windows in a time zone. */
import type { FreezeSpec, WeekTime } from '../policy/slo-types.js';
import { addWallMinutes, localTime, zonedToUtc } from './time-zone.js';

const WEEK_MINUTES = 7 * 1440;
const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const FULL_DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * A freeze boundary: `2026-12-20` (local midnight; as an end, the day is included, so the end is
 * the next midnight), `2026-12-20T18:00[:ss]` (local time in `timeZone`), or ISO 8601 with `Z` or
 * an offset (an absolute instant). Undefined when malformed.
 */
export function parseFreezeTime(text: string, timeZone: string, as: 'start' | 'end'): number | undefined {
  const trimmed = text.trim();
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (!validDate(year, month, day)) return undefined;
    const next = as === 'end' ? new Date(Date.UTC(year, month - 1, day + 1)) : new Date(Date.UTC(year, month - 1, day));
    return zonedToUtc({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, timeZone);
  }
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
  if (local) {
    const [year, month, day, hour, minute, second] = local.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
    if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
    return zonedToUtc({ year, month, day, hour, minute, second }, timeZone);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `fri 16:00`, `Friday 16:00`; `24:00` is the end of the day. Undefined when malformed. */
export function parseWeekTime(text: string): WeekTime | undefined {
  const m = /^([A-Za-z]+)\s+(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const name = m[1]!.toLowerCase();
  let day = DAY_NAMES.indexOf(name);
  if (day < 0) day = FULL_DAY_NAMES.indexOf(name);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (day < 0 || minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) return undefined;
  return { day, minute: hour * 60 + minute };
}

export function formatWeekTime(t: WeekTime): string {
  const hh = String(Math.floor(t.minute / 60)).padStart(2, '0');
  const mm = String(t.minute % 60).padStart(2, '0');
  return `${DAY_NAMES[t.day]} ${hh}:${mm}`;
}

export interface FreezeStatus {
  active: boolean;
  /** While active: when it ends (epoch ms). */
  endsAt?: number;
  /** While inactive: when it next starts (epoch ms), if ever. */
  startsAt?: number;
}

/** Whether the freeze is active at `now`, and when it ends or next starts. */
export function freezeStatus(spec: FreezeSpec, now: number): FreezeStatus {
  if (spec.kind === 'range') {
    if (now >= spec.start && now < spec.end) return { active: true, endsAt: spec.end };
    return now < spec.start ? { active: false, startsAt: spec.start } : { active: false };
  }
  // Weekly windows are wall-clock times: membership is decided on the local clock, so "fri 16:00"
  // stays 16:00 across daylight-saving changes.
  const local = localTime(now, spec.timeZone);
  const minuteOfWeek = local.weekday * 1440 + local.hour * 60 + local.minute;
  const from = spec.from.day * 1440 + spec.from.minute;
  const to = (spec.to.day * 1440 + spec.to.minute) % WEEK_MINUTES;
  const active = from < to ? minuteOfWeek >= from && minuteOfWeek < to : minuteOfWeek >= from || minuteOfWeek < to;
  const next = (target: number) => {
    const ahead = (target - minuteOfWeek + WEEK_MINUTES) % WEEK_MINUTES || WEEK_MINUTES;
    // Whole minutes: the boundary is at second 0 of the target minute.
    const wall = addWallMinutes({ ...local, second: 0 }, ahead);
    return zonedToUtc(wall, spec.timeZone);
  };
  return active ? { active, endsAt: next(to) } : { active, startsAt: next(from) };
}

/** How a freeze is written in the reports. */
export function describeFreeze(spec: FreezeSpec): string {
  if (spec.kind === 'weekly') return `weekly ${spec.text} (${spec.timeZone})`;
  return `${new Date(spec.start).toISOString()} → ${new Date(spec.end).toISOString()}`;
}
