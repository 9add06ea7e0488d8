/**
 * The action's GitHub integration: the policy check before the run (tampering, policy-source:
 * base) and the publishing after it (sticky comment, check run, deployment status). Octokit is
 * loaded only when one of them has something to do. Every API failure becomes one warning that
 * names the permission to grant; none changes the verdict.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { UsageError } from '../core/run.js';
import { checkRunContent } from '../report/check-run.js';
import { commentDigest, renderPolicyErrorComment } from '../report/comment.js';
import type { Notice, Report, Verdict } from '../report/model.js';
import { describeTrigger, type PullRef, type Trigger } from '../github/event.js';
import { faultWarning, type Fault } from '../github/faults.js';
import { COMMENT_MODES, POLICY_SOURCES, type CommentMode, type PolicySource } from '../github/options.js';
import { deploymentDescription, deploymentState } from '../github/deployment-text.js';
import type { GitHubClient } from '../github/client.js';

export interface GitHubInputs {
  token: string;
  comment: CommentMode;
  /** Identity of the sticky comment; default the policy's path in the repository (so `./x.yml` and `x.yml` are one policy). */
  commentKey: string;
  pullRequest?: number;
  checkRun: boolean;
  checkName: string;
  deploymentStatus: boolean;
  policySource: PolicySource;
}

export interface GitHubRun {
  inputs: GitHubInputs;
  trigger?: Trigger;
  /** The policy path relative to the repository root (what the API and annotations name), if it is inside the workspace. */
  repoPath?: string;
  policyFile: string;
}

export function readGitHubInputs(): GitHubInputs {
  const comment = (core.getInput('comment') || 'always') as CommentMode;
  if (!COMMENT_MODES.includes(comment)) throw new UsageError(`input comment: expected ${COMMENT_MODES.join(', ')}, got "${comment}"`);
  const policySource = (core.getInput('policy-source') || 'workspace') as PolicySource;
  if (!POLICY_SOURCES.includes(policySource)) throw new UsageError(`input policy-source: expected workspace or base, got "${policySource}"`);
  const pr = core.getInput('pull-request');
  if (pr && !/^[1-9]\d*$/.test(pr)) throw new UsageError(`input pull-request: expected a pull request number, got "${pr}"`);
  const token = core.getInput('github-token');
  return {
    token,
    comment,
    commentKey: core.getInput('comment-key'),
    ...(pr ? { pullRequest: Number(pr) } : {}),
    checkRun: booleanInput('check-run'),
    checkName: core.getInput('check-name'),
    deploymentStatus: booleanInput('deployment-status'),
    policySource,
  };
}

function booleanInput(name: string): boolean {
  const text = core.getInput(name).trim().toLowerCase();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  throw new UsageError(`input ${name}: expected true or false, got "${text}"`);
}

/** The trigger from GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH; undefined outside a workflow. */
export async function readTrigger(env: NodeJS.ProcessEnv): Promise<Trigger | undefined> {
  const event = env.GITHUB_EVENT_NAME;
  if (!event) return undefined;
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (error) {
      core.warning(`canary-gate: could not read the event payload (${(error as Error).message}); pull requests and deployments are not known.`);
    }
  }
  return describeTrigger(event, payload, env);
}

export async function githubRun(policyFile: string, env: NodeJS.ProcessEnv): Promise<GitHubRun> {
  const inputs = readGitHubInputs();
  const trigger = await readTrigger(env);
  const relative = path.relative(path.resolve(env.GITHUB_WORKSPACE || '.'), path.resolve(policyFile)).split(path.sep).join('/');
  const repoPath = relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
  if (!inputs.commentKey) inputs.commentKey = repoPath ?? policyFile;
  return { inputs, trigger, repoPath, policyFile };
}

let clientPromise: Promise<GitHubClient> | undefined;
/** Octokit and the API modules, loaded on first use. */
async function api() {
  const mod = await import('../github/index.js');
  return mod;
}
async function client(token: string): Promise<GitHubClient> {
  clientPromise ??= api().then((m) => m.createClient(token));
  return clientPromise;
}

/**
 * On pull_request and pull_request_target: reads the policy as the base commit has it, to say
 * prominently when the pull request changes its own gate, and (policy-source: base) to judge with
 * the base version. Reading the base version fails closed under policy-source: base: a pull request
 * must not get its own policy because the API was unreachable.
 */
export async function preparePolicy(run: GitHubRun): Promise<{ policyText?: string; notices: Notice[] }> {
  const { inputs, trigger } = run;
  const base = inputs.policySource === 'base';
  if (!trigger?.pullRequestEvent) {
    if (base) core.info(`canary-gate: policy-source: base applies to pull_request and pull_request_target runs; this ${trigger?.event ?? 'local'} run reads the workspace's ${run.policyFile}.`);
    return { notices: [] };
  }
  const pull = trigger.pulls[0];
  const refuse = (why: string) => {
    throw new UsageError(`policy-source: base: ${why}`);
  };
  if (!pull?.baseSha) {
    if (base) refuse('the event payload names no base commit');
    return { notices: [] };
  }
  if (!run.repoPath) {
    if (base) refuse(`${run.policyFile} is outside the workspace, so it has no path in the repository`);
    core.warning(`canary-gate: ${run.policyFile} is outside the workspace; whether this pull request changes it was not checked.`);
    return { notices: [] };
  }
  if (!inputs.token) {
    if (base) refuse('reading the base version needs the github-token input');
    core.info('canary-gate: no github-token: whether this pull request changes the policy was not checked.');
    return { notices: [] };
  }

  const { readFileAt } = await api();
  const answer = await readFileAt(await client(inputs.token), { owner: trigger.owner, repo: trigger.repo, path: run.repoPath, ref: pull.baseSha });
  const ref = `${pull.baseRef ?? 'the base branch'} (${pull.baseSha.slice(0, 7)})`;
  if (!answer.ok) {
    const message = faultWarning(answer.fault, { action: `read ${run.repoPath} at ${ref}`, permission: 'contents: read' }, trigger.event);
    if (base) refuse(message.replace(/ The verdict is not affected\.$/, ' No verdict without a trusted policy.'));
    core.warning(message.replace(/^canary-gate: could not /, 'canary-gate: could not check whether this pull request changes its policy: could not '));
    return { notices: [] };
  }
  const baseText = answer.value;
  const workspaceText = await readFile(run.policyFile, 'utf8').catch(() => undefined);
  const { sameText } = await import('../github/policy-base.js');
  const notices: Notice[] = [];

  if (base) {
    if (baseText === null) {
      refuse(`${run.repoPath} does not exist at ${ref}: a pull request cannot bring its own policy. Merge the policy first, or use policy-source: workspace for this change.`);
    }
    core.info(`canary-gate: policy read from ${ref} (policy-source: base).`);
    if (workspaceText === undefined || !sameText(workspaceText, baseText!)) {
      notices.push({
        level: 'warning',
        title: 'This pull request changes the policy.',
        message: `The gate judged it with ${run.repoPath} as ${ref} has it (policy-source: base); the pull request's version takes effect once merged.`,
      });
    }
    return { policyText: baseText!, notices };
  }

  if (baseText === null) {
    notices.push({
      level: 'warning',
      title: 'This pull request adds the policy it is judged by.',
      message: `${run.repoPath} does not exist at ${ref}: the pull request chose its own limits. Review the policy, or set policy-source: base once it is merged.`,
    });
  } else if (workspaceText !== undefined && !sameText(workspaceText, baseText)) {
    notices.push({
      level: 'warning',
      title: 'This pull request changes the policy it is judged by.',
      message: `${run.repoPath} differs from ${ref}, and the gate used the pull request's version. Review the policy change, or set policy-source: base so pull requests are judged by the base branch's policy.`,
    });
  }
  return { notices };
}

export interface Published {
  commentUrl?: string;
  checkRunId?: number;
}

/** Posts the sticky comment, the check run and the deployment status the inputs ask for. */
export async function publish(
  run: GitHubRun,
  report: Report,
  redact: (text: string) => string,
  options: { comment: string; stepFails: boolean; now: number },
): Promise<Published> {
  const { inputs, trigger } = run;
  const published: Published = {};
  const wantsComment = inputs.comment !== 'never' && (inputs.pullRequest !== undefined || !!trigger);
  const wantsCheck = inputs.checkRun;
  const wantsDeployment = inputs.deploymentStatus && !!trigger?.deployment;
  if (inputs.deploymentStatus && !trigger?.deployment) {
    core.info(`canary-gate: deployment-status: this ${trigger?.event ?? 'local'} run is not for a deployment; no status posted.`);
  }
  if (!trigger || (!wantsComment && !wantsCheck && !wantsDeployment)) return published;
  if (!inputs.token) {
    core.warning('canary-gate: the github-token input is empty: no comment, check run or deployment status. The verdict is not affected.');
    return published;
  }
  const gh = await client(inputs.token);
  const mod = await api();
  const warn = (fault: Fault, action: string, permission: string) => core.warning(redact(faultWarning(fault, { action, permission }, trigger.event)));
  const { owner, repo } = trigger;

  if (wantsComment) {
    published.commentUrl = await postComment(run, { gh, mod, warn }, { body: options.comment, digest: commentDigest(report), verdict: report.verdict });
  }

  if (wantsCheck) {
    if (!trigger.sha) core.warning('canary-gate: no commit to attach the check run to (GITHUB_SHA is empty). The verdict is not affected.');
    else {
      const content = checkRunContent(report, {
        name: inputs.checkName,
        policyPath: run.repoPath ?? run.policyFile,
        stepFails: options.stepFails,
        summaryUrl: trigger.runUrl,
        key: inputs.commentKey,
      });
      const safe = {
        ...content,
        title: redact(content.title),
        summary: redact(content.summary),
        // GitHub rejects annotations on a path outside the repository: a policy outside the workspace gets none.
        annotations: run.repoPath ? content.annotations.map((a) => ({ ...a, title: redact(a.title), message: redact(a.message) })) : [],
      };
      const result = await mod.publishCheckRun(
        gh,
        { owner, repo, sha: trigger.sha, detailsUrl: trigger.runUrl, completedAt: new Date(options.now).toISOString() },
        safe,
      );
      if (result.fault) warn(result.fault.fault, result.id ? `add every annotation to check run ${result.id}` : `create the check run "${safe.name}"`, 'checks: write');
      if (result.id) {
        published.checkRunId = result.id;
        core.info(`canary-gate: check run "${safe.name}" ${content.conclusion}${result.url ? ` ${result.url}` : ''}.`);
      }
    }
  }

  if (wantsDeployment) {
    const d = trigger.deployment!;
    const state = deploymentState(options.stepFails);
    const result = await mod.postDeploymentStatus(
      gh,
      { owner, repo, deploymentId: d.id, environment: d.environment, logUrl: trigger.runUrl },
      state,
      redact(deploymentDescription(report)),
    );
    if (!result.ok) warn(result.fault, `post a status on deployment ${d.id}${d.environment ? ` (${d.environment})` : ''}`, 'deployments: write');
    else core.info(`canary-gate: deployment ${d.id}${d.environment ? ` (${d.environment})` : ''}: status ${state}.`);
  }
  return published;
}

interface ApiContext {
  gh: GitHubClient;
  mod: Awaited<ReturnType<typeof api>>;
  warn: (fault: Fault, action: string, permission: string) => void;
}

/** The sticky comment on every pull request of the run; the URL of the first one written. */
async function postComment(run: GitHubRun, ctx: ApiContext, comment: { body: string; digest: string; verdict: Verdict }): Promise<string | undefined> {
  const { inputs } = run;
  const trigger = run.trigger!;
  const { owner, repo } = trigger;
  let pulls: PullRef[] = inputs.pullRequest !== undefined ? [{ number: inputs.pullRequest }] : trigger.pulls;
  if (pulls.length === 0 && inputs.pullRequest === undefined && trigger.lookup) {
    const found = await ctx.mod.findPulls(ctx.gh, owner, repo, trigger.lookup);
    if (!found.ok) ctx.warn(found.fault, `find the pull requests of ${trigger.sha.slice(0, 7)}`, 'pull-requests: read');
    pulls = found.ok ? found.value : [];
  }
  if (pulls.length === 0) core.info(`canary-gate: no pull request for this ${trigger.event} run (${trigger.sha.slice(0, 7) || 'no commit'}): no comment.`);
  let first: string | undefined;
  for (const pull of pulls) {
    const result = await ctx.mod.upsertStickyComment(ctx.gh, {
      owner,
      repo,
      pull: pull.number,
      key: inputs.commentKey,
      body: comment.body,
      digest: comment.digest,
      mode: inputs.comment as Exclude<CommentMode, 'never'>,
      verdict: comment.verdict,
    });
    if (!result.ok) {
      const reading = result.step === 'list';
      ctx.warn(result.fault, `${reading ? 'read the comments of' : 'comment on'} pull request #${pull.number}`, reading ? 'pull-requests: read' : 'pull-requests: write');
      break; // the same token will fail the same way on the next pull request
    }
    const { action, url } = result.value;
    core.info(`canary-gate: pull request #${pull.number}: comment ${action}${url ? ` ${url}` : ` (comment: ${inputs.comment})`}.`);
    first ??= url;
  }
  return first;
}

/**
 * A policy that does not load still tells the pull request why (comment modes other than never):
 * the verdict is the step's failure, so on-fail and on-change comment too. Faults only warn.
 */
export async function publishPolicyError(run: GitHubRun, problems: string[]): Promise<string | undefined> {
  const { inputs, trigger } = run;
  if (!trigger || inputs.comment === 'never' || (trigger.pulls.length === 0 && !trigger.lookup && inputs.pullRequest === undefined)) return undefined;
  if (!inputs.token) return undefined;
  const ctx: ApiContext = {
    gh: await client(inputs.token),
    mod: await api(),
    warn: (fault, action, permission) => core.warning(faultWarning(fault, { action, permission }, trigger.event)),
  };
  const { body, digest } = renderPolicyErrorComment(problems, { key: inputs.commentKey, summaryUrl: trigger.runUrl });
  return postComment(run, ctx, { body, digest, verdict: 'fail' });
}
