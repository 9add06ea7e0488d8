/**
 * Helpers for the end-to-end tests: they run the BUILT artefacts (dist/cli.js, dist/index.js) as
 * child processes, the way a user or the GitHub runner would. The tests never build: run
 * `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const ACTION = path.join(ROOT, 'dist/index.js');
/** Policies, relative to ROOT (the children run with ROOT as cwd, like a workspace checkout). */
export const POLICIES = 'test/integration/e2e/policies';

export function policy(name: string): string {
  return `${POLICIES}/${name}.yml`;
}

/** Fails with a clear message when the artefacts are missing (the tests must not build them). */
export function requireBuilt(): void {
  for (const file of [CLI, ACTION]) {
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` before the e2e tests`);
  }
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * A clean environment: nothing leaks in from the shell that runs the tests (no GITHUB_*, INPUT_*,
 * RUNNER_*, NO_COLOR…), only PATH and what the test passes.
 */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  if (process.env.SYSTEMROOT) env.SYSTEMROOT = process.env.SYSTEMROOT;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/** Runs `node <script> …args` with ROOT as cwd; resolves with the exit code and both streams. */
export function runNode(script: string, args: string[], env: Record<string, string>, timeoutMs = 20_000): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(script)} ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Temp dirs (removed after the file's tests)
// ---------------------------------------------------------------------------------------------

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export async function tempDir(prefix = 'canary-gate-e2e-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// The CLI
// ---------------------------------------------------------------------------------------------

export interface CliRun extends ProcessResult {
  /** The --output file's text, when one was asked for and written. */
  outputFile?: string;
}

/** `canary-gate <args>`; with `output: true`, adds `--output <tmp>/report.json` and reads it back. */
export async function runCli(args: string[], env: Record<string, string | undefined>, options: { output?: boolean } = {}): Promise<CliRun> {
  const extra: string[] = [];
  let file: string | undefined;
  if (options.output) {
    file = path.join(await tempDir(), 'report.json');
    extra.push('--output', file);
  }
  const result = await runNode(CLI, [...args, ...extra], cleanEnv(env));
  const outputFile = file && existsSync(file) ? await readFile(file, 'utf8') : undefined;
  return { ...result, outputFile };
}

// ---------------------------------------------------------------------------------------------
// The action, run as the GitHub runner runs it
// ---------------------------------------------------------------------------------------------

/** What the runner hands the action when the workflow sets no input: action.yml's defaults. */
export const EXPECTED_INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  policy: '.github/canary-gate.yml',
  end: 'now',
  vars: '',
  'deployed-at': '',
  mode: '',
  'fail-on': 'inconclusive',
  'report-path': '',
  'override-reason': '',
  'github-token': '${{ github.token }}',
  comment: 'always',
  'comment-key': '',
  'pull-request': '',
  'check-run': 'false',
  'check-name': '',
  'deployment-status': 'false',
  'policy-source': 'workspace',
  watch: '',
  'watch-interval': '',
  'watch-duration': '',
  'watch-min-duration': '',
};

/** The inputs declared in action.yml with their defaults; throws when the file does not parse. */
export function actionYmlInputs(): Record<string, string> {
  const doc = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs?: Record<string, { default?: unknown } | null> };
  return Object.fromEntries(
    Object.entries(doc.inputs ?? {}).map(([name, spec]) => [name, spec?.default === undefined ? '' : String(spec.default)]),
  );
}

function actionDefaults(): Record<string, string> {
  return actionYmlInputs();
}

/** GitHub's mapping of an input name to its environment variable: `report-path` → INPUT_REPORT-PATH. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  line: string;
}

export interface ActionRun extends ProcessResult {
  /** Step outputs parsed from $GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  outputFileText: string;
  /** The job summary ($GITHUB_STEP_SUMMARY). */
  summary: string;
  /** `::command props::message` lines on stdout, unescaped. */
  commands: WorkflowCommand[];
  runnerTemp: string;
  /** The JSON report at the `report-path` output, if the action wrote one. */
  reportText?: string;
}

export async function runAction(inputs: Record<string, string>, env: Record<string, string | undefined> = {}): Promise<ActionRun> {
  const dir = await tempDir('canary-gate-action-');
  const runnerTemp = path.join(dir, 'runner-temp');
  await mkdir(runnerTemp);
  const outputFile = path.join(dir, 'github_output');
  const summaryFile = path.join(dir, 'step_summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const inputEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...actionDefaults(), ...inputs })) inputEnv[inputVariable(name)] = value;
  const result = await runNode(
    ACTION,
    [],
    cleanEnv({
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: runnerTemp,
      GITHUB_WORKSPACE: ROOT,
      ...inputEnv,
      ...env,
    }),
  );
  const outputFileText = await readFile(outputFile, 'utf8');
  const outputs = parseGithubOutput(outputFileText);
  const reportPath = outputs['report-path'];
  const resolved = reportPath ? path.resolve(ROOT, reportPath) : undefined;
  return {
    ...result,
    outputs,
    outputFileText,
    summary: await readFile(summaryFile, 'utf8'),
    commands: parseCommands(result.stdout),
    runnerTemp,
    reportText: resolved && existsSync(resolved) ? await readFile(resolved, 'utf8') : undefined,
  };
}

/**
 * Parses $GITHUB_OUTPUT: `name<<DELIMITER\nvalue\nDELIMITER` blocks (what @actions/core writes)
 * and plain `name=value` lines. Throws on anything else, so a malformed file fails the test.
 */
export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter!, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${delimiter} for ${name}`);
      out[name!] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`GITHUB_OUTPUT: unexpected line ${JSON.stringify(line)}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** Workflow commands (`::error file=f,line=3::message`) on stdout. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const part of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = part.indexOf('=');
      properties[part.slice(0, eq)] = unescapeProperty(part.slice(eq + 1));
    }
    commands.push({ command: m[1]!, properties, message: unescapeData(m[3]!), line });
  }
  return commands;
}

// ---------------------------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------------------------

/** The 1-based line of `- name: <metric>` in a policy (where annotations must point). */
export function metricLine(policyFile: string, metric: string): number {
  const lines = readFileSync(path.join(ROOT, policyFile), 'utf8').split('\n');
  const index = lines.findIndex((l) => new RegExp(`^\\s*-\\s+name:\\s*['"]?${metric.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*$`).test(l));
  if (index < 0) throw new Error(`${policyFile}: no metric ${metric}`);
  return index + 1;
}

/** A stack trace line, as Node prints them. */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/** Runs `fn` once, on first use, and shares the promise (one child process, many assertions). */
export function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= fn());
}
