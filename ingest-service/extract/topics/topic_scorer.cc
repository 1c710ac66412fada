#include "ingest-service/extract/topics/topic_scorer.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace accord::extract::topics {

absl::StatusOr<std::unique_ptr<TopicScorer>> TopicScorer::Create(
    const analysis::Analyzer* analyzer, TopicScorerOptions options) {
  if (analyzer == nullptr) {
    return absl::InvalidArgumentError("TopicScorer needs an analyzer");
  }
  if (options.topics.empty()) {
    absl::StatusOr<std::vector<TopicDefinition>> parsed =
        ParseTopicRules(EmbeddedTopicRules(), kEmbeddedTopicRulesName);
    if (!parsed.ok()) return parsed.status();
    options.topics = *std::move(parsed);
    options.source_name = std::string(kEmbeddedTopicRulesName);
  }
  std::unique_ptr<TopicScorer> scorer(
      new TopicScorer(analyzer, std::move(options)));
  if (absl::Status compiled = scorer->Compile(); !compiled.ok()) {
    return compiled;
  }
  return scorer;
}

absl::Status TopicScorer::Compile() {
  // "<topic>\n<language>\n<terms>" -> the phrase that first had them.
  absl::flat_hash_map<std::string, const TopicPhrase*> seen;
  for (size_t t = 0; t < options_.topics.size(); ++t) {
    const TopicDefinition& topic = options_.topics[t];
    for (const TopicPhrase& phrase : topic.phrases) {
      absl::StatusOr<size_t> added = phrases_.Add(phrase.language, phrase.text);
      if (!added.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat(options_.source_name, ":", phrase.line, ": ",
                         added.status().message(), " (", topic.id, ")"));
      }
      phrase_of_.emplace_back(t, &phrase);
      auto [it, inserted] = seen.try_emplace(
          absl::StrCat(topic.id, "\n", phrase.language, "\n",
                       absl::StrJoin(phrases_.terms(*added), " ")),
          &phrase);
      if (!inserted) {
        redundant_.push_back(absl::StrCat(topic.id, " ", phrase.language, ": '",
                                          phrase.text, "' = '",
                                          it->second->text, "'"));
      }
    }
  }
  return absl::OkStatus();
}

std::vector<accord::v1::TopicScore> TopicScorer::Score(
    const index::DocumentTerms& terms,
    const accord::v1::Document& document) const {
  std::vector<accord::v1::TopicScore> out;
  std::vector<TermPhrases::Match> found = phrases_.Find(terms, document);
  if (found.empty()) return out;
  auto topic_of = [&](const TermPhrases::Match& m) {
    return phrase_of_[m.phrase].first;
  };
  auto weight_of = [&](const TermPhrases::Match& m) {
    return phrase_of_[m.phrase].second->weight;
  };

  // Per topic, overlapping matches count once: the strongest phrase, then
  // the longest, then the first; the kept ones go in text order.
  std::sort(found.begin(), found.end(),
            [&](const TermPhrases::Match& a, const TermPhrases::Match& b) {
              if (topic_of(a) != topic_of(b)) return topic_of(a) < topic_of(b);
              if (weight_of(a) != weight_of(b)) {
                return weight_of(a) > weight_of(b);
              }
              if (a.end - a.start != b.end - b.start) {
                return a.end - a.start > b.end - b.start;
              }
              return a.start < b.start;
            });
  {
    std::vector<TermPhrases::Match> kept;
    std::vector<std::pair<uint32_t, uint32_t>> covered;  // of this topic
    for (size_t k = 0; k < found.size(); ++k) {
      if (k > 0 && topic_of(found[k]) != topic_of(found[k - 1])) {
        covered.clear();
      }
      const TermPhrases::Match& m = found[k];
      const bool overlaps = std::any_of(
          covered.begin(), covered.end(),
          [&](const auto& c) { return m.start < c.second && c.first < m.end; });
      if (overlaps) continue;
      covered.emplace_back(m.start, m.end);
      kept.push_back(m);
    }
    std::sort(kept.begin(), kept.end(),
              [&](const TermPhrases::Match& a, const TermPhrases::Match& b) {
                if (topic_of(a) != topic_of(b)) {
                  return topic_of(a) < topic_of(b);
                }
                return a.start < b.start;
              });
    found = std::move(kept);
  }

  size_t i = 0;
  while (i < found.size()) {
    const size_t topic_index = topic_of(found[i]);
    const TopicDefinition& topic = options_.topics[topic_index];
    // Evidence per phrase, in the order phrases were first found.
    std::vector<std::pair<size_t, accord::v1::TopicEvidence>> evidence;
    for (; i < found.size() && topic_of(found[i]) == topic_index; ++i) {
      const TermPhrases::Match& match = found[i];
      auto entry =
          std::find_if(evidence.begin(), evidence.end(),
                       [&](const auto& e) { return e.first == match.phrase; });
      if (entry == evidence.end()) {
        const TopicPhrase& phrase = *phrase_of_[match.phrase].second;
        accord::v1::TopicEvidence added;
        added.set_phrase(phrase.text);
        added.set_surface(std::string(match.surface));
        added.set_weight(phrase.weight);
        accord::v1::Derivation* derivation = added.mutable_derivation();
        derivation->set_mechanism(accord::v1::MECHANISM_TOPIC_RULE);
        derivation->set_rule(topic.id);
        derivation->set_source(
            absl::StrCat("team:", options_.source_name, ":", phrase.line));
        evidence.emplace_back(match.phrase, std::move(added));
        entry = evidence.end() - 1;
      }
      accord::v1::TopicEvidence& e = entry->second;
      e.set_count(e.count() + 1);
      if (match.span.part() == accord::v1::TEXT_PART_TITLE) {
        e.set_title_count(e.title_count() + 1);
      }
      if (static_cast<size_t>(e.spans_size()) < options_.max_spans_per_phrase) {
        *e.add_spans() = match.span;
      }
    }
    // The topic's evidence mass: each match weighs its phrase's weight,
    // a title match title_factor times that.
    double mass = 0;
    for (auto& [index, e] : evidence) {
      const double matches = static_cast<double>(e.count() - e.title_count()) +
                             options_.title_factor * e.title_count();
      e.set_contribution(e.weight() * matches);
      mass += e.contribution();
    }
    const double total = 2.0 * std::log2(1.0 + mass / 2.0);
    if (total + 1e-9 < options_.min_score) continue;
    std::stable_sort(evidence.begin(), evidence.end(),
                     [](const auto& a, const auto& b) {
                       return a.second.contribution() > b.second.contribution();
                     });
    accord::v1::TopicScore score;
    score.set_topic_id(topic.id);
    score.set_name(topic.name);
    score.set_score(total);
    for (auto& [index, e] : evidence) *score.add_evidence() = std::move(e);
    out.push_back(std::move(score));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.score() != b.score()) return a.score() > b.score();
    return a.topic_id() < b.topic_id();
  });
  if (out.size() > options_.max_topics) out.resize(options_.max_topics);
  return out;
}

}  // namespace accord::extract::topics
