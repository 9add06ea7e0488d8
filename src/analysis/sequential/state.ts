import type { Effect } from '../judges/decision.js';

/**
 * What a sequential test carries from one look to the next, per metric: the running minimum of
 * the always-valid p-value and the running intersection of the confidence sequence. Both stay
 * valid (a confidence sequence holds at every look at once, so its intersection does too) and
 * make the result monotone: an interval that cleared a tolerance never straddles it again.
 */
export interface SequentialMemory {
  scale: Effect['scale'];
  lower: number;
  upper: number;
  pValue: number;
  looks: number;
}

export class SequentialState {
  private readonly memory = new Map<string, SequentialMemory>();

  /**
   * Folds this look's interval and p-value into the metric's memory and returns the running
   * ones. A change of scale (a side turned non-positive) starts afresh; an empty intersection —
   * possible only when the model's assumptions fail, e.g. a traffic split that moved — falls back
   * to this look's interval rather than claiming certainty.
   */
  fold(metric: string, effect: Effect, pValue: number | null): { effect: Effect; pValue: number | null; intersected: boolean } {
    const previous = this.memory.get(metric);
    let lower = effect.lower;
    let upper = effect.upper;
    let p = pValue ?? 1;
    let intersected = false;
    if (previous && previous.scale === effect.scale) {
      const lo = Math.max(lower, previous.lower);
      const hi = Math.min(upper, previous.upper);
      if (lo <= hi) {
        intersected = lo !== lower || hi !== upper;
        lower = lo;
        upper = hi;
      }
      p = Math.min(p, previous.pValue);
    }
    this.memory.set(metric, { scale: effect.scale, lower, upper, pValue: p, looks: (previous?.looks ?? 0) + 1 });
    return { effect: { ...effect, lower, upper }, pValue: pValue === null ? null : p, intersected };
  }
}
