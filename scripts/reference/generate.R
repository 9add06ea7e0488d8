#!/usr/bin/env Rscript
# =================================================================================================
# scripts/reference/generate.R — R reference values for canary-gate's statistics (src/stats/)
# =================================================================================================
#
# What: computes seeded, deterministic test vectors with R's own implementations and writes them,
#   inputs and outputs, to test/stats/extra/r-reference.json. test/stats/extra/r-reference.test.ts
#   reads that JSON and checks our functions against it; the tests never run R.
#   Covered (canary is R's x / the first row of a 2x2 table, baseline is y / the second row):
#   - wilcox.test: random sample pairs of sizes 3..60 and 200..400, with and without ties, shifted
#     and not; W and p for all three alternatives, exact (no ties) and asymptotic (with and without
#     continuity correction); conf.int at 0.95 and 0.98 (estimate and interval, exact and
#     asymptotic), plus R's asymptotic bounds snapped to the nearest pairwise difference and the
#     exact sign change ("jump") of R's own W(d) − z_q that uniroot approximates to within 1e-4.
#   - coin::wilcox_test(distribution = "exact"): exact conditional p (with ties), if coin is installed.
#   - t.test Welch and pooled: t, df, p, estimate, interval, three alternatives, several levels.
#   - fisher.test and poisson.test on 2x2 tables (zeros, 1e6 totals), three alternatives, intervals.
#   - binom.test (p and Clopper-Pearson bounds), prop.test two-sample with and without Yates,
#     one-sample prop.test(correct = FALSE) (Wilson bounds).
#   - pnorm/qnorm (both tails, far tails), pt/qt, pbeta/qbeta, pbinom/dbinom, p.adjust (all
#     methods but hommel, ties, NA, n > length), quantile(type = 7), mad, power.prop.test.
#
# How to run (from the repository root; Debian: apt-get install r-base-core r-cran-coin):
#     Rscript scripts/reference/generate.R [output.json]
#   Default output: test/stats/extra/r-reference.json. Deterministic: the same R (and coin)
#   version gives a byte-identical file. Takes about 10 seconds. scipy is not needed.
#
# R version used for the committed JSON: R 4.2.2 Patched (2022-11-10 r83330), coin 1.4.2
#   (Debian bookworm r-base-core / r-cran-coin); recorded in the JSON's `generated_by`.
#
# Number format: every number is written with sprintf("%.17g"), which identifies the double
#   exactly (JSON.parse gives back the same bits); integers print as integers. Non-finite values
#   are strings "Infinity", "-Infinity", "NaN"; NA is null. Only base R (and optionally coin) is
#   needed: the JSON writer is below, because jsonlite 1.8 rounds to 15 significant digits.
# =================================================================================================

suppressWarnings(RNGversion("4.2.0")) # Mersenne-Twister, Inversion, Rejection
set.seed(20250614)

args <- commandArgs(trailingOnly = TRUE)
out_path <- if (length(args) >= 1) args[[1]] else "test/stats/extra/r-reference.json"
have_coin <- requireNamespace("coin", quietly = TRUE)

# ------------------------------------------------------------------------------------------------
# Minimal exact JSON writer
# ------------------------------------------------------------------------------------------------
arr <- function(x) structure(x, class = "json_array") # force an array even for length 1

num1 <- function(x) {
  if (is.na(x) && !is.nan(x)) return("null")
  if (is.nan(x)) return("\"NaN\"")
  if (is.infinite(x)) return(if (x > 0) "\"Infinity\"" else "\"-Infinity\"")
  sprintf("%.17g", x) # always 17 digits: glibc prints the exact rounding, so any correct parser gets x back
}
str1 <- function(s) paste0("\"", gsub("([\"\\\\])", "\\\\\\1", s), "\"")

to_json <- function(v, depth = 0) {
  forced <- inherits(v, "json_array")
  if (forced) v <- unclass(v)
  if (is.null(v)) return("null")
  if (is.list(v)) {
    # containers of containers break lines; a leaf object or array (one case) stays on one line
    nl <- any(vapply(v, function(e) is.list(e) && !inherits(e, "json_array"), TRUE))
    sep <- if (nl) paste0(",\n", strrep("  ", depth + 1)) else ","
    open_pad <- if (nl) paste0("\n", strrep("  ", depth + 1)) else ""
    close_pad <- if (nl) paste0("\n", strrep("  ", depth)) else ""
    if (!is.null(names(v))) {
      items <- mapply(function(k, x) paste0(str1(k), ":", to_json(x, depth + 1)), names(v), v, USE.NAMES = FALSE)
      if (length(items) == 0) return("{}")
      return(paste0("{", open_pad, paste(items, collapse = sep), close_pad, "}"))
    }
    items <- vapply(v, to_json, "", depth = depth + 1)
    if (length(items) == 0) return("[]")
    return(paste0("[", open_pad, paste(items, collapse = sep), close_pad, "]"))
  }
  one <- function(x) {
    if (is.logical(x)) return(if (is.na(x)) "null" else if (x) "true" else "false")
    if (is.character(x)) return(str1(x))
    num1(as.numeric(x))
  }
  items <- vapply(seq_along(v), function(i) one(v[[i]]), "")
  if (length(v) == 1 && !forced) return(items)
  paste0("[", paste(items, collapse = ","), "]")
}

alts <- c("two.sided", "greater", "less")
quiet <- function(expr) suppressWarnings(expr)
try_or_null <- function(expr) tryCatch(expr, error = function(e) NULL)

# ------------------------------------------------------------------------------------------------
# wilcox.test / Hodges-Lehmann / coin
# ------------------------------------------------------------------------------------------------
gen <- function(kind, n, shift) {
  switch(kind,
    normal = rnorm(n, shift),
    lognormal = exp(rnorm(n, log(100) + shift, 0.5)),
    rounded = round(rnorm(n, shift), 1),
    integer = sample.int(6, n, replace = TRUE) + round(shift),
    latency_ms = round(exp(rnorm(n, 4 + shift, 0.3))),
    zero_inflated = ifelse(runif(n) < 0.6, 0, round(rexp(n) * 10 * exp(shift), 1)),
    uniform = runif(n) + shift,
    stop("unknown kind ", kind)
  )
}

# m, n, kind, shift (canary gets the shift)
specs <- list(
  list(3, 3, "normal", 0), list(3, 7, "normal", 1), list(4, 5, "uniform", 0.2), list(5, 5, "normal", 3),
  list(6, 9, "lognormal", 0.3), list(8, 8, "rounded", 0.5), list(10, 5, "normal", 0.4), list(12, 15, "lognormal", -0.2),
  list(15, 12, "integer", 1), list(20, 20, "normal", 0), list(25, 30, "rounded", 0.3), list(30, 25, "uniform", -0.1),
  list(40, 45, "lognormal", 0.1), list(49, 49, "normal", 0.5), list(50, 50, "integer", 0), list(60, 55, "normal", -0.3),
  list(55, 60, "latency_ms", 0.05), list(7, 40, "normal", 0.8), list(40, 7, "zero_inflated", 0.5), list(60, 60, "rounded", 0),
  list(4, 4, "integer", 0), list(9, 11, "zero_inflated", 0), list(33, 17, "latency_ms", 0.1), list(3, 60, "uniform", 0.5),
  list(200, 250, "normal", 0.15), list(300, 400, "lognormal", 0.05), list(400, 300, "latency_ms", 0.02), list(250, 200, "zero_inflated", 0.2)
)

nearest_diff <- function(diffs, v) {
  if (!is.finite(v)) return(v)
  d <- abs(diffs - v)
  diffs[which(d == min(d))[1]] # sorted diffs: the smaller one on a tie of distances
}

# R's W(d) of wilcox.test.default (two-sample, asymptotic conf.int; R 4.2, digits.rank = Inf)
r_W <- function(d, x, y, correct, alternative) {
  n.x <- length(x); n.y <- length(y)
  dr <- rank(c(x - d, y))
  NTIES.CI <- table(dr)
  dz <- sum(dr[seq_along(x)]) - n.x * (n.x + 1) / 2 - n.x * n.y / 2
  CORRECTION.CI <- if (correct) switch(alternative, two.sided = sign(dz) * 0.5, greater = 0.5, less = -0.5) else 0
  SIGMA.CI <- sqrt((n.x * n.y / 12) * ((n.x + n.y + 1) - sum(NTIES.CI^3 - NTIES.CI) / ((n.x + n.y) * (n.x + n.y - 1))))
  (dz - CORRECTION.CI) / SIGMA.CI
}

# Where the step function W(d) - zq changes sign, located exactly: a pairwise difference u_k with
# W - zq > 0 just below it and <= 0 just above it (bisection over the midpoints of the sorted
# distinct differences; W is non-increasing in d when there are no ties). R's uniroot only gets
# within tol = 1e-4 of this point, so "snapped to the nearest difference" can be a neighbour when
# differences are closer than that. NA for an infinite bound.
jump_of <- function(u, zq, x, y, correct, alternative) {
  f <- function(k) r_W(u[k] + (u[k + 1] - u[k]) / 2, x, y, correct, alternative) - zq # midpoint k, 1 <= k < K
  K <- length(u)
  if (K == 1 || f(1) <= 0) return(u[1])
  if (f(K - 1) > 0) return(u[K])
  lo <- 1; hi <- K - 1 # f(lo) > 0, f(hi) <= 0
  while (hi - lo > 1) {
    mid <- (lo + hi) %/% 2
    if (f(mid) > 0) lo <- mid else hi <- mid
  }
  u[hi]
}

coin_p <- function(x, y, alternative) {
  g <- factor(rep(c("canary", "baseline"), c(length(x), length(y))), levels = c("canary", "baseline"))
  d <- data.frame(v = c(x, y), g = g)
  t <- coin::wilcox_test(v ~ g, data = d, distribution = "exact", alternative = alternative)
  as.numeric(coin::pvalue(t))
}

wilcox_samples <- list()
wilcox_tests <- list()
wilcox_ci <- list()
coin_cases <- list()
for (i in seq_along(specs)) {
  s <- specs[[i]]
  m <- s[[1]]; n <- s[[2]]; kind <- s[[3]]; shift <- s[[4]]
  x <- gen(kind, m, shift)
  y <- gen(kind, n, 0)
  ties <- length(unique(c(x, y))) < m + n
  id <- sprintf("w%02d_%s_%dx%d", i, kind, m, n)
  wilcox_samples[[length(wilcox_samples) + 1]] <- list(id = id, kind = kind, shift = shift, ties = ties, x = arr(x), y = arr(y))
  small <- m <= 60 && n <= 60
  for (alt in alts) {
    for (correct in c(TRUE, FALSE)) {
      r <- quiet(wilcox.test(x, y, alternative = alt, exact = FALSE, correct = correct))
      wilcox_tests[[length(wilcox_tests) + 1]] <- list(sample = id, alternative = alt, exact = FALSE, correct = correct,
        W = unname(r$statistic), p = r$p.value)
    }
    if (small && !ties) {
      r <- wilcox.test(x, y, alternative = alt, exact = TRUE)
      wilcox_tests[[length(wilcox_tests) + 1]] <- list(sample = id, alternative = alt, exact = TRUE, correct = NA,
        W = unname(r$statistic), p = r$p.value)
    }
    if (have_coin && small) {
      coin_cases[[length(coin_cases) + 1]] <- list(sample = id, alternative = alt, ties = ties, p = coin_p(x, y, alt))
    }
  }
  diffs <- sort(outer(x, y, "-"))
  udiffs <- unique(diffs)
  for (alt in alts) {
    for (level in c(0.95, 0.98)) {
      if (small && !ties) {
        r <- quiet(wilcox.test(x, y, alternative = alt, exact = TRUE, conf.int = TRUE, conf.level = level))
        wilcox_ci[[length(wilcox_ci) + 1]] <- list(sample = id, alternative = alt, conf_level = level, exact = TRUE, correct = NA,
          estimate = unname(r$estimate), lower = r$conf.int[1], upper = r$conf.int[2])
      }
      for (correct in if (level == 0.95) c(TRUE, FALSE) else TRUE) {
        r <- try_or_null(quiet(wilcox.test(x, y, alternative = alt, exact = FALSE, correct = correct, conf.int = TRUE, conf.level = level)))
        if (is.null(r)) next
        wilcox_ci[[length(wilcox_ci) + 1]] <- list(sample = id, alternative = alt, conf_level = level, exact = FALSE, correct = correct,
          estimate = unname(r$estimate), lower = r$conf.int[1], upper = r$conf.int[2],
          lower_snapped = nearest_diff(diffs, r$conf.int[1]), upper_snapped = nearest_diff(diffs, r$conf.int[2]),
          median_diff = median(diffs),
          lower_jump = if (alt == "less") -Inf else jump_of(udiffs, qnorm(if (alt == "two.sided") (1 - level) / 2 else 1 - level, lower.tail = FALSE), x, y, correct, alt),
          upper_jump = if (alt == "greater") Inf else jump_of(udiffs, qnorm(if (alt == "two.sided") (1 - level) / 2 else 1 - level), x, y, correct, alt))
      }
    }
  }
}

# ------------------------------------------------------------------------------------------------
# t.test, Welch and pooled
# ------------------------------------------------------------------------------------------------
t_samples <- list()
t_cases <- list()
t_specs <- list(
  list(2, 2, 1, 1, 0), list(2, 5, 1, 3, 1), list(3, 3, 1, 1, 2), list(5, 8, 2, 0.5, 0.3), list(10, 10, 1, 1, 0),
  list(10, 30, 1, 4, -1), list(30, 10, 4, 1, 1), list(25, 25, 10, 10, 3), list(50, 60, 1, 1.2, 0.2), list(100, 100, 5, 5, 0.5),
  list(200, 150, 2, 3, -0.1), list(7, 200, 1, 0.1, 0.05), list(15, 16, 1e-3, 2e-3, 1e-3), list(40, 41, 1e4, 2e4, 5e3),
  list(12, 12, 1, 1, 5), list(6, 4, 3, 0.2, -2), list(80, 20, 0.5, 2, 0.25), list(3, 100, 1, 1, 0.7),
  list(20, 20, 1, 1, 0.01), list(33, 44, 50, 60, 200), list(150, 200, 1, 1, 0.4), list(9, 9, 1, 1e-2, 0)
)
for (i in seq_along(t_specs)) {
  s <- t_specs[[i]]
  x <- round(rnorm(s[[1]], 100 + s[[5]], s[[3]]), 6)
  y <- round(rnorm(s[[2]], 100, s[[4]]), 6)
  id <- sprintf("t%02d_%dx%d", i, s[[1]], s[[2]])
  t_samples[[length(t_samples) + 1]] <- list(id = id, x = arr(x), y = arr(y))
  for (var_equal in c(FALSE, TRUE)) for (alt in alts) for (level in c(0.9, 0.95, 0.99)) {
    if (level != 0.95 && i %% 3 != 0) next
    r <- t.test(x, y, alternative = alt, var.equal = var_equal, conf.level = level)
    t_cases[[length(t_cases) + 1]] <- list(sample = id, var_equal = var_equal, alternative = alt, conf_level = level,
      t = unname(r$statistic), df = unname(r$parameter), p = r$p.value, lower = r$conf.int[1], upper = r$conf.int[2],
      mean_x = unname(r$estimate[1]), mean_y = unname(r$estimate[2]), stderr = r$stderr)
  }
}

# ------------------------------------------------------------------------------------------------
# 2x2 tables: fisher.test, poisson.test, prop.test (canary = first row / x)
# ------------------------------------------------------------------------------------------------
tables <- list(
  c(12, 10000, 4, 10000), c(0, 50, 5, 50), c(5, 50, 0, 50), c(0, 1000, 0, 1000), c(20, 20, 0, 20),
  c(3, 20, 17, 20), c(1, 1e6, 0, 1e6), c(120, 1e6, 100, 1e6), c(1500, 1e6, 1000, 1e6), c(1000, 1e6, 1000, 1e6),
  c(7, 1e6, 30, 1e6), c(50, 5e5, 80, 1e6), c(999, 1000, 990, 1000), c(1, 2, 1, 2), c(2, 5, 3, 7),
  c(0, 1e6, 3, 1e6), c(4, 1e6, 0, 5e5), c(20000, 1e6, 19500, 1e6), c(10, 10, 9, 10), c(1, 10, 0, 1000)
)
for (k in 1:8) {
  n1 <- sample(c(30, 200, 1000, 5000, 1e5, 1e6), 1)
  n2 <- sample(c(30, 200, 1000, 5000, 1e5, 1e6), 1)
  p <- sample(c(0.001, 0.01, 0.05, 0.2, 0.5), 1)
  tables[[length(tables) + 1]] <- c(rbinom(1, n1, p * runif(1, 0.8, 1.6)), n1, rbinom(1, n2, p), n2)
}
fisher_cases <- list()
poisson_cases <- list()
prop2_cases <- list()
for (tb in tables) {
  ce <- tb[1]; ct <- tb[2]; be <- tb[3]; bt <- tb[4]
  mat <- matrix(c(ce, ct - ce, be, bt - be), nrow = 2, byrow = TRUE)
  base <- list(canary_errors = ce, canary_total = ct, baseline_errors = be, baseline_total = bt)
  for (level in c(0.95, 0.99)) {
    r <- fisher.test(mat, conf.level = level)
    pg <- fisher.test(mat, alternative = "greater", conf.int = FALSE)$p.value
    pl <- fisher.test(mat, alternative = "less", conf.int = FALSE)$p.value
    fisher_cases[[length(fisher_cases) + 1]] <- c(base, list(conf_level = level, p_two_sided = r$p.value, p_greater = pg, p_less = pl,
      odds_ratio = unname(r$estimate), lower = r$conf.int[1], upper = r$conf.int[2]))
    if (ce + be > 0) {
      r <- poisson.test(c(ce, be), c(ct, bt), conf.level = level)
      pg <- poisson.test(c(ce, be), c(ct, bt), alternative = "greater")$p.value
      pl <- poisson.test(c(ce, be), c(ct, bt), alternative = "less")$p.value
      poisson_cases[[length(poisson_cases) + 1]] <- c(base, list(conf_level = level, p_two_sided = r$p.value, p_greater = pg, p_less = pl,
        rate_ratio = unname(r$estimate), lower = r$conf.int[1], upper = r$conf.int[2]))
    }
  }
  pooled <- (ce + be) / (ct + bt)
  if (pooled > 0 && pooled < 1) {
    for (correct in c(TRUE, FALSE)) for (level in c(0.9, 0.95)) {
      r <- quiet(prop.test(c(ce, be), c(ct, bt), correct = correct, conf.level = level))
      pg <- quiet(prop.test(c(ce, be), c(ct, bt), correct = correct, alternative = "greater"))$p.value
      pl <- quiet(prop.test(c(ce, be), c(ct, bt), correct = correct, alternative = "less"))$p.value
      prop2_cases[[length(prop2_cases) + 1]] <- c(base, list(correct = correct, conf_level = level, chisq = unname(r$statistic),
        p_two_sided = r$p.value, p_greater = pg, p_less = pl, lower = r$conf.int[1], upper = r$conf.int[2]))
    }
  }
}

# ------------------------------------------------------------------------------------------------
# binom.test and one-sample prop.test(correct = FALSE) (Wilson)
# ------------------------------------------------------------------------------------------------
binom_inputs <- list(
  c(0, 10, 0.1), c(10, 10, 0.5), c(1, 10, 0.5), c(3, 20, 0.05), c(12, 10000, 0.001), c(0, 1e6, 1e-6),
  c(1, 1e6, 1e-6), c(30, 5000, 0.005), c(999, 1000, 0.99), c(500, 1000, 0.5), c(7, 7, 0.9), c(1, 1, 0.5),
  c(150, 1e5, 0.001), c(0, 1, 0.3), c(40, 1e6, 2e-5), c(2, 3, 0.2), c(55, 100, 0.6), c(1e5, 1e6, 0.1),
  c(4, 1e4, 2e-4), c(17, 250, 0.1)
)
for (k in 1:6) {
  n <- sample(c(5, 50, 500, 5000, 1e6), 1)
  p0 <- sample(c(0.001, 0.02, 0.3), 1)
  binom_inputs[[length(binom_inputs) + 1]] <- c(rbinom(1, n, p0 * 1.3), n, p0)
}
binom_cases <- list()
wilson_cases <- list()
for (b in binom_inputs) {
  x <- b[1]; n <- b[2]; p0 <- b[3]
  for (level in c(0.9, 0.95, 0.99)) {
    r2 <- binom.test(x, n, p0, conf.level = level)
    rg <- binom.test(x, n, p0, alternative = "greater", conf.level = level)
    rl <- binom.test(x, n, p0, alternative = "less", conf.level = level)
    binom_cases[[length(binom_cases) + 1]] <- list(x = x, n = n, p0 = p0, conf_level = level,
      p_two_sided = r2$p.value, p_greater = rg$p.value, p_less = rl$p.value,
      lower = r2$conf.int[1], upper = r2$conf.int[2], lower_one_sided = rg$conf.int[1], upper_one_sided = rl$conf.int[2])
    w2 <- quiet(prop.test(x, n, correct = FALSE, conf.level = level))$conf.int
    wg <- quiet(prop.test(x, n, correct = FALSE, alternative = "greater", conf.level = level))$conf.int
    wl <- quiet(prop.test(x, n, correct = FALSE, alternative = "less", conf.level = level))$conf.int
    wilson_cases[[length(wilson_cases) + 1]] <- list(x = x, n = n, conf_level = level, lower = w2[1], upper = w2[2],
      lower_one_sided = wg[1], upper_one_sided = wl[2])
  }
}

# ------------------------------------------------------------------------------------------------
# Distribution functions
# ------------------------------------------------------------------------------------------------
zs <- c(-38.4, -37.5, -30, -20, -10, -8.3, -5, -3, -1.96, -1.25, -1.2, -0.5, -1e-10, 0, 1e-300, 0.3, 1.2499, 1.25, 2, 5, 8, 10, 20, 30, 37, 38.4)
pnorm_cases <- lapply(zs, function(z) list(z = z, lower = pnorm(z), upper = pnorm(z, lower.tail = FALSE)))
ps <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.25, 0.3, 0.5, 0.7, 0.75, 0.9, 0.975, 0.999, 0.999999)
qnorm_cases <- lapply(ps, function(p) list(p = p, lower = qnorm(p), upper = qnorm(p, lower.tail = FALSE)))

t_dfs <- c(0.5, 1, 2, 3.7, 10, 30.5, 100, 1e4, 1e5)
t_ts <- c(-1e10, -50, -8, -3, -1, -0.1, 0.5, 2, 10, 1e3)
pt_cases <- list()
for (df in t_dfs) for (t in t_ts) pt_cases[[length(pt_cases) + 1]] <- list(t = t, df = df, lower = pt(t, df), upper = pt(t, df, lower.tail = FALSE))
# R's pt switches to a normal approximation (error ~1e-9 relative) above df = 4e5
for (df in c(1e6, 5e6)) for (t in c(-3, 0.5, 2, 6)) pt_cases[[length(pt_cases) + 1]] <- list(t = t, df = df, lower = pt(t, df), upper = pt(t, df, lower.tail = FALSE), r_normal_approx = TRUE)
qt_cases <- list()
for (df in t_dfs) for (p in c(1e-12, 1e-6, 0.001, 0.025, 0.1, 0.4, 0.6, 0.975, 0.999)) {
  q <- quiet(qt(p, df))
  qt_cases[[length(qt_cases) + 1]] <- list(p = p, df = df, q = q)
}

beta_ab <- list(c(0.1, 0.1), c(0.5, 0.5), c(0.5, 25.5), c(1, 1), c(2, 3), c(2.5, 10), c(10, 1.5), c(30, 0.5), c(100, 100),
  c(1000, 2), c(0.2, 1000), c(1e5, 1e5 + 3), c(5, 1e4))
beta_x <- c(1e-10, 1e-4, 0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999, 1 - 1e-8)
pbeta_cases <- list()
qbeta_cases <- list()
for (ab in beta_ab) {
  a <- ab[1]; b <- ab[2]
  for (x in beta_x) pbeta_cases[[length(pbeta_cases) + 1]] <- list(x = x, a = a, b = b, lower = pbeta(x, a, b), upper = pbeta(x, a, b, lower.tail = FALSE))
  for (p in c(1e-10, 0.001, 0.025, 0.3, 0.5, 0.9, 0.999)) {
    warned <- FALSE
    ql <- withCallingHandlers(qbeta(p, a, b), warning = function(w) { warned <<- TRUE; invokeRestart("muffleWarning") })
    qu <- withCallingHandlers(qbeta(p, a, b, lower.tail = FALSE), warning = function(w) { warned <<- TRUE; invokeRestart("muffleWarning") })
    qbeta_cases[[length(qbeta_cases) + 1]] <- list(p = p, a = a, b = b, lower = ql, upper = qu, r_warning = warned)
  }
}

binom_dist <- list()
for (np in list(c(1, 0.3), c(10, 0.5), c(100, 0.01), c(1000, 0.001), c(1e5, 1e-3), c(1e6, 1e-6), c(1e6, 0.97), c(50, 0.999))) {
  n <- np[1]; p <- np[2]
  mu <- n * p
  ks <- unique(pmin(n, pmax(0, round(c(0, 1, mu - 5 * sqrt(mu + 1), mu - 1, mu, mu + 2, mu + 6 * sqrt(mu + 1), n - 1, n)))))
  for (k in ks) binom_dist[[length(binom_dist) + 1]] <- list(k = k, n = n, p = p, pmf = dbinom(k, n, p), lower = pbinom(k, n, p), upper = pbinom(k, n, p, lower.tail = FALSE))
}

# ------------------------------------------------------------------------------------------------
# p.adjust, quantile type 7, mad, power.prop.test
# ------------------------------------------------------------------------------------------------
padj_inputs <- list(
  list(p = runif(10)^3), list(p = c(0.01, 0.01, 0.02, 0.02, 0.02, 0.5, 0.5, 1)),
  list(p = c(0.04, NA, 0.001, 0.03, NA, 0.2)), list(p = c(0, 1, 0.05, 0, 1e-300)),
  list(p = runif(25)^4), list(p = c(0.2, 0.01, 0.3), n = 10), list(p = c(0.003, NA, 0.02, 0.02), n = 6),
  list(p = c(0.049)), list(p = round(runif(40)^2, 2))
)
padj_methods <- c("holm", "hochberg", "bonferroni", "BH", "BY", "none")
padj_cases <- lapply(padj_inputs, function(inp) {
  n <- if (is.null(inp$n)) sum(!is.na(inp$p)) else inp$n
  out <- list(p = arr(inp$p), n = n)
  for (m in padj_methods) out[[m]] <- arr(p.adjust(inp$p, m, n = n))
  out
})

quantile_inputs <- list(rnorm(7), round(rexp(30) * 100), c(5, 5, 5, 5), c(1, 2), 42, exp(rnorm(101, 5)), round(runif(1000) * 10, 1), c(-1e5, 3e-7, 0.1, 0.2, 1e5))
q_ps <- c(0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1)
quantile_cases <- lapply(quantile_inputs, function(x) list(x = arr(x), probs = arr(q_ps), type7 = arr(unname(quantile(x, q_ps, type = 7))),
  mad_normal = mad(x), mad_raw = mad(x, constant = 1)))

power_cases <- list()
for (p1 in c(0.001, 0.01, 0.05, 0.2, 0.5)) for (rel in c(0.1, 0.5, 2)) for (alpha in c(0.05, 0.01)) for (pw in c(0.8, 0.9)) for (alt in c("two.sided", "one.sided")) {
  p2 <- p1 * (1 + rel)
  if (p2 >= 1) next
  if ((rel == 0.1 || alpha == 0.01) && pw == 0.9) next
  r <- power.prop.test(p1 = p1, p2 = p2, sig.level = alpha, power = pw, alternative = alt)
  sides <- if (alt == "two.sided") 2 else 1
  za <- qnorm(alpha / sides, lower.tail = FALSE); zb <- qnorm(pw)
  pbar <- (p1 + p2) / 2
  closed <- (za * sqrt(2 * pbar * (1 - pbar)) + zb * sqrt(p1 * (1 - p1) + p2 * (1 - p2)))^2 / (p1 - p2)^2
  power_cases[[length(power_cases) + 1]] <- list(p_baseline = p1, p_canary = p2, alpha = alpha, power = pw, sides = sides,
    n_uniroot = r$n, n_closed_form = closed)
}

# ------------------------------------------------------------------------------------------------
# Write
# ------------------------------------------------------------------------------------------------
result <- list(
  schema = "canary-gate r-reference v1",
  generated_by = list(
    script = "scripts/reference/generate.R",
    R = R.version.string,
    coin = if (have_coin) as.character(packageVersion("coin")) else NA,
    seed = 20250614, rng = arr(RNGkind())
  ),
  conventions = list(
    orientation = "canary is R's x (wilcox.test, t.test) or the first row / first count (fisher.test matrix(c(ce, ct-ce, be, bt-be), 2, byrow=TRUE), poisson.test(c(ce, be), c(ct, bt)), prop.test(c(ce, be), c(ct, bt))); 'greater' = canary larger",
    numbers = "written with %.17g (exact doubles); strings Infinity/-Infinity/NaN for non-finite values; null for NA",
    wilcox = "tests[].exact = TRUE is R's exact p (no ties only); exact = FALSE is the normal approximation with tie correction, continuity correction as `correct`. conf_int[].*_snapped: R's bound moved to the nearest pairwise difference x_i - y_j (the smaller on a tie of distances). coin[]: coin::wilcox_test(distribution = 'exact') with group levels (canary, baseline).",
    one_sided_intervals = "binom lower_one_sided/upper_one_sided: binom.test(alternative = 'greater'/'less') bounds at conf_level (alpha in one tail); same for Wilson",
    pt = "r_normal_approx = TRUE marks df > 4e5, where R's pt uses a normal approximation (not exact to ~1e-9)",
    qbeta = "r_warning = TRUE: R warned (e.g. full precision may not have been achieved)"
  ),
  wilcox = list(samples = wilcox_samples, tests = wilcox_tests, conf_int = wilcox_ci, coin = coin_cases),
  t_test = list(samples = t_samples, cases = t_cases),
  fisher = fisher_cases,
  poisson = poisson_cases,
  prop_test_two_sample = prop2_cases,
  binom_test = binom_cases,
  wilson = wilson_cases,
  pnorm = pnorm_cases,
  qnorm = qnorm_cases,
  pt = pt_cases,
  qt = qt_cases,
  pbeta = pbeta_cases,
  qbeta = qbeta_cases,
  binom_dist = binom_dist,
  p_adjust = padj_cases,
  quantile = quantile_cases,
  power_prop_test = power_cases
)
dir.create(dirname(out_path), recursive = TRUE, showWarnings = FALSE)
writeLines(to_json(result), out_path)
counts <- c(
  wilcox_samples = length(wilcox_samples), wilcox_tests = length(wilcox_tests), wilcox_ci = length(wilcox_ci), coin = length(coin_cases),
  t_test = length(t_cases), fisher = length(fisher_cases), poisson = length(poisson_cases), prop2 = length(prop2_cases),
  binom = length(binom_cases), wilson = length(wilson_cases), pnorm = length(pnorm_cases), qnorm = length(qnorm_cases),
  pt = length(pt_cases), qt = length(qt_cases), pbeta = length(pbeta_cases), qbeta = length(qbeta_cases),
  binom_dist = length(binom_dist), p_adjust = length(padj_cases), quantile = length(quantile_cases), power = length(power_cases)
)
message("wrote ", out_path)
print(counts)
