# behaviour_did.R: reference values of the training difference-in-
# differences of tests/analyse/test_behaviour.c on the fixture
# tests/data/behaviour_did/ (staff S1, S2 trained on 2026-02-01 and
# 2026-03-01; S3, S4 untrained, whose "after" starts at the lower median
# of the trained dates, 2026-02-01). Run from the repository root with
#   Rscript tests/data/r/behaviour_did.R
# and copy the printed numbers into the test.
d <- read.csv("tests/data/behaviour_did/interactions.csv")
s <- read.csv("tests/data/behaviour_did/staff.csv")
at <- as.Date(s$trained_at[match(d$staff_id, s$staff_id)])
d$trained <- as.integer(!is.na(at))
ref <- sort(as.Date(s$trained_at[s$trained_at != ""]))[1]
start <- ifelse(is.na(at), ref, at)
d$after <- as.integer(as.Date(d$time) >= start)
p <- function(x) formatC(x, digits = 12, format = "g")
for (y in c("customer_score", "A")) {
  f <- lm(as.formula(paste(y, "~ trained * after")), data = d)
  cat(y, "did:", p(coef(f)[["trained:after"]]),
      "ci:", p(confint(f)["trained:after", ]),
      "p:", p(summary(f)$coefficients["trained:after", 4]), "\n")
}
