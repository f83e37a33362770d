# tickets_recovery.R: reference values of the hand-made tickets project of
# tests/analyse/test_tickets_analysis.c (Wilson intervals, Welch tests,
# Pearson chi-square, Newcombe's hybrid interval, Holm). Run with
#   Rscript tests/data/r/tickets_recovery.R
# and copy the printed numbers into the test.
w <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int
p <- function(x) formatC(x, digits = 12, format = "g")
cat("wilson 5/11:", p(w(5, 11)), "\n")
cat("wilson 5/13:", p(w(5, 13)), "\n")
cat("wilson 4/11:", p(w(4, 11)), "\n")
cat("wilson 1/2:", p(w(1, 2)), "\n")
ov <- list(rec = c(5, 4, 5, 4), nof = c(4, 3, 4, 3, 4), not = c(2, 3, 1, 2, 3, 2, 1))
nps <- function(s) ifelse(s >= 9, 1, ifelse(s >= 7, 0, -1))
np <- list(rec = nps(c(10, 9, 8, 6)), nof = nps(c(9, 7, 7, 5, 3)),
           not = nps(c(0, 6, 7, 2, 10, 5, 3)))
ch <- list(rec = c(0, 0, 0, 1), nof = c(0, 0, 1, 0, 1), not = c(1, 1, 0, 1, 1, 0, 1))
pairs <- list(c("rec", "nof"), c("not", "nof"), c("rec", "not"))
pv <- c()
for (o in c("overall", "nps")) {
  d <- if (o == "overall") ov else np
  for (q in pairs) {
    t <- t.test(d[[q[1]]], d[[q[2]]], var.equal = FALSE)
    n1 <- length(d[[q[1]]]); n2 <- length(d[[q[2]]])
    sp <- sqrt(((n1 - 1) * var(d[[q[1]]]) + (n2 - 1) * var(d[[q[2]]])) / (n1 + n2 - 2))
    cd <- (mean(d[[q[1]]]) - mean(d[[q[2]]])) / sp
    cat(o, q, "diff", p(mean(d[[q[1]]]) - mean(d[[q[2]]])), "ci", p(t$conf.int),
        "t", p(t$statistic), "p", p(t$p.value), "d", p(cd), "\n")
    pv <- c(pv, t$p.value)
  }
}
for (q in pairs) {
  a <- ch[[q[1]]]; b <- ch[[q[2]]]
  t <- prop.test(c(sum(a), sum(b)), c(length(a), length(b)), correct = FALSE)
  p1 <- mean(a); p2 <- mean(b)
  w1 <- w(sum(a), length(a)); w2 <- w(sum(b), length(b))
  lo <- p1 - p2 - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)
  hi <- p1 - p2 + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)
  cat("churn", q, "diff", p(p1 - p2), "newcombe", p(c(lo, hi)),
      "chisq", p(t$statistic), "p", p(t$p.value), "\n")
  pv <- c(pv, t$p.value)
}
cat("holm:", p(p.adjust(pv, "holm")), "\n")
