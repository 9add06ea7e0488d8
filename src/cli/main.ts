import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { convertKayentaConfig, KayentaConfigError } from '../analysis/kayenta/convert.js';
import type { OverrideRequest } from '../budget/index.js';
import { EXIT, exitCodeFor } from '../core/exit-codes.js';
import { parseVars, readPolicy, runGate, UsageError } from '../core/run.js';
import { VERSION } from '../core/version.js';
import { parseTime } from '../policy/duration.js';
import { formatProblem, PolicyError, type PolicyProblem } from '../policy/errors.js';
import { policyJsonSchema } from '../policy/schema.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderTerminal } from '../report/terminal.js';
import type { Clock } from '../watch/clock.js';
import { watchProgress } from './watch-progress.js';

export interface CliIo {
  argv: string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  now: () => number;
  /** Whether stderr is a terminal: watch mode then redraws a live status block there. */
  stderrIsTTY?: boolean;
  /** Watch mode's clock (tests); the wall clock otherwise. */
  clock?: Clock;
}

/** Runs the CLI and returns its exit code; never throws, never prints a stack trace. */
export async function runCli(io: CliIo): Promise<number> {
  let exitCode: number = EXIT.pass;
  const program = new Command()
    .name('canary-gate')
    .description('Judge a canary against its baseline with a YAML policy and explain the verdict.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run canary-gate --help for usage)');

  program
    .command('evaluate')
    .description('Query the metrics, judge every check and print the verdict.')
    .requiredOption('-p, --policy <file>', 'policy file (YAML)')
    .option('-e, --end <time>', 'end of the analysis window: ISO 8601, epoch seconds or "now"', 'now')
    .option('--var <name=value>', 'set a {{name}} query variable (repeatable)', collect, [])
    .option('--deployed-at <time>', 'when the canary was deployed (for baseline before: deploy)')
    .addOption(new Option('-f, --format <format>', 'what to print on stdout').choices(['table', 'json', 'markdown']).default('table'))
    .option('-o, --output <file>', 'also write the full JSON report to this file')
    .addOption(new Option('--mode <mode>', "override the policy's mode").choices(['enforce', 'advisory']))
    .option('--warn-exit-code <code>', 'exit code for a warn verdict', toExitCode, EXIT.undecided)
    .option('--inconclusive-exit-code <code>', 'exit code for an inconclusive verdict', toExitCode, EXIT.undecided)
    .option('--no-color', 'no ANSI colors even on a terminal')
    .option('--override-reason <text>', 'audited override: turn an error-budget or freeze block into warn, with this reason')
    .option('--override-by <name>', 'who overrides (default $GITHUB_ACTOR or $USER)')
    .option('--watch', "watch mode: look again every interval with anytime-valid tests, stop early on a decision (default when the policy has watch:)")
    .option('--no-watch', 'one evaluation even if the policy has watch:')
    .option('--interval <duration>', 'watch: time between looks (overrides watch.interval)')
    .option('--duration <duration>', 'watch: longest the watch runs, at most 6h (overrides watch.duration)')
    .option('--min-duration <duration>', 'watch: no early pass before this (overrides watch.min-duration)')
    .action(async (opts: EvaluateOptions) => {
      const now = io.now();
      const override = cliOverride(opts, io.env, now);
      const progress = watchProgress(io, opts.color && !io.env.NO_COLOR);
      const { report, redact } = await runGate({
        watch: {
          enabled: opts.watch,
          interval: opts.interval,
          duration: opts.duration,
          minDuration: opts.minDuration,
          nameOf: (key) => `--${key}`,
          clock: io.clock,
          onLook: progress,
        },
        policyFile: opts.policy,
        env: io.env,
        vars: parseVars(opts.var),
        end: parseTimeOption(opts.end, now, '--end'),
        deployedAt: opts.deployedAt === undefined ? undefined : parseTimeOption(opts.deployedAt, now, '--deployed-at'),
        mode: opts.mode,
        now,
        override,
      });
      const rendered =
        opts.format === 'json'
          ? renderJson(report)
          : opts.format === 'markdown'
            ? renderMarkdown(report)
            : renderTerminal(report, { color: opts.color && io.isTTY && !io.env.NO_COLOR });
      io.stdout(redact(rendered));
      if (opts.output) await writeFile(opts.output, redact(renderJson(report)));
      exitCode = exitCodeFor(report, { warn: opts.warnExitCode, inconclusive: opts.inconclusiveExitCode });
    });

  program
    .command('validate')
    .description('Check a policy file and report every problem as file:line:col: key: message.')
    .requiredOption('-p, --policy <file>', 'policy file (YAML)')
    .option('--var <name=value>', 'set a {{name}} query variable (repeatable)', collect, [])
    .option('--allow-unset-env', 'check the policy without its ${NAME} variables set (they are listed, not errors)')
    .action(async (opts: { policy: string; var: string[]; allowUnsetEnv?: boolean }) => {
      const warnings: PolicyProblem[] = [];
      const policy = await readPolicy({
        policyFile: opts.policy,
        env: io.env,
        vars: parseVars(opts.var),
        unsetEnv: opts.allowUnsetEnv ? 'warn' : 'error',
        warnings,
      });
      for (const warning of warnings) io.stderr(`${formatProblem(warning)} (not checked)\n`);
      const sources = Object.keys(policy.sources).length;
      const slos = policy.slos?.length ?? 0;
      const freezes = policy.freeze?.length ?? 0;
      const budget = `${slos > 0 ? `, ${slos} SLO${slos === 1 ? '' : 's'}` : ''}${freezes > 0 ? `, ${freezes} freeze${freezes === 1 ? '' : 's'}` : ''}`;
      io.stdout(`${opts.policy}: ok — service ${policy.service}, ${policy.metrics.length} metrics, ${sources} source${sources === 1 ? '' : 's'}${budget}\n`);
    });

  program
    .command('convert-kayenta')
    .description('Convert a Kayenta canary config (JSON) into a policy in judge: kayenta mode, with comments for what did not carry over.')
    .requiredOption('-c, --config <file>', 'Kayenta canary config (JSON)')
    .option('-s, --source <name>', "name of the policy's Prometheus source", 'prometheus')
    .option('--canary-scope <name>', "the canary's Kayenta scope name (the execution's experimentScope)")
    .option('--baseline-scope <name>', "the baseline's Kayenta scope name (the execution's controlScope)")
    .option('-o, --output <file>', 'write the policy to this file instead of stdout')
    .action(async (opts: ConvertOptions) => {
      let text: string;
      try {
        text = await readFile(opts.config, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(`--config: cannot read ${opts.config}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`);
      }
      let config: unknown;
      try {
        config = JSON.parse(text);
      } catch (error) {
        throw new UsageError(`--config: ${opts.config} is not JSON: ${(error as Error).message}`);
      }
      let result;
      try {
        result = convertKayentaConfig(config, {
          source: opts.source,
          canaryScope: opts.canaryScope,
          baselineScope: opts.baselineScope,
          configFile: path.basename(opts.config),
        });
      } catch (error) {
        if (error instanceof KayentaConfigError) throw new UsageError(`--config: ${opts.config}: ${error.message}`);
        throw error;
      }
      for (const warning of result.warnings) io.stderr(`convert-kayenta: ${warning}\n`);
      const summary = `${result.converted.length} metric${result.converted.length === 1 ? '' : 's'} converted${
        result.skipped.length > 0 ? `, ${result.skipped.length} written commented out (${result.skipped.join(', ')})` : ''
      }`;
      if (opts.output) {
        await writeFile(opts.output, result.yaml);
        io.stderr(`convert-kayenta: wrote ${opts.output}: ${summary}\n`);
      } else {
        io.stdout(result.yaml);
        io.stderr(`convert-kayenta: ${summary}\n`);
      }
    });

  program
    .command('schema')
    .description('Print the JSON Schema of the policy file.')
    .action(() => io.stdout(JSON.stringify(policyJsonSchema(), null, 2) + '\n'));

  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

interface EvaluateOptions {
  policy: string;
  end: string;
  var: string[];
  deployedAt?: string;
  format: 'table' | 'json' | 'markdown';
  output?: string;
  mode?: 'enforce' | 'advisory';
  warnExitCode: number;
  inconclusiveExitCode: number;
  color: boolean;
  watch?: boolean;
  interval?: string;
  duration?: string;
  minDuration?: string;
  overrideReason?: string;
  overrideBy?: string;
}

/** --override-reason: who and when come from the environment and the clock, why from the flag. */
function cliOverride(opts: EvaluateOptions, env: CliIo['env'], now: number): OverrideRequest | undefined {
  if (opts.overrideReason === undefined) {
    if (opts.overrideBy !== undefined) throw new UsageError('--override-by needs --override-reason');
    return undefined;
  }
  const reason = opts.overrideReason.trim();
  if (reason === '') throw new UsageError('--override-reason: an override needs a reason (it is recorded in every output)');
  const by = opts.overrideBy?.trim() || env.GITHUB_ACTOR || env.USER || env.USERNAME || 'unknown';
  return { via: 'input', by, at: now, reason };
}

interface ConvertOptions {
  config: string;
  source: string;
  canaryScope?: string;
  baselineScope?: string;
  output?: string;
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and --version end through here too, with exit code 0.
    return error.exitCode === 0 ? EXIT.pass : EXIT.usage;
  }
  if (error instanceof PolicyError) {
    io.stderr(`${error.message}\n${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} in the policy.\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.stderr(`canary-gate: ${error.message}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`canary-gate: internal error: ${message}\n`);
  if (io.env.CANARY_GATE_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT.usage;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function toExitCode(value: string): number {
  const code = Number(value);
  if (!Number.isInteger(code) || code < 0 || code > 255) throw new UsageError(`exit codes are 0–255, got "${value}"`);
  return code;
}

function parseTimeOption(text: string, now: number, flag: string): number {
  if (text === 'now') return now;
  const ms = parseTime(text);
  if (ms === undefined) throw new UsageError(`${flag}: expected "now", an ISO 8601 time or epoch seconds, got "${text}"`);
  return ms;
}
