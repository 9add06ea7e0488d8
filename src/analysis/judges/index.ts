import { relativeJudge } from './relative.js';
import type { Judge } from './types.js';

export type { Judge, JudgeInput, JudgeResult, SideValues } from './types.js';

/** Judges by `compare.test` name; statistical tests register here. */
export const judges: Record<string, Judge> = {
  relative: relativeJudge,
};
