# glm_churn.R: the small churn project of tests/data/churn and the reference
# values tests/analyse/test_churn.c checks mot_analyse against.
#
#   Rscript tests/data/r/glm_churn.R make    writes tests/data/churn/*.csv
#                                            (done once; the files are
#                                            committed)
#   LC_ALL=C Rscript tests/data/r/glm_churn.R > tests/data/r/churn_glm.csv
#
# Run from the repository root. R 4.2.2 (survival 3.5-3) wrote the
# committed files. The analysis below restates docs/methods.md ("Impact on
# churn", "Loyalty lift") with R's own tools:
#   - bad experience at a touchpoint: the customer's worst rated score
#     there below its tolerance (3; T4 has none and takes the scale's
#     neutral, 3); not rated or not met: 0;
#   - terms: touchpoints with at least 30 customers with and 30 without a
#     bad experience; segment levels with at least 30 customers against
#     the most frequent (smaller levels pooled into it);
#   - glm(binomial) with epsilon = 1e-11 (see glm_drivers_telco.R: the
#     default epsilon gives SEs one IRLS step behind the coefficients);
#   - attributable churners: sum over bad customers of fitted p minus p
#     with that bad term set to 0;
#   - lift: t.test (Welch) of NPS, worst score >= target (4.5) vs
#     tolerance <= worst < target;
#   - survival: days from the first event to churn_time (churners) or to
#     the end of the data (the latest event or churn time); survdiff and
#     survfit, bad vs good (worst rated >= tolerance).
args <- commandArgs(trailingOnly = TRUE)
dir <- "tests/data/churn"

make <- function() {
  set.seed(20261123)
  n <- 400
  id <- sprintf("C%03d", 1:n)
  seg <- c(rep("a", 195), rep("b", 140), rep("c", 55), rep("d", 10))[sample(n)]
  pbad <- c(T1 = 0.30, T2 = 0.20, T3 = 0.18, T4 = 0.03)
  reach <- c(T1 = 1, T2 = 0.7, T3 = 0.5, T4 = 0.3)
  ev <- NULL
  t0 <- as.numeric(as.POSIXct("2026-01-05", tz = "UTC"))
  first <- last <- numeric(n)
  bad <- matrix(0, n, 4)
  best3 <- rep(NA, n)
  for (i in 1:n) {
    t <- t0 + (i %% 50) * 86400
    first[i] <- t
    for (k in 1:4) {
      if (runif(1) > reach[k]) next
      for (c in 1:sample(1:2, 1)) {
        t <- t + 86400 * sample(1:5, 1)
        s <- if (runif(1) < pbad[k]) sample(1:2, 1) else sample(3:5, 1)
        rated <- runif(1) < 0.6
        if (rated && s < 3) bad[i, k] <- 1
        if (rated && k == 3) best3[i] <- max(best3[i], s, na.rm = TRUE)
        ev <- rbind(ev, data.frame(customer_id = id[i],
          time = format(as.POSIXct(t, origin = "1970-01-01", tz = "UTC"),
                        "%Y-%m-%dT%H:%M:%S"),
          touchpoint = names(pbad)[k], score = if (rated) s else NA))
      }
    }
    last[i] <- t
  }
  eta <- -2 + 1.3 * bad[, 1] + 0.6 * bad[, 2] + 0.5 * (seg == "b")
  churned <- as.integer(runif(n) < 1 / (1 + exp(-eta)))
  ct <- ifelse(churned == 1, last + 86400 * sample(1:30, n, TRUE), NA)
  nps <- pmin(10, pmax(0, round(6 + 2 * (!is.na(best3) & best3 == 5) -
                                1.5 * bad[, 1] + rnorm(n, 0, 1.5))))
  cu <- data.frame(customer_id = id, segment = seg, nps = nps,
                   churned = churned,
                   churn_time = ifelse(is.na(ct), "",
                     format(as.POSIXct(ct, origin = "1970-01-01", tz = "UTC"),
                            "%Y-%m-%dT%H:%M:%S")))
  dir.create(dir, showWarnings = FALSE)
  writeLines(c("id,name,stage,tolerance,target", "T1,首月账单,开通,3,4.5",
               "T2,营业厅,使用,3,4.5", "T3,投诉处理,售后,3,4.5",
               "T4,续约回访,续约,,"), file.path(dir, "blueprint.csv"))
  write.csv(ev, file.path(dir, "events.csv"), row.names = FALSE, na = "",
            quote = FALSE)
  write.csv(cu, file.path(dir, "customers.csv"), row.names = FALSE, na = "",
            quote = FALSE)
}

num <- function(x) ifelse(is.na(x), "NaN", sprintf("%.15g", x))
row <- function(name, v) cat(sprintf("\"%s\",%s\n", name,
                                     paste(num(v), collapse = ",")))

analyse <- function() {
  ev <- read.csv(file.path(dir, "events.csv"), stringsAsFactors = FALSE)
  cu <- read.csv(file.path(dir, "customers.csv"), stringsAsFactors = FALSE,
                 na.strings = "")
  ev$t <- as.numeric(as.POSIXct(ev$time, format = "%Y-%m-%dT%H:%M:%S",
                                tz = "UTC"))
  tps <- c("T1", "T2", "T3", "T4")
  worst <- sapply(tps, function(k) sapply(cu$customer_id, function(c) {
    s <- ev$score[ev$customer_id == c & ev$touchpoint == k & !is.na(ev$score)]
    if (length(s)) min(s) else NA }))
  bad <- ifelse(is.na(worst), 0, worst < 3)
  y <- cu$churned
  N <- length(y)
  cat("\"name\",a,b,c,d,e\n")
  terms <- tps[colSums(bad) >= 30 & N - colSums(bad) >= 30]
  tab <- table(cu$segment)
  ref <- names(tab)[which.max(tab)]
  big <- setdiff(names(tab)[tab >= 30], ref)
  X <- as.data.frame(bad[, terms, drop = FALSE])
  for (l in sort(big)) X[[paste0("seg_", l)]] <- as.numeric(cu$segment == l)
  f <- glm(y ~ ., data = cbind(y = y, X), family = binomial,
           control = glm.control(epsilon = 1e-11))
  cf <- coef(summary(f))
  for (i in seq_len(nrow(cf)))
    row(paste0("coef:", rownames(cf)[i]), c(cf[i, ], 0))
  for (k in tps) {
    g <- !is.na(worst[, k]) & worst[, k] >= 3
    b <- bad[, k] == 1
    attr <- NA
    if (k %in% terms) {
      X0 <- X
      X0[[k]] <- 0
      attr <- sum((fitted(f) - predict(f, X0, type = "response"))[b])
    }
    row(paste0("rate:", k), c(sum(b), mean(y[b]), sum(g),
                              if (sum(g)) mean(y[g]) else NA, attr))
    good <- !is.na(worst[, k]) & worst[, k] >= 4.5
    adeq <- !is.na(worst[, k]) & worst[, k] >= 3 & worst[, k] < 4.5
    if (k != "T4" && sum(good) >= 30 && sum(adeq) >= 30) {
      t <- t.test(cu$nps[good], cu$nps[adeq])
      row(paste0("lift:", k), c(unname(t$estimate[1] - t$estimate[2]),
                                t$conf.int, t$p.value, sum(good)))
    }
  }
  first <- tapply(ev$t, ev$customer_id, min)[cu$customer_id]
  last <- tapply(ev$t, ev$customer_id, max)[cu$customer_id]
  ct <- as.numeric(as.POSIXct(cu$churn_time, format = "%Y-%m-%dT%H:%M:%S",
                              tz = "UTC"))
  end <- max(c(last, ct), na.rm = TRUE)
  time <- (ifelse(y == 1, ct, end) - first) / 86400
  for (k in tps) {
    g <- !is.na(worst[, k]) & worst[, k] >= 3
    b <- bad[, k] == 1
    if (sum(b) < 30 || sum(g) < 30) next
    use <- b | g
    grp <- factor(ifelse(b[use], "bad", "good"), levels = c("good", "bad"))
    sd <- survdiff(survival::Surv(time[use], y[use]) ~ grp)
    hr <- (sd$obs[2] / sd$exp[2]) / (sd$obs[1] / sd$exp[1])
    fit <- survival::survfit(survival::Surv(time[use], y[use]) ~ grp)
    med <- unname(summary(fit)$table[, "median"])
    row(paste0("surv:", k), c(sd$chisq, pchisq(sd$chisq, 1, lower.tail =
                                                 FALSE), hr, med[2], med[1]))
  }
  row("n", c(N, sum(y), 0, 0, 0))
}

suppressMessages(library(survival))
if (length(args) && args[1] == "make") make() else analyse()
