// The benchmark's queries for a generated corpus (generator.h): the same
// queries on every machine for a given seed and corpus size. Three kinds, as
// an analyst types them in Accord's query syntax
// (common/analysis/query_parser.h):
//   kOneTerm    cybersecurity             one content word
//   kMultiTerm  Hanoi convention treaty   2-4 content words of one language
//                                         (OR'ed and ranked)
//   kPhrase     "information security"    2-3 consecutive words copied from
//                                         a headline or paragraph of the
//                                         corpus, so every phrase query has
//                                         at least one hit
// Words are drawn from the language vocabularies with the corpus's language
// shares and a Zipf distribution (frequent words are queried more, as in
// query logs); function words are never query terms, nor phrase edges. On
// the news profile, a fifth of the one-term and multi-term words are
// instead copied from a corpus document's long tail (a rare word, a
// generated name or place), as analysts search for names: such a query
// has at least one hit and exercises the index's rare terms. Words and
// phrases are copied only from the lines every engine indexes, never from
// those Accord's normalizer sets aside (GeneratedDoc::aside_lines: stamps,
// captions, source lines), which would have hits in the peers only.
//
// Thread-safe.
#ifndef ACCORD_BENCH_CORPUS_QUERY_SET_H_
#define ACCORD_BENCH_CORPUS_QUERY_SET_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "bench/corpus/generator.h"

namespace accord::bench {

enum class QueryKind { kOneTerm, kMultiTerm, kPhrase };
inline constexpr QueryKind kAllQueryKinds[] = {
    QueryKind::kOneTerm, QueryKind::kMultiTerm, QueryKind::kPhrase};

// "one-term", "multi-term", "phrase".
absl::string_view QueryKindName(QueryKind kind);

struct BenchQuery {
  QueryKind kind;
  std::string text;      // in Accord's query syntax
  std::string language;  // the vocabulary it came from (engines ignore it)
};

// `per_kind` queries of each kind for the first `corpus_size` documents of
// `corpus`, grouped by kind in kAllQueryKinds order.
// REQUIRES: corpus_size > 0.
std::vector<BenchQuery> GenerateQueries(const CorpusGenerator& corpus,
                                        uint64_t corpus_size, size_t per_kind);

// The same for the templated corpus GenerateCorpus(seed, corpus_size).
std::vector<BenchQuery> GenerateQueries(uint64_t seed, uint64_t corpus_size,
                                        size_t per_kind);

// The words of a query (quotes removed), as an engine adapter needs them:
// "\"a b\"" -> {"a", "b"}; "a b c" -> {"a", "b", "c"}.
std::vector<std::string> QueryWords(absl::string_view query);

}  // namespace accord::bench

#endif  // ACCORD_BENCH_CORPUS_QUERY_SET_H_
