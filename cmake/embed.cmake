# embed_files(TARGET_NAME OUTPUT file...): writes OUTPUT, a C++ source defining
# dialogd::embedded::find(path) over the contents of each file, read at configure/build time.
function(embed_files name output)
  set(inputs "")
  foreach(f ${ARGN})
    list(APPEND inputs ${CMAKE_SOURCE_DIR}/${f})
  endforeach()
  string(REPLACE ";" "|" joined "${ARGN}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DROOT=${CMAKE_SOURCE_DIR} "-DFILES=${joined}"
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake
    DEPENDS ${inputs} ${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake
    COMMENT "Embedding ${ARGN}"
    VERBATIM)
endfunction()
