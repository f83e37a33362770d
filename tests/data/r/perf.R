# perf.R: reference values for tests/analyse/test_perf.c, from R's own
# t.test() and prop.test() (Wilson score interval without continuity
# correction). Run: Rscript tests/data/r/perf.R
# The numbers printed (R 4.2.2) are copied into the test with this file
# named as their source.
options(digits = 15)
t1 <- c(1, 2, 4, 5)                       # rated scores at T1
print(c(mean = mean(t1), sd = sd(t1)))
print(t.test(t1)$conf.int[1:2])
print(prop.test(2, 4, correct = FALSE)$conf.int[1:2])   # 2 of 4 below 3
t2 <- c(2, 3, 3.5)                        # rated scores at T2
print(c(mean = mean(t2), sd = sd(t2)))
print(t.test(t2)$conf.int[1:2])
print(prop.test(1, 3, correct = FALSE)$conf.int[1:2])   # 1 of 3 below 2.5
