/*
** main.c: the `mot` program's entry point and command dispatcher.
**
** `mot COMMAND [ARGS]` runs one subcommand (one cmd_*.c file each);
** `mot --help`, `mot COMMAND --help` and `mot --version` are handled here
** and by each command. Exit codes follow DESIGN §3.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

const cli_command cli_commands[] = {
    {"demo", "write a demo project with planted moments of truth",
     "usage: mot demo [--scenario telecom|rail|property|hotel] [--customers N]\n"
     "                [--seed S] --out DIR\n"
     "\n"
     "Write a complete synthetic project (blueprint, events, customers, KANO,\n"
     "SERVQUAL, tickets, interactions, staff, mot.ini) for one industry into\n"
     "DIR, with moments of truth planted in it (see docs/demo.md). The same\n"
     "scenario, size and seed always give the same files.\n"
     "\n"
     "  --scenario NAME   telecom (default), rail, property or hotel\n"
     "  --customers N     number of customers (default 2000)\n"
     "  --seed S          random seed (default 1)\n"
     "  -o, --out DIR     folder to write (created if missing)\n",
     cmd_demo},
    {"check", "validate a project folder and summarise what it holds",
     "usage: mot check DIR [--max-errors N]\n"
     "\n"
     "Read every file of the project in DIR, report every problem found\n"
     "(file:line:column: what was expected, what was found), then a one-line\n"
     "summary of what loaded. Exits 65 when there is a problem in the data,\n"
     "66 when DIR or its blueprint.csv is missing.\n"
     "\n"
     "  --max-errors N    show at most N problems (default 100)\n",
     cmd_check},
    {"analyze", "find, explain and rank the moments of truth (main job)",
     "usage: mot analyze DIR [--format text|json|md|html] [-o FILE]\n"
     "                   [--lang en|zh]\n"
     "                   [--threads N] [--seed S] [--bootstrap B]\n"
     "                   [--ipa-crosshair means|midpoint] [--repeat-days N]\n"
     "                   [--segment COL]\n"
     "\n"
     "Analyse the project in DIR and report its moments of truth: which\n"
     "touchpoints decide satisfaction and churn (negative, positive, hygiene),\n"
     "how sure that is, their tolerance lines, importance against performance,\n"
     "the peak-end comparison and what to fix first; with kano.csv and\n"
     "servqual.csv, also what 'mot kano' and 'mot servqual' report, tied to the\n"
     "touchpoints; with tickets.csv, what 'mot tickets' reports (read and\n"
     "analysed first, on a load of its own); and the journeys: the most\n"
     "common paths through the\n"
     "touchpoints, the steps and paths that end in churn, first-contact\n"
     "resolution and high-frequency needs. Problems in the data are reported as 'mot check' reports\n"
     "them (exit 65, or 66 when DIR or its blueprint.csv is missing), and then\n"
     "nothing is written.\n"
     "\n"
     "  --format F        text (default: a report for the terminal), json (the\n"
     "                    stable keys of docs/report.md), md (Markdown) or\n"
     "                    html (one self-contained page with the charts and\n"
     "                    the service blueprint, its fail and wait points\n"
     "                    from the tickets part)\n"
     "  -o, --out FILE    write the report to FILE (replaced only when whole)\n"
     "                    instead of standard output\n"
     "  --lang en|zh      language of the text (default: mot.ini [report] lang,\n"
     "                    else zh when LC_ALL/LC_MESSAGES/LANG starts with zh)\n"
     "  --threads N       worker threads (default 0: one per core)\n"
     "  --seed S          random seed of the bootstrap and permutations (default 1)\n"
     "  --bootstrap B     bootstrap resamples of the intervals (default 200)\n"
     "  --ipa-crosshair C where the importance-performance grid is split:\n"
     "                    means (default: the touchpoints' mean importance and\n"
     "                    mean score) or midpoint (the score scale's midpoint)\n"
     "  --repeat-days N   a contact within N days of the last one at the same\n"
     "                    touchpoint is a repeat contact (default 7)\n"
     "  --segment COL     also analyse each segment of customers by the\n"
     "                    customers.csv column COL (a text column, a number\n"
     "                    with at most 12 values, or 'tier': value tiers\n"
     "                    low/mid/high by thirds) and show where the moments\n"
     "                    of truth differ\n",
     cmd_analyze},
    {"drivers", "driver importance of a wide table for one outcome",
     "usage: mot drivers FILE.csv --outcome COL [--id COL]\n"
     "                   [--format text|json|md] [--lang en|zh]\n"
     "                   [--bootstrap N] [--seed S] [--threads N]\n"
     "\n"
     "FILE.csv has one row per customer and one column per candidate driver.\n"
     "Numeric columns are used as they are, yes/no columns as 1/0, other text\n"
     "columns as one term per level against the most frequent level. A binary\n"
     "outcome (yes/no, 0/1, two texts) gets a logistic regression (odds ratios),\n"
     "a numeric one a linear regression; importance is each driver's part of\n"
     "R^2 (LMG up to 15 terms, relative weights above) with a bootstrap\n"
     "interval; numeric drivers get a tolerance line when the outcome is\n"
     "binary. Methods: docs/methods.md.\n"
     "\n"
     "  --outcome COL     the outcome column (required)\n"
     "  --id COL          an identifier column to leave out\n"
     "  --format F        text (default), json or md (Markdown)\n"
     "  --lang en|zh      language of the text and Markdown (default: English,\n"
     "                    zh when LC_ALL/LC_MESSAGES/LANG starts with zh)\n"
     "  --bootstrap N     importance resamples (default 200; 0 = no intervals)\n"
     "  --seed S          bootstrap seed (default 1)\n"
     "  --threads N       worker threads (default: one per core)\n",
     cmd_drivers},
    {"peakend", "does the peak and the end decide the remembered journey",
     "usage: mot peakend DIR [--format text|json|md] [-o FILE] [--lang en|zh]\n"
     "                   [--threads N] [--seed S] [--bootstrap B]\n"
     "\n"
     "Only the peak-end part of 'mot analyze': does a model of the overall\n"
     "score on the worst, best and end moments of each journey predict it\n"
     "better than the journey mean (cross-validated R\xc2\xb2), and which\n"
     "touchpoints are most often the worst, best and end moments. As JSON, the\n"
     "object 'mot analyze' has under \"peak_end\". Options as for analyze.\n",
     cmd_peakend},
    {"kano", "KANO categories, Better/Worse coefficients",
     "usage: mot kano FILE.csv [--format text|json|md] [--lang en|zh] [--segment]\n"
     "                [--max-errors N]\n"
     "\n"
     "Analyse one KANO answer file (the columns of kano.csv, docs/formats.md):\n"
     "per feature the counts of A attractive, O one-dimensional, M must-be,\n"
     "I indifferent, R reverse and Q questionable answers (Berger et al. 1993),\n"
     "the category (the most frequent, ties within 5 points by M > O > A > I),\n"
     "category and total strength, Fong's test of the top two, Better and\n"
     "Worse with intervals, and mean importance (docs/methods.md). Bad rows\n"
     "are reported as file:line:column and exit 65.\n"
     "\n"
     "  --format F        text (default) or json (the \"kano\" object of mot analyze)\n"
     "  --lang L          en (default) or zh: the language of the text\n"
     "  --segment         also per value of the segment column\n"
     "  --max-errors N    show at most N problems (default 100)\n",
     cmd_kano},
    {"servqual", "SERVQUAL gaps and the zone of tolerance",
     "usage: mot servqual FILE.csv [--weights FILE] [--format text|json|md]\n"
     "                    [--lang en|zh] [--max-errors N]\n"
     "\n"
     "Analyse one SERVQUAL answer file (the columns of servqual.csv,\n"
     "docs/formats.md): gap = perception - expectation per item and per\n"
     "dimension with intervals, the unweighted and weighted SERVQUAL scores,\n"
     "Cronbach's alpha per dimension, the zone of tolerance (MSA, MSS) when\n"
     "adequate and desired are given, and an importance-performance grid of\n"
     "the dimensions when weights are (docs/methods.md). Bad rows are\n"
     "reported as file:line:column and exit 65.\n"
     "\n"
     "  --weights FILE    dimension weights (the columns of servqual_weights.csv)\n"
     "  --format F        text (default) or json (the \"servqual\" object of mot analyze)\n"
     "  --lang L          en (default) or zh: the language of the text\n"
     "  --max-errors N    show at most N problems (default 100)\n",
     cmd_servqual},
    {"tickets", "complaints and repairs against the service standard",
     "usage: mot tickets DIR [--format text|json|md] [--lang en|zh]\n"
     "                       [--change-date YYYY-MM-DD]\n"
     "\n"
     "Analyse the tickets.csv of the project in DIR: per touchpoint, category,\n"
     "branch and staff member the volume, hours to first response and to\n"
     "resolution (median and 90th percentile with exact intervals), the share\n"
     "within the standard (blueprint sla_hours; first response against\n"
     "sla_response_hours when the blueprint has it; a customer tier's own\n"
     "sla_hours_<tier> / sla_response_hours_<tier> where given, with a table\n"
     "by tier), the open backlog and its\n"
     "age, repeat complaints within 30 days; a Pareto of the categories; and\n"
     "service recovery: the recovery rate, the recovery paradox (recovered vs\n"
     "no failure vs not recovered on overall, NPS and churn, Holm-adjusted)\n"
     "and a tolerance line in hours to resolve. From the rated events:\n"
     "consistency (per touchpoint the ICC of staff and of branch, shrunken\n"
     "means, staff and branches significantly below the rest, Holm-adjusted),\n"
     "expectation against experience (score - expected) and trends by month\n"
     "(week for short data) of the mean and the share below tolerance.\n"
     "Methods: docs/methods.md. Problems in the data are reported as\n"
     "'mot check' reports them (exit 65); exit 66 when DIR, its blueprint.csv\n"
     "or its tickets.csv is missing.\n"
     "\n"
     "  --format F        text (default), md (Markdown) or json (the \"tickets\"\n"
     "                    object, docs/report.md)\n"
     "  --change-date D   compare each touchpoint before and after day D\n"
     "                    (YYYY-MM-DD, UTC): did the fix work?\n"
     "  --lang en|zh      language of the text (default: mot.ini [report] lang,\n"
     "                    else zh when LC_ALL/LC_MESSAGES/LANG starts with zh)\n",
     cmd_tickets},
    {"behaviour", "front-line behaviour steps, coaching and training effect",
     "usage: mot behaviour DIR [--format text|json|md] [--lang en|zh]\n"
     "\n"
     "Analyse the interactions.csv (and staff.csv) of the project in DIR: per\n"
     "behaviour step how often it is done well (1 for 0/1 steps, 4 or more for\n"
     "1-5 ratings; Wilson intervals) and how much it moves customer_score (LMG\n"
     "share of R^2 with a bootstrap interval, OLS effect with a t interval);\n"
     "the step most often missing before a low score (below the scale's\n"
     "neutral point; chi-square, Holm); per staff member with at least 30\n"
     "interactions the shrunken (empirical-Bayes) shares and the coaching\n"
     "priority, flagged when significantly below the overall level, and the\n"
     "same per branch; and the training effect (difference-in-differences,\n"
     "staff.csv trained_at) over all staff and by branch. Methods:\n"
     "docs/methods.md section 27.\n"
     "Problems in the data are reported as 'mot check' reports them (exit 65);\n"
     "exit 66 when DIR, its blueprint.csv or its interactions.csv is missing.\n"
     "\n"
     "  --format F        text (default), json (docs/report.md) or md\n"
     "  --lang en|zh      language of the text (default: mot.ini [report] lang,\n"
     "                    else zh when LC_ALL/LC_MESSAGES/LANG starts with zh)\n",
     cmd_behaviour},
    {"blueprint", "draw the service blueprint with its moments of truth",
     "usage: mot blueprint DIR [-o FILE.svg] [--lang en|zh] [--no-analysis]\n"
     "                     [--threads N] [--seed S] [--bootstrap B]\n"
     "\n"
     "Draw the service blueprint of the project in DIR as one SVG file: the\n"
     "five lanes (physical evidence, customer actions, frontstage, backstage,\n"
     "support processes) with the lines of interaction, visibility and\n"
     "internal interaction, the stages as columns and each touchpoint as a box.\n"
     "When the project has events it is analysed first (as 'mot analyze'\n"
     "does) and each box shows its mean score and share below tolerance;\n"
     "moments of truth are coloured by kind, fail points marked F and wait\n"
     "points W (scores below tolerance, waiting lines, and with tickets.csv\n"
     "tickets past their SLA; docs/report.md). 'supports' links are drawn as\n"
     "arrows.\n"
     "\n"
     "  -o, --out FILE    write the SVG to FILE (replaced only when whole)\n"
     "                    instead of standard output\n"
     "  --lang en|zh      language of the labels (default: mot.ini [report]\n"
     "                    lang, else zh when LC_ALL/LC_MESSAGES/LANG starts\n"
     "                    with zh)\n"
     "  --no-analysis     draw the blueprint alone, without analysing\n"
     "  --threads N, --seed S, --bootstrap B\n"
     "                    options of the analysis, as for analyze\n",
     cmd_blueprint},
    {"serve", "live server: alert when a moment goes wrong",
     "usage: mot serve DIR [--db FILE] [--listen ADDR:PORT]\n", cmd_unbuilt},
    {NULL, NULL, NULL, NULL},
};

static void print_main_help(FILE *f)
{
    fprintf(f,
            "mot %s: find and manage the moments of truth of a service\n"
            "\n"
            "usage: mot COMMAND [ARGS]   (mot COMMAND --help for details)\n"
            "\n"
            "commands:\n",
            mot_version());
    for (const cli_command *c = cli_commands; c->name; c++)
        fprintf(f, "  %-10s %s%s\n", c->name, c->summary,
                c->run == cmd_unbuilt ? " (not built yet)" : "");
    fprintf(f,
            "\n"
            "exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input,\n"
            "74 I/O error. Data formats: docs/formats.md.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_main_help(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 ||
        strcmp(name, "help") == 0) {
        print_main_help(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("mot %s\n", mot_version());
        return EXIT_OK;
    }
    for (const cli_command *c = cli_commands; c->name; c++) {
        if (strcmp(c->name, name) != 0)
            continue;
        for (int i = 2; i < argc; i++) {
            if (strcmp(argv[i], "--") == 0)
                break;
            if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
                fputs(c->help, stdout);
                return EXIT_OK;
            }
        }
        cli_huge_pages(argv);
        return c->run(argc - 1, argv + 1);
    }
    fprintf(stderr, "mot: unknown command '%s'\nTry 'mot --help'.\n", name);
    return EXIT_USAGE;
}
