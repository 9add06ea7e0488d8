/**
 * A second Prometheus for the error-budget tests: 30 days (and one hour before them) of request
 * counters every 5 minutes, with error counts per 5-minute interval chosen so that every figure
 * of the tests can be worked out by hand (see the expectations in slo.prometheus.test.ts).
 *
 * Every window the tests use (5m, 30m, 1h, 6h, 3d, 30d, and the calendar month so far) starts on
 * the 5-minute grid, so Prometheus 2.x's closed range [end − w, end] holds a sample at both ends
 * and increase() is exactly counter(end) − counter(end − w), without extrapolation.
 *
 * Each service gets 10 000 requests per interval (payments, ledger) or 2 (search); errors per
 * interval, by the interval's end t (intervals are (t − 5m, t]):
 *
 *   payments: t > END−1h: 200 (a 2% burst)   END−6h < t ≤ END−1h: 10   END−3d < t ≤ END−6h: 5
 *             END−10d < t ≤ END−9d: 50 (an incident day)   other t in the 30 days: 3
 *   ledger:   END−5d < t ≤ END−4d: 300 (an outage day, more than the whole budget)   otherwise 5
 *   search:   one error, in the interval ending at END−40m; none otherwise
 *   all:      100 per interval in the hour before the 30 days (must not count)
 */
import { FIXTURE_END_SECONDS, OpenMetricsWriter, type SeriesData } from '../prometheus/fixture-data.js';
import { cachedBackfill, startPrometheus, type RunningPrometheus } from '../prometheus/prometheus-server.js';

export const SLO_END_SECONDS = FIXTURE_END_SECONDS;
export const SLO_END = new Date(SLO_END_SECONDS * 1000).toISOString();
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const INTERVAL = 5 * MINUTE;
const START = SLO_END_SECONDS - 30 * DAY - HOUR;

type Profile = { requests: number; errors: (ageSeconds: number) => number };

/** `age` is END − t of the interval's end. */
export const SLO_PROFILES: Record<string, Profile> = {
  payments: {
    requests: 10_000,
    errors: (age) => {
      if (age >= 30 * DAY) return 100;
      if (age < HOUR) return 200;
      if (age < 6 * HOUR) return 10;
      if (age < 3 * DAY) return 5;
      if (age >= 9 * DAY && age < 10 * DAY) return 50;
      return 3;
    },
  },
  ledger: {
    requests: 10_000,
    errors: (age) => {
      if (age >= 30 * DAY) return 100;
      if (age >= 4 * DAY && age < 5 * DAY) return 300;
      return 5;
    },
  },
  search: {
    requests: 2,
    errors: (age) => {
      if (age >= 30 * DAY) return 1;
      return age === 40 * MINUTE ? 1 : 0;
    },
  },
};

export function generateSloFixture(): string {
  const series: SeriesData[] = [];
  for (const [service, profile] of Object.entries(SLO_PROFILES)) {
    const ok: { t: number; v: number }[] = [];
    const bad: { t: number; v: number }[] = [];
    let okCount = 1_000_000;
    let badCount = 1_000;
    for (let t = START; t <= SLO_END_SECONDS; t += INTERVAL) {
      if (t > START) {
        const errors = profile.errors(SLO_END_SECONDS - t);
        okCount += profile.requests - errors;
        badCount += errors;
      }
      ok.push({ t, v: okCount });
      bad.push({ t, v: badCount });
    }
    series.push({ labels: { service, code: '200' }, samples: ok }, { labels: { service, code: '500' }, samples: bad });
  }
  return new OpenMetricsWriter().counter('slo_requests', series, 'Requests by service and status code (error-budget fixture).').toString();
}

/** Starts a real Prometheus serving the fixture (backfilled once per text, then cached). */
export async function startSloPrometheus(): Promise<RunningPrometheus> {
  const tsdb = await cachedBackfill(generateSloFixture());
  return startPrometheus({ tsdbDir: tsdb.dir });
}
