import type { CompareSpec, MetricSpec } from '../../policy/types.js';
import type { CheckOutcome, ComparisonDetail } from '../../report/model.js';

/** One side of a comparison, reduced to what judges need. */
export interface SideValues {
  /** The aggregate (or the summed ratio). */
  value: number;
  /** Finite samples in time order. */
  samples: readonly number[];
  /** Ratio metrics: counts summed over the window. */
  errors?: number;
  total?: number;
}

export interface JudgeInput {
  metric: MetricSpec;
  spec: CompareSpec;
  canary: SideValues;
  baseline: SideValues;
}

export interface JudgeResult {
  outcome: CheckOutcome;
  reason: string;
  detail: ComparisonDetail;
}

/** A comparison of canary with baseline; `compare.test` in the policy picks one by name. */
export type Judge = (input: JudgeInput) => JudgeResult;
