// Synthetic news-like articles for tests that need volume: some 600 words
// each, names and numbers beside common words, most words invented from
// the syllables of a script, so that the distinct terms grow with the
// articles as a news corpus's do. Deterministic for a seed.
#ifndef ACCORD_COMMON_TESTING_SYNTHETIC_TEXT_H_
#define ACCORD_COMMON_TESTING_SYNTHETIC_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace accord::testing {

// `count` articles (a title line, a blank line, paragraphs), cycling
// through Latin, Cyrillic, Vietnamese and German syllables.
std::vector<std::string> SyntheticArticles(int count, uint32_t seed = 7);

}  // namespace accord::testing

#endif  // ACCORD_COMMON_TESTING_SYNTHETIC_TEXT_H_
