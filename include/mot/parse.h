/*
** mot/parse.h: parsing single field values (numbers, times, KANO answers).
**
** Each parser takes a field as (s, len), accepts surrounding ASCII spaces,
** and either fills *out and returns MOT_OK, or returns MOT_EDATA and leaves
** *out unchanged. They never allocate, never print, and never set errno.
** Callers build the file:line:column message; these only judge the text.
*/
#ifndef MOT_PARSE_H
#define MOT_PARSE_H

#include <stddef.h>
#include <stdint.h>
#include "mot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A finite decimal number: optional sign, digits, optional fraction and
** exponent ("3", "-2.5", "1e3", "4.", ".5"). Rejects empty text, "nan",
** "inf", hex, thousands separators and trailing garbage. */
mot_status mot_parse_double(const char *s, size_t len, double *out);

/* A whole number in [INT64_MIN, INT64_MAX] without fraction or exponent. */
mot_status mot_parse_int64(const char *s, size_t len, int64_t *out);

/* A yes/no flag: 1/0, true/false, yes/no, y/n (any case), 是/否.
** Writes 1 or 0. */
mot_status mot_parse_bool(const char *s, size_t len, int *out);

/* A point in time, as seconds since 1970-01-01T00:00:00Z. Accepted:
**   Unix seconds: an optionally signed integer of up to 12 digits
**     (13-digit values are taken as Unix milliseconds);
**   YYYY-MM-DD, YYYY/MM/DD (a date alone is its midnight);
**   a date, then 'T' or ' ', then HH:MM, HH:MM:SS or HH:MM:SS.fraction
**     (the fraction is dropped), then optionally 'Z', +HH:MM, +HHMM or +HH;
**   months, days and hours may have one digit ("2026/3/1 8:30", as Excel
**     writes them).
** A time without a zone is taken as UTC wall-clock time. Fields are range
** checked (month 1..12, day valid for the month, hour 0..23, minute 0..59,
** second 0..60). */
mot_status mot_parse_time(const char *s, size_t len, int64_t *out);

/* Format t as "YYYY-MM-DDTHH:MM:SSZ" into buf (at least 21 bytes). Years
** outside 0..9999 take ISO 8601's expanded form ("+33658-09-27T...",
** "-0001-12-31T..."), which a 21-byte buffer cuts short. */
void mot_format_time(int64_t t, char *buf, size_t n);

/* The UTC calendar date of t (seconds since 1970-01-01T00:00:00Z): year
** (any, negative before year 0), month 1..12 and day 1..31, the date that
** mot_format_time writes. */
void mot_time_date(int64_t t, int64_t *year, int *month, int *day);

/* A KANO answer: 1..5 or the words (any case) like, must-be / must be /
** expect, neutral, live-with / live with, dislike, or 喜欢, 理所当然,
** 无所谓, 能忍受, 不喜欢 (spaces, hyphens and underscores inside a word
** do not matter: "must_be" is must-be). Writes 1 (like) .. 5 (dislike). */
mot_status mot_parse_kano_answer(const char *s, size_t len, int *out);

/* True when the text is empty or only spaces. */
int mot_parse_is_blank(const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif /* MOT_PARSE_H */
