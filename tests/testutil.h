/*
** testutil.h: helpers shared by the cmocka test programs.
**
** Include after <stdarg.h>, <stddef.h>, <setjmp.h>, <stdint.h> and
** <cmocka.h>. Temporary files go under MOT_TEST_TMP (the build tree).
*/
#ifndef MOT_TESTUTIL_H
#define MOT_TESTUTIL_H

#include <stddef.h>

/* A fresh empty directory MOT_TEST_TMP/<name> (removed first if present);
** returns a static buffer holding its path. Aborts the test on failure. */
const char *tu_tmpdir(const char *name);

/* Write len bytes (len (size_t)-1 means strlen) to dir/file; returns the
** full path in a static buffer. Aborts the test on failure. */
const char *tu_write(const char *dir, const char *file, const char *data,
                     size_t len);

/* Read a whole file into a new NUL-terminated buffer (caller frees);
** *len receives its length if not NULL. Returns NULL if it cannot. */
char *tu_read(const char *path, size_t *len);

/* Compare s with the golden file MOT_TEST_DATA/golden/name, failing the
** test (after printing the first differing line) when they differ or the
** file is missing; when MOT_UPDATE_GOLDEN is set (and not "0"), write s
** there instead. Review the diff of regenerated goldens. */
void tu_golden(const char *name, const char *s);

/* Join a and b with '/' into a static buffer (one of four, rotating). */
const char *tu_path(const char *a, const char *b);

#endif
