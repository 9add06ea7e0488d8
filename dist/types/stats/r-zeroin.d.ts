/**
 * R's uniroot as wilcox.test and fisher.test use it, ported operation for operation so that interval
 * bounds found by root finding agree with R's to its printed digits.
 */
/** Brent's root finder exactly as R's R_zeroin2 (stats/src/zeroin.c); fa = f(ax), fb = f(bx). */
export declare function rZeroin2(f: (x: number) => number, ax: number, bx: number, fa: number, fb: number, tol: number, maxit?: number): number;
