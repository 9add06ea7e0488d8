import { headline } from '../report/rows.js';
import type { Report } from '../report/model.js';

/** The deployment's state follows the step: a verdict that fails the step fails the deployment. */
export function deploymentState(stepFails: boolean): 'success' | 'failure' {
  return stepFails ? 'failure' : 'success';
}

/** GitHub caps a deployment status description at 140 characters. */
export function deploymentDescription(report: Report): string {
  const text = `canary-gate: ${headline(report)}`;
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}
