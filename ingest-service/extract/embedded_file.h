// ACCORD_EMBED_FILE: compiles a data file into the binary's read-only data,
// so that a server never runs with data from another build. The team's
// data files of the understanding layer (gazetteer/, topics/) use it.
//
//   ACCORD_EMBED_FILE(accord_topics, ACCORD_TOPICS_DATA_DIR "/topics.txt")
//   std::string_view text = ACCORD_EMBEDDED_BYTES(accord_topics);
//
// The path is a string literal, usually a directory CMake passes as a
// compile definition; CMake must also list the file in the source's
// OBJECT_DEPENDS so that the object is rebuilt when the file changes.
// Use at namespace scope, once per symbol per binary.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_EMBEDDED_FILE_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_EMBEDDED_FILE_H_

#include <cstddef>
#include <string_view>

// The file is assembled into .rodata with .incbin, between two global
// labels; a NUL byte follows it.
#define ACCORD_EMBED_FILE(symbol, path)   \
  asm(".pushsection .rodata\n"            \
      ".global " #symbol                  \
      "_begin\n"                          \
      ".balign 16\n" #symbol              \
      "_begin:\n"                         \
      ".incbin \"" path                   \
      "\"\n"                              \
      ".global " #symbol "_end\n" #symbol \
      "_end:\n"                           \
      ".byte 0\n"                         \
      ".popsection\n");                   \
  extern "C" const char symbol##_begin[]; \
  extern "C" const char symbol##_end[];

// The bytes of a file ACCORD_EMBED_FILE embedded as `symbol`.
#define ACCORD_EMBEDDED_BYTES(symbol) \
  std::string_view(symbol##_begin,    \
                   static_cast<size_t>(symbol##_end - symbol##_begin))

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_EMBEDDED_FILE_H_
