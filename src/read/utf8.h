/*
** utf8.h: UTF-8 validation for the readers (internal).
**
** mot_utf8_check finds how much of a byte range is well-formed UTF-8 text
** in the sense of the Unicode standard (table 3-7): no overlong forms, no
** surrogates, nothing above U+10FFFF. NUL is reported separately because
** a CSV file holding one is almost certainly binary.
*/
#ifndef MOT_READ_UTF8_H
#define MOT_READ_UTF8_H

#include <stddef.h>

typedef enum mot_utf8_end {
    MOT_UTF8_ALL,     /* every byte is part of a valid character */
    MOT_UTF8_SHORT,   /* the range ends inside a character that more bytes
                      ** could complete */
    MOT_UTF8_BAD,     /* an invalid byte or sequence starts at the end of the
                      ** valid prefix */
    MOT_UTF8_NUL      /* a NUL byte is at the end of the valid prefix */
} mot_utf8_end;

/* Return the length of the longest prefix of s[0..n) made of whole valid
** characters without NUL, and store in *end why it stops there. The byte
** at s[returned length] (when below n) is the first one not accepted. */
size_t mot_utf8_check(const unsigned char *s, size_t n, mot_utf8_end *end);

#endif
