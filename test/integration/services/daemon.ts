/**
 * Real backends for integration tests, from Debian packages: found on PATH, or installed with
 * apt-get when missing and running as root (as the Prometheus helper does), then started on
 * 127.0.0.1:<free port> with a private data directory, and stopped (SIGTERM, then SIGKILL).
 *
 * Nothing here skips: a backend that cannot be installed or started throws a descriptive Error.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { which } from '../prometheus/prometheus-server.js';

function run(file: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${`${stderr}\n${stdout}`.trim().split('\n').slice(-20).join('\n')}`)) : resolve(stdout + stderr),
    );
  });
}

const installs = new Map<string, Promise<string>>();

/** The binary's path, installing the Debian package first when it is missing. */
export function ensureInstalled(pkg: string, binary: string): Promise<string> {
  let pending = installs.get(binary);
  if (!pending) {
    pending = (async () => {
      const found = which(binary);
      if (found) return found;
      const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
      if (!isRoot || !which('apt-get')) {
        throw new Error(`${binary} is not on PATH; install the Debian package: sudo apt-get install -y ${pkg}` + (isRoot ? ' (apt-get is not available)' : ''));
      }
      const install = () => run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends', pkg], 900_000);
      try {
        await install();
      } catch {
        await run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update'], 600_000);
        await install();
      }
      const after = which(binary);
      if (!after) throw new Error(`apt-get install ${pkg} succeeded but ${binary} is still not on PATH`);
      return after;
    })();
    pending.catch(() => installs.delete(binary));
    installs.set(binary, pending);
  }
  return pending;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Daemon {
  url: string;
  dir: string;
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Starts `binary` with the arguments `args(port, dir)` and waits until GET `readyPath` answers 200.
 * `dir` is a fresh temporary directory for its data, removed on stop.
 */
export async function startDaemon(name: string, binary: string, args: (port: number, dir: string) => string[], readyPath: string, readyTimeoutMs = 60_000): Promise<Daemon> {
  const dir = await mkdtemp(join(tmpdir(), `canary-gate-${name}-`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(binary, args(port, dir), { stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-64 * 1024);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.removeListener('exit', kill);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    })());

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`${name} (${binary}) exited before becoming ready:\n${output.trim().split('\n').slice(-25).join('\n')}`);
    }
    try {
      const res = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not become ready within ${readyTimeoutMs} ms:\n${output.trim().split('\n').slice(-25).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, dir, logs: () => output, stop };
}
