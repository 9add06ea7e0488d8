import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { matchesSelector, parseSelector } from './selector.js';
import { SourceError, type MetricSource, type RangeQuery, type Series } from './types.js';

interface NamedSeries extends Series {
  name: string;
}

/**
 * Series from a local JSON or CSV file (formats in the README). Queries are selectors,
 * `name{label="value"}`; a point belongs to a step when start - step < t <= end, the same
 * window a range query over [start, end] covers.
 */
export class FileSource implements MetricSource {
  readonly type = 'file';
  private loaded: Promise<NamedSeries[]> | undefined;

  constructor(
    private readonly file: string,
    private readonly format: 'json' | 'csv' = file.toLowerCase().endsWith('.csv') ? 'csv' : 'json',
  ) {}

  async query(request: RangeQuery): Promise<Series[]> {
    let selector;
    try {
      selector = parseSelector(request.query);
    } catch (error) {
      throw new SourceError(
        `file source: "${request.query}" is not a selector such as name{label="value"}: ${(error as Error).message}`,
      );
    }
    const all = await (this.loaded ??= this.load());
    const from = request.start - request.stepMs;
    return all
      .filter((s) => matchesSelector(selector, s.name, s.labels))
      .map((s) => ({
        labels: { __name__: s.name, ...s.labels },
        points: s.points.filter((p) => p.t > from && p.t <= request.end),
      }));
  }

  private async load(): Promise<NamedSeries[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      throw new SourceError(`file source: cannot read ${this.file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    const where = path.basename(this.file);
    const series = this.format === 'csv' ? parseCsvSeries(text, where) : parseJsonSeries(text, where);
    for (const s of series) s.points.sort((a, b) => a.t - b.t);
    return series;
  }
}

/**
 * `{"series": [{"name": "...", "labels": {...}, "points": [[time, value], ...]}]}`, or per series
 * the columnar form `"timestamps": [...], "values": [...]` (parses several times faster for long
 * series: flat number arrays instead of one small array per point).
 */
export function parseJsonSeries(text: string, where: string): NamedSeries[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new SourceError(`file source: ${where} is not valid JSON: ${(error as Error).message}`);
  }
  const list = (doc as { series?: unknown })?.series;
  if (!Array.isArray(list)) throw new SourceError(`file source: ${where}: expected {"series": [...]}`);
  return list.map((entry: unknown, i) => {
    const e = entry as { name?: unknown; labels?: unknown; points?: unknown; timestamps?: unknown; values?: unknown };
    const at = `${where}: series[${i}]`;
    if (typeof e?.name !== 'string') throw new SourceError(`file source: ${at}.name: expected a string`);
    const labels = e.labels ?? {};
    if (typeof labels !== 'object' || Array.isArray(labels) || labels === null) {
      throw new SourceError(`file source: ${at}.labels: expected an object of strings`);
    }
    if (e.points === undefined && (e.timestamps !== undefined || e.values !== undefined)) {
      return { name: e.name, labels: stringRecord(labels as Record<string, unknown>), points: columnarPoints(e.timestamps, e.values, at) };
    }
    if (!Array.isArray(e.points)) throw new SourceError(`file source: ${at}.points: expected [[time, value], ...] (or timestamps and values)`);
    const points = e.points.map((p: unknown, j) => {
      if (!Array.isArray(p) || p.length !== 2) throw new SourceError(`file source: ${at}.points[${j}]: expected [time, value]`);
      return { t: parseTimestamp(p[0], `${at}.points[${j}]`), v: parseValue(p[1], `${at}.points[${j}]`) };
    });
    return { name: e.name, labels: stringRecord(labels as Record<string, unknown>), points };
  });
}

function columnarPoints(timestamps: unknown, values: unknown, at: string): { t: number; v: number }[] {
  if (!Array.isArray(timestamps) || !Array.isArray(values)) {
    throw new SourceError(`file source: ${at}: timestamps and values must both be arrays`);
  }
  if (timestamps.length !== values.length) {
    throw new SourceError(`file source: ${at}: ${timestamps.length} timestamps but ${values.length} values`);
  }
  const points = new Array<{ t: number; v: number }>(timestamps.length);
  for (let j = 0; j < timestamps.length; j++) {
    const t = timestamps[j];
    const v = values[j];
    // Fast path for the common case; anything else goes through the full checks.
    points[j] =
      typeof t === 'number' && typeof v === 'number'
        ? { t: Math.round(t * 1000), v }
        : { t: parseTimestamp(t, `${at}.timestamps[${j}]`), v: parseValue(v, `${at}.values[${j}]`) };
  }
  return points;
}

/** Header `timestamp,name,value[,label…]`; every extra column is a label. */
export function parseCsvSeries(text: string, where: string): NamedSeries[] {
  const rows = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const header = splitCsvLine(rows.shift() ?? '');
  const col = (name: string) => header.indexOf(name);
  const [ti, ni, vi] = [col('timestamp'), col('name'), col('value')];
  if (ti < 0 || ni < 0 || vi < 0) throw new SourceError(`file source: ${where}: the header must have timestamp, name and value columns`);
  const labelColumns = header.map((name, i) => [name, i] as const).filter(([, i]) => i !== ti && i !== ni && i !== vi);
  const byKey = new Map<string, NamedSeries>();
  rows.forEach((line, r) => {
    const cells = splitCsvLine(line);
    const at = `${where}:${r + 2}`;
    if (cells.length !== header.length) throw new SourceError(`file source: ${at}: expected ${header.length} columns, found ${cells.length}`);
    const labels = Object.fromEntries(labelColumns.map(([name, i]) => [name, cells[i]!]).filter(([, v]) => v !== ''));
    const name = cells[ni]!;
    const key = JSON.stringify([name, labels]);
    let series = byKey.get(key);
    if (!series) byKey.set(key, (series = { name, labels, points: [] }));
    const t = /^\d+(\.\d+)?$/.test(cells[ti]!) ? Number(cells[ti]) : cells[ti];
    series.points.push({ t: parseTimestamp(t, at), v: parseValue(cells[vi] === '' ? null : cells[vi], at) });
  });
  return [...byKey.values()];
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

function parseTimestamp(raw: unknown, at: string): number {
  if (typeof raw === 'number' && Number.isFinite(raw)) return Math.round(raw * 1000);
  if (typeof raw === 'string') {
    const ms = Date.parse(raw);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new SourceError(`file source: ${at}: expected a time as epoch seconds or ISO 8601, found ${JSON.stringify(raw)}`);
}

/** null, "NaN" and missing become NaN: counted and reported, never silently dropped. */
function parseValue(raw: unknown, at: string): number {
  if (raw === null || raw === undefined) return NaN;
  const value = typeof raw === 'string' ? Number(raw.trim() === '' ? NaN : raw) : raw;
  if (typeof value !== 'number') throw new SourceError(`file source: ${at}: expected a number, found ${JSON.stringify(raw)}`);
  if (Number.isNaN(value) && !(typeof raw === 'string' && /^[+-]?nan$/i.test(raw.trim()))) {
    throw new SourceError(`file source: ${at}: expected a number, found ${JSON.stringify(raw)}`);
  }
  return value;
}

function stringRecord(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));
}
