import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { Report } from '../../src/report/model.js';
import { FakeClock } from './helpers.js';

const POLICY = 'examples/watch/policy.yml';
const DEPLOYED = Date.parse('2026-11-20T11:30:00Z');

async function cli(argv: string[], options: { stderrIsTTY?: boolean; clock?: FakeClock } = {}) {
  let stdout = '';
  let stderr = '';
  const clock = options.clock ?? new FakeClock(DEPLOYED);
  const code = await runCli({
    argv,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    stderrIsTTY: options.stderrIsTTY,
    now: clock.now,
    clock,
  });
  return { code, stdout, stderr, clock };
}

describe('canary-gate evaluate in watch mode (fake clock, file source)', () => {
  it('watches the example to an early fail, a progress line per look on stderr, JSON on stdout', async () => {
    const { code, stdout, stderr, clock } = await cli(['evaluate', '-p', POLICY, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.watch!.stoppedBy).toBe('early-fail');
    const looks = report.watch!.looks.length;
    expect(stderr.split('\n').filter((l) => l.startsWith('look '))).toHaveLength(looks);
    expect(stderr).toContain('canary-gate: watching checkout: a look every 1m for up to 30m, no early pass before 10m');
    expect(clock.t).toBe(DEPLOYED + looks * 60_000);
  });

  it('on a terminal redraws one status block per check in place', async () => {
    const { stderr } = await cli(['evaluate', '-p', POLICY, '--no-color'], { stderrIsTTY: true });
    expect(stderr).toMatch(/canary-gate watching checkout {2}[█░]{24} {2}1m\/30m {2}look 1 {2}inconclusive/);
    expect(stderr).toContain('\x1b[3F\x1b[J'); // cursor up over the 3-line block, clear
    expect(stderr).toMatch(/ {2}latency-p99 {2}fail {10}\+\d/);
  });

  it('--duration and --interval override the policy; plans over 6 hours are refused', async () => {
    const short = await cli(['evaluate', '-p', POLICY, '--format', 'json', '--duration', '5m', '--interval', '5m']);
    const report = JSON.parse(short.stdout) as Report;
    expect(report.watch!.looks.map((l) => l.elapsedMs)).toEqual([300_000]);
    expect(report.watch!.minDuration).toBe('5m'); // pulled down to the shorter duration
    const long = await cli(['evaluate', '-p', POLICY, '--duration', '6h30m']);
    expect(long.code).toBe(3);
    expect(long.stderr).toBe(
      'canary-gate: --duration: a watch of 6h30m cannot finish within the 6-hour job limit of GitHub-hosted runners; watch for at most 6h (or split the rollout into several gated steps)\n',
    );
    const fast = await cli(['evaluate', '-p', POLICY, '--interval', '10s']);
    expect(fast.stderr).toContain('--interval: the interval (10s) is shorter than the step (1m)');
  });

  it('--no-watch runs one evaluation; --end does not mix with watch mode', async () => {
    const once = await cli(['evaluate', '-p', POLICY, '--no-watch', '--end', '2026-11-20T12:00:00Z', '--format', 'json']);
    expect((JSON.parse(once.stdout) as Report).watch).toBeUndefined();
    expect(once.stderr).toBe('');
    const mixed = await cli(['evaluate', '-p', POLICY, '--end', '2026-11-20T12:00:00Z']);
    expect(mixed.code).toBe(3);
    expect(mixed.stderr).toContain('an end time does not apply in watch mode');
  });
});
