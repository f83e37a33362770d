/*
** textutil.c: small text helpers shared by the readers.
**
** Trimming, ASCII case-insensitive comparison (plain and "loose", the
** latter for vocabulary words that people spell with or without hyphens),
** UTF-8 validation and the excerpt of found text quoted in error messages.
** All work on (s, len) and never read past len.
*/
#include <assert.h>
#include <string.h>

#include "read/textutil.h"

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int mot_text_ieq(const char *s, size_t len, const char *word)
{
    size_t i;
    for (i = 0; i < len; i++) {
        if (word[i] == '\0' ||
            lower((unsigned char)s[i]) != lower((unsigned char)word[i]))
            return 0;
    }
    return word[i] == '\0';
}

static int is_separator(int c)
{
    return mot_text_is_space(c) || c == '-' || c == '_';
}

int mot_text_loose_eq(const char *s, size_t len, const char *word)
{
    size_t i = 0;
    for (;;) {
        while (i < len && is_separator((unsigned char)s[i]))
            i++;
        while (*word && is_separator((unsigned char)*word))
            word++;
        if (i == len || *word == '\0')
            return i == len && *word == '\0';
        if (lower((unsigned char)s[i]) != lower((unsigned char)*word))
            return 0;
        i++;
        word++;
    }
}

/* Length of the valid UTF-8 sequence at s (at most len bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t len)
{
    unsigned c = s[0];
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;   /* allowed range of the second byte */
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;               /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F;               /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;               /* nothing above U+10FFFF */
    } else
        return 0;
    if (len < n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

int mot_text_is_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    while (len > 0) {
        size_t n = utf8_seq(p, len);
        if (n == 0)
            return 0;
        p += n;
        len -= n;
    }
    return 1;
}

char *mot_text_excerpt(char *buf, size_t n, const char *s, size_t len)
{
    assert(n >= MOT_TEXT_EXCERPT_MAX + 4);
    if (len <= MOT_TEXT_EXCERPT_MAX) {
        memcpy(buf, s, len);
        buf[len] = '\0';
        return buf;
    }
    size_t cut = MOT_TEXT_EXCERPT_MAX;   /* back up over at most 3 bytes */
    while (cut > MOT_TEXT_EXCERPT_MAX - 3 &&
           ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    memcpy(buf, s, cut);
    memcpy(buf + cut, "...", 4);
    return buf;
}
