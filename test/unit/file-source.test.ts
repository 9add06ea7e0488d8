import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSource } from '../../src/sources/file-source.js';
import { SourceError } from '../../src/sources/types.js';

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0) / 1000;

async function fileWith(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cg-file-'));
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const window = { start: (T0 - 180) * 1000, end: T0 * 1000, stepMs: 60_000 };

describe('FileSource (JSON)', () => {
  const json = JSON.stringify({
    series: [
      { name: 'req', labels: { d: 'canary', code: '200' }, points: [[T0 - 240, 1], [T0 - 180, 2], [T0 - 120, 3], [T0 - 60, 'NaN'], [T0, null]] },
      { name: 'req', labels: { d: 'canary', code: '500' }, points: [['2026-11-20T11:59:00Z', 7]] },
      { name: 'req', labels: { d: 'stable', code: '200' }, points: [[T0, 9]] },
    ],
  });

  it('selects series by selector and keeps points of the window steps, NaN included', async () => {
    const source = new FileSource(await fileWith('m.json', json));
    const series = await source.query({ query: 'req{d="canary"}', ...window });
    expect(series).toHaveLength(2);
    expect(series[0]!.labels).toEqual({ __name__: 'req', d: 'canary', code: '200' });
    // start - step < t <= end: the step ending at `start` covers (start - step, start].
    expect(series[0]!.points.map((p) => p.t / 1000 - T0)).toEqual([-180, -120, -60, 0]);
    expect(series[0]!.points.slice(2).every((p) => Number.isNaN(p.v))).toBe(true);
    expect(series[1]!.points).toEqual([{ t: (T0 - 60) * 1000, v: 7 }]);
  });

  it('returns no series for a selector that matches nothing', async () => {
    const source = new FileSource(await fileWith('m.json', json));
    expect(await source.query({ query: 'req{d="typo"}', ...window })).toEqual([]);
  });

  it('rejects queries that are not selectors, naming the query', async () => {
    const source = new FileSource(await fileWith('m.json', json));
    await expect(source.query({ query: 'sum(req)', ...window })).rejects.toThrow(/"sum\(req\)" is not a selector/);
  });

  it.each([
    ['not json', /not valid JSON/],
    ['{"data": []}', /expected \{"series": \[\.\.\.\]\}/],
    ['{"series": [{"labels": {}, "points": []}]}', /series\[0\]\.name: expected a string/],
    ['{"series": [{"name": "x", "points": [[1]]}]}', /points\[0\]: expected \[time, value\]/],
    ['{"series": [{"name": "x", "points": [["soon", 1]]}]}', /expected a time/],
    ['{"series": [{"name": "x", "points": [[1, "abc"]]}]}', /expected a number, found "abc"/],
  ])('explains a malformed file: %s', async (text, message) => {
    const source = new FileSource(await fileWith('bad.json', text));
    const error = await source.query({ query: 'x', ...window }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(message);
  });

  it('reads the columnar form (timestamps and values arrays) like the points form', async () => {
    const columnar = JSON.stringify({
      series: [{ name: 'req', labels: { d: 'canary' }, timestamps: [T0 - 120, T0 - 60, '2026-11-20T12:00:00Z'], values: [1, null, 3] }],
    });
    const series = await new FileSource(await fileWith('c.json', columnar)).query({ query: 'req', ...window });
    expect(series[0]!.points.map((p) => [p.t / 1000 - T0, p.v])).toEqual([
      [-120, 1],
      [-60, NaN],
      [0, 3],
    ]);
    const mismatched = JSON.stringify({ series: [{ name: 'x', timestamps: [1, 2], values: [1] }] });
    await expect(new FileSource(await fileWith('m.json', mismatched)).query({ query: 'x', ...window })).rejects.toThrow(
      /series\[0\]: 2 timestamps but 1 values/,
    );
  });

  it('names a missing file', async () => {
    const source = new FileSource('/nonexistent/metrics.json');
    await expect(source.query({ query: 'x', ...window })).rejects.toThrow(/cannot read \/nonexistent\/metrics.json: ENOENT/);
  });
});

describe('FileSource (CSV)', () => {
  it('reads extra columns as labels, quoted cells and empty values as NaN', async () => {
    const csv = [
      'timestamp,name,value,deployment,note',
      `${T0 - 60},latency,0.25,canary,"a, b"`,
      `2026-11-20T12:00:00Z,latency,,canary,"a, b"`,
      `${T0},latency,0.5,stable,`,
    ].join('\n');
    const source = new FileSource(await fileWith('m.csv', csv));
    const series = await source.query({ query: 'latency{deployment="canary"}', ...window });
    expect(series).toHaveLength(1);
    expect(series[0]!.labels).toEqual({ __name__: 'latency', deployment: 'canary', note: 'a, b' });
    expect(series[0]!.points[0]).toEqual({ t: (T0 - 60) * 1000, v: 0.25 });
    expect(Number.isNaN(series[0]!.points[1]!.v)).toBe(true);
  });

  it('requires the timestamp, name and value columns and a full row', async () => {
    const missing = new FileSource(await fileWith('a.csv', 'time,name,value\n1,x,1\n'));
    await expect(missing.query({ query: 'x', ...window })).rejects.toThrow(/header must have timestamp, name and value/);
    const short = new FileSource(await fileWith('b.csv', 'timestamp,name,value\n1,x\n'));
    await expect(short.query({ query: 'x', ...window })).rejects.toThrow(/b.csv:2: expected 3 columns, found 2/);
  });
});
