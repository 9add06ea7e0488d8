import type { Report } from '../report/model.js';

export const EXIT = { pass: 0, fail: 1, undecided: 2, usage: 3 } as const;

export interface ExitPolicy {
  warn: number;
  inconclusive: number;
}

/** 0 pass, 1 fail, 2 warn or inconclusive (configurable); advisory mode never fails. */
export function exitCodeFor(report: Report, codes: ExitPolicy = { warn: EXIT.undecided, inconclusive: EXIT.undecided }): number {
  if (!report.enforced) return EXIT.pass;
  switch (report.verdict) {
    case 'pass':
      return EXIT.pass;
    case 'fail':
      return EXIT.fail;
    case 'warn':
      return codes.warn;
    case 'inconclusive':
      return codes.inconclusive;
  }
}
