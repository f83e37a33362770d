# cmake -DIN=file -DOUT=file.c -DNAME=symbol -P embed.cmake
# Writes a C file defining `const unsigned char NAME[]` with the bytes of IN
# (plus a NUL, not counted) and `const size_t NAME_size`: how the compiled
# message catalogs are built into the library.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" len)
math(EXPR size "${len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n    " bytes "${bytes}")
file(WRITE "${OUT}.tmp"
"/* Generated from ${NAME} by cmake/embed.cmake; do not edit. */\n"
"#include <stddef.h>\n"
"extern const unsigned char ${NAME}[];\n"
"extern const size_t ${NAME}_size;\n"
"const unsigned char ${NAME}[] = {\n    ${bytes}0x00\n};\n"
"const size_t ${NAME}_size = ${size};\n")
file(RENAME "${OUT}.tmp" "${OUT}")
