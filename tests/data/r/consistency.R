# consistency.R: the small project tests/data/consist (made once with
# `Rscript consistency.R make DIR`) and the reference values of
# tests/analyse/test_consistency.c (`Rscript consistency.R DIR >
# consistency.csv`): ICC(1) of staff and of branch at touchpoint A from
# aov() mean squares, with the F-based interval (Shrout & Fleiss 1979,
# McGraw & Wong 1996 case 1, n0 for unbalanced groups); the empirical
# Bayes means; Welch tests (t.test) of each staff member against the other
# staff of their branch and of each branch against the others, Holm
# (p.adjust); the disconfirmation t test (t.test); monthly means (t.test)
# and shares below tolerance (prop.test Wilson, no continuity correction);
# before/after 2026-03-01 (t.test, Newcombe's hybrid interval, prop.test).
# Base R only. Rows: "name",v1,v2,v3,v4,v5 (unused values 0).
args <- commandArgs(TRUE)
if (length(args) == 2 && args[1] == "make") {
  dir <- args[2]
  set.seed(6)
  staff <- sprintf("s%02d", 1:6)
  branch_of <- c("North", "North", "North", "South", "South", "South")
  effect <- c(0, -1.3, 0, 0, 0, 0)
  bfx <- c(North = 0, South = -0.4)
  n <- 200
  ev <- NULL
  for (i in 1:n) {
    cid <- sprintf("c%03d", i)
    t0 <- as.POSIXct("2026-01-02 09:00:00", tz = "UTC") + (i - 1) * 86400 * 0.55
    s <- sample(1:6, 1, prob = c(.24, .2, .16, .16, .14, .1))
    b <- branch_of[s]
    if (s == 3 && runif(1) < 0.12) b <- "South"     # s03 helps out in South
    y <- round(4 + effect[s] + bfx[[b]] + rnorm(1, 0, 0.8))
    y <- min(5, max(1, y))
    e <- round(4.3 + rnorm(1, 0, 0.6)); e <- min(5, max(1, e))
    ev <- rbind(ev, data.frame(customer_id = cid,
      time = format(t0, "%Y-%m-%dT%H:%M:%S", tz = "UTC"), touchpoint = "A",
      score = y, staff_id = staff[s], branch = b, expected = e))
    if (runif(1) < 0.7) {
      y2 <- min(5, max(1, round(3.6 + rnorm(1, 0, 1))))
      ev <- rbind(ev, data.frame(customer_id = cid,
        time = format(t0 + 3600 * 5, "%Y-%m-%dT%H:%M:%S", tz = "UTC"),
        touchpoint = "B", score = if (runif(1) < 0.8) y2 else NA,
        staff_id = "", branch = "", expected = NA))
    }
  }
  ev$score[is.na(ev$score)] <- ""
  ev$expected[is.na(ev$expected)] <- ""
  write.csv(ev, file.path(dir, "events.csv"), row.names = FALSE, quote = FALSE)
  writeLines(c("id,name,stage,tolerance,sla_hours",
               "A,Counter,visit,4,",
               "B,Hotline,after,3,",
               "C,Repair,after,3,48"), file.path(dir, "blueprint.csv"))
  tk <- data.frame(ticket_id = sprintf("t%02d", 1:8),
    customer_id = sprintf("c%03d", c(3, 9, 15, 40, 41, 77, 120, 150)),
    touchpoint = "C",
    opened_at = sprintf("2026-02-%02dT10:00:00", 1:8),
    first_response_at = sprintf("2026-02-%02dT12:00:00", 1:8),
    resolved_at = c(sprintf("2026-02-%02dT20:00:00", 1:4),
                    sprintf("2026-02-%02dT10:00:00", 8:10), ""),
    category = c("billing", "billing", "repair", "billing", "repair",
                 "other", "billing", "repair"))
  write.csv(tk, file.path(dir, "tickets.csv"), row.names = FALSE, quote = FALSE)
  quit()
}
dir <- if (length(args) >= 1) args[1] else "tests/data/consist"
ev <- read.csv(file.path(dir, "events.csv"), stringsAsFactors = FALSE)
a <- ev[ev$touchpoint == "A" & !is.na(ev$score), ]
row <- function(name, v) {
  v <- c(v, rep(0, 5 - length(v)))
  cat(sprintf("\"%s\",%s\n", name, paste(formatC(v, digits = 15, format = "g"),
                                         collapse = ",")))
}
cat("name,v1,v2,v3,v4,v5\n")
icc <- function(y, g) {
  g <- factor(g)
  m <- summary(aov(y ~ g))[[1]]
  msb <- m[1, "Mean Sq"]; msw <- m[2, "Mean Sq"]
  k <- nlevels(g); N <- length(y); ni <- table(g)
  n0 <- (N - sum(ni^2) / N) / (k - 1)
  f <- msb / msw
  fl <- f / qf(0.975, k - 1, N - k); fu <- f * qf(0.975, N - k, k - 1)
  list(icc = (msb - msw) / (msb + (n0 - 1) * msw),
       lo = (fl - 1) / (fl + n0 - 1), hi = (fu - 1) / (fu + n0 - 1),
       n0 = n0, f = f, p = m[1, "Pr(>F)"], msb = msb, msw = msw,
       vb = max(0, (msb - msw) / n0))
}
for (fac in c("staff_id", "branch")) {
  r <- icc(a$score, a[[fac]])
  row(paste("icc", fac), c(r$icc, r$lo, r$hi, r$n0, r$f))
  row(paste("anova", fac), c(r$p, r$msb, r$msw, r$vb, 0))
  m <- mean(a$score)
  for (g in sort(unique(a[[fac]]))) {
    y <- a$score[a[[fac]] == g]
    B <- if (r$vb > 0) r$vb / (r$vb + r$msw / length(y)) else 0
    row(paste("shrunk", fac, g), c(length(y), mean(y), m + B * (mean(y) - m), B, 0))
  }
}
# tests: staff within home branch, branch against the others; min n 20
tests <- NULL
for (s in sort(unique(a$staff_id))) {
  tb <- table(a$branch[a$staff_id == s]); hb <- names(tb)[which.max(tb)]
  x <- a$score[a$staff_id == s & a$branch == hb]
  rest <- a$score[a$staff_id != s & a$branch == hb]
  if (length(x) >= 20) {
    t <- t.test(x, rest)
    tests <- rbind(tests, data.frame(f = "staff", g = s, n = length(x),
      d = mean(x) - mean(rest), lo = t$conf.int[1], hi = t$conf.int[2], p = t$p.value))
  }
}
for (b in sort(unique(a$branch))) {
  x <- a$score[a$branch == b]; rest <- a$score[a$branch != b]
  t <- t.test(x, rest)
  tests <- rbind(tests, data.frame(f = "branch", g = b, n = length(x),
    d = mean(x) - mean(rest), lo = t$conf.int[1], hi = t$conf.int[2], p = t$p.value))
}
for (f in c("staff", "branch")) {
  k <- tests$f == f
  tests$holm[k] <- p.adjust(tests$p[k], "holm")
}
for (i in seq_len(nrow(tests)))
  row(paste("test", tests$f[i], tests$g[i]),
      c(tests$d[i], tests$lo[i], tests$hi[i], tests$p[i], tests$holm[i]))
# expectation at A
d <- a$score - a$expected
t <- t.test(d)
row("expect A", c(length(d), mean(d), t$conf.int[1], t$conf.int[2], t$p.value))
# monthly trends at A (tolerance 4) and B (tolerance 3)
for (tp in c("A", "B")) {
  x <- ev[ev$touchpoint == tp & !is.na(ev$score), ]
  tol <- if (tp == "A") 4 else 3
  mo <- substr(x$time, 1, 7)
  for (m in sort(unique(mo))) {
    y <- x$score[mo == m]; b <- sum(y < tol)
    ci <- t.test(y)$conf.int
    w <- prop.test(b, length(y), correct = FALSE)$conf.int
    row(paste("trend", tp, m), c(length(y), mean(y), ci[1], ci[2], b))
    row(paste("wilson", tp, m), c(b / length(y), w[1], w[2], 0, 0))
  }
}
# before/after 2026-03-01 at A and B; Holm over the four tests
pv <- NULL
out <- list()
for (tp in c("A", "B")) {
  x <- ev[ev$touchpoint == tp & !is.na(ev$score), ]
  tol <- if (tp == "A") 4 else 3
  after <- x$time >= "2026-03-01"
  y1 <- x$score[after]; y0 <- x$score[!after]
  t <- t.test(y1, y0)
  b1 <- sum(y1 < tol); b0 <- sum(y0 < tol)
  p1 <- b1 / length(y1); p0 <- b0 / length(y0)
  w1 <- prop.test(b1, length(y1), correct = FALSE)$conf.int
  w0 <- prop.test(b0, length(y0), correct = FALSE)$conf.int
  lo <- p1 - p0 - sqrt((p1 - w1[1])^2 + (w0[2] - p0)^2)
  hi <- p1 - p0 + sqrt((w1[2] - p1)^2 + (p0 - w0[1])^2)
  pz <- prop.test(c(b1, b0), c(length(y1), length(y0)), correct = FALSE)$p.value
  out[[tp]] <- list(m = c(mean(y1) - mean(y0), t$conf.int, t$p.value),
                    s = c(p1 - p0, lo, hi, pz))
  pv <- c(pv, t$p.value, pz)
}
h <- p.adjust(pv, "holm")
row("change A mean", c(out$A$m, h[1]))
row("change A below", c(out$A$s, h[2]))
row("change B mean", c(out$B$m, h[3]))
row("change B below", c(out$B$s, h[4]))
