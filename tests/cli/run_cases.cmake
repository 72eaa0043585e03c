# run_cases.cmake: golden tests of the viewleak command line.
#
# Each folder under tests/cli/ is a case: `args` (one argument per line, run from the repository
# root), and the expected `stdout`, `stderr` and `exit`.  Output must match byte for byte.  The
# result cache is the folder CACHE, emptied first (not the source tree's .viewleak_cache): the
# cases that check files checked before by another case read their results from it.
# Regenerate after an intended change, then review the diff:
#   VL_UPDATE_GOLDEN=1 ctest -R '^cli$'      (from the build folder)
file(GLOB cases LIST_DIRECTORIES true ${CASES}/*)
file(REMOVE_RECURSE ${CACHE})
set(ENV{VIEWLEAK_CACHE_DIR} ${CACHE})
set(failed 0)
set(count 0)
foreach(dir IN LISTS cases)
  if(NOT IS_DIRECTORY ${dir} OR NOT EXISTS ${dir}/args)
    continue()
  endif()
  get_filename_component(name ${dir} NAME)
  file(STRINGS ${dir}/args args)
  execute_process(COMMAND ${VIEWLEAK} ${args} WORKING_DIRECTORY ${ROOT}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  math(EXPR count "${count} + 1")
  if(DEFINED ENV{VL_UPDATE_GOLDEN})
    file(WRITE ${dir}/stdout "${out}")
    file(WRITE ${dir}/stderr "${err}")
    file(WRITE ${dir}/exit "${rc}\n")
    continue()
  endif()
  file(READ ${dir}/stdout want_out)
  file(READ ${dir}/stderr want_err)
  file(STRINGS ${dir}/exit want_rc)
  if(NOT out STREQUAL want_out OR NOT err STREQUAL want_err OR NOT rc STREQUAL want_rc)
    math(EXPR failed "${failed} + 1")
    message("FAIL ${name}: exit ${rc} (want ${want_rc})\n--- stdout\n${out}--- want\n${want_out}--- stderr\n${err}--- want\n${want_err}")
  endif()
endforeach()
math(EXPR passed "${count} - ${failed}")
message("${passed} passed, ${failed} failed")
if(failed OR count EQUAL 0)
  message(FATAL_ERROR "cli golden tests failed")
endif()
