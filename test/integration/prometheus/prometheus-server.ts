/**
 * Runs a REAL Prometheus (Debian package, 2.42) for integration tests.
 *
 *   ensurePrometheusInstalled()  -> finds (or apt-installs) `prometheus` + `promtool`
 *   backfill(omText, dir)        -> `promtool tsdb create-blocks-from openmetrics`
 *   cachedBackfill(omText)       -> same, cached under os.tmpdir() by a hash of the text
 *   startPrometheus({ tsdbDir }) -> serves a COPY of tsdbDir on 127.0.0.1:<random port>
 *
 * Nothing here skips: if Prometheus cannot be installed or started, a descriptive Error is thrown.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

// ---------------------------------------------------------------------------------------------
// Process helpers
// ---------------------------------------------------------------------------------------------

interface RunResult {
  stdout: string;
  stderr: string;
}

function run(
  file: string,
  args: readonly string[],
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, env: opts.env ?? process.env },
      (error, stdout, stderr) => {
        if (error) {
          const tail = `${stderr}\n${stdout}`.trim().split('\n').slice(-30).join('\n');
          reject(new Error(`\`${[file, ...args].join(' ')}\` failed: ${error.message}\n${tail}`));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

/** Absolute path of `name` on PATH, or undefined. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Installation
// ---------------------------------------------------------------------------------------------

export interface PrometheusBinaries {
  prometheus: string;
  promtool: string;
  /** e.g. "2.42.0+ds" (from `prometheus --version`). */
  version: string;
}

let installed: Promise<PrometheusBinaries> | undefined;

function fromEnv(variable: 'PROMETHEUS_BIN' | 'PROMTOOL_BIN'): string | undefined {
  const value = process.env[variable];
  if (!value) return undefined;
  if (!existsSync(value)) throw new Error(`${variable}=${value} does not exist`);
  return value;
}

function locate(): { prometheus?: string; promtool?: string } {
  return {
    prometheus: fromEnv('PROMETHEUS_BIN') ?? which('prometheus'),
    promtool: fromEnv('PROMTOOL_BIN') ?? which('promtool'),
  };
}

async function aptInstallPrometheus(): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for a concurrent apt/dpkg run (e.g. a background install) instead of failing on the lock.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  const install = (): Promise<RunResult> =>
    run('apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', 'prometheus'], { env, timeoutMs: 900_000 });
  try {
    await install();
  } catch (first) {
    // Most likely an empty / stale package index: refresh once and retry.
    try {
      await run('apt-get', [...lockWait, 'update'], { env, timeoutMs: 600_000 });
      await install();
    } catch (second) {
      throw new Error(
        `Could not install Prometheus with apt-get.\nFirst attempt: ${(first as Error).message}\n` +
          `After apt-get update: ${(second as Error).message}`,
      );
    }
  }
}

async function resolveBinaries(): Promise<PrometheusBinaries> {
  let found = locate();
  if (!found.prometheus || !found.promtool) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot || !which('apt-get')) {
      throw new Error(
        'Prometheus integration tests need `prometheus` and `promtool` on PATH ' +
          '(Debian/Ubuntu: `sudo apt-get install -y prometheus`; or set PROMETHEUS_BIN and PROMTOOL_BIN). ' +
          `Not found: ${[!found.prometheus && 'prometheus', !found.promtool && 'promtool'].filter(Boolean).join(', ')}; ` +
          (isRoot ? 'apt-get is not available.' : 'not running as root, so not installing automatically.'),
      );
    }
    await aptInstallPrometheus();
    found = locate();
    if (!found.prometheus || !found.promtool) {
      throw new Error('apt-get install prometheus succeeded but `prometheus`/`promtool` are still not on PATH.');
    }
  }
  const { stdout, stderr } = await run(found.prometheus, ['--version'], { timeoutMs: 30_000 });
  const version = /version\s+(\S+)/.exec(`${stdout}\n${stderr}`)?.[1] ?? 'unknown';
  return { prometheus: found.prometheus, promtool: found.promtool, version };
}

/**
 * Makes sure `prometheus` and `promtool` exist. If missing and running as root with apt-get,
 * installs the Debian `prometheus` package (apt-get update only if the first attempt fails).
 * Throws a descriptive Error otherwise. Memoised per process.
 */
export function ensurePrometheusInstalled(): Promise<PrometheusBinaries> {
  installed ??= resolveBinaries().catch((error: unknown) => {
    installed = undefined;
    throw error;
  });
  return installed;
}

// ---------------------------------------------------------------------------------------------
// Backfill
// ---------------------------------------------------------------------------------------------

export interface BackfillResult {
  /** ULIDs of the blocks promtool wrote. */
  blocks: string[];
  /** Total samples written (sum of promtool's NUM SAMPLES column). */
  samples: number;
}

/**
 * Writes `omText` (OpenMetrics, timestamps in seconds, ending with `# EOF`) to a temp file and runs
 * `promtool tsdb create-blocks-from openmetrics <file> <dir>`. Blocks are ADDED to `dir`
 * (created if needed); use an empty directory unless you really want overlapping blocks.
 *
 * promtool silently DROPS out-of-order samples (exit code 0), so this checks that the number of
 * samples written equals the number of sample lines in `omText` and throws otherwise.
 */
export async function backfill(omText: string, dir: string): Promise<BackfillResult> {
  if (!omText.trimEnd().endsWith('# EOF')) throw new Error('backfill: OpenMetrics text must end with "# EOF"');
  const { promtool } = await ensurePrometheusInstalled();
  await mkdir(dir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'canary-gate-om-'));
  let stdout: string;
  try {
    const file = join(work, 'data.om');
    await writeFile(file, omText);
    ({ stdout } = await run(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', file, dir], { timeoutMs: 600_000 }));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  // promtool prints one table row per block: ULID MIN_TIME MAX_TIME DURATION NUM_SAMPLES ...
  const rows = stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => /^[0-9A-Z]{26}$/.test(cols[0] ?? ''));
  const blocks = rows.map((cols) => cols[0]!);
  const samples = rows.reduce((acc, cols) => acc + Number(cols[4]), 0);
  if (blocks.length === 0) throw new Error(`backfill: promtool produced no blocks in ${dir}\n${stdout}`);
  const expected = omText.split('\n').filter((line) => line !== '' && !line.startsWith('#')).length;
  if (samples !== expected) {
    throw new Error(
      `backfill: promtool wrote ${samples} samples but the OpenMetrics text has ${expected} sample lines ` +
        `(out-of-order or duplicate samples are dropped silently).\n${stdout}`,
    );
  }
  return { blocks, samples };
}

export const CACHE_ROOT = join(tmpdir(), 'canary-gate-prometheus-cache');
const COMPLETE_MARKER = '.canary-gate-complete';

export interface CachedBackfill {
  /** TSDB directory holding the blocks. Treat as READ-ONLY (startPrometheus copies it). */
  dir: string;
  /** true if the blocks came from a previous run. */
  cached: boolean;
  /** Cache key: sha256(Prometheus version + text), 16 hex chars. */
  key: string;
}

/**
 * backfill() with a cache under os.tmpdir(): the directory is keyed by a hash of the text (and the
 * Prometheus version), built in a scratch directory and renamed into place atomically, so
 * concurrent runs and interrupted backfills never leave a half-written cache entry.
 * Set CANARY_GATE_PROMETHEUS_NO_CACHE=1 to rebuild (and replace) the entry.
 */
export async function cachedBackfill(omText: string): Promise<CachedBackfill> {
  const { version } = await ensurePrometheusInstalled();
  const key = createHash('sha256').update(`${version}\n`).update(omText).digest('hex').slice(0, 16);
  const dir = join(CACHE_ROOT, `tsdb-${key}`);
  const noCache = process.env.CANARY_GATE_PROMETHEUS_NO_CACHE === '1';
  if (!noCache && existsSync(join(dir, COMPLETE_MARKER))) return { dir, cached: true, key };

  await mkdir(CACHE_ROOT, { recursive: true });
  const scratch = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await backfill(omText, scratch);
    await writeFile(join(scratch, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    // Never delete a complete entry: another run may be copying from it right now.
    if (noCache || !existsSync(join(dir, COMPLETE_MARKER))) {
      if (existsSync(dir)) await rm(dir, { recursive: true, force: true });
      try {
        await rename(scratch, dir);
      } catch (error) {
        // A concurrent run renamed its identical entry into place first: use theirs.
        if (!existsSync(join(dir, COMPLETE_MARKER))) throw error;
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { dir, cached: false, key };
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

export interface StartPrometheusOptions {
  /** TSDB with backfilled blocks. It is copied to a private temp dir, so it is never modified. */
  tsdbDir: string;
  /** How long to wait for GET /-/ready to return 200. Default 60 s. */
  readyTimeoutMs?: number;
  /** Extra command-line flags, e.g. ['--query.lookback-delta=1m']. */
  extraArgs?: readonly string[];
}

export interface RunningPrometheus {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  pid: number;
  /** Prometheus version string, e.g. "2.42.0+ds". */
  version: string;
  /** Tail of Prometheus' stdout+stderr (its logs go to stderr). */
  logs(): string;
  /** SIGTERM (SIGKILL after 10 s), then deletes the private data dir. Idempotent. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Prometheus children still alive and their private dirs: killed / removed synchronously if this
 * Node process exits without stop() (e.g. Ctrl-C during a vitest run).
 */
const liveChildren = new Set<ChildProcess>();
const liveWorkDirs = new Set<string>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of liveChildren) c.kill('SIGKILL');
    for (const d of liveWorkDirs) {
      try {
        rmSync(d, { recursive: true, force: true });
      } catch {
        // best effort
      }
    }
  });
}
function trackChild(child: ChildProcess): void {
  installExitHook();
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

class StartError extends Error {
  constructor(
    message: string,
    readonly portInUse: boolean,
  ) {
    super(message);
  }
}

async function startOnce(
  bins: PrometheusBinaries,
  dataDir: string,
  configFile: string,
  opts: StartPrometheusOptions,
): Promise<RunningPrometheus> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${dataDir}`,
    // Retention is measured from the newest block, not the wall clock; 60d is plenty.
    '--storage.tsdb.retention.time=60d',
    `--web.listen-address=127.0.0.1:${port}`,
    ...(opts.extraArgs ?? []),
  ];
  const child = spawn(bins.prometheus, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);

  let output = '';
  const append = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (output.length > 256 * 1024) output = output.slice(-128 * 1024);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const logs = (): string => output;

  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, 10_000))) {
          child.kill('SIGKILL');
          await waitForExit(child, 5_000);
        }
      }
    })();
    return stopped;
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  const describe = (why: string): string =>
    `Prometheus (${bins.prometheus} ${bins.version}) ${why}.\nCommand: ${[bins.prometheus, ...args].join(' ')}\n` +
    `Last log lines:\n${output.trim().split('\n').slice(-25).join('\n')}`;

  for (;;) {
    if (spawnError) throw new StartError(describe(`could not be spawned: ${spawnError.message}`), false);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new StartError(
        describe(`exited before becoming ready (code ${child.exitCode}, signal ${child.signalCode})`),
        /address already in use/i.test(output),
      );
    }
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new StartError(describe(`did not become ready within ${opts.readyTimeoutMs ?? 60_000} ms`), false);
    }
    await sleep(100);
  }

  if (child.pid === undefined) throw new StartError(describe('has no pid'), false);
  return { url, port, pid: child.pid, version: bins.version, logs, stop };
}

/**
 * Starts Prometheus on 127.0.0.1:<random free port> serving a private copy of `tsdbDir`, with a
 * config that scrapes nothing. Resolves once GET /-/ready returns 200. Retries (new port) if
 * the port was taken between probing and binding.
 *
 * NB: the data is in the past; always pass an explicit `time` / `start`+`end` to the query API
 * (a query "now" returns nothing once the 5 m lookback is exceeded).
 */
export async function startPrometheus(opts: StartPrometheusOptions): Promise<RunningPrometheus> {
  const bins = await ensurePrometheusInstalled();
  if (!existsSync(opts.tsdbDir)) throw new Error(`startPrometheus: tsdbDir does not exist: ${opts.tsdbDir}`);
  const work = await mkdtemp(join(tmpdir(), 'canary-gate-prom-run-'));
  installExitHook();
  liveWorkDirs.add(work);
  const cleanup = async (): Promise<void> => {
    await rm(work, { recursive: true, force: true });
    liveWorkDirs.delete(work);
  };
  try {
    const dataDir = join(work, 'data');
    await cp(opts.tsdbDir, dataDir, {
      recursive: true,
      filter: (src) => !src.endsWith(COMPLETE_MARKER),
    });
    const configFile = join(work, 'prometheus.yml');
    // No scrape_configs: the server only serves the backfilled blocks.
    await writeFile(configFile, 'global:\n  scrape_interval: 1h\n  evaluation_interval: 1h\n');

    for (let attempt = 1; ; attempt++) {
      try {
        const server = await startOnce(bins, dataDir, configFile, opts);
        const stopServer = server.stop;
        let stopped: Promise<void> | undefined;
        return {
          ...server,
          stop: () => (stopped ??= stopServer().finally(cleanup)),
        };
      } catch (error) {
        if (error instanceof StartError && error.portInUse && attempt < 3) continue;
        throw error;
      }
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Minimal HTTP API helpers for tests (plain fetch, no dependency on src/)
// ---------------------------------------------------------------------------------------------

export interface PromVectorSample {
  metric: Record<string, string>;
  value: [number, string];
}
export interface PromMatrixSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

async function promApi<T>(baseUrl: string, path: string, params: Record<string, string>): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as { status: string; data?: T; error?: string; errorType?: string };
  if (!res.ok || body.status !== 'success' || body.data === undefined) {
    throw new Error(`Prometheus ${path} ${JSON.stringify(params)} -> HTTP ${res.status}: ${body.errorType ?? ''} ${body.error ?? ''}`);
  }
  return body.data;
}

/** POST /api/v1/query (form body) at `timeSeconds` (epoch seconds). Returns the vector result. */
export async function queryInstant(baseUrl: string, query: string, timeSeconds: number): Promise<PromVectorSample[]> {
  const data = await promApi<{ resultType: string; result: PromVectorSample[] }>(baseUrl, '/api/v1/query', {
    query,
    time: String(timeSeconds),
  });
  if (data.resultType !== 'vector') throw new Error(`expected a vector for ${query}, got ${data.resultType}`);
  return data.result;
}

/** POST /api/v1/query_range (form body; epoch seconds, step seconds). Returns the matrix result. */
export async function queryRange(
  baseUrl: string,
  query: string,
  startSeconds: number,
  endSeconds: number,
  stepSeconds: number,
): Promise<PromMatrixSeries[]> {
  const data = await promApi<{ resultType: string; result: PromMatrixSeries[] }>(baseUrl, '/api/v1/query_range', {
    query,
    start: String(startSeconds),
    end: String(endSeconds),
    step: String(stepSeconds),
  });
  if (data.resultType !== 'matrix') throw new Error(`expected a matrix for ${query}, got ${data.resultType}`);
  return data.result;
}
