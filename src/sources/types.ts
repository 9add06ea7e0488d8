/** One sample: epoch milliseconds and a value (NaN kept, so it can be counted and reported). */
export interface Point {
  t: number;
  v: number;
}

export interface Series {
  labels: Record<string, string>;
  points: Point[];
}

/** A range query: evaluation timestamps start, start+step, …, end (epoch ms). */
export interface RangeQuery {
  query: string;
  start: number;
  end: number;
  stepMs: number;
}

/** What every metric backend implements. */
export interface MetricSource {
  readonly type: string;
  query(request: RangeQuery, signal?: AbortSignal): Promise<Series[]>;
}

/** A query that could not be answered; the message names the backend and the reason, never credentials. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}
