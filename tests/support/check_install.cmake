# Installs the build in BUILD_DIR into PREFIX and checks what a desktop and a packager expect to find there
# (run by ctest as install_layout).
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
    RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
foreach(file bin/gdlab bin/gdlab-run share/applications/gdlab.desktop share/icons/hicolor/scalable/apps/gdlab.svg)
    if(NOT EXISTS "${PREFIX}/${file}")
        message(FATAL_ERROR "not installed: ${file}")
    endif()
endforeach()
file(STRINGS "${PREFIX}/share/applications/gdlab.desktop" exec REGEX "^Exec=")
if(NOT exec STREQUAL "Exec=gdlab")
    message(FATAL_ERROR "the desktop file starts '${exec}', not the installed gdlab")
endif()
execute_process(COMMAND "${PREFIX}/bin/gdlab-run" "${LESSON}" --lr 0.01 --iterations 10 --json
    RESULT_VARIABLE result OUTPUT_VARIABLE output)
if(NOT result EQUAL 0 OR NOT output MATCHES "\"status\": \"max iterations\"")
    message(FATAL_ERROR "the installed gdlab-run did not run: ${result} ${output}")
endif()
file(REMOVE_RECURSE "${PREFIX}")
