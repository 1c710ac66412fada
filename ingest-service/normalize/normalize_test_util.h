// What the normalizer's tests share.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_NORMALIZE_TEST_UTIL_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_NORMALIZE_TEST_UTIL_H_

namespace accord::normalize {

// Where Debian's hunspell-* packages put their dictionaries (the
// normalizer's default, NormalizerOptions::dictionary_dir).
inline constexpr char kDictionaryDir[] = "/usr/share/hunspell";

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_NORMALIZE_TEST_UTIL_H_
