#!/usr/bin/env Rscript
# Reference cases for canary-gate's `judge: kayenta` (src/analysis/kayenta/classify.ts).
#
# Each case is a pair of raw series (experiment = canary, control = baseline; NaN allowed) and a
# metric's Kayenta settings. This script classifies them the way shared/KAYENTA.md §1.2-1.4
# describes NetflixACAJudge, with R itself doing the statistics Kayenta ports from R:
#   wilcox.test(experiment, control, conf.int = TRUE, exact = FALSE, correct = TRUE,
#               conf.level = 0.98)
# and writes R's interval, estimate, the effect size and the resulting label to
#   test/analysis/kayenta/kayenta-cases.json
# which test/analysis/kayenta/classify.test.ts replays through the TypeScript classifier.
#
# Run from the repository root:  Rscript scripts/reference/kayenta-cases.R
# (base R only; written and run with R 4.2.2). Cases needing Kayenta's random tie-breaking noise
# are not here: R's generator is not the classifier's, so those are tested in TypeScript alone.

CONF_LEVEL <- 0.98
TOLERANCE <- 0.25

config <- function(direction = "either", nanStrategy = "remove", outliers = "keep", factor = 3,
                   measure = "meanRatio", allowedIncrease = NULL, allowedDecrease = NULL,
                   criticalIncrease = NULL, criticalDecrease = NULL, mustHaveData = FALSE,
                   critical = FALSE) {
  neutral <- if (measure == "cles") 0.5 else 1.0
  list(direction = direction, nanStrategy = nanStrategy, outliers = outliers, factor = factor,
       measure = measure,
       allowedIncrease = if (is.null(allowedIncrease)) neutral else allowedIncrease,
       allowedDecrease = if (is.null(allowedDecrease)) neutral else allowedDecrease,
       criticalIncrease = if (is.null(criticalIncrease)) neutral else criticalIncrease,
       criticalDecrease = if (is.null(criticalDecrease)) neutral else criticalDecrease,
       mustHaveData = mustHaveData, critical = critical)
}

# §1.2: NaN strategy, then IQRDetector(factor, reduceSensitivity = TRUE) with type-7 percentiles.
transform_side <- function(v, cfg) {
  v <- if (cfg$nanStrategy == "replace") ifelse(is.nan(v), 0, v) else v[!is.nan(v)]
  if (cfg$outliers == "remove" && length(v) > 0) {
    q <- quantile(v, c(0.01, 0.25, 0.75, 0.99), type = 7, names = FALSE)
    spread <- q[3] - q[2]
    lo <- min(q[1], q[2] - cfg$factor * spread)
    hi <- max(q[4], q[3] + cfg$factor * spread)
    v <- v[!(v < lo | v > hi)]
  }
  v
}

# §1.4 (without the noise of step 4: no case here has two constant sides).
classify <- function(experiment, control, cfg) {
  e <- transform_side(experiment, cfg)
  c <- transform_side(control, cfg)
  out <- list(used = c(length(e), length(c)), r = NULL, ratio = 1, effect = NULL, bound = NULL)
  if (length(e) == 0 || length(c) == 0) {
    if (cfg$nanStrategy == "replace") return(c(out, label = "Pass", critical = FALSE, rule = "no-data"))
    if (cfg$mustHaveData && !cfg$critical) return(c(out, label = "NodataFailMetric", critical = FALSE, rule = "no-data"))
    return(c(out, label = "Nodata", critical = cfg$critical, rule = "no-data"))
  }
  if (length(e) == length(c) && all(sort(e) == sort(c))) return(c(out, label = "Pass", critical = FALSE, rule = "identical"))
  if (length(unique(c(e, c))) == 1) return(c(out, label = "Pass", critical = FALSE, rule = "single-value"))
  stopifnot(!(length(unique(e)) == 1 && length(unique(c)) == 1))

  w <- suppressWarnings(wilcox.test(e, c, conf.int = TRUE, exact = FALSE, correct = TRUE, conf.level = CONF_LEVEL))
  lower <- w$conf.int[1]
  upper <- w$conf.int[2]
  estimate <- unname(w$estimate)
  bound <- TOLERANCE * abs(estimate)
  ratio <- if (mean(e) == 0 || mean(c) == 0) NaN else mean(e) / mean(c)
  m <- length(e)
  n <- length(c)
  cles <- (2 * sum(rank(c(e, c))[seq_len(m)]) - m * (m + 1)) / (2 * n * m)
  effect <- if (cfg$measure == "cles") cles else ratio
  unsized <- is.nan(effect)

  high <- cfg$direction %in% c("increase", "either") && lower > bound && (unsized || effect >= cfg$allowedIncrease)
  low <- cfg$direction %in% c("decrease", "either") && upper < -bound && (unsized || effect <= cfg$allowedDecrease)
  label <- if (high) "High" else if (low) "Low" else "Pass"
  critical <- cfg$critical && ((high && (unsized || effect >= cfg$criticalIncrease)) ||
                               (!high && low && (unsized || effect <= cfg$criticalDecrease)))
  out$r <- c(lower = lower, upper = upper, estimate = estimate)
  out$ratio <- ratio
  out$effect <- effect
  out$bound <- bound
  c(out, label = label, critical = critical, rule = "mann-whitney")
}

cases <- list()
add <- function(name, rule, experiment, control, cfg) {
  cases[[length(cases) + 1]] <<- list(name = name, rule = rule, experiment = experiment, control = control, config = cfg)
}

# A baseline latency series with some spread (deterministic: no RNG involved).
base <- 100 + 8 * sin(seq_len(30) * 1.7) + (seq_len(30) %% 7)

add("spinnaker-6278", "§1.4 step 7 and the tolerance rule: [100×7, 1×3] vs [1×10] passes (spinnaker#6278)",
    c(rep(100, 7), rep(1, 3)), rep(1, 10), config())
add("zero-inflated-inverted-interval", "§1.3 notes: heavy ties (zero-inflated error rates) give an inverted interval (lower > upper), used as is",
    c(rep(0, 15), (1:15) * 1e-5), c(rep(0, 29), 1e-5), config())
add("endpoints", "§1.3 root(): W at an end of [μmin, μmax] already past zq returns that end (wilcox.test(1, 2:60))",
    c(1), 2:60, config())
add("high-either", "§1.4 step 7: the whole interval above +bound and ratio ≥ allowedIncrease → High",
    base * 1.3, base, config())
add("low-either", "§1.4 step 7: the whole interval below −bound and ratio ≤ allowedDecrease → Low",
    base * 0.7, base, config())
add("increase-ignored-by-decrease", "§1.4 step 7: direction decrease never gives High",
    base * 1.3, base, config(direction = "decrease"))
add("decrease-ignored-by-increase", "§1.4 step 7: direction increase never gives Low",
    base * 0.7, base, config(direction = "increase"))
add("small-shift-pass", "§1.4 step 7: an interval that does not clear ±25% of the estimate passes",
    base + c(1, -1, 2, 0, -2, 1), base, config())
add("allowed-increase-holds-back", "§1.4 step 7: significant increase but ratio 1.08 < allowedIncrease 1.1 → Pass",
    base * 1.08, base, config(allowedIncrease = 1.1))
add("allowed-increase-reached", "§1.4 step 7: the same data with the default allowedIncrease 1.0 → High",
    base * 1.08, base, config())
add("allowed-decrease-holds-back", "§1.4 step 7: significant decrease but ratio 0.92 > allowedDecrease 0.9 → Pass",
    base * 0.92, base, config(allowedDecrease = 0.9))
add("allowed-decrease-reached", "§1.4 step 7: the same data with allowedDecrease 0.95 → Low",
    base * 0.92, base, config(allowedDecrease = 0.95))
add("critical-high", "§1.4 step 8: critical metric, High with ratio ≥ criticalIncrease → High, critical",
    base * 1.6, base, config(critical = TRUE, allowedIncrease = 1.1, criticalIncrease = 1.5))
add("critical-high-below-gate", "§1.4 step 8: critical metric, High below criticalIncrease → an ordinary High",
    base * 1.3, base, config(critical = TRUE, allowedIncrease = 1.1, criticalIncrease = 1.5))
add("critical-low", "§1.4 step 8: critical metric, Low with ratio ≤ criticalDecrease → Low, critical",
    base * 0.4, base, config(critical = TRUE, criticalDecrease = 0.5))
add("critical-low-above-gate", "§1.4 step 8: critical metric, Low above criticalDecrease → an ordinary Low",
    base * 0.7, base, config(critical = TRUE, criticalDecrease = 0.5))
add("mean-ratio-nan-control-zero", "§1.4 step 6: control mean 0 → ratio NaN, which does not hold High back (allowedIncrease 10)",
    10:39, rep(0, 30), config(allowedIncrease = 10))
add("mean-ratio-nan-experiment-zero", "§1.4 step 6: experiment mean 0 → ratio NaN, which does not hold Low back (allowedDecrease 0.01)",
    rep(0, 30), 10:39, config(allowedDecrease = 0.01))
add("cles-high", "§1.1 / step 6: CLES effect size with its default gate 0.5 → High",
    base * 1.3, base, config(measure = "cles"))
add("cles-holds-back", "§1.1 / step 6: significant increase but CLES 0.79 < allowedIncrease 0.85 → Pass",
    base + 8, base, config(measure = "cles", allowedIncrease = 0.85))
add("nan-remove", "§1.2 NaN remove: NaNs dropped before judging",
    c(base[1:10] * 1.3, NaN, NaN, base[11:30] * 1.3), c(NaN, base), config())
add("nan-remove-sparse", "§1.2 NaN remove: 8 values left against 30 → no significant change → Pass",
    c(base[1:8], rep(NaN, 22)), base, config())
add("nan-replace-sparse", "§1.2 NaN replace: the same data with NaN := 0 drags the canary down → Low",
    c(base[1:8], rep(NaN, 22)), base, config(nanStrategy = "replace"))
add("nan-replace-all-nan", "§1.2 NaN replace: an all-NaN side becomes zeros and is judged (ratio NaN: mean 0)",
    rep(NaN, 30), base, config(nanStrategy = "replace"))
add("outliers-keep", "§1.2 outliers keep (default): one spike lifts the mean ratio past allowedIncrease 1.2 → High",
    c(base * 1.15, 5000), base, config(allowedIncrease = 1.2))
add("outliers-remove", "§1.2 outliers remove: the spike is above max(P99, Q3 + 3·IQR) and dropped; ratio 1.15 < 1.2 → Pass",
    c(base * 1.15, 5000), base, config(allowedIncrease = 1.2, outliers = "remove"))
add("outliers-remove-p99", "§1.2 reduceSensitivity: of three spikes in 33 values only the one above P99 goes",
    c(base * 1.15, 5000, 6000, 7000), base, config(allowedIncrease = 1.2, outliers = "remove"))
add("outliers-factor-3", "§1.2 outlierFactor 3 (default): 135 and 65 are inside the fences and kept",
    c(base, 135, 65), base, config(outliers = "remove"))
add("outliers-factor-0.5", "§1.2 outlierFactor 0.5: both go, leaving data identical to the control → Pass",
    c(base, 135, 65), base, config(outliers = "remove", factor = 0.5))
add("nodata-remove", "§1.4 step 1: an empty side under nanStrategy remove → Nodata",
    c(NaN, NaN), base, config())
add("nodata-must-have-data", "§1.4 step 1: mustHaveData → NodataFailMetric",
    numeric(0), base, config(mustHaveData = TRUE))
add("nodata-critical-must-have-data", "§1.4 step 1: mustHaveData on a critical metric → Nodata, critical",
    base, numeric(0), config(mustHaveData = TRUE, critical = TRUE))
add("nodata-replace", "§1.4 step 1: an empty side under nanStrategy replace → Pass",
    numeric(0), base, config(nanStrategy = "replace"))
add("identical", "§1.4 step 2: the same values in another order → Pass",
    rev(base), base, config())
add("single-value", "§1.4 step 3: one distinct value over both sides → Pass",
    rep(5, 3), rep(5, 8), config())
add("ties-heavy", "§1.3: heavily tied integer counts",
    c(rep(0, 12), rep(1, 10), rep(2, 6), 3, 3), c(rep(0, 20), rep(1, 8), 2, 2), config())

# ---- JSON output (base R has no JSON writer) -------------------------------------------------
num <- function(v) {
  if (is.null(v) || length(v) == 0) return("null")
  if (is.nan(v)) return("\"NaN\"")
  if (is.infinite(v)) return(if (v > 0) "\"Infinity\"" else "\"-Infinity\"")
  sprintf("%.17g", v)
}
nums <- function(v) paste0("[", paste(vapply(v, num, ""), collapse = ", "), "]")
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")
bool <- function(b) if (isTRUE(b)) "true" else "false"

entries <- vapply(cases, function(case) {
  cfg <- case$config
  res <- classify(case$experiment, case$control, cfg)
  r <- if (is.null(res$r)) "null" else sprintf("{\"lower\": %s, \"upper\": %s, \"estimate\": %s}",
                                               num(res$r[["lower"]]), num(res$r[["upper"]]), num(res$r[["estimate"]]))
  paste0(
    "    {\n",
    "      \"name\": ", str(case$name), ",\n",
    "      \"rule\": ", str(case$rule), ",\n",
    "      \"experiment\": ", nums(case$experiment), ",\n",
    "      \"control\": ", nums(case$control), ",\n",
    "      \"config\": {\"direction\": ", str(cfg$direction), ", \"nanStrategy\": ", str(cfg$nanStrategy),
    ", \"outliers\": {\"strategy\": ", str(cfg$outliers), ", \"factor\": ", num(cfg$factor), "}",
    ", \"effectSize\": {\"measure\": ", str(cfg$measure), ", \"allowedIncrease\": ", num(cfg$allowedIncrease),
    ", \"allowedDecrease\": ", num(cfg$allowedDecrease), ", \"criticalIncrease\": ", num(cfg$criticalIncrease),
    ", \"criticalDecrease\": ", num(cfg$criticalDecrease), "}",
    ", \"mustHaveData\": ", bool(cfg$mustHaveData), ", \"critical\": ", bool(cfg$critical), "},\n",
    "      \"r\": ", r, ",\n",
    "      \"expected\": {\"label\": ", str(res$label), ", \"critical\": ", bool(res$critical),
    ", \"rule\": ", str(res$rule), ", \"ratio\": ", num(res$ratio), ", \"effect\": ", num(res$effect),
    ", \"bound\": ", num(res$bound), ", \"used\": ", nums(res$used), "}\n",
    "    }")
}, "")

out <- paste0(
  "{\n",
  "  \"generator\": \"scripts/reference/kayenta-cases.R\",\n",
  "  \"r\": ", str(R.version.string), ",\n",
  "  \"call\": \"wilcox.test(experiment, control, conf.int = TRUE, exact = FALSE, correct = TRUE, conf.level = 0.98)\",\n",
  "  \"note\": \"NaN and infinities are strings; r is null when the classifier stops before Mann-Whitney\",\n",
  "  \"cases\": [\n", paste(entries, collapse = ",\n"), "\n  ]\n}\n")
writeLines(out, "test/analysis/kayenta/kayenta-cases.json", sep = "")
cat("wrote", length(cases), "cases to test/analysis/kayenta/kayenta-cases.json\n")
