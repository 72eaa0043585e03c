# install.cmake: what `cmake --install` puts where, and the Debian package built by CPack.
# Included at the end of the top-level CMakeLists.txt; see docs/install.md.
#
#   cmake --install BUILD --prefix P     (P defaults to /usr/local)
#     P/bin/viewleak
#     P/share/man/man1/viewleak.1.gz                      packaging/viewleak.1, gzipped
#     P/share/doc/viewleak/copyright                      LICENSE, then the vendored code's licences
#     P/share/doc/viewleak/rules/VLnnn.md                 rules/*.md
#     P/share/bash-completion/completions/viewleak        packaging/completions/viewleak.bash
#     P/share/zsh/site-functions/_viewleak                packaging/completions/_viewleak
#       (share/zsh/vendor-completions when P is /usr on Debian, the folder Debian's zsh searches)
#     P/share/fish/vendor_completions.d/viewleak.fish     packaging/completions/viewleak.fish
#
#   cd BUILD && cpack -G DEB             viewleak_<version>_<arch>.deb: the same files under /usr;
#                                        Depends computed by dpkg-shlibdeps (Debian's dpkg-dev)
include(GNUInstallDirs)

set(VL_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(VL_GENERATED_DIR ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${VL_GENERATED_DIR})

# Writes CONTENT to FILE only when it differs, so that nothing that depends on FILE rebuilds.
function(vl_write_if_changed file content)
  file(WRITE ${file}.tmp "${content}")
  file(COPY_FILE ${file}.tmp ${file} ONLY_IF_DIFFERENT)
  file(REMOVE ${file}.tmp)
endfunction()

# ---- generated at configure time (CMake re-runs when a source below changes) ----
# The man page, gzipped as Debian policy asks (man reads it the same); `gzip -n` stores no
# timestamp, so the result is the same on every configure and every machine.
set(_man ${VL_PACKAGING_DIR}/viewleak.1)
set(_man_gz ${VL_GENERATED_DIR}/viewleak.1.gz)
find_program(VL_GZIP gzip)
if(VL_GZIP)
  execute_process(COMMAND ${VL_GZIP} -9nc ${_man} OUTPUT_FILE ${_man_gz}.tmp RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "gzip ${_man} failed")
  endif()
else()
  file(ARCHIVE_CREATE OUTPUT ${_man_gz}.tmp PATHS ${_man} FORMAT raw COMPRESSION GZip COMPRESSION_LEVEL 9)
endif()
file(COPY_FILE ${_man_gz}.tmp ${_man_gz} ONLY_IF_DIFFERENT)
file(REMOVE ${_man_gz}.tmp)

# copyright: our LICENSE, then the licence of each vendored component compiled into the binary.
set(_copyright_sources ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/grammar/VENDORED.tsv)
file(READ ${PROJECT_SOURCE_DIR}/LICENSE _copyright)
string(APPEND _copyright "\nThe viewleak binary also contains the following code, vendored in grammar/ of its source\n"
       "(see grammar/VENDORED.tsv), under these licences:\n")
file(STRINGS ${PROJECT_SOURCE_DIR}/grammar/VENDORED.tsv _vendored REGEX "^[^#]")
foreach(_row IN LISTS _vendored)
  string(REPLACE "\t" ";" _fields "${_row}")
  list(GET _fields 0 _package)
  list(GET _fields 1 _version)
  list(GET _fields 2 _folder)
  set(_license ${PROJECT_SOURCE_DIR}/grammar/${_folder}/LICENSE)
  list(APPEND _copyright_sources ${_license})
  file(READ ${_license} _text)
  string(APPEND _copyright "\n-- ${_package} ${_version} (grammar/${_folder}/LICENSE) --\n\n${_text}")
endforeach()
vl_write_if_changed(${VL_GENERATED_DIR}/copyright "${_copyright}")
set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_man} ${_copyright_sources})

# ---- install rules ----
install(TARGETS viewleak RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${VL_GENERATED_DIR}/viewleak.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${VL_GENERATED_DIR}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/rules
        FILES_MATCHING PATTERN "*.md" PATTERN generate EXCLUDE PATTERN overlay EXCLUDE)
install(FILES ${VL_PACKAGING_DIR}/completions/viewleak.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME viewleak)
install(FILES ${VL_PACKAGING_DIR}/completions/viewleak.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# zsh: the folder is chosen when installing, since CPack installs with the prefix /usr.
install(CODE "set(_vl_zsh_completion \"${VL_PACKAGING_DIR}/completions/_viewleak\")
set(_vl_datadir \"${CMAKE_INSTALL_DATADIR}\")")
install(CODE [[
  if(CMAKE_INSTALL_PREFIX STREQUAL "/usr" AND EXISTS /etc/debian_version)
    set(_vl_zsh_dir "${_vl_datadir}/zsh/vendor-completions")
  else()
    set(_vl_zsh_dir "${_vl_datadir}/zsh/site-functions")
  endif()
  file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/${_vl_zsh_dir}" TYPE FILE FILES "${_vl_zsh_completion}")
]])

# ---- the Debian package ----
set(VL_DEB_MAINTAINER "The viewleak authors" CACHE STRING "Maintainer field of the .deb built by cpack")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME viewleak)
set(CPACK_PACKAGE_VENDOR "The viewleak authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "viewleak is a static analyzer for Python code that finds NumPy, CuPy and PyTorch views stored in "
    "a loop while the loop rebinds the array they view to a new copy: every iteration then keeps a "
    "whole old copy alive, and memory grows as iterations times array size.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/viewleak/viewleak")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # viewleak_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${VL_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # Depends: from the libraries the binary links (libc6, libcjson1, ...)
# dpkg-shlibdeps sees only linked libraries: the two loaded when first needed (src/base/dynlib.h) are
# named here, by the package that owns the file the build found, at least the version it was built with
# (tests/package/package_test.sh checks every soname the binary opens is in Depends).
set(_vl_dlopen_depends)
find_program(_vl_dpkg_query dpkg-query)
foreach(_vl_lib LIBGIT2 LIBXML2)
  if(_vl_dpkg_query)
    get_filename_component(_vl_file "${${_vl_lib}_SOFILE}" REALPATH)
    execute_process(COMMAND ${_vl_dpkg_query} -S "${_vl_file}" OUTPUT_VARIABLE _vl_owner ERROR_QUIET)
    if(_vl_owner MATCHES "^([^:,]+)")
      list(APPEND _vl_dlopen_depends "${CMAKE_MATCH_1} (>= ${${_vl_lib}_VERSION})")
    endif()
  endif()
endforeach()
list(JOIN _vl_dlopen_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS) # cpack adds dpkg-shlibdeps' list to it
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Checked when cpack runs: dpkg-shlibdeps is there, with the package to install when not.
set(CPACK_PROJECT_CONFIG_FILE ${VL_PACKAGING_DIR}/cpack-options.cmake)
include(CPack)
