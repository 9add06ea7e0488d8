/**
 * canary-gate/stats — the statistics behind the gate, usable on their own. Pure functions, no
 * I/O; canary is R's `x` and baseline R's `y` throughout. Every function is checked against R
 * 4.2 / scipy reference values in the test suite (test/stats/).
 *
 * Distributions: normal, Student t, beta, binomial. Tests: Mann-Whitney (exact, exact
 * conditional with ties, asymptotic), Hodges-Lehmann shift and interval (R-compatible; large
 * samples without enumerating pairwise differences), Welch and pooled t, two-proportion z and
 * prop.test, Fisher exact, Poisson rate ratio. Effect sizes, quantiles (R type 7), robust scale
 * and outlier filters, multiple-testing adjustment, sample sizes, autocorrelation.
 *
 * Anytime-valid (sequential) tests, for looking at the data again and again without inflating
 * false alarms: the Poisson mixture test of Lindon & Malek (2022) and its rate-ratio confidence
 * sequence, the normal-mixture SPRT (mSPRT) with its confidence sequence, Howard et al.'s
 * normal-mixture boundary, a time-uniform quantile confidence sequence, always-valid p-values.
 */
export { normalCdf, normalSf, normalPdf, normalQuantile } from './normal.js';
export { studentTCdf, studentTSf, studentTTwoSided, studentTQuantile, studentTPdf } from './student-t.js';
export { logGamma, logBeta, regularizedIncompleteBeta, regularizedIncompleteBetaComplement, betaPdf, betaQuantile, betaQuantileComplement, } from './beta.js';
export { binomialPmf, binomialCdf, binomialSf, clopperPearson, wilsonInterval, type ProportionInterval } from './binomial.js';
export { quantile, quantiles, quantileSorted, median, iqr } from './quantile.js';
export { mad, removeOutliersIqr, removeOutliersMad, type OutlierFilterResult } from './robust.js';
export { adjustPValues, type PAdjustMethod } from './multiple-testing.js';
export { midRanks, tieTerm, twoSampleRanks } from './ranks.js';
export { mannWhitney, pwilcox, qwilcox, type Alternative, type MannWhitneyOptions, type MannWhitneyResult, } from './mann-whitney.js';
export { hodgesLehmann, hodgesLehmannRatio, mannWhitneyHodgesLehmann, type MannWhitneyHodgesLehmannOptions, type MannWhitneyHodgesLehmannResult, type HodgesLehmannOptions, type HodgesLehmannResult, type HodgesLehmannRatioResult, } from './hodges-lehmann.js';
export { kthPairwiseDifference } from './pairwise-differences.js';
export { welchTTest, pooledTTest, type TTestOptions, type TTestResult } from './welch.js';
export { twoProportionZ, propTestYates, type TwoProportionResult, type PropTestResult } from './proportions.js';
export { fisherExact, type FisherResult } from './fisher.js';
export { poissonRateRatio, binomialTwoSided, type RateRatioResult } from './poisson-rate.js';
export { meanRatio, cles, relativeRisk, type RelativeRiskResult } from './effect-size.js';
export { sampleSizeTwoProportions, poissonEventsNeeded } from './sample-size.js';
export { sampleSizeMannWhitney } from './sample-size-mw.js';
export { mulberry32 } from './seeded-random.js';
export { lag1Autocorrelation, varianceInflation, type VarianceInflation } from './autocorrelation.js';
export { poissonMixtureLogBayesFactor, type PoissonMixtureOptions } from './poisson-mixture.js';
export { poissonMixtureRateRatioInterval, type PoissonMixtureIntervalOptions } from './poisson-mixture-interval.js';
export { alwaysValidPValues } from './always-valid-p.js';
export { normalMixtureSprt, type NormalMixtureSprtResult } from './normal-mixture-sprt.js';
export { proportionsMsprt, type ProportionsMsprtResult } from './proportions-msprt.js';
export { normalMixtureBoundary, normalMixtureRho } from './normal-mixture-boundary.js';
export { quantileConfidenceSequence, type QuantileConfidenceSequence, type QuantileConfidenceSequenceOptions, } from './quantile-confidence-sequence.js';
