import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { parseVars, runGate, UsageError, type WatchHooks } from '../core/run.js';
import { lookLine, lookMetricText } from '../report/watch-progress.js';
import type { WatchRequest } from '../watch/plan.js';
import { parseTime } from '../policy/duration.js';
import { formatProblem, PolicyError } from '../policy/errors.js';
import type { Report, Verdict } from '../report/model.js';
import { outcomeText } from '../report/budget-render.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderTerminal } from '../report/terminal.js';
import { actionOverride } from './override.js';
import { renderComment } from '../report/comment.js';
import { githubRun, preparePolicy, publish, publishPolicyError, type GitHubRun } from './github.js';

const FAIL_ON: Record<string, Verdict[]> = {
  fail: ['fail'],
  inconclusive: ['fail', 'inconclusive'],
  warn: ['fail', 'inconclusive', 'warn'],
};

/** The GitHub Action edge: inputs in, summary/outputs/annotations out, step failed or not. */
export async function runAction(now: () => number = Date.now): Promise<void> {
  let github: GitHubRun | undefined;
  try {
    const policyFile = core.getInput('policy') || '.github/canary-gate.yml';
    const failOn = core.getInput('fail-on') || 'inconclusive';
    if (!FAIL_ON[failOn]) throw new UsageError(`input fail-on: expected fail, inconclusive or warn, got "${failOn}"`);
    const mode = core.getInput('mode');
    if (mode && mode !== 'enforce' && mode !== 'advisory') throw new UsageError(`input mode: expected enforce or advisory, got "${mode}"`);
    const started = now();
    github = await githubRun(policyFile, process.env);
    const { token } = github.inputs;
    if (token) core.setSecret(token);
    const prepared = await preparePolicy(github);

    const { policy, report, redact } = await runGate({
      policyFile,
      policyText: prepared.policyText,
      env: process.env,
      vars: parseVars(core.getMultilineInput('vars')),
      end: timeInput('end', started),
      deployedAt: timeInput('deployed-at', started),
      mode: mode ? (mode as 'enforce' | 'advisory') : undefined,
      now: started,
      override: (policy) => actionOverride(policy, { reason: core.getInput('override-reason'), env: process.env, token, now: started }),
      watch: watchInputs(),
    });
    for (const secret of policy.secrets) core.setSecret(secret);
    if (prepared.notices.length > 0) report.notices = [...(report.notices ?? []), ...prepared.notices];
    for (const n of prepared.notices) core.warning(redact(n.message), { title: n.title, file: policyFile, startLine: 1 });

    const reportPath = core.getInput('report-path') || path.join(process.env.RUNNER_TEMP ?? '.', 'canary-gate-report.json');
    await mkdir(path.dirname(path.resolve(reportPath)), { recursive: true });
    await writeFile(reportPath, redact(renderJson(report)));

    core.info(redact(renderTerminal(report, { color: false })));
    annotate(report, redact);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redact(renderMarkdown(report))).write();

    core.setOutput('verdict', report.verdict);
    // Kayenta's score is already rounded to two decimals, as Kayenta reports it.
    const score = report.score === null ? '' : report.kayenta ? String(report.score) : String(Math.round(report.score * 10) / 10);
    core.setOutput('score', score);
    core.setOutput('report-path', reportPath);
    if (report.budget) {
      core.setOutput('budget', report.budget.outcome);
      core.setOutput('overridden', String((report.budget.override?.changed.length ?? 0) > 0));
    }
    // Rendered once: the output and the sticky comment are the same text (the output without its marker).
    const comment = redact(renderComment(report, { key: github.inputs.commentKey, summaryUrl: github.trigger?.runUrl }));
    core.setOutput('summary-markdown', comment.replace(/^.*\n/, ''));
    if (report.watch) {
      core.setOutput('stopped-by', report.watch.stoppedBy);
      core.setOutput('elapsed', report.watch.elapsed);
    }

    const failing = FAIL_ON[failOn]!.includes(report.verdict);
    const published = await publish(github, report, redact, { comment, stepFails: failing && report.enforced, now: now() });
    core.setOutput('comment-url', published.commentUrl ?? '');
    core.setOutput('check-run-id', published.checkRunId === undefined ? '' : String(published.checkRunId));
    if (failing && report.enforced) core.setFailed(redact(`canary-gate: ${report.verdict}: ${report.reasons.join('; ')}`));
    else if (failing) core.warning(redact(`canary-gate (advisory): would have failed: ${report.reasons.join('; ')}`));
  } catch (error) {
    if (error instanceof PolicyError) {
      for (const p of error.problems) {
        core.error(`${p.key ? `${p.key}: ` : ''}${p.message}`, { file: p.file, startLine: p.line, startColumn: p.col, title: 'canary-gate policy' });
      }
      const headline = `canary-gate: the policy has ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`;
      if (process.env.GITHUB_STEP_SUMMARY) {
        await core.summary.addRaw(`## ⚠️ ${headline}\n\nNo metric was evaluated.\n\n\`\`\`\n${error.message}\n\`\`\`\n`).write();
      }
      core.setFailed(`${headline}:\n${error.message}`);
      // The pull request learns why nothing was evaluated; GitHub faults only warn here too.
      if (github) {
        const url = await publishPolicyError(github, error.problems.map(formatProblem)).catch((fault: unknown) => {
          core.warning(`canary-gate: could not comment the policy problems: ${fault instanceof Error ? fault.message : String(fault)}`);
          return undefined;
        });
        core.setOutput('comment-url', url ?? '');
      }
    } else if (error instanceof UsageError) {
      core.setFailed(`canary-gate: ${error.message}`);
    } else {
      core.setFailed(`canary-gate: internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Watch mode's inputs; each look's lines go into a collapsible log group. */
function watchInputs(): WatchRequest & WatchHooks {
  const watch = core.getInput('watch');
  if (watch && watch !== 'true' && watch !== 'false') throw new UsageError(`input watch: expected true or false, got "${watch}"`);
  return {
    enabled: watch === '' ? undefined : watch === 'true',
    interval: core.getInput('watch-interval') || undefined,
    duration: core.getInput('watch-duration') || undefined,
    minDuration: core.getInput('watch-min-duration') || undefined,
    nameOf: (key) => `input watch-${key}`,
    onLook: (look, report, plan, redact) => {
      core.startGroup(redact(lookLine(look, plan).split(' · ').slice(0, 3).join(' · ')));
      for (const m of look.metrics) core.info(redact(`${m.name}: ${m.outcome} ${lookMetricText(m)}`.trimEnd()));
      if (report.score !== null) core.info(`score ${Math.round(report.score * 10) / 10}`);
      core.endGroup();
    },
  };
}

function timeInput(name: string, now: number): number | undefined {
  const text = core.getInput(name);
  if (!text) return undefined;
  if (text === 'now') return now;
  const ms = parseTime(text);
  if (ms === undefined) throw new UsageError(`input ${name}: expected "now", an ISO 8601 time or epoch seconds, got "${text}"`);
  return ms;
}

/** Failing and undecided metrics as annotations on their line of the policy file. */
function annotate(report: Report, redact: (text: string) => string): void {
  for (const m of report.metrics) {
    if (m.outcome === 'pass') continue;
    const message = redact(`${m.name}: ${m.outcome}${m.counted ? '' : ' (not counted)'}: ${m.reason}`);
    const props = { file: report.policy.file, startLine: m.line, title: `canary-gate: ${m.name}` };
    // Red annotations only where they block: advisory runs and uncounted metrics get warnings.
    if ((m.outcome === 'fail' || m.outcome === 'error') && m.counted && report.enforced) core.error(message, props);
    else core.warning(message, props);
  }
  for (const slo of report.budget?.slos ?? []) {
    if (slo.outcome === 'pass') continue;
    const message = redact(`SLO ${slo.name}: ${outcomeText(slo.outcome, slo.originalOutcome)}: ${slo.reason}`);
    const props = { file: report.policy.file, startLine: slo.line, title: `canary-gate: SLO ${slo.name}` };
    if ((slo.outcome === 'block' || slo.outcome === 'error') && report.enforced) core.error(message, props);
    else core.warning(message, props);
  }
}
