import { renderComment } from './comment.js';
import { headline } from './rows.js';
import type { Report } from './model.js';

/** The Checks API caps output.summary at 65,535 characters. */
export const CHECK_SUMMARY_LIMIT = 65_535;
/** The Checks API takes at most 50 annotations per request; more go in follow-up updates. */
export const ANNOTATIONS_PER_REQUEST = 50;

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

export interface CheckRunContent {
  name: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

export interface CheckRunOptions {
  /** The check's name; default `canary-gate / <service>`, distinct from the workflow's job names. */
  name?: string;
  /** The policy file relative to the repository root (annotations must name a file in the repo). */
  policyPath: string;
  /** Whether the step fails for this verdict (enforce mode and the `fail-on` input). */
  stepFails: boolean;
  summaryUrl?: string;
  /** Identity of the policy, as for the comment. */
  key: string;
}

/**
 * Advisory runs and verdicts the step lets through are neutral; a verdict that fails the step is a
 * failure. (An inconclusive verdict that fails the step is a failure too: a neutral check would
 * satisfy a required status check the step itself refuses.)
 */
export function checkConclusion(report: Report, stepFails: boolean): CheckConclusion {
  if (!report.enforced) return 'neutral';
  if (stepFails) return 'failure';
  return report.verdict === 'pass' ? 'success' : 'neutral';
}

/** The check run: the comment's content as its summary, and annotations on the policy lines of failing checks. */
export function checkRunContent(report: Report, options: CheckRunOptions): CheckRunContent {
  const body = renderComment(report, { key: options.key, summaryUrl: options.summaryUrl, limit: CHECK_SUMMARY_LIMIT });
  // The hidden sticky marker means nothing in a check run.
  const summary = body.slice(body.indexOf('\n') + 1);
  const annotations: CheckAnnotation[] = [];
  for (const n of report.notices ?? []) {
    annotations.push({ path: options.policyPath, start_line: 1, end_line: 1, annotation_level: 'warning', title: n.title.slice(0, 255), message: n.message });
  }
  for (const m of report.metrics) {
    if (m.outcome === 'pass') continue;
    const blocking = (m.outcome === 'fail' || m.outcome === 'error') && m.counted && report.enforced;
    annotations.push({
      path: options.policyPath,
      start_line: m.line,
      end_line: m.line,
      annotation_level: blocking ? 'failure' : 'warning',
      title: `canary-gate: ${m.name}`.slice(0, 255),
      message: `${m.name}: ${m.outcome}${m.counted ? '' : ' (not counted)'}: ${m.reason}`.slice(0, 60_000),
    });
  }
  return {
    name: options.name || `canary-gate / ${report.policy.service}`,
    conclusion: checkConclusion(report, options.stepFails),
    title: headline(report).slice(0, 255),
    summary,
    annotations,
  };
}

/** Splits annotations into the batches the Checks API accepts. */
export function annotationBatches<T>(annotations: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < annotations.length; i += size) batches.push(annotations.slice(i, i + size));
  return batches;
}
