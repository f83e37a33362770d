# tickets_tiers.R: the Wilson intervals of the shares within the standard
# of the per-tier fixture of tests/analyse/test_tiers.c (hand-counted
# within / judged; prop.test without continuity correction is Wilson's
# score interval). Run: Rscript tests/data/r/tickets_tiers.R
for (x in list(c(3, 5), c(2, 3), c(1, 2), c(1, 3), c(3, 7), c(4, 7))) {
    ci <- suppressWarnings(prop.test(x[1], x[2], correct = FALSE))$conf.int
    cat(sprintf("%d/%d: %.12f %.12f\n", x[1], x[2], ci[1], ci[2]))
}
# Output (R 4.x):
# 3/5: 0.230724281276 0.882379225767
# 2/3: 0.207659600802 0.938508055280
# 1/2: 0.094531205734 0.905468794266
# 1/3: 0.061491944720 0.792340399198
# 3/7: 0.158219855251 0.749541635472
# 4/7: 0.250458364528 0.841780144749
