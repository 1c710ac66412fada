// The "templated" corpus profile: articles made only of the team-written
// word lists and sentence templates (lang_*.cc). About a thousand words per
// language, so the vocabulary saturates within a few hundred documents; kept
// because figures were measured on it, and as a contrast to the "news"
// profile (news_article.h), whose vocabulary keeps growing.
//
// Thread-safe.
#ifndef ACCORD_BENCH_CORPUS_INTERNAL_TEMPLATED_ARTICLE_H_
#define ACCORD_BENCH_CORPUS_INTERNAL_TEMPLATED_ARTICLE_H_

#include <cstdint>

#include "bench/corpus/generator.h"

namespace accord::bench::internal {

// Document `index` of the templated corpus of `seed`.
GeneratedDoc TemplatedArticle(uint64_t seed, uint64_t index);

}  // namespace accord::bench::internal

#endif  // ACCORD_BENCH_CORPUS_INTERNAL_TEMPLATED_ARTICLE_H_
