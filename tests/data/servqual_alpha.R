# servqual_alpha.R: the oracle of the SERVQUAL alpha test
# (tests/analyse/test_servqual_analysis.c, test_alpha_against_psych).
# Reads servqual_alpha.csv (12 respondents; items 1-4 tangibles, 5-9
# reliability; no missing value, so psych's pairwise and mot's listwise
# deletion agree) and prints Cronbach's alpha of each dimension's
# expectations and perceptions by psych::alpha, and the dimension means of
# the gap P - E with R's t.test interval.
# Run: Rscript tests/data/servqual_alpha.R tests/data/servqual_alpha.csv
# (R 4.2.2, psych 2.2.9 from Debian bookworm's r-cran-psych).
suppressPackageStartupMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(if (length(args)) args[1] else "servqual_alpha.csv")
dims <- list(tangibles = 1:4, reliability = 5:9)
options(digits = 15)
for (name in names(dims)) {
    items <- d[d$item %in% dims[[name]], ]
    for (what in c("expectation", "perception")) {
        wide <- reshape(items[, c("respondent_id", "item", what)],
                        idvar = "respondent_id", timevar = "item",
                        direction = "wide")
        a <- psych::alpha(wide[, -1], check.keys = FALSE, warnings = FALSE)
        cat(sprintf("%s %s raw_alpha %.15g std.alpha %.15g n %d\n", name,
                    what, a$total$raw_alpha, a$total$std.alpha,
                    nrow(wide)))
    }
    gap <- tapply(items$perception - items$expectation,
                  items$respondent_id, mean)
    tt <- t.test(gap)
    cat(sprintf("%s gap mean %.15g ci %.15g %.15g\n", name, mean(gap),
                tt$conf.int[1], tt$conf.int[2]))
}
