import type { OnError } from '../policy/types.js';
import type { CheckReport } from '../report/model.js';

/**
 * A failed query (timeout, refused, HTTP error, unreadable answer, series for another scope) as a
 * check: an error that fails closed, unless the policy's `on-error` explicitly says otherwise.
 */
export function queryErrorCheck(reason: string, onError: OnError = 'fail'): { check: CheckReport; ignored: boolean } {
  switch (onError) {
    case 'fail':
      return { check: { type: 'data', outcome: 'error', reason }, ignored: false };
    case 'inconclusive':
      return { check: { type: 'data', outcome: 'inconclusive', reason: `${reason} (on-error: inconclusive)` }, ignored: false };
    case 'pass':
      return { check: { type: 'data', outcome: 'pass', reason: `${reason}; accepted by on-error: pass` }, ignored: false };
    case 'ignore':
      return { check: { type: 'data', outcome: 'inconclusive', reason: `${reason}; not counted (on-error: ignore)` }, ignored: true };
  }
}
