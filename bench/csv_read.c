/*
** csv_read.c: throughput of the CSV reader on one core.
**
** Reads every record of each file named on the command line, touching
** every field (their lengths are summed so nothing is optimised away), and
** prints records, fields, megabytes and MB/s. Build against a release
** libmot, for example:
**
**   cmake --preset release && cmake --build build/release
**   cc -O2 -Iinclude bench/csv_read.c build/release/libmot.a -lz -lm \
**      -o build/release/csv_read
**   build/release/csv_read events.csv
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <time.h>

#include "mot/csv.h"

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read one file; returns 0 or 1 after printing the error. */
static int bench(const char *path)
{
    mot_csv *csv;
    mot_error err;
    double t0 = now();
    if (mot_csv_open(&csv, path, NULL, &err) != MOT_OK) {
        char msg[1200];
        mot_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "csv_read: %s\n", msg);
        return 1;
    }
    unsigned long long records = 0, fields = 0, bytes = 0;
    mot_status st;
    while ((st = mot_csv_next(csv, &err)) == MOT_OK) {
        size_t n = mot_csv_nfields(csv);
        for (size_t i = 0; i < n; i++) {
            size_t len;
            mot_csv_field(csv, i, &len);
            bytes += len;
        }
        fields += n;
        records++;
    }
    double secs = now() - t0;
    double mb = (double)mot_csv_bytes(csv) / 1e6;
    if (st != MOT_DONE) {
        char msg[1200];
        mot_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "csv_read: %s\n", msg);
    }
    printf("%s (%s): %llu records, %llu fields, %llu field bytes, "
           "%.1f MB in %.3f s = %.0f MB/s\n", path, mot_csv_encoding(csv),
           records, fields, bytes, mb, secs, mb / secs);
    mot_csv_free(csv);
    return st != MOT_DONE;
}

int main(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++)
        status |= bench(argv[i]);
    return status;
}
