# ctest eval_extract_gold_set: runs accord-eval-extract (-DCOMMAND=...) in the
# working directory and fails unless it exits 0 and prints a row of every
# field for every language and "all".
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE code OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "accord-eval-extract exited ${code}:\n${err}\n${out}")
endif()
message("${out}")
foreach(field "mention span" "mention kind" "entity" "role" "temporal span"
              "temporal value" "grain" "resolution" "topic" "top topic"
              "event" "event date" "event place" "event participant")
  foreach(lang en fr de es ru vi all)
    string(REGEX MATCH "\n${field} +${lang} +[0-9]" row "\n${out}")
    if(NOT row)
      message(FATAL_ERROR "no row for '${field}' / ${lang}")
    endif()
  endforeach()
endforeach()
