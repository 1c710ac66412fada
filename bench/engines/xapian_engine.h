// Xapian (libxapian-dev, 1.4) as a benchmark peer: an in-process
// Xapian::WritableDatabase (glass backend) in a temporary directory.
//
// Configuration, and why it is fair
//   Index: one TermGenerator with positions, each document stemmed with the
//     Snowball stemmer of its language (english, french, german, spanish,
//     russian; none for Vietnamese) and STEM_SOME, Xapian's default and the
//     setup its documentation recommends: unstemmed terms with positions
//     (for phrases) plus Z-prefixed stems (for words). The article text is
//     the document data, as a search application keeps it for snippets
//     (Accord's store keeps the raw and normalized text too). One commit at
//     the end (synced: durable when Load returns).
//   Query: Xapian::QueryParser, FLAG_DEFAULT | FLAG_PHRASE, default
//     operator OR (Accord's semantics for bare words), BM25 (Xapian's
//     default weighting), Enquire::get_mset(0, k). Queries have no language,
//     so QueryParser runs without a stemmer and, with kAllLanguages (the
//     default), every word outside a phrase is then widened to an
//     OP_SYNONYM of its unstemmed term and its Z-stem in each of the five
//     stemmed languages: exactly what Accord's analyzer does for a query
//     word (its alternatives over the corpus languages), so both engines
//     answer the same question. Phrases match unstemmed positional terms,
//     Xapian's own behaviour. kNone (exact word forms only) is cheaper for
//     Xapian and finds less; it is there to show the cost of the widening.
// Not thread-safe (see engine.h).
#ifndef ACCORD_BENCH_ENGINES_XAPIAN_ENGINE_H_
#define ACCORD_BENCH_ENGINES_XAPIAN_ENGINE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "bench/engines/engine.h"

namespace accord::bench {

struct XapianOptions {
  enum class QueryStemming { kAllLanguages, kNone };
  // How a query word (outside a phrase) matches. Default: kAllLanguages.
  QueryStemming query_stemming = QueryStemming::kAllLanguages;
  // Documents buffered in memory before Xapian flushes them to disk
  // (XAPIAN_FLUSH_THRESHOLD). 0 keeps Xapian's default (10000).
  int flush_threshold = 0;
};

// Creates the database in a new directory under `work_dir`; the directory
// is deleted with the engine.
absl::StatusOr<std::unique_ptr<Engine>> NewXapianEngine(
    const std::string& work_dir, const XapianOptions& options = {});

}  // namespace accord::bench

#endif  // ACCORD_BENCH_ENGINES_XAPIAN_ENGINE_H_
