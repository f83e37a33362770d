/*
** textutil.h: small text helpers shared by the readers (internal).
**
** Every function takes text as (s, len) and never reads past len; none
** allocates. "Space" here means an ASCII space or tab.
*/
#ifndef MOT_READ_TEXTUTIL_H
#define MOT_READ_TEXTUTIL_H

#include <stddef.h>

/* Longest excerpt of found text quoted in an error message, in bytes,
** before "..." is appended. */
#define MOT_TEXT_EXCERPT_MAX 40

/* True for an ASCII space or tab. */
static inline int mot_text_is_space(int c)
{
    return c == ' ' || c == '\t';
}

/* Narrow (*s, *len) to drop leading and trailing spaces. Inline: it runs
** on every field of every file. */
static inline void mot_text_trim(const char **s, size_t *len)
{
    const char *p = *s;
    size_t n = *len;
    while (n > 0 && mot_text_is_space((unsigned char)p[0])) {
        p++;
        n--;
    }
    while (n > 0 && mot_text_is_space((unsigned char)p[n - 1]))
        n--;
    *s = p;
    *len = n;
}

/* True when (s, len) equals the NUL-terminated word, ignoring ASCII case. */
int mot_text_ieq(const char *s, size_t len, const char *word);

/* True when (s, len) equals word once both have dropped every space,
** hyphen and underscore, ignoring ASCII case: "Follow_up", " follow-up "
** and "FOLLOWUP" all equal "follow-up". */
int mot_text_loose_eq(const char *s, size_t len, const char *word);

/* True when (s, len) is valid UTF-8 (no overlong forms, no surrogates,
** nothing above U+10FFFF). */
int mot_text_is_utf8(const char *s, size_t len);

/* Copy (s, len) into buf (size n >= MOT_TEXT_EXCERPT_MAX + 4) for quoting
** in a message: text longer than MOT_TEXT_EXCERPT_MAX bytes is cut at a
** UTF-8 character boundary and "..." appended. Always NUL-terminates buf
** when n > 0. Returns buf. */
char *mot_text_excerpt(char *buf, size_t n, const char *s, size_t len);

#endif /* MOT_READ_TEXTUTIL_H */
