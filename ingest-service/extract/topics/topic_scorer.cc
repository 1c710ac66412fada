#include "ingest-service/extract/topics/topic_scorer.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/index/token_spans.h"

namespace accord::extract::topics {
namespace {

// "de-AT" -> "de": the taxonomy's phrases are per primary language.
std::string PrimaryLanguage(const std::string& code) {
  const size_t dash = code.find_first_of("-_");
  return absl::AsciiStrToLower(code.substr(0, dash));
}

// One match of a phrase: positions [start, end) of the document's terms.
struct Occurrence {
  uint32_t start = 0;
  uint32_t end = 0;
  size_t phrase = 0;
};

}  // namespace

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
  std::vector<analysis::Token> tokens;
  // "<topic>\n<language>\n<terms>" -> the phrase that first had them.
  absl::flat_hash_map<std::string, const TopicPhrase*> seen;
  for (size_t t = 0; t < options_.topics.size(); ++t) {
    const TopicDefinition& topic = options_.topics[t];
    for (const TopicPhrase& phrase : topic.phrases) {
      analyzer_->Analyze(phrase.text, phrase.language, &tokens);
      CompiledPhrase compiled{t, &phrase, {}};
      for (size_t i = 0; i < tokens.size(); ++i) {
        // A word that yields no term (too long) leaves a gap no document
        // run can match.
        if (tokens[i].position != tokens[0].position + i) tokens.clear();
      }
      if (tokens.empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            options_.source_name, ":", phrase.line, ": '", phrase.text, "' (",
            topic.id, ") has no run of indexed words"));
      }
      for (const analysis::Token& token : tokens) {
        compiled.terms.push_back(token.term);
      }
      auto [it, inserted] =
          seen.try_emplace(absl::StrCat(topic.id, "\n", phrase.language, "\n",
                                        absl::StrJoin(compiled.terms, " ")),
                           &phrase);
      if (!inserted) {
        redundant_.push_back(absl::StrCat(topic.id, " ", phrase.language, ": '",
                                          phrase.text, "' = '",
                                          it->second->text, "'"));
        continue;
      }
      by_first_term_[phrase.language][compiled.terms.front()].push_back(
          phrases_.size());
      phrases_.push_back(std::move(compiled));
    }
  }
  return absl::OkStatus();
}

std::vector<accord::v1::TopicScore> TopicScorer::Score(
    const index::DocumentTerms& terms,
    const accord::v1::Document& document) const {
  std::vector<accord::v1::TopicScore> out;
  const auto rules =
      by_first_term_.find(PrimaryLanguage(document.language().code()));
  if (rules == by_first_term_.end()) return out;

  // terms.terms is sorted by term.
  auto positions_of =
      [&](const std::string& term) -> const std::vector<uint32_t>* {
    auto it = std::lower_bound(terms.terms.begin(), terms.terms.end(), term,
                               [](const auto& entry, const std::string& t) {
                                 return entry.first < t;
                               });
    return it != terms.terms.end() && it->first == term ? &it->second : nullptr;
  };

  std::vector<Occurrence> found;
  for (const auto& [term, positions] : terms.terms) {
    const auto starting = rules->second.find(term);
    if (starting == rules->second.end()) continue;
    for (const size_t index : starting->second) {
      const CompiledPhrase& phrase = phrases_[index];
      std::vector<const std::vector<uint32_t>*> rest;
      for (size_t k = 1; k < phrase.terms.size(); ++k) {
        rest.push_back(positions_of(phrase.terms[k]));
        if (rest.back() == nullptr) break;
      }
      if (!rest.empty() && rest.back() == nullptr) continue;
      for (const uint32_t start : positions) {
        bool all = true;
        for (size_t k = 0; k < rest.size() && all; ++k) {
          all = std::binary_search(rest[k]->begin(), rest[k]->end(),
                                   start + static_cast<uint32_t>(k + 1));
        }
        if (all) {
          found.push_back({start,
                           start + static_cast<uint32_t>(phrase.terms.size()),
                           index});
        }
      }
    }
  }
  if (found.empty()) return out;

  // Per topic, overlapping matches count once: the strongest phrase, then
  // the longest, then the first; the kept ones go in text order.
  std::sort(found.begin(), found.end(),
            [&](const Occurrence& a, const Occurrence& b) {
              const CompiledPhrase& pa = phrases_[a.phrase];
              const CompiledPhrase& pb = phrases_[b.phrase];
              if (pa.topic != pb.topic) return pa.topic < pb.topic;
              if (pa.phrase->weight != pb.phrase->weight) {
                return pa.phrase->weight > pb.phrase->weight;
              }
              if (a.end - a.start != b.end - b.start) {
                return a.end - a.start > b.end - b.start;
              }
              return a.start < b.start;
            });
  {
    std::vector<Occurrence> kept;
    std::vector<std::pair<uint32_t, uint32_t>> covered;  // of this topic
    for (size_t k = 0; k < found.size(); ++k) {
      if (k > 0 && phrases_[found[k].phrase].topic !=
                       phrases_[found[k - 1].phrase].topic) {
        covered.clear();
      }
      const Occurrence& o = found[k];
      const bool overlaps = std::any_of(
          covered.begin(), covered.end(),
          [&](const auto& c) { return o.start < c.second && c.first < o.end; });
      if (overlaps) continue;
      covered.emplace_back(o.start, o.end);
      kept.push_back(o);
    }
    std::sort(kept.begin(), kept.end(),
              [&](const Occurrence& a, const Occurrence& b) {
                const size_t ta = phrases_[a.phrase].topic;
                const size_t tb = phrases_[b.phrase].topic;
                if (ta != tb) return ta < tb;
                return a.start < b.start;
              });
    found = std::move(kept);
  }

  auto span_at = [&](uint32_t position) -> const index::TokenSpan* {
    auto it = std::lower_bound(
        terms.spans.begin(), terms.spans.end(), position,
        [](const index::TokenSpan& s, uint32_t p) { return s.position < p; });
    return it != terms.spans.end() && it->position == position ? &*it : nullptr;
  };

  size_t i = 0;
  while (i < found.size()) {
    const size_t topic_index = phrases_[found[i].phrase].topic;
    const TopicDefinition& topic = options_.topics[topic_index];
    // Evidence per phrase, in the order phrases were first found.
    std::vector<std::pair<size_t, accord::v1::TopicEvidence>> evidence;
    for (; i < found.size() && phrases_[found[i].phrase].topic == topic_index;
         ++i) {
      const Occurrence& occurrence = found[i];
      const index::TokenSpan* first = span_at(occurrence.start);
      const index::TokenSpan* last = span_at(occurrence.end - 1);
      if (first == nullptr || last == nullptr || first->part != last->part ||
          first->part == index::kDatelinePart) {
        continue;  // the dateline's place is no evidence of a topic
      }
      const bool in_title = first->part == index::kTitlePart;
      accord::v1::TextSpan span;
      std::string_view surface;
      if (in_title) {
        span.set_part(accord::v1::TEXT_PART_TITLE);
        span.set_begin(first->begin);
        span.set_end(last->end);
        surface = std::string_view(document.title())
                      .substr(first->begin, last->end - first->begin);
      } else {
        const int paragraph =
            static_cast<int>(first->part - index::kFirstParagraphPart);
        if (paragraph >= document.paragraphs_size()) continue;
        const uint32_t offset = document.paragraphs(paragraph).offset();
        span.set_part(accord::v1::TEXT_PART_BODY);
        span.set_begin(offset + first->begin);
        span.set_end(offset + last->end);
        surface = std::string_view(document.paragraphs(paragraph).text())
                      .substr(first->begin, last->end - first->begin);
      }
      auto entry = std::find_if(
          evidence.begin(), evidence.end(),
          [&](const auto& e) { return e.first == occurrence.phrase; });
      if (entry == evidence.end()) {
        const TopicPhrase& phrase = *phrases_[occurrence.phrase].phrase;
        accord::v1::TopicEvidence added;
        added.set_phrase(phrase.text);
        added.set_surface(std::string(surface));
        added.set_weight(phrase.weight);
        accord::v1::Derivation* derivation = added.mutable_derivation();
        derivation->set_mechanism(accord::v1::MECHANISM_TOPIC_RULE);
        derivation->set_rule(topic.id);
        derivation->set_source(
            absl::StrCat("team:", options_.source_name, ":", phrase.line));
        evidence.emplace_back(occurrence.phrase, std::move(added));
        entry = evidence.end() - 1;
      }
      accord::v1::TopicEvidence& e = entry->second;
      e.set_count(e.count() + 1);
      if (in_title) e.set_title_count(e.title_count() + 1);
      if (static_cast<size_t>(e.spans_size()) < options_.max_spans_per_phrase) {
        *e.add_spans() = std::move(span);
      }
    }
    if (evidence.empty()) continue;
    accord::v1::TopicScore score;
    score.set_topic_id(topic.id);
    score.set_name(topic.name);
    // The topic's evidence mass: each match weighs its phrase's weight,
    // a title match title_factor times that.
    double mass = 0;
    for (auto& [index, e] : evidence) {
      const double matches =
          static_cast<double>(e.count() - e.title_count()) +
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
