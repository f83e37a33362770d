# ols_welch_holm.R: reference values for tests/stats/test_ols.c, from R's
# own lm(), t.test() and p.adjust() on R's built-in mtcars (the same data
# as tests/data/mtcars.csv). Run: Rscript tests/data/r/ols_welch_holm.R
# The numbers printed (R 4.2.2) are copied into the test with this file
# named as their source.
options(digits = 15)
m <- lm(mpg ~ wt + hp + qsec, mtcars)
s <- summary(m)
print(coef(s))
print(confint(m))
print(c(r2 = s$r.squared, adj = s$adj.r.squared, sigma = s$sigma))
print(s$fstatistic)
print(pf(s$fstatistic[1], s$fstatistic[2], s$fstatistic[3], lower.tail = FALSE))
t <- t.test(mtcars$mpg[mtcars$am == 1], mtcars$mpg[mtcars$am == 0])
print(c(t = unname(t$statistic), df = unname(t$parameter), p = t$p.value,
        lo = t$conf.int[1], hi = t$conf.int[2]))
print(p.adjust(c(0.01, 0.04, 0.03, 0.005, NA, 0.5), "holm"))
print(p.adjust(c(0.02, 0.02, 0.3, 0.001), "holm"))
