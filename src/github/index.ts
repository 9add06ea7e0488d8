/** The GitHub client side of the action, loaded on demand (see client.ts). */
export { createClient } from './client.js';
export { findPulls } from './pulls.js';
export { upsertStickyComment } from './sticky-comment.js';
export { publishCheckRun } from './check-run.js';
export { postDeploymentStatus } from './deployment-status.js';
export { readFileAt } from './policy-base.js';
