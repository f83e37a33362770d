# peakend_loo.R: reference values for tests/analyse/test_peakend.c.
# The journeys of the test's small project (same events, same overall
# scores) are summarised here in R, independently of libmot's derive
# stage; with 10 customers in the comparison and K = 10 folds, K-fold
# cross-validation is leave-one-out, whose held-out residuals are
# e_i / (1 - h_ii) of the full least-squares fit (hat values; Allen 1974).
# Run: Rscript tests/data/r/peakend_loo.R
# The numbers printed (R 4.2.2) are copied into the test with this file
# named as their source.
options(digits = 15)
ev <- read.csv(text = "customer,time,tp,score
C8,2026-01-01,T3,4
C8,2026-01-03,T3,1
C5,2026-01-03,T3,2
C9,2026-01-01,T1,4
C3,2026-01-01,T3,5
C2,2026-01-05,T1,5
C3,2026-01-02,T3,5
C6,2026-01-04,T2,4
C1,2026-01-01,T1,4
C10,2026-01-05,T2,4
C11,2026-01-01,T3,2
C9,2026-01-03,T1,1
C7,2026-01-01,T3,2
C4,2026-01-02,T2,4
C4,2026-01-01,T1,1
C7,2026-01-02,T3,3
C10,2026-01-02,T2,4
C1,2026-01-02,T1,5
C6,2026-01-02,T2,5
C1,2026-01-03,T2,5
C2,2026-01-02,T2,4
C3,2026-01-04,T2,
C5,2026-01-04,T3,5
C2,2026-01-01,T1,1
C10,2026-01-01,T2,1
C6,2026-01-06,T2,3
C6,2026-01-07,T2,
C5,2026-01-05,T2,1
C6,2026-01-01,T1,5
C8,2026-01-04,T3,4
C2,2026-01-03,T1,1
C5,2026-01-01,T1,5
C10,2026-01-03,T1,3
C12,2026-01-01,T2,3
C9,2026-01-07,T2,
C11,2026-01-02,T1,4
C9,2026-01-05,T2,3")
# quarters, so that libmot's float scores hold them exactly
overall <- c(C1 = 4.5, C2 = 2.25, C3 = 4.75, C4 = 3, C5 = 2, C6 = 3.5,
             C7 = 2.5, C8 = 2.75, C9 = 2.25, C10 = 3, C12 = 3)
ev <- ev[!is.na(ev$score), ]
ev <- ev[order(ev$customer, ev$time), ]
j <- do.call(rbind, lapply(split(ev, ev$customer), function(e) data.frame(
    customer = e$customer[1], k = nrow(e),
    first = e$score[1], first_tp = e$tp[1],
    worst = min(e$score), worst_tp = e$tp[which.min(e$score)],
    best = max(e$score), best_tp = e$tp[which.max(e$score)],
    end = e$score[nrow(e)], end_tp = e$tp[nrow(e)], mean = mean(e$score))))
j <- j[j$k >= 2, ]
print(table(factor(j$worst_tp, c("T1", "T2", "T3"))))
print(table(factor(j$best_tp, c("T1", "T2", "T3"))))
print(table(factor(j$end_tp, c("T1", "T2", "T3"))))
print(table(factor(j$first_tp, c("T1", "T2", "T3"))))
d <- j[j$customer %in% names(overall), ]
d$overall <- overall[d$customer]
d <- d[order(as.integer(sub("C", "", d$customer))), ]
q2 <- function(fit) {
    loo <- residuals(fit) / (1 - hatvalues(fit))
    list(r2 = 1 - sum(loo^2) / sum((d$overall - mean(d$overall))^2),
         sq = loo^2)
}
pe <- q2(lm(overall ~ worst + best + end, d))
mn <- q2(lm(overall ~ mean, d))
print(c(n = nrow(d), r2_peak_end = pe$r2, r2_mean = mn$r2))
print(unname(pe$sq))   # held-out squared errors, customers C1..C10
print(unname(mn$sq))
pr <- q2(lm(overall ~ first + worst + best + end, d))
print(c(r2_primacy = pr$r2))
print(unname(pr$sq))   # held-out squared errors of the primacy model
