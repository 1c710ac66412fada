#include "tools/eval_extract/story_eval.h"

#include <memory>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/store/store.h"
#include "ingest-service/ingester.h"

namespace accord::eval_extract {

BCubedScore BCubed(const std::vector<std::string>& gold,
                   const std::vector<std::string>& predicted) {
  BCubedScore score;
  const size_t n = gold.size();
  if (n == 0 || predicted.size() != n) return score;
  // Cluster sizes, and the sizes of (gold, predicted) intersections.
  absl::flat_hash_map<std::string, double> gold_size;
  absl::flat_hash_map<std::string, double> predicted_size;
  absl::flat_hash_map<std::pair<std::string, std::string>, double> both;
  for (size_t i = 0; i < n; ++i) {
    gold_size[gold[i]] += 1;
    predicted_size[predicted[i]] += 1;
    both[{gold[i], predicted[i]}] += 1;
  }
  for (size_t i = 0; i < n; ++i) {
    const double shared = both[{gold[i], predicted[i]}];
    score.precision += shared / predicted_size[predicted[i]];
    score.recall += shared / gold_size[gold[i]];
  }
  score.precision /= static_cast<double>(n);
  score.recall /= static_cast<double>(n);
  if (score.precision + score.recall > 0) {
    score.f1 =
        2 * score.precision * score.recall / (score.precision + score.recall);
  }
  return score;
}

absl::StatusOr<StoryEvalResult> EvaluateStories(
    const std::vector<GoldDocument>& gold,
    const normalize::Normalizer& normalizer,
    const extract::Understanding& understanding, const std::string& store_dir) {
  store::StoreOptions store_options;
  store_options.block_cache_bytes = size_t{16} << 20;
  absl::StatusOr<std::unique_ptr<store::Store>> store =
      store::Store::OpenPrimary(store_dir, store_options);
  if (!store.ok()) return store.status();
  ingest::IngesterOptions options;
  options.understanding = &understanding;
  options.prepare_threads = 1;
  ingest::Ingester ingester(store->get(), &normalizer,
                            &understanding.analyzer(), options);

  StoryEvalResult result;
  std::vector<std::string> gold_labels;
  std::vector<std::string> predicted_labels;
  for (const GoldDocument& doc : gold) {
    if (doc.story.empty()) continue;
    accord::v1::DocumentInput input;
    input.set_content(doc.text);
    input.set_content_type("text/plain; charset=utf-8");
    if (doc.publication.has_value()) {
      input.mutable_metadata()->mutable_publication_time()->set_seconds(
          absl::ToUnixSeconds(*doc.publication));
    }
    absl::StatusOr<std::unique_ptr<ingest::PendingBundle>> bundle =
        ingester.NewBundle("accord-eval-extract", doc.text_path, "");
    if (!bundle.ok()) return bundle.status();
    if (absl::Status added = (*bundle)->Add(input); !added.ok()) return added;
    absl::StatusOr<accord::v1::Bundle> report = (*bundle)->Commit();
    if (!report.ok()) return report.status();
    const accord::v1::DocumentResult& stored = report->results(0);
    gold_labels.push_back(doc.story);
    // Rejected: a story of its own, as nothing can link it. Else asked
    // below, once every document is in (a later one may fold stories).
    predicted_labels.push_back(stored.outcome() ==
                                       accord::v1::DOCUMENT_OUTCOME_REJECTED
                                   ? absl::StrCat("rejected:", doc.text_path)
                                   : stored.document_id());
    result.rows.push_back({doc.text_path, doc.story, ""});
  }
  for (size_t i = 0; i < predicted_labels.size(); ++i) {
    if (predicted_labels[i].rfind("rejected:", 0) != 0) {
      absl::StatusOr<std::string> story =
          (*store)->StoryOfDocument(predicted_labels[i]);
      if (!story.ok()) return story.status();
      predicted_labels[i] = *std::move(story);
    }
    result.rows[i].predicted = predicted_labels[i];
  }
  result.documents = static_cast<int>(gold_labels.size());
  absl::flat_hash_map<std::string, int> gold_sizes;
  absl::flat_hash_map<std::string, int> predicted_sizes;
  for (size_t i = 0; i < gold_labels.size(); ++i) {
    ++gold_sizes[gold_labels[i]];
    ++predicted_sizes[predicted_labels[i]];
  }
  result.gold_stories = static_cast<int>(gold_sizes.size());
  result.predicted_stories = static_cast<int>(predicted_sizes.size());
  for (const auto& [id, size] : gold_sizes) result.gold_multi += size > 1;
  for (const auto& [id, size] : predicted_sizes) {
    result.predicted_multi += size > 1;
  }
  result.score = BCubed(gold_labels, predicted_labels);
  return result;
}

}  // namespace accord::eval_extract
