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
  /** The side's selector (what replaced {{scope}}): series labelled for another scope are refused. */
  scope?: string;
}

/** What every metric backend implements. */
export interface MetricSource {
  readonly type: string;
  query(request: RangeQuery, signal?: AbortSignal): Promise<Series[]>;
}

/** One alert as Alertmanager reports it (`GET /api/v2/alerts`). */
export interface ActiveAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  /** active, suppressed or unprocessed. */
  state: string;
  silencedBy: string[];
  inhibitedBy: string[];
  fingerprint?: string;
  generatorURL?: string;
}

/** A backend that answers which alerts match some matchers (Alertmanager). */
export interface AlertSource {
  readonly type: string;
  alerts(matchers: string[], signal?: AbortSignal): Promise<ActiveAlert[]>;
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
