# glm_drivers_telco.R: reference values for tests/analyse/test_drivers.c:
# `mot drivers telco_churn.csv --outcome churn` fits the logistic model
# below; this script builds the same design with R's own tools and prints
# glm()'s coefficients, standard errors, z and p, and Johnson's relative
# weights of the linear-probability model (computed here from their
# definition with eigen(), a second implementation of the one in
# src/stats/importance.c).
#
# Coding (docs/methods.md, "mot drivers"): a numeric column as is; a text
# column whose two values are yes/no words as 1 for yes; any other text
# column as dummies against its most frequent level, the other levels in
# byte order (LC_COLLATE=C); rows with any missing value left out
# (na.omit); terms that are linear combinations of the terms before them
# dropped (glm's NA coefficients).
#
# Convergence: summary.glm's standard errors come from the IRLS weights of
# the start of the last iteration, which at glm's default epsilon = 1e-8
# lag the final coefficients by one step (a relative 1e-5 in the SEs
# here). With epsilon = 1e-11 glm takes one more step (7 iterations) and
# its SEs are those at the maximum, which is what mot reports (the
# information matrix at the final coefficients).
#
# Run once from the repository root, with the shared data beside it:
#   LC_ALL=C Rscript tests/data/r/glm_drivers_telco.R ../shared/data/telco_churn.csv \
#       > tests/data/r/telco_glm.csv
# R 4.2.2 wrote the committed telco_glm.csv.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE, na.strings = "")
y <- as.integer(d$churn == "Yes")
d$churn <- NULL
cols <- list()
for (v in names(d)) {
  x <- d[[v]]
  if (is.numeric(x)) {
    cols[[v]] <- x
  } else {
    tab <- table(x)
    ref <- names(tab)[which.max(tab)]
    for (lv in sort(setdiff(names(tab), ref), method = "radix"))
      cols[[paste0(v, "=", lv)]] <- ifelse(is.na(x), NA, as.numeric(x == lv))
  }
}
X <- as.data.frame(cols, check.names = FALSE)
ok <- complete.cases(X)
X <- X[ok, ]
y <- y[ok]
f <- glm(y ~ ., data = cbind(y = y, X), family = binomial,
         control = glm.control(epsilon = 1e-11))
cf <- coef(summary(f))
keep <- rownames(cf)
keep[1] <- "(intercept)"
keep <- gsub("`", "", keep)
# Johnson's relative weights of y on the kept terms (linear probability).
Xk <- as.matrix(X[, gsub("`", "", rownames(cf)[-1]), drop = FALSE])
R <- cor(Xk)
rxy <- cor(Xk, y)
e <- eigen(R, symmetric = TRUE)
L <- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
b <- solve(L, rxy)
rw <- as.vector((L^2) %*% (b^2))
options(digits = 15)
cat("\"term\",beta,se,z,p,rw\n")
for (i in seq_len(nrow(cf)))
  cat(sprintf("\"%s\",%.15g,%.15g,%.15g,%.15g,%.15g\n", keep[i], cf[i, 1],
              cf[i, 2], cf[i, 3], cf[i, 4], if (i == 1) sum(rw) else rw[i - 1]))
cat(sprintf("\"(n)\",%d,%d,%.15g,%.15g,0\n", length(y), sum(y),
            f$deviance, f$null.deviance))
