// What the normalizer's tests share.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_NORMALIZE_TEST_UTIL_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_NORMALIZE_TEST_UTIL_H_

#include <string>

#include "ingest-service/normalize/normalizer.h"

namespace accord::normalize {

// The hunspell dictionaries the normalizer opens by default (Debian's
// hunspell-* packages).
inline const std::string kDictionaryDir = NormalizerOptions().dictionary_dir;

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_NORMALIZE_TEST_UTIL_H_
