# cpack-options.cmake: run by cpack before it builds a package (CPACK_PROJECT_CONFIG_FILE, set in
# cmake/install.cmake).  The .deb's Depends are computed by dpkg-shlibdeps; without it cpack would
# stop with a less helpful message.
if(CPACK_GENERATOR STREQUAL "DEB" AND CPACK_DEBIAN_PACKAGE_SHLIBDEPS)
  find_program(_vl_dpkg_shlibdeps dpkg-shlibdeps)
  if(NOT _vl_dpkg_shlibdeps)
    message(FATAL_ERROR "cpack -G DEB needs dpkg-shlibdeps to compute the package's Depends: "
                        "install it with 'apt-get install dpkg-dev'")
  endif()
endif()
