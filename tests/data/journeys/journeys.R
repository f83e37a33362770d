# journeys.R: the oracle numbers of tests/analyse/test_journeys.c (run once
# with R 4.x: Rscript journeys.R; R is not needed by the tests).
# The fixture (test_journeys.c, hand_project) has 5 customers; churned C1, C2.
# Steps tested with min_group 2: T1->T2 (C1,C2 vs C3,C4,C5),
# T2->T3 (C1,C2,C4 vs C3,C5), T2->T2 (C1,C4 vs C2,C3,C5).
p <- c(T1T2 = prop.test(c(2,0), c(2,3), correct=FALSE)$p.value,
       T2T3 = prop.test(c(2,0), c(3,2), correct=FALSE)$p.value,
       T2T2 = prop.test(c(1,1), c(2,3), correct=FALSE)$p.value)
print(sapply(c(T1T2=5,T2T3=80/36,T2T2=5/36), function(x) x))
print(p, digits=15)
print(p.adjust(p, "holm"), digits=15)
print(quantile(c(216,20,24), .5, type=7)); print(quantile(c(2,4), .5, type=7))
x <- 1:2000; print(quantile(x, .5, type=7))
n <- 2000; k <- 0:n; F <- pbinom(k, n, .5); l <- max(k[F <= 0.025]) + 1; u <- min(k[F >= 0.975]) + 1; print(c(l,u))
w <- prop.test(3, 4, correct=FALSE)$conf.int; print(w, digits=15)
# Output (R 4.2):
#   chisq: T1T2 5, T2T3 2.2222222, T2T2 0.1388889
#   p:     T1T2 0.0253473186774683, T2T3 0.1360371281141443, T2T2 0.7093881150142263
#   holm:  T1T2 0.0760419560324049, T2T3 0.2720742562282887, T2T2 0.7093881150142263
#   medians (hours): T2->T3 {216, 20, 24} -> 24; T1->T2 {2, 4} -> 3
#   1:2000 median 1000.5; exact order-statistic ranks of the 95% interval 956, 1045
#   Wilson 3 of 4 (FCR of T2): 0.300641842582402 0.954412739190299
