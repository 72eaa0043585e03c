# sarif_validate.cmake: viewleak's SARIF passes Microsoft's SARIF validator with no error and no
# warning (ctest -R '^formats_sarif_validate$', label formats).
#
# The validator is @microsoft/sarif-multitool VERSION (pinned in tests/formats/CMakeLists.txt), a
# self-contained .NET program shipped on npm.  When TOOLS does not hold that version it is installed
# there with `npm install` (TOOLS is in the build folder; the npm registry is needed on that first run
# only).  npm may skip install scripts, so the binary is made executable here.  The program runs with
# DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1, so it needs no ICU library (without it, a machine without
# Debian's libicu72 fails with "Couldn't find a valid ICU package").
#
# The validator exits 0 even when it finds errors: it reports each problem as a line
# "FILE(line,col): error|warning|note SARIFnnnn: ..." and as a result in its own SARIF log (-o),
# whose level is "error", "warning" (also when absent) or "note".  This script reads that log: any
# error or warning fails the test; notes (suggestions such as message ids or Pascal-case rule
# names) are listed but accepted.
#
# Checked: `viewleak check --output-format sarif examples fixtures` (findings, fixes, related
# locations) and a clean run (no results).
#
# Variables: VIEWLEAK, ROOT (repository), NPM (npm or NPM-NOTFOUND), VERSION, TOOLS, WORK.
if(NOT NPM)
  message(FATAL_ERROR "npm not found: the SARIF validator is installed with npm "
                      "(Debian: apt-get install nodejs npm), then re-run cmake")
endif()
if(CMAKE_HOST_SYSTEM_NAME STREQUAL "Linux")
  set(platform linux)
elseif(CMAKE_HOST_SYSTEM_NAME STREQUAL "Darwin")
  set(platform darwin)
else()
  message(FATAL_ERROR "the SARIF validator's npm package exists for Linux and macOS only")
endif()
set(package @microsoft/sarif-multitool-${platform})
set(pkgdir ${TOOLS}/node_modules/${package})
set(multitool ${pkgdir}/Sarif.Multitool)

# ---- install the pinned validator into the build folder (once; serialised between test runs) ----
file(MAKE_DIRECTORY ${TOOLS})
file(LOCK ${TOOLS}/.lock GUARD PROCESS TIMEOUT 1200)
set(installed "")
if(EXISTS ${pkgdir}/package.json AND EXISTS ${multitool})
  file(READ ${pkgdir}/package.json manifest)
  string(JSON installed ERROR_VARIABLE ignored GET "${manifest}" version)
endif()
if(NOT installed STREQUAL VERSION)
  message("installing ${package}@${VERSION} into ${TOOLS}")
  execute_process(COMMAND ${NPM} install --prefix ${TOOLS} --no-audit --no-fund --ignore-scripts --save-exact
                          @microsoft/sarif-multitool@${VERSION} ${package}@${VERSION}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0 OR NOT EXISTS ${multitool})
    message(FATAL_ERROR "npm install of ${package}@${VERSION} failed (exit ${rc}); "
                        "the first run needs the npm registry:\n${out}")
  endif()
endif()
file(CHMOD ${multitool} PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                                    WORLD_READ WORLD_EXECUTE)
file(LOCK ${TOOLS}/.lock RELEASE)
set(run_tool ${CMAKE_COMMAND} -E env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 ${multitool})
execute_process(COMMAND ${run_tool} --version OUTPUT_VARIABLE version_text ERROR_VARIABLE version_text)
string(REGEX MATCH "SARIF Multitool [^\n]*" version_line "${version_text}")
message("validator: ${version_line}")
if(NOT version_line MATCHES "SARIF Multitool ${VERSION}")
  message(FATAL_ERROR "expected SARIF Multitool ${VERSION}, got: ${version_text}")
endif()

# ---- viewleak's SARIF ----
set(findings ${WORK}/viewleak-findings.sarif)
set(clean ${WORK}/viewleak-clean.sarif)
execute_process(COMMAND ${VIEWLEAK} check --isolated --output-format sarif examples fixtures
                WORKING_DIRECTORY ${ROOT} OUTPUT_FILE ${findings} ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err STREQUAL "")
  message(FATAL_ERROR "viewleak check examples fixtures: exit ${rc} (want 1), stderr: ${err}")
endif()
execute_process(COMMAND ${VIEWLEAK} check --isolated --output-format sarif examples/numpy_only.py
                WORKING_DIRECTORY ${ROOT} OUTPUT_FILE ${clean} ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "viewleak check examples/numpy_only.py: exit ${rc} (want 0), stderr: ${err}")
endif()

# ---- validate ----
set(failed 0)
foreach(input ${findings} ${clean})
  set(log ${input}.validation.sarif)
  execute_process(COMMAND ${run_tool} validate ${input} -o ${log} --log ForceOverwrite --level "Error;Warning;Note"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE console ERROR_VARIABLE console)
  if(NOT rc EQUAL 0 OR NOT EXISTS ${log})
    message(FATAL_ERROR "the validator failed on ${input} (exit ${rc}):\n${console}")
  endif()
  file(READ ${log} text)
  string(JSON ok ERROR_VARIABLE e GET "${text}" runs 0 invocations 0 executionSuccessful)
  string(JSON notifications ERROR_VARIABLE e LENGTH "${text}" runs 0 invocations 0 toolExecutionNotifications)
  if(NOT ok OR (notifications AND NOT notifications EQUAL 0))
    message(FATAL_ERROR "the validator did not run to completion on ${input}:\n${console}")
  endif()
  string(JSON n ERROR_VARIABLE e LENGTH "${text}" runs 0 results)
  if(e)
    set(n 0)
  endif()
  set(errors 0)
  set(warnings 0)
  set(notes "")
  if(n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      string(JSON rule GET "${text}" runs 0 results ${i} ruleId)
      string(JSON level ERROR_VARIABLE missing GET "${text}" runs 0 results ${i} level)
      if(missing)
        set(level warning) # SARIF's default level
      endif()
      if(level STREQUAL "error")
        math(EXPR errors "${errors} + 1")
      elseif(level STREQUAL "warning")
        math(EXPR warnings "${warnings} + 1")
      else()
        list(APPEND notes ${rule})
      endif()
    endforeach()
  endif()
  list(LENGTH notes nnotes)
  set(summary "")
  if(nnotes)
    list(REMOVE_DUPLICATES notes)
    string(REPLACE ";" ", " summary " (notes from ${notes})")
  endif()
  get_filename_component(name ${input} NAME)
  message("${name}: ${errors} errors, ${warnings} warnings, ${nnotes} notes${summary}")
  if(errors OR warnings)
    string(REGEX MATCHALL "[^\n]*: (error|warning) [A-Z]+[0-9]+:[^\n]*" lines "${console}")
    string(REPLACE ";" "\n" lines "${lines}")
    message("${lines}")
    math(EXPR failed "${failed} + 1")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "the SARIF validator reported errors or warnings")
endif()
