// understanding_bench: what the understanding step (entity mentions and
// temporal expressions, ingest-service/extract/understanding.h) costs in
// the ingest path. Per language, in one run, the same documents go through
//   (a) ingest's CPU work without understanding: normalize, apply the
//       publication metadata, analyze for the index
//       (index::BuildDocumentTerms), as PendingBundle::Prepare does; and
//   (b) the same plus Understanding::Understand and UnderstandTerms
//       (topics, events),
// and it prints docs/s and MB/s of both side by side with their ratio.
// Decoding, hashing and the store's write are left out: they are the same
// in (a) and (b), so leaving them out makes the ratio the harshest one.
//
// Documents: the gold set (tests/gold/<lang>/*.txt, with their
// publication lines as metadata) repeated to --min_mb per language, and
// the generated news corpus (bench/corpus, profile news) split by
// language, each language's share repeated to --min_mb too. One untimed
// pass first: the figures are the steady state of a running service.
//
//   build-release/bench/understanding_bench --gold_dir=tests/gold
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "accord/v1/bundle.pb.h"
#include "accord/v1/document.pb.h"
#include "bench/corpus/generator.h"
#include "common/analysis/analyzer.h"
#include "common/index/document_terms.h"
#include "common/store/store.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/metadata_check.h"
#include "ingest-service/normalize/normalizer.h"
#include "tools/eval_extract/gold_set.h"

ABSL_FLAG(std::string, gold_dir, "tests/gold", "The gold set (tests/gold).");
ABSL_FLAG(double, min_mb, 4.0,
          "Each language's documents are repeated to at least this many MB.");
ABSL_FLAG(uint64_t, corpus_docs, 3000,
          "Generated news articles to split by language (0: gold set only).");
ABSL_FLAG(int, rounds, 3,
          "Each configuration is timed this many times, alternating; the "
          "fastest round counts.");
ABSL_FLAG(std::string, languages, "en,fr,de,es,ru,vi", "Languages to run.");

namespace {

struct Input {
  std::string text;
  accord::v1::DocumentMetadata metadata;
};

struct Sample {
  std::vector<Input> docs;
  uint64_t bytes = 0;
};

// Repeats `unique` until the sample holds at least `min_bytes`.
Sample Repeat(const std::vector<Input>& unique, uint64_t min_bytes) {
  Sample sample;
  if (unique.empty()) return sample;
  while (sample.bytes < min_bytes) {
    for (const Input& in : unique) {
      sample.docs.push_back(in);
      sample.bytes += in.text.size();
    }
  }
  return sample;
}

struct Pipeline {
  const accord::normalize::Normalizer* normalizer;
  const accord::analysis::Analyzer* analyzer;
  const accord::extract::Understanding* understanding;  // null: (a)
};

// Seconds for one pass over the sample; *sink keeps the work observable.
// With `stages`, adds the time of each of Understand's stages.
// What understanding adds to the stored bytes, summed over documents.
struct AddedBytes {
  uint64_t mentions = 0, temporals = 0, topics = 0, events = 0, records = 0,
           documents = 0, count = 0;
};

double Pass(const Pipeline& p, const Sample& sample, uint64_t* sink,
            accord::extract::UnderstandStageTimes* stages = nullptr,
            AddedBytes* bytes = nullptr) {
  const auto start = std::chrono::steady_clock::now();
  for (const Input& in : sample.docs) {
    // Held as ingest holds it: on the arena of a store::PendingDocument.
    accord::store::PendingDocument pending;
    accord::v1::Document& document = pending.document();
    if (!p.normalizer->Normalize(in.text, in.metadata, &document).ok())
      continue;
    accord::ingest::ApplyMetadata(in.metadata, &document);
    if (p.understanding != nullptr) {
      const std::vector<accord::store::PendingEntity> entities =
          p.understanding->Understand(&document, stages);
      *sink += entities.size();
      if (bytes != nullptr) {
        for (const auto& m : document.entity_mentions()) {
          bytes->mentions += m.ByteSizeLong();
        }
        for (const auto& t : document.temporal_expressions()) {
          bytes->temporals += t.ByteSizeLong();
        }
        for (const auto& e : entities)
          bytes->records += e.entity.ByteSizeLong();
      }
    }
    const accord::index::DocumentTerms terms =
        accord::index::BuildDocumentTerms(*p.analyzer, document);
    *sink += terms.length;
    if (p.understanding != nullptr) {
      p.understanding->UnderstandTerms(terms, &document, stages);
      *sink += document.topics_size();
      if (bytes != nullptr) {
        for (const auto& t : document.topics())
          bytes->topics += t.ByteSizeLong();
        for (const auto& e : document.events())
          bytes->events += e.ByteSizeLong();
        bytes->documents += document.ByteSizeLong();
        ++bytes->count;
      }
    }
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

void Run(const std::string& language, const std::string& source,
         const Sample& sample, const Pipeline& without, const Pipeline& with,
         int rounds, uint64_t* sink) {
  if (sample.docs.empty()) return;
  // Untimed: the normalizer opens a language's dictionaries on its first
  // document, and ICU's Any-Latin builds a transliterator per script on
  // the first name in that script.
  AddedBytes bytes;
  Pass(with, sample, sink, nullptr, &bytes);
  double a = 1e30, b = 1e30;
  accord::extract::UnderstandStageTimes stages;
  for (int r = 0; r < rounds; ++r) {
    a = std::min(a, Pass(without, sample, sink));
    b = std::min(b, Pass(with, sample, sink, &stages));
  }
  const double n = static_cast<double>(sample.docs.size());
  const double mb = static_cast<double>(sample.bytes) / 1e6;
  // Microseconds per document of each stage, averaged over the rounds.
  auto per_doc = [&](uint64_t total) {
    return static_cast<double>(total) /
           static_cast<double>(std::max<uint64_t>(1, bytes.count));
  };
  auto us = [&](absl::Duration d) {
    return absl::ToDoubleMicroseconds(d) /
           static_cast<double>(std::max<int64_t>(1, stages.documents));
  };
  std::cout << absl::StrFormat(
      "%-4s %-6s %7zu %6.1f  %9.0f %7.2f  %9.0f %7.2f  %6.2f %+7.1f%%  %6.1f "
      "%6.1f %6.1f %6.1f %6.1f %6.1f %6.1f  %6.0f %6.0f %6.0f %6.0f %6.0f "
      "%6.0f\n",
      language, source, sample.docs.size(), mb, n / a, mb / a, n / b, mb / b,
      a / b, 100.0 * (b - a) / a, 1e6 * a / n, us(stages.entities),
      us(stages.dates), us(stages.linking), us(stages.records),
      us(stages.topics), us(stages.events), per_doc(bytes.documents),
      per_doc(bytes.mentions), per_doc(bytes.temporals), per_doc(bytes.topics),
      per_doc(bytes.events), per_doc(bytes.records));
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Docs/s and MB/s of ingest's CPU work without and with understanding, "
      "per language.");
  absl::ParseCommandLine(argc, argv);
  const uint64_t min_bytes =
      static_cast<uint64_t>(absl::GetFlag(FLAGS_min_mb) * 1e6);

  const accord::normalize::Normalizer normalizer;
  auto analyzer = accord::analysis::Analyzer::Create();
  if (!analyzer.ok()) {
    std::cerr << analyzer.status() << "\n";
    return 1;
  }
  accord::extract::UnderstandingOptions understanding_options;
  understanding_options.dictionaries = &normalizer.word_lists();
  understanding_options.analyzer = analyzer->get();
  auto understanding =
      accord::extract::Understanding::Create(understanding_options);
  if (!understanding.ok()) {
    std::cerr << understanding.status() << "\n";
    return 1;
  }
  auto gold =
      accord::eval_extract::LoadGoldSet(absl::GetFlag(FLAGS_gold_dir), "");
  if (!gold.ok()) {
    std::cerr << gold.status() << "\n";
    return 1;
  }
  std::vector<accord::bench::GeneratedDoc> corpus;
  if (const uint64_t n = absl::GetFlag(FLAGS_corpus_docs); n > 0) {
    auto generator = accord::bench::CorpusGenerator::Create({});
    if (!generator.ok()) {
      std::cerr << generator.status() << "\n";
      return 1;
    }
    corpus = (*generator)->Documents(n, 2);
  }

  const Pipeline without{&normalizer, analyzer->get(), nullptr};
  const Pipeline with{&normalizer, analyzer->get(), understanding->get()};
  const int rounds = std::max(1, absl::GetFlag(FLAGS_rounds));
  uint64_t sink = 0;

  std::cout << absl::StrFormat(
      "%-4s %-6s %7s %6s  %9s %7s  %9s %7s  %6s %8s  %6s %6s %6s %6s %6s "
      "%6s %6s  %6s %6s %6s %6s %6s %6s\n",
      "lang", "docs", "n", "MB", "a docs/s", "a MB/s", "b docs/s", "b MB/s",
      "b/a", "cost", "a us", "ent us", "date us", "link us", "rec us", "top us",
      "evt us", "doc B", "ment B", "temp B", "top B", "evt B", "rec B");
  for (absl::string_view lang_view :
       absl::StrSplit(absl::GetFlag(FLAGS_languages), ',')) {
    const std::string language(lang_view);
    std::vector<Input> gold_inputs, corpus_inputs;
    for (const auto& doc : *gold) {
      if (doc.group != language) continue;
      Input in{doc.text, {}};
      if (doc.publication.has_value()) {
        in.metadata.mutable_publication_time()->set_seconds(
            absl::ToUnixSeconds(*doc.publication));
      }
      gold_inputs.push_back(std::move(in));
    }
    for (const auto& doc : corpus) {
      if (doc.language != language) continue;
      Input in{doc.text, {}};
      in.metadata.mutable_publication_time()->set_seconds(doc.published_unix);
      corpus_inputs.push_back(std::move(in));
    }
    Run(language, "gold", Repeat(gold_inputs, min_bytes), without, with, rounds,
        &sink);
    Run(language, "news", Repeat(corpus_inputs, min_bytes), without, with,
        rounds, &sink);
  }
  std::cout
      << "(a) normalize + publication metadata + BuildDocumentTerms; "
         "(b) the same + Understanding::Understand and UnderstandTerms; b/a = "
         "docs/s ratio; "
         "cost = extra time of (b). Fastest of "
      << rounds
      << " rounds. a us = microseconds per document of (a); ent, "
         "date, link, rec, top, evt us = of the understanding stages "
         "(entities, dates, linking, entity records, topics, events), "
         "averaged over the rounds. doc B = "
         "bytes of the serialized document with understanding, of which "
         "ment B, temp B, top B and evt B are its entity mentions, temporal "
         "expressions, topics and events; rec B = bytes of its entity records "
         "(PendingEntity, without the shared gazetteer data). ["
      << sink % 10 << "]\n";
  return 0;
}
