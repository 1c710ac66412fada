#include "ingest-service/extract/gazetteer/data_files.h"

// Each file is assembled into .rodata with .incbin (ACCORD_EXTRACT_DATA_DIR
// is set by CMake, which also rebuilds this file when a data file changes).
#define ACCORD_EMBED(symbol, file)                  \
  asm(".pushsection .rodata\n"                      \
      ".global " #symbol                            \
      "_begin\n"                                    \
      ".balign 16\n" #symbol                        \
      "_begin:\n"                                   \
      ".incbin \"" ACCORD_EXTRACT_DATA_DIR "/" file \
      "\"\n"                                        \
      ".global " #symbol "_end\n" #symbol           \
      "_end:\n"                                     \
      ".byte 0\n"                                   \
      ".popsection\n");                             \
  extern "C" const char symbol##_begin[];           \
  extern "C" const char symbol##_end[];

ACCORD_EMBED(accord_extract_countries, "countries.txt")
ACCORD_EMBED(accord_extract_organizations, "organizations.txt")
ACCORD_EMBED(accord_extract_treaties, "treaties.txt")
ACCORD_EMBED(accord_extract_places, "places.txt")
ACCORD_EMBED(accord_extract_people, "people.txt")
ACCORD_EMBED(accord_extract_roles, "roles.txt")

namespace accord::extract {
namespace {

std::string_view Bytes(const char* begin, const char* end) {
  return std::string_view(begin, static_cast<size_t>(end - begin));
}

}  // namespace

const std::vector<std::pair<std::string_view, std::string_view>>&
EmbeddedDataFiles() {
  static const auto* const kFiles =
      new std::vector<std::pair<std::string_view, std::string_view>>{
          {"countries.txt",
           Bytes(accord_extract_countries_begin, accord_extract_countries_end)},
          {"organizations.txt", Bytes(accord_extract_organizations_begin,
                                      accord_extract_organizations_end)},
          {"treaties.txt",
           Bytes(accord_extract_treaties_begin, accord_extract_treaties_end)},
          {"places.txt",
           Bytes(accord_extract_places_begin, accord_extract_places_end)},
          {"people.txt",
           Bytes(accord_extract_people_begin, accord_extract_people_end)},
          {"roles.txt",
           Bytes(accord_extract_roles_begin, accord_extract_roles_end)},
      };
  return *kFiles;
}

}  // namespace accord::extract
