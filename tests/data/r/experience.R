# experience.R: reference values for tests/analyse/test_experience.c: the
# overall score by experience at a touchpoint (tolerance 3, target 4.5).
# Customers are grouped by their worst score there: bad < 3, adequate
# 3 .. < 4.5, good >= 4.5; N = 14 customers have an overall score.
# The drop is R's t.test (Welch); the gain to tolerance's interval is
# t.test(adequate, bad)'s scaled by n_bad / N; the gain to target is the
# documented linear combination with Satterthwaite's df, written out.
# Run: Rscript tests/data/r/experience.R   (R 4.2.2; numbers copied into
# the test with this file named as their source)
options(digits = 15)
bad <- c(2.0, 2.5, 1.5, 3.0)
adequate <- c(3.5, 3.0, 4.0, 4.5)
good <- c(4.5, 5.0, 4.0, 4.75)
N <- 14
t <- t.test(c(adequate, good), bad)
print(c(drop = unname(t$estimate[1] - t$estimate[2]), lo = t$conf.int[1],
        hi = t$conf.int[2], p = t$p.value))
nb <- length(bad); na <- length(adequate)
g <- t.test(adequate, bad)
print(c(gain_tol = nb / N * (mean(adequate) - mean(bad)),
        lo = nb / N * g$conf.int[1], hi = nb / N * g$conf.int[2]))
cf <- c(-nb / N, -na / N, (nb + na) / N)
m <- c(mean(bad), mean(adequate), mean(good))
v <- c(var(bad), var(adequate), var(good))
n <- c(nb, na, length(good))
u <- cf^2 * v / n
df <- sum(u)^2 / sum(u^2 / (n - 1))
est <- sum(cf * m)
q <- qt(0.975, df)
print(c(gain_target = est, lo = est - q * sqrt(sum(u)),
        hi = est + q * sqrt(sum(u)), df = df))
