// TopicScorer: scores a document against the topic taxonomy
// (topic_rules.h) on the terms ingest already built for the index
// (index::DocumentTerms), so topics cost no second pass over the text.
//
// Each phrase of the taxonomy is analyzed once, at Create, with the same
// analyzer in its own language: it matches every run of consecutive words
// of a document in that language whose terms equal its terms ("cybercrimes"
// for "cybercrime", "информационной безопасности" for "информационная
// безопасность"). Within a topic, overlapping matches count once: the
// strongest phrase, then the longest ("cybercrime convention" over
// "cybercrime" when both weigh 2). Each match adds its phrase's weight to
// the topic's evidence mass M, twice over in the title (the title says
// what a text is about); the score is 2 * log2(1 + M / 2), so that
// repeats count less and less and M = 2 (one phrase of weight 2, or two
// of weight 1) scores 2. A document is about a topic when the score
// reaches `min_score`.
//
// Thread-safety: immutable after Create; Score may run on any thread.
//
//   auto scorer = TopicScorer::Create(analyzer, TopicScorerOptions());
//   index::DocumentTerms terms = index::BuildDocumentTerms(analyzer, doc);
//   for (auto& topic : (*scorer)->Score(terms, doc)) ...
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_TOPICS_TOPIC_SCORER_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_TOPICS_TOPIC_SCORER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "accord/v1/document.pb.h"
#include "common/analysis/analyzer.h"
#include "common/index/document_terms.h"
#include "ingest-service/extract/phrases/term_phrases.h"
#include "ingest-service/extract/topics/topic_rules.h"

namespace accord::extract::topics {

struct TopicScorerOptions {
  // The taxonomy; empty: the one compiled in (data/topics.txt).
  std::vector<TopicDefinition> topics;
  // Its name in derivations ("team:<name>:<line>").
  std::string source_name = std::string(kEmbeddedTopicRulesName);

  // A document carries a topic whose score reaches this. Default: 2 (an
  // evidence mass of 2: one match of weight 2, two of weight 1, or one of
  // weight 1 in the title).
  double min_score = 2.0;
  // At most this many topics per document, highest first. Default: 5.
  size_t max_topics = 5;
  // An occurrence in the title counts this many times. Default: 2.
  double title_factor = 2.0;
  // Spans kept per phrase as evidence. Default: 16.
  size_t max_spans_per_phrase = 16;
};

class TopicScorer {
 public:
  // Parses the embedded taxonomy when options.topics is empty, and
  // analyzes every phrase. InvalidArgument for a taxonomy error or a
  // phrase that yields no term. `analyzer` must outlive the scorer and be
  // the one the index's terms come from.
  static absl::StatusOr<std::unique_ptr<TopicScorer>> Create(
      const analysis::Analyzer* analyzer, TopicScorerOptions options);

  // The topics `document` is about, highest score first, with their
  // evidence. `terms` must be BuildDocumentTerms of `document`. A document
  // in a language the taxonomy has no phrases for gets none.
  std::vector<accord::v1::TopicScore> Score(
      const index::DocumentTerms& terms,
      const accord::v1::Document& document) const;

  const std::vector<TopicDefinition>& topics() const { return options_.topics; }

  // Phrases of one topic and language whose terms equal an earlier
  // phrase's ("cybercrime" and "cybercrimes" in English): they can never
  // match on their own. "<id> <lang>: '<phrase>' = '<earlier>'" each; the
  // taxonomy's test wants none.
  const std::vector<std::string>& redundant_phrases() const {
    return redundant_;
  }

 private:
  TopicScorer(const analysis::Analyzer* analyzer, TopicScorerOptions options)
      : options_(std::move(options)), phrases_(analyzer) {}
  absl::Status Compile();

  TopicScorerOptions options_;
  TermPhrases phrases_;
  // Per phrase of phrases_: its topic (index into options_.topics) and
  // its line of the taxonomy.
  std::vector<std::pair<size_t, const TopicPhrase*>> phrase_of_;
  std::vector<std::string> redundant_;
};

}  // namespace accord::extract::topics

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_TOPICS_TOPIC_SCORER_H_
