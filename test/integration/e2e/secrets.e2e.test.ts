/**
 * End to end: credentials read from the environment (a header token, a password in the source
 * URL) are sent to the backend but never appear in anything the CLI or the action writes; and a
 * backend's error body reaches the report as the metric's reason.
 *
 * A small recording proxy sits in front of the real Prometheus, so the tests can see what was
 * sent. Its first path segment picks a behaviour:
 *   /ok/…        forward to Prometheus
 *   /reject/…    401 with a JSON error body that echoes the credentials (some gateways do)
 *   /get-only/…  405 for POST, GET forwarded (a proxy that only allows GET on the query API)
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIXTURE_END } from '../prometheus/fixture-data.js';
import { once, policy, requireBuilt, runAction, runCli, STACK_LINE, type ActionRun, type CliRun } from './helpers.js';

const prometheusUrl = inject('prometheusUrl');

const SECRET_PW = 'pw-Zq7xK2mV9sEcReT';
const SECRET_TOKEN = 'tok-Hn4Rb8Wc1sEcReT';
const BASIC = Buffer.from(`gate:${SECRET_PW}`).toString('base64');
/** Every form of the secrets that must never be written out. */
const FORBIDDEN = [SECRET_PW, SECRET_TOKEN, BASIC];

interface Seen {
  mode: string;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

const seen: Seen[] = [];
let server: Server;
let proxyHost = '';

function startProxy(): Promise<void> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const u = new URL(req.url ?? '/', 'http://proxy');
        const [, mode = '', ...rest] = u.pathname.split('/');
        const method = req.method ?? 'GET';
        seen.push({ mode, method, path: `/${rest.join('/')}`, headers: req.headers });
        if (mode === 'reject') {
          const auth = Buffer.from(String(req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
          res.writeHead(401, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ status: 'error', errorType: 'unauthorized', error: `token ${req.headers['x-token']} (user ${auth}) is not allowed` }));
          return;
        }
        if (mode === 'get-only' && method === 'POST') {
          res.writeHead(405, { 'Content-Type': 'text/plain' });
          res.end('method not allowed');
          return;
        }
        try {
          const upstream = await fetch(`${prometheusUrl}/${rest.join('/')}${u.search}`, {
            method,
            body: method === 'POST' ? Buffer.concat(chunks) : undefined,
            headers: req.headers['content-type'] ? { 'Content-Type': req.headers['content-type'] } : {},
          });
          res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
          res.end(await upstream.text());
        } catch (error) {
          res.writeHead(502);
          res.end(String(error));
        }
      })();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      proxyHost = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

const secretEnv = (mode: string) => ({ PROMETHEUS_HOST: `${proxyHost}/${mode}`, SECRET_PW, SECRET_TOKEN });
const cli = (mode: string, ...args: string[]) =>
  once(() => runCli(['evaluate', '--policy', policy('secrets'), '--end', FIXTURE_END, ...args], secretEnv(mode), { output: true }));

const runs = {
  cliTable: cli('ok'),
  cliJson: cli('ok', '--format', 'json'),
  cliMarkdown: cli('ok', '--format', 'markdown'),
  cliRejected: cli('reject', '--format', 'json'),
  cliGetOnly: cli('get-only', '--format', 'json'),
  action: once(() => runAction({ policy: policy('secrets'), end: FIXTURE_END }, secretEnv('ok'))),
  actionRejected: once(() => runAction({ policy: policy('secrets'), end: FIXTURE_END }, secretEnv('reject'))),
};

beforeAll(async () => {
  requireBuilt();
  await startProxy();
  void Promise.allSettled(Object.values(runs).map((run) => run()));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

function expectNoSecrets(where: string, text: string | undefined) {
  expect(text, `${where} was not written`).toBeDefined();
  for (const secret of FORBIDDEN) expect(text!.includes(secret), `${where} contains ${secret}:\n${text}`).toBe(false);
}

/** Action stdout minus `::add-mask::` lines: those tell the runner what to mask and are never shown. */
function actionLog(run: ActionRun): string {
  return run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

function cliOutputs(run: CliRun): [string, string | undefined][] {
  return [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
    ['--output report', run.outputFile],
  ];
}

interface Metric {
  name: string;
  outcome: string;
  reason: string;
}
const metricsOf = (json: string) => Object.fromEntries((JSON.parse(json) as { metrics: Metric[] }).metrics.map((m) => [m.name, m]));

describe.concurrent('secrets from the environment', () => {
  it('are sent to the backend (header and basic auth from the URL)', async () => {
    await runs.cliJson();
    const requests = seen.filter((s) => s.mode === 'ok');
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.path).toBe('/api/v1/query_range');
      expect(r.headers['x-token']).toBe(SECRET_TOKEN);
      expect(r.headers.authorization).toBe(`Basic ${BASIC}`);
    }
  });

  it('appear in none of the CLI outputs (table, json, markdown, --output file)', async () => {
    for (const [name, run] of Object.entries({ table: await runs.cliTable(), json: await runs.cliJson(), markdown: await runs.cliMarkdown() })) {
      expect(run.code, name).toBe(1);
      for (const [where, text] of cliOutputs(run)) expectNoSecrets(`cli ${name} ${where}`, text);
    }
    // The evaluation really ran: memory judged on data, the broken query an error.
    const metrics = metricsOf((await runs.cliJson()).stdout);
    expect(metrics.memory!.outcome).toBe('fail');
    expect(metrics['orders-broken']!.outcome).toBe('error');
  });

  it('appear in none of the action outputs (log, stderr, summary, outputs, report) and are masked', async () => {
    const run = await runs.action();
    expect(run.code).toBe(1);
    expectNoSecrets('action log', actionLog(run));
    expectNoSecrets('action stderr', run.stderr);
    expectNoSecrets('job summary', run.summary);
    expectNoSecrets('GITHUB_OUTPUT', run.outputFileText);
    expectNoSecrets('report file', run.reportText);
    expect(run.summary).toContain('**memory**');
    // The runner is told to mask both values in everything it shows.
    const masks = run.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
    expect(masks).toEqual(expect.arrayContaining([SECRET_PW, SECRET_TOKEN]));
  });

  it('are masked when a backend echoes them in its error body', async () => {
    const run = await runs.cliRejected();
    expect(run.code).toBe(1);
    for (const [where, text] of cliOutputs(run)) expectNoSecrets(`cli ${where}`, text);
    const { memory } = metricsOf(run.stdout);
    expect(memory!.outcome).toBe('error');
    // The body is surfaced (errorType and message), with the echoed credentials masked.
    expect(memory!.reason).toMatch(/^canary query failed: .*HTTP 401: unauthorized: token \*\*\* \(user gate:\*\*\*\) is not allowed$/);

    const action = await runs.actionRejected();
    expect(action.code).toBe(1);
    expectNoSecrets('action log', actionLog(action));
    expectNoSecrets('job summary', action.summary);
    expectNoSecrets('report file', action.reportText);
    expect(action.summary).toContain('unauthorized: token *** (user gate:***) is not allowed');
  });

  // A schema problem quotes the value it found; when that value was expanded from ${ENV}, it must
  // show the value as written (`${SECRET_TOKEN}`), never the secret (policy errors are printed
  // before the action has called setSecret, and they are not redacted).
  it('appear in no policy-error message, even when the invalid value was expanded from one', async () => {
    const env = { PROMETHEUS_HOST: `${proxyHost}/ok`, SECRET_TOKEN };
    const [cliRun, actionRun] = await Promise.all([
      runCli(['evaluate', '--policy', policy('secret-in-bad-value'), '--end', FIXTURE_END], env),
      runAction({ policy: policy('secret-in-bad-value'), end: FIXTURE_END }, env),
    ]);
    expect(cliRun.code).toBe(3);
    expect(cliRun.stderr).toMatch(/secret-in-bad-value\.yml:11:\d+: sources\.prom\.headers: expected a map/);
    expect(actionRun.code).toBe(1);
    expect(actionRun.stdout).toMatch(/^::error .*file=test\/integration\/e2e\/policies\/secret-in-bad-value\.yml,line=11/m);
    expectNoSecrets('cli stderr', cliRun.stderr);
    expectNoSecrets('action log', actionLog(actionRun));
  });
});

describe.concurrent('backend errors and quirks', () => {
  it("surface Prometheus's error body as the metric's reason", async () => {
    const run = await runs.cliJson();
    const broken = metricsOf(run.stdout)['orders-broken']!;
    expect(broken.outcome).toBe('error');
    expect(broken.reason).toMatch(/^canary query failed: prometheus .*\/api\/v1\/query_range: HTTP 400: bad_data: 1:\d+: parse error: unclosed left parenthesis$/);
    expect(run.stdout).not.toMatch(STACK_LINE);
  });

  it('falls back to GET when a proxy refuses POST, with the same results', async () => {
    const run = await runs.cliGetOnly();
    expect(run.code).toBe(1);
    const metrics = metricsOf(run.stdout);
    const reference = metricsOf((await runs.cliJson()).stdout);
    expect(metrics.memory!.outcome).toBe('fail');
    expect(metrics.memory!.reason).toBe(reference.memory!.reason);
    const methods = seen.filter((s) => s.mode === 'get-only').map((s) => s.method);
    expect(methods).toContain('POST');
    expect(methods.filter((m) => m === 'GET').length).toBeGreaterThanOrEqual(4);
    // Credentials go along on GET too.
    for (const r of seen.filter((s) => s.mode === 'get-only' && s.method === 'GET')) {
      expect(r.headers['x-token']).toBe(SECRET_TOKEN);
      expect(r.headers.authorization).toBe(`Basic ${BASIC}`);
    }
  });
});
