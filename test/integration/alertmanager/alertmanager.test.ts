/**
 * Alert checks against a REAL Alertmanager (Debian `prometheus-alertmanager`) on 127.0.0.1:
 * alerts are posted to its API, one is silenced through the API and one inhibited by a rule, and
 * the gate runs end to end (runGate: policy file, sources, HTTP layer, report).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../../../src/core/run.js';
import { ensureInstalled, startDaemon, type Daemon } from '../services/daemon.js';

const CONFIG = `route:
  receiver: 'null'
receivers:
  - name: 'null'
inhibit_rules:
  - source_matchers: ['alertname="DatacenterDown"']
    target_matchers: ['severity="warning"']
    equal: ['service']
`;

let am: Daemon;
let dir: string;

async function api(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${am.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path}: HTTP ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

interface Gettable {
  labels: Record<string, string>;
  status: { state: string };
}

async function waitForStates(expected: Record<string, string>): Promise<void> {
  const deadline = Date.now() + 20_000;
  let seen: Record<string, string> = {};
  while (Date.now() < deadline) {
    const alerts = (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as Gettable[];
    seen = Object.fromEntries(alerts.map((a) => [a.labels.alertname!, a.status.state]));
    if (Object.entries(expected).every(([name, state]) => seen[name] === state)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Alertmanager did not reach ${JSON.stringify(expected)}; saw ${JSON.stringify(seen)}`);
}

beforeAll(async () => {
  const binary = await ensureInstalled('prometheus-alertmanager', 'prometheus-alertmanager');
  dir = await mkdtemp(join(tmpdir(), 'canary-gate-am-test-'));
  const config = join(dir, 'alertmanager.yml');
  await writeFile(config, CONFIG);
  am = await startDaemon(
    'alertmanager',
    binary,
    (port, data) => [`--config.file=${config}`, `--storage.path=${data}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='],
    '/-/ready',
  );
  const now = Date.now();
  const alert = (labels: Record<string, string>) => ({
    labels,
    annotations: { summary: `${labels.alertname} for ${labels.service}` },
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
    generatorURL: 'http://prometheus.invalid/graph',
  });
  await api('/api/v2/alerts', [
    alert({ alertname: 'HighErrorRate', service: 'checkout', deployment: 'checkout-canary', severity: 'critical' }),
    alert({ alertname: 'Noisy', service: 'search', severity: 'critical' }),
    alert({ alertname: 'DatacenterDown', service: 'inventory', severity: 'critical' }),
    alert({ alertname: 'DiskWarning', service: 'inventory', severity: 'warning' }),
  ]);
  await api('/api/v2/silences', {
    matchers: [{ name: 'alertname', value: 'Noisy', isRegex: false, isEqual: true }],
    startsAt: new Date(now - 1_000).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
    createdBy: 'canary-gate tests',
    comment: 'known noisy alert',
  });
  await waitForStates({ HighErrorRate: 'active', Noisy: 'suppressed', DatacenterDown: 'active', DiskWarning: 'suppressed' });
}, 180_000);

afterAll(async () => {
  await am?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function gate(matchers: string, extra = '') {
  const file = join(dir, `policy-${Math.random().toString(36).slice(2)}.yml`);
  await writeFile(
    file,
    `version: 1
service: checkout
window: 10m
sources:
  am: { type: alertmanager, url: '\${AM_URL}' }
  files: { type: file, path: metrics.json }
scopes: { canary: 'deployment="checkout-canary"', baseline: 'deployment="checkout-stable"' }
metrics:
  - { name: latency, source: files, query: 'latency{{{scope}}}', compare: { tolerance: 10% }, dry-run: true }
alerts:
  - { name: alerts, source: am, matchers: ${matchers}${extra} }
`,
  );
  await writeFile(join(dir, 'metrics.json'), '{"series": []}');
  const { report } = await runGate({ policyFile: file, env: { AM_URL: am.url }, now: Date.now() });
  return { report, check: report.metrics.find((m) => m.name === 'alerts')! };
}

describe('alert checks against a real Alertmanager', () => {
  it('fails while a matching alert is active, and lists it', async () => {
    const { report, check } = await gate(`['service="checkout"', 'severity=~"critical|page"']`);
    expect(check.outcome).toBe('fail');
    expect(check.reason).toBe('1 active alert matching {service="checkout", severity=~"critical|page"}: HighErrorRate');
    expect(check.canary.notes).toEqual([expect.stringMatching(/^HighErrorRate\{deployment="checkout-canary", service="checkout", severity="critical"\} active since .*: HighErrorRate for checkout$/)]);
    expect(report.verdict).toBe('fail');
    expect(report.reasons[0]).toBe('critical metric failed: alerts');
  });

  it('reads {{scope}} as the canary selector', async () => {
    const { check } = await gate(`['{{scope}}']`);
    expect(check.outcome).toBe('fail');
    expect(check.reason).toMatch(/matching \{deployment="checkout-canary"\}: HighErrorRate/);
  });

  it('passes when nothing matches', async () => {
    const { check } = await gate(`['service="payments"']`);
    expect(check.outcome).toBe('pass');
    expect(check.reason).toMatch(/^no active alert matches \{service="payments"\}/);
  });

  it('does not count an alert silenced through the API', async () => {
    const { check } = await gate(`['alertname="Noisy"']`);
    expect(check.outcome).toBe('pass');
  });

  it('does not count an alert inhibited by a rule, but counts the inhibiting one', async () => {
    const inhibited = await gate(`['service="inventory"', 'severity="warning"']`);
    expect(inhibited.check.outcome).toBe('pass');
    const source = await gate(`['service="inventory"']`);
    expect(source.check.outcome).toBe('fail');
    expect(source.check.reason).toMatch(/: DatacenterDown$/);
  });

  it('a non-critical alert check in dry-run is shown, not counted', async () => {
    const { report, check } = await gate(`['service="checkout"']`, ', critical: false, dry-run: true');
    expect(check.outcome).toBe('fail');
    expect(check.counted).toBe(false);
    expect(report.verdict).toBe('inconclusive');
  });
});
