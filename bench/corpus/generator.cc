#include "bench/corpus/generator.h"

#include <algorithm>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "bench/corpus/internal/news_article.h"
#include "bench/corpus/internal/templated_article.h"
#include "bench/corpus/internal/vocabulary.h"

namespace accord::bench {

absl::string_view CorpusProfileName(CorpusProfile profile) {
  switch (profile) {
    case CorpusProfile::kNews:
      return "news";
    case CorpusProfile::kTemplated:
      return "templated";
  }
  return "?";
}

absl::StatusOr<CorpusProfile> ParseCorpusProfile(absl::string_view name) {
  for (CorpusProfile p : {CorpusProfile::kNews, CorpusProfile::kTemplated}) {
    if (name == CorpusProfileName(p)) return p;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("corpus profile \"", name, "\": news or templated"));
}

absl::StatusOr<std::unique_ptr<CorpusGenerator>> CorpusGenerator::Create(
    const CorpusOptions& options) {
  std::unique_ptr<internal::NewsCorpus> news;
  if (options.profile == CorpusProfile::kNews) {
    absl::StatusOr<std::unique_ptr<internal::NewsCorpus>> created =
        internal::NewsCorpus::Create(options.seed, options.dictionary_dir);
    if (!created.ok()) return created.status();
    news = *std::move(created);
  }
  return std::unique_ptr<CorpusGenerator>(
      new CorpusGenerator(options, std::move(news)));
}

CorpusGenerator::CorpusGenerator(CorpusOptions options,
                                 std::unique_ptr<internal::NewsCorpus> news)
    : options_(std::move(options)), news_(std::move(news)) {}

CorpusGenerator::~CorpusGenerator() = default;

GeneratedDoc CorpusGenerator::Document(uint64_t index) const {
  return news_ != nullptr ? news_->Article(index)
                          : internal::TemplatedArticle(options_.seed, index);
}

std::vector<GeneratedDoc> CorpusGenerator::Documents(uint64_t count,
                                                     int threads) const {
  std::vector<GeneratedDoc> docs(count);
  const uint64_t workers =
      std::min<uint64_t>(std::max(threads, 1), std::max<uint64_t>(count, 1));
  // Interleaved, so every worker gets long and short articles alike.
  auto work = [&](uint64_t first) {
    for (uint64_t i = first; i < count; i += workers) docs[i] = Document(i);
  };
  std::vector<std::thread> pool;
  for (uint64_t w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (std::thread& t : pool) t.join();
  return docs;
}

GeneratedDoc GenerateDocument(uint64_t seed, uint64_t index) {
  return internal::TemplatedArticle(seed, index);
}

std::vector<GeneratedDoc> GenerateCorpus(uint64_t seed, uint64_t count) {
  std::vector<GeneratedDoc> docs;
  docs.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    docs.push_back(GenerateDocument(seed, i));
  }
  return docs;
}

const std::vector<std::string>& CorpusLanguages() {
  static const std::vector<std::string>* const kLanguages = [] {
    auto* out = new std::vector<std::string>;
    for (const internal::Vocabulary* v : internal::AllVocabularies()) {
      out->emplace_back(v->pack.code);
    }
    return out;
  }();
  return *kLanguages;
}

}  // namespace accord::bench
