# embed.cmake: turn files into a C source holding their bytes, so the binary carries its own rule
# docs and library tables.  Run as:
#   cmake -DOUT=file.c -DNAME=sym -DFILES="a|b" -P embed.cmake
# and produces
#   const VlEmbedded sym[] = {{"a-basename", bytes, len}, ..., {0}};
# The struct is declared in src/base/embed.h.
string(REPLACE "|" ";" FILES "${FILES}")
set(body "#include \"base/embed.h\"\n")
set(entries "")
set(i 0)
foreach(f IN LISTS FILES)
  file(READ "${f}" hex HEX)
  string(LENGTH "${hex}" hexlen)
  math(EXPR n "${hexlen} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  get_filename_component(base "${f}" NAME)
  string(APPEND body "static const unsigned char d${i}[] = {${bytes}0x00};\n")
  string(APPEND entries "  {\"${base}\", (const char *)d${i}, ${n}},\n")
  math(EXPR i "${i} + 1")
endforeach()
string(APPEND body "const VlEmbedded ${NAME}[] = {\n${entries}  {0, 0, 0}\n};\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
