#include "tools/eval_extract/scorer.h"

#include <algorithm>
#include <functional>

#include "absl/strings/str_cat.h"
#include "common/alias/name_tokens.h"

namespace accord::eval_extract {
namespace {

bool Overlap(const accord::v1::TextSpan& a, const accord::v1::TextSpan& b) {
  return a.part() != accord::v1::TEXT_PART_UNSPECIFIED &&
         a.part() == b.part() && a.begin() < b.end() && b.begin() < a.end();
}

bool ShareKey(const std::vector<std::string>& a,
              const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    if (!x.empty() && std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

const char* PartName(accord::v1::TextPart part) {
  switch (part) {
    case accord::v1::TEXT_PART_TITLE:
      return "title";
    case accord::v1::TEXT_PART_BODY:
      return "body";
    case accord::v1::TEXT_PART_DATELINE:
      return "dateline";
    case accord::v1::TEXT_PART_PUBLICATION_STAMP:
      return "stamp";
    default:
      return "removed";
  }
}

std::string Where(const accord::v1::TextSpan& span) {
  return absl::StrCat(PartName(span.part()), ":", span.begin());
}

std::string Describe(const ScoredMention& m) {
  return absl::StrCat(m.kind, " ", m.entity, " @", Where(m.span));
}
std::string Describe(const ScoredTemporal& t) {
  std::string out = absl::StrCat(t.kind, " ", t.value);
  if (!t.grain.empty()) absl::StrAppend(&out, " ", t.grain, " ", t.resolution);
  absl::StrAppend(&out, " @", Where(t.span));
  return out;
}
std::string Describe(const ScoredRole& r) {
  return absl::StrCat(r.person, " ", r.role_id, " of ", r.of_entity);
}

const std::string& SurfaceOf(const ScoredMention& m) { return m.surface; }
const std::string& SurfaceOf(const ScoredTemporal& t) { return t.surface; }
const std::string& SurfaceOf(const ScoredRole& r) { return r.person; }

// Greedy one-to-one matching: each gold item, in order, takes the first
// free predicted item `same` accepts. Adds the counts and the errors.
template <typename T>
void MatchField(Field field, const std::vector<T>& gold,
                const std::vector<T>& predicted,
                const std::function<bool(const T&)>& counts,
                const std::function<bool(const T&, const T&)>& same,
                const std::function<bool(const T&, const T&)>& near,
                const std::string& file, Tally* tally) {
  Counts& c = (*tally)[field];
  std::vector<bool> taken(predicted.size(), false);
  std::vector<bool> found(gold.size(), false);
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!counts(gold[g])) continue;
    ++c.gold;
    for (size_t p = 0; p < predicted.size(); ++p) {
      if (!taken[p] && counts(predicted[p]) && same(gold[g], predicted[p])) {
        taken[p] = found[g] = true;
        ++c.correct;
        break;
      }
    }
  }
  for (const T& p : predicted) c.predicted += counts(p) ? 1 : 0;

  // What the other side has near an error makes the error's class plain.
  auto nearest = [&](const T& item, const std::vector<T>& others) {
    for (const T& other : others) {
      if (counts(other) && near(item, other))
        return absl::StrCat(" / other side: ", Describe(other));
    }
    return std::string(" / other side: nothing");
  };
  for (size_t g = 0; g < gold.size(); ++g) {
    if (counts(gold[g]) && !found[g]) {
      tally->errors.push_back(
          {field, true, file, SurfaceOf(gold[g]),
           Describe(gold[g]) + nearest(gold[g], predicted)});
    }
  }
  for (size_t p = 0; p < predicted.size(); ++p) {
    if (counts(predicted[p]) && !taken[p]) {
      tally->errors.push_back(
          {field, false, file, SurfaceOf(predicted[p]),
           Describe(predicted[p]) + nearest(predicted[p], gold)});
    }
  }
}

}  // namespace

const char* FieldName(Field field) {
  switch (field) {
    case Field::kMentionSpan:
      return "mention span";
    case Field::kMentionKind:
      return "mention kind";
    case Field::kEntity:
      return "entity";
    case Field::kRole:
      return "role";
    case Field::kTemporalSpan:
      return "temporal span";
    case Field::kTemporalValue:
      return "temporal value";
    case Field::kGrain:
      return "grain";
    case Field::kResolution:
      return "resolution";
    case Field::kTopic:
      return "topic";
    case Field::kTopTopic:
      return "top topic";
    case Field::kEvent:
      return "event";
    case Field::kEventDate:
      return "event date";
    case Field::kEventPlace:
      return "event place";
    case Field::kEventParticipant:
      return "event participant";
  }
  return "?";
}

double Counts::Precision() const {
  return predicted == 0 ? 0.0 : static_cast<double>(correct) / predicted;
}
double Counts::Recall() const {
  return gold == 0 ? 0.0 : static_cast<double>(correct) / gold;
}
double Counts::F1() const {
  const double p = Precision(), r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
Counts& Counts::operator+=(const Counts& other) {
  correct += other.correct;
  predicted += other.predicted;
  gold += other.gold;
  return *this;
}

std::vector<std::string> EntityKeys(std::string_view name,
                                    std::string_view kind) {
  std::vector<std::string> keys = {alias::AliasKey(name)};
  if (kind == "person") keys.push_back(alias::PersonKey(name));
  return keys;
}

namespace {

bool SharesKey(const std::vector<std::string>& a,
               const std::vector<std::string>& b) {
  for (const std::string& k : a) {
    if (std::find(b.begin(), b.end(), k) != b.end()) return true;
  }
  return false;
}

std::string Describe(const ScoredEvent& e) {
  return absl::StrCat(e.type, " date=", e.date.empty() ? "-" : e.date,
                      " place=", e.place.empty() ? "-" : e.place, " with ",
                      e.participants.size(), " participants");
}

// Participants of two events matched one-to-one by key: which of each
// side found a partner.
struct ParticipantPairs {
  std::vector<bool> gold_matched;
  std::vector<bool> predicted_matched;
  uint64_t shared = 0;
};

ParticipantPairs PairParticipants(const ScoredEvent& gold,
                                  const ScoredEvent& predicted) {
  ParticipantPairs pairs;
  pairs.gold_matched.assign(gold.participant_keys.size(), false);
  pairs.predicted_matched.assign(predicted.participant_keys.size(), false);
  for (size_t g = 0; g < gold.participant_keys.size(); ++g) {
    for (size_t p = 0; p < predicted.participant_keys.size(); ++p) {
      if (!pairs.predicted_matched[p] &&
          SharesKey(gold.participant_keys[g], predicted.participant_keys[p])) {
        pairs.predicted_matched[p] = true;
        pairs.gold_matched[g] = true;
        ++pairs.shared;
        break;
      }
    }
  }
  return pairs;
}

// Events: each gold event, in order, takes the free predicted event of its
// type with the most anchors (same date, shared place, shared
// participants), at least one.
void ScoreEvents(const std::vector<ScoredEvent>& gold,
                 const std::vector<ScoredEvent>& predicted,
                 const std::string& file, Tally* tally) {
  Counts& events = (*tally)[Field::kEvent];
  Counts& dates = (*tally)[Field::kEventDate];
  Counts& places = (*tally)[Field::kEventPlace];
  Counts& participants = (*tally)[Field::kEventParticipant];
  events.gold += gold.size();
  events.predicted += predicted.size();
  for (const ScoredEvent& e : gold) {
    dates.gold += e.date.empty() ? 0 : 1;
    places.gold += e.place_keys.empty() ? 0 : 1;
    participants.gold += e.participant_keys.size();
  }
  for (const ScoredEvent& e : predicted) {
    dates.predicted += e.date.empty() ? 0 : 1;
    places.predicted += e.place_keys.empty() ? 0 : 1;
    participants.predicted += e.participant_keys.size();
  }
  std::vector<bool> taken(predicted.size(), false);
  for (const ScoredEvent& g : gold) {
    int best = -1;
    uint64_t best_anchors = 0;
    for (size_t p = 0; p < predicted.size(); ++p) {
      const ScoredEvent& e = predicted[p];
      if (taken[p] || e.type != g.type) continue;
      const uint64_t anchors =
          (!g.date.empty() && g.date == e.date ? 1 : 0) +
          (!g.place_keys.empty() && SharesKey(g.place_keys, e.place_keys) ? 1
                                                                          : 0) +
          PairParticipants(g, e).shared;
      if (anchors > best_anchors) {
        best = static_cast<int>(p);
        best_anchors = anchors;
      }
    }
    if (best < 0) {
      tally->errors.push_back({Field::kEvent, true, file, g.type, Describe(g)});
      continue;
    }
    taken[best] = true;
    const ScoredEvent& e = predicted[best];
    ++events.correct;
    if (!g.date.empty() && g.date == e.date) {
      ++dates.correct;
    } else if (!g.date.empty() || !e.date.empty()) {
      tally->errors.push_back(
          {Field::kEventDate, !g.date.empty(), file, g.type,
           absl::StrCat("gold ", g.date.empty() ? "-" : g.date, ", predicted ",
                        e.date.empty() ? "-" : e.date)});
    }
    if (!g.place_keys.empty() && SharesKey(g.place_keys, e.place_keys)) {
      ++places.correct;
    } else if (!g.place_keys.empty() || !e.place_keys.empty()) {
      tally->errors.push_back(
          {Field::kEventPlace, !g.place_keys.empty(), file, g.type,
           absl::StrCat("gold ", g.place.empty() ? "-" : g.place,
                        ", predicted ", e.place.empty() ? "-" : e.place)});
    }
    const ParticipantPairs pairs = PairParticipants(g, e);
    participants.correct += pairs.shared;
    for (size_t i = 0; i < g.participants.size(); ++i) {
      if (pairs.gold_matched[i]) continue;
      tally->errors.push_back({Field::kEventParticipant, true, file,
                               g.participants[i],
                               absl::StrCat("in ", Describe(g))});
    }
    for (size_t i = 0; i < e.participants.size(); ++i) {
      if (pairs.predicted_matched[i]) continue;
      tally->errors.push_back({Field::kEventParticipant, false, file,
                               e.participants[i],
                               absl::StrCat("in ", Describe(e))});
    }
  }
  for (size_t p = 0; p < predicted.size(); ++p) {
    if (!taken[p]) {
      tally->errors.push_back({Field::kEvent, false, file, predicted[p].type,
                               Describe(predicted[p])});
    }
  }
}

}  // namespace

void ScoreDocument(const Annotations& gold, const Annotations& predicted,
                   const std::string& file, Tally* tally) {
  using M = ScoredMention;
  using T = ScoredTemporal;
  using R = ScoredRole;
  const auto all_m = [](const M&) { return true; };
  const auto span_m = [](const M& a, const M& b) {
    return Overlap(a.span, b.span);
  };
  const auto kind_m = [](const M& a, const M& b) {
    return Overlap(a.span, b.span) && a.kind == b.kind;
  };
  const auto entity_m = [](const M& a, const M& b) {
    return Overlap(a.span, b.span) && a.kind == b.kind &&
           ShareKey(a.keys, b.keys);
  };
  MatchField<M>(Field::kMentionSpan, gold.mentions, predicted.mentions, all_m,
                span_m, span_m, file, tally);
  MatchField<M>(Field::kMentionKind, gold.mentions, predicted.mentions, all_m,
                kind_m, span_m, file, tally);
  MatchField<M>(Field::kEntity, gold.mentions, predicted.mentions, all_m,
                entity_m, span_m, file, tally);

  const auto all_r = [](const R&) { return true; };
  const auto role_r = [](const R& a, const R& b) {
    const bool of_same =
        a.of_keys.empty() ? b.of_keys.empty() : ShareKey(a.of_keys, b.of_keys);
    return a.role_id == b.role_id && ShareKey(a.person_keys, b.person_keys) &&
           of_same;
  };
  const auto near_r = [](const R& a, const R& b) {
    return ShareKey(a.person_keys, b.person_keys);
  };
  MatchField<R>(Field::kRole, gold.roles, predicted.roles, all_r, role_r,
                near_r, file, tally);

  const auto all_t = [](const T&) { return true; };
  const auto dated = [](const T& t) {
    return t.kind == "date" || t.kind == "range";
  };
  const auto near_t = [](const T& a, const T& b) {
    return Overlap(a.span, b.span);
  };
  const auto span_t = [](const T& a, const T& b) {
    return Overlap(a.span, b.span) && a.kind == b.kind;
  };
  const auto value_t = [&](const T& a, const T& b) {
    return span_t(a, b) && a.value == b.value;
  };
  const auto grain_t = [&](const T& a, const T& b) {
    return span_t(a, b) && a.grain == b.grain;
  };
  const auto resolution_t = [&](const T& a, const T& b) {
    return span_t(a, b) && a.resolution == b.resolution;
  };
  MatchField<T>(Field::kTemporalSpan, gold.temporals, predicted.temporals,
                all_t, span_t, near_t, file, tally);
  MatchField<T>(Field::kTemporalValue, gold.temporals, predicted.temporals,
                all_t, value_t, near_t, file, tally);
  MatchField<T>(Field::kGrain, gold.temporals, predicted.temporals, dated,
                grain_t, near_t, file, tally);
  MatchField<T>(Field::kResolution, gold.temporals, predicted.temporals, dated,
                resolution_t, near_t, file, tally);

  ScoreEvents(gold.events, predicted.events, file, tally);

  // Topics: a set per document.
  Counts& topics = (*tally)[Field::kTopic];
  topics.gold += gold.topics.size();
  topics.predicted += predicted.topics.size();
  auto contains = [](const std::vector<std::string>& ids,
                     const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  for (const std::string& id : predicted.topics) {
    if (contains(gold.topics, id)) {
      ++topics.correct;
    } else {
      tally->errors.push_back({Field::kTopic, false, file, id, ""});
    }
  }
  for (const std::string& id : gold.topics) {
    if (!contains(predicted.topics, id)) {
      tally->errors.push_back({Field::kTopic, true, file, id, ""});
    }
  }
  Counts& top = (*tally)[Field::kTopTopic];
  const std::string gold_top = gold.topics.empty() ? "" : gold.topics[0];
  const std::string predicted_top =
      predicted.topics.empty() ? "" : predicted.topics[0];
  if (!gold_top.empty()) ++top.gold;
  if (!predicted_top.empty()) ++top.predicted;
  if (!gold_top.empty() && gold_top == predicted_top) {
    ++top.correct;
  } else if (!gold_top.empty() || !predicted_top.empty()) {
    tally->errors.push_back(
        {Field::kTopTopic, !gold_top.empty(), file,
         gold_top.empty() ? predicted_top : gold_top,
         absl::StrCat("gold ", gold_top.empty() ? "none" : gold_top,
                      ", predicted ",
                      predicted_top.empty() ? "none" : predicted_top)});
  }
}

}  // namespace accord::eval_extract
