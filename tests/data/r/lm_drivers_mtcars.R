# lm_drivers_mtcars.R: reference values for tests/analyse/test_drivers.c:
# `mot drivers mtcars.csv --outcome mpg --id model` fits the linear model
# of mpg on the ten other columns (all numeric). This prints lm()'s
# coefficients, standard errors, t and p, and each term's LMG share of R^2
# computed here by brute force over all 2^10 subsets of terms (the
# Shapley formula written out, a second implementation of the bordering
# walk in src/stats/importance.c).
# Run from the repository root:
#   Rscript tests/data/r/lm_drivers_mtcars.R > tests/data/r/mtcars_lm.csv
# R 4.2.2 wrote the committed mtcars_lm.csv.
d <- read.csv("tests/data/mtcars.csv")
y <- d$mpg
X <- d[, setdiff(names(d), c("model", "mpg"))]
f <- lm(y ~ ., data = cbind(y = y, X))
cf <- coef(summary(f))
p <- ncol(X)
r2 <- function(s) if (length(s) == 0) 0 else summary(lm(y ~ ., data = cbind(y = y, X[, s, drop = FALSE])))$r.squared
lmg <- numeric(p)
for (mask in 0:(2^p - 1)) {
  s <- which(bitwAnd(mask, 2^(0:(p - 1))) > 0)
  base <- r2(s)
  for (j in setdiff(1:p, s)) {
    k <- length(s)
    lmg[j] <- lmg[j] + factorial(k) * factorial(p - k - 1) / factorial(p) *
      (r2(c(s, j)) - base)
  }
}
cat("\"term\",beta,se,t,p,lmg\n")
names <- c("(intercept)", names(X))
for (i in seq_len(nrow(cf)))
  cat(sprintf("\"%s\",%.15g,%.15g,%.15g,%.15g,%.15g\n", names[i], cf[i, 1],
              cf[i, 2], cf[i, 3], cf[i, 4],
              if (i == 1) summary(f)$r.squared else lmg[i - 1]))
