import type { CompareTest } from '../../policy/types.js';
import { fisherJudge, poissonJudge, proportionsJudge } from './counts.js';
import { relativeJudge } from './relative.js';
import { mannWhitneyJudge, welchJudge } from './samples.js';
import type { Judge } from './types.js';

export type { Judge, JudgeInput, JudgeResult, SideValues } from './types.js';

/** Judges by `compare.test` name (`none` never reaches a judge). */
export const judges: Record<Exclude<CompareTest, 'none'>, Judge> = {
  relative: relativeJudge,
  poisson: poissonJudge,
  fisher: fisherJudge,
  proportions: proportionsJudge,
  'mann-whitney': mannWhitneyJudge,
  welch: welchJudge,
};
