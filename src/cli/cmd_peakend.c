/*
** cmd_peakend.c: `mot peakend DIR`, only the peak-end part of the analysis:
** does the worst, best and end moment predict the overall score better
** than the journey mean, and which touchpoints are the peaks and ends.
** The same options and output formats as `mot analyze` (cmd_analyze.c).
*/
#include "cli/cli.h"

int cmd_peakend(int argc, char **argv)
{
    return cli_analysis_command("peakend", argc, argv, 1);
}
