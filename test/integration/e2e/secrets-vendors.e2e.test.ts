/**
 * End to end, with the built CLI and action: recognisable secrets in the environment (Datadog and
 * New Relic keys, a bearer-style token, a basic-auth password) are sent to the backends, which
 * echo them back in error bodies; none may appear in stdout, stderr, the JSON report, the job
 * summary, the step outputs or the action's log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RecordedRequest } from '../../helpers/http-server.js';
import { once, policy, requireBuilt, runAction, runCli } from './helpers.js';

const SECRETS = {
  DD_API_KEY: 'ddapi-Sx91KqLm2ZsEcReT',
  DD_APP_KEY: 'ddapp-Vb38RtYn6WsEcReT',
  NEW_RELIC_API_KEY: 'NRAK-Q7W2E9R4T1sEcReT',
  METRICS_TOKEN: 'mtok-Jh52Df8Gs3sEcReT',
  AM_PASSWORD: 'ampw-Cx74Nb0Mz9sEcReT',
};
const FORBIDDEN = [...Object.values(SECRETS), Buffer.from(`gate:${SECRETS.AM_PASSWORD}`).toString('base64')];
const END = '2026-11-20T12:00:00Z';
const end = Date.parse(END);

const seen: RecordedRequest[] = [];
let server: Awaited<ReturnType<typeof startServer>>;

/** Healthy answers for the baseline, echoed credentials in errors for the canary. */
function respond(r: RecordedRequest) {
  seen.push(r);
  const canary = decodeURIComponent(`${r.url}${r.body}`).includes('checkout-canary');
  const points = Array.from({ length: 10 }, (_, i) => end - (9 - i) * 60_000);
  if (r.url.startsWith('/api/v2/query/timeseries')) {
    if (canary) return { status: 403, body: JSON.stringify({ errors: [`Forbidden: API key ${r.headers['dd-api-key']} / app key ${r.headers['dd-application-key']} not valid`] }) };
    return { body: JSON.stringify({ data: { type: 'timeseries_response', attributes: { series: [{ group_tags: [] }], times: points.map((t) => t - 60_000), values: [points.map(() => 1)] } } }) };
  }
  if (r.url.startsWith('/graphql')) {
    return { body: JSON.stringify({ data: null, errors: [{ message: `Invalid API key: ${r.headers['api-key']}` }] }) };
  }
  if (r.url.startsWith('/v1/series')) {
    return { status: 500, body: `upstream rejected ${r.headers.authorization}` };
  }
  if (r.url.startsWith('/api/v2/alerts')) {
    const auth = Buffer.from(String(r.headers.authorization).replace(/^Basic /, ''), 'base64').toString();
    return { status: 401, body: JSON.stringify(`unauthorized: ${auth} (header ${r.headers.authorization})`) };
  }
  return { status: 404, body: 'not found' };
}

const env = () => ({ BACKEND_URL: server.url, ...SECRETS });
const runs = {
  cliJson: once(() => runCli(['evaluate', '--policy', policy('secrets-vendors'), '--end', END, '--format', 'json'], env(), { output: true })),
  cliTable: once(() => runCli(['evaluate', '--policy', policy('secrets-vendors'), '--end', END], env())),
  cliMarkdown: once(() => runCli(['evaluate', '--policy', policy('secrets-vendors'), '--end', END, '--format', 'markdown'], env())),
  action: once(() => runAction({ policy: policy('secrets-vendors'), end: END }, env())),
};

beforeAll(async () => {
  requireBuilt();
  server = await startServer(respond);
});
afterAll(async () => {
  await server?.close();
});

function expectNoSecrets(where: string, text: string | undefined) {
  expect(text, `${where} was not written`).toBeDefined();
  for (const secret of FORBIDDEN) expect(text!.includes(secret), `${where} contains ${secret}:\n${text}`).toBe(false);
}

describe('secrets of every HTTP source', () => {
  it('are sent to the backends in the documented headers', async () => {
    await runs.cliJson();
    const dd = seen.find((r) => r.url.startsWith('/api/v2/query/timeseries'))!;
    expect(dd.headers['dd-api-key']).toBe(SECRETS.DD_API_KEY);
    expect(dd.headers['dd-application-key']).toBe(SECRETS.DD_APP_KEY);
    expect(seen.find((r) => r.url.startsWith('/graphql'))!.headers['api-key']).toBe(SECRETS.NEW_RELIC_API_KEY);
    expect(seen.find((r) => r.url.startsWith('/v1/series'))!.headers.authorization).toBe(`Token ${SECRETS.METRICS_TOKEN}`);
    expect(seen.find((r) => r.url.startsWith('/api/v2/alerts'))!.headers.authorization).toBe(FORBIDDEN.at(-1) && `Basic ${FORBIDDEN.at(-1)}`);
  });

  it('appear in no CLI output, even when every backend echoes them in its errors', async () => {
    const json = await runs.cliJson();
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { metrics: { name: string; outcome: string; reason: string }[] };
    const byName = Object.fromEntries(report.metrics.map((m) => [m.name, m]));
    // Every check errored on an echoed credential, and the echo is in the report, masked.
    expect(byName['dd-latency']!.reason).toMatch(/HTTP 403: Forbidden: API key \*\*\* \/ app key \*\*\* not valid/);
    expect(byName['nr-latency']!.reason).toMatch(/Invalid API key: \*\*\*/);
    expect(byName['api-latency']!.reason).toMatch(/HTTP 500: upstream rejected (Token )?\*\*\*/);
    expect(byName.paging!.reason).toMatch(/HTTP 401: unauthorized: gate:\*\*\* \(header Basic \*\*\*\)/);
    for (const m of report.metrics) expect(m.outcome, m.name).toBe('error');
    for (const [name, run] of Object.entries({ json, table: await runs.cliTable(), markdown: await runs.cliMarkdown() })) {
      expectNoSecrets(`cli ${name} stdout`, run.stdout);
      expectNoSecrets(`cli ${name} stderr`, run.stderr);
    }
    expectNoSecrets('cli --output report', json.outputFile);
  });

  it('appear in no action output (log, summary, step outputs, report) and are registered as masks', async () => {
    const run = await runs.action();
    expect(run.code).toBe(1);
    const log = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expectNoSecrets('action log', log);
    expectNoSecrets('action stderr', run.stderr);
    expectNoSecrets('job summary', run.summary);
    expectNoSecrets('GITHUB_OUTPUT', run.outputFileText);
    expectNoSecrets('report file', run.reportText);
    expect(run.summary).toContain('Invalid API key: ***');
    const masks = run.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
    expect(masks).toEqual(expect.arrayContaining(Object.values(SECRETS)));
  });
});
