#include "ingest-service/extract/events/event_extractor.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "ingest-service/extract/embedded_file.h"

// ACCORD_EVENTS_DATA_DIR is set by CMake, which also rebuilds this file
// when the triggers change.
ACCORD_EMBED_FILE(accord_event_triggers, ACCORD_EVENTS_DATA_DIR "/triggers.txt")

namespace accord::extract::events {
namespace {

using accord::v1::EventMention;
using accord::v1::EventType;
using accord::v1::TextSpan;

struct TypeId {
  std::string_view id;
  EventType type;
};
constexpr TypeId kTypeIds[] = {
    {"event/meeting", accord::v1::EVENT_TYPE_MEETING},
    {"event/visit", accord::v1::EVENT_TYPE_VISIT},
    {"event/joint-statement", accord::v1::EVENT_TYPE_JOINT_STATEMENT},
    {"event/signing", accord::v1::EVENT_TYPE_SIGNING},
    {"event/adoption", accord::v1::EVENT_TYPE_ADOPTION},
    {"event/conference", accord::v1::EVENT_TYPE_CONFERENCE},
    {"event/training", accord::v1::EVENT_TYPE_TRAINING},
    {"event/consultation", accord::v1::EVENT_TYPE_CONSULTATION},
    {"event/interview", accord::v1::EVENT_TYPE_INTERVIEW},
    {"event/agreement", accord::v1::EVENT_TYPE_AGREEMENT},
    {"event/other", accord::v1::EVENT_TYPE_OTHER},
};

bool Inside(const TextSpan& span, accord::v1::TextPart part, uint32_t begin,
            uint32_t end) {
  return span.part() == part && span.begin() >= begin && span.end() <= end;
}

// Bytes between two spans of one part; 0 when they overlap.
uint32_t Distance(const TextSpan& a, const TextSpan& b) {
  if (a.end() <= b.begin()) return b.begin() - a.end();
  if (b.end() <= a.begin()) return a.begin() - b.end();
  return 0;
}

// The phrases that name an earlier event again (data/triggers.txt).
constexpr std::string_view kReferenceId = "event/reference";
// The phrases that name the parties of an earlier event.
constexpr std::string_view kParticipationId = "event/participation";

bool IsOutcome(EventType type) {
  return type == accord::v1::EVENT_TYPE_JOINT_STATEMENT ||
         type == accord::v1::EVENT_TYPE_SIGNING ||
         type == accord::v1::EVENT_TYPE_AGREEMENT ||
         type == accord::v1::EVENT_TYPE_ADOPTION;
}

// What the parties of a gathering reach there, told apart from it ("Both
// sides agreed ..."): an agreement or a joint statement. A signing or an
// adoption is reported with its own slots, or is a call on others ("appelle
// la communauté internationale à adopter").
bool IsPartiesOutcome(EventType type) {
  return type == accord::v1::EVENT_TYPE_JOINT_STATEMENT ||
         type == accord::v1::EVENT_TYPE_AGREEMENT;
}

bool IsGathering(EventType type) {
  return type == accord::v1::EVENT_TYPE_MEETING ||
         type == accord::v1::EVENT_TYPE_VISIT ||
         type == accord::v1::EVENT_TYPE_CONFERENCE ||
         type == accord::v1::EVENT_TYPE_CONSULTATION;
}

// Adds `mention`'s entity to the event's participants, with the roles the
// mention states.
void AddParticipant(const accord::v1::EntityMention& mention,
                    EventMention* event) {
  accord::v1::EventEntity* p = event->add_participants();
  p->set_entity_id(mention.entity_id());
  p->set_name(mention.canonical_name());
  p->set_kind(mention.kind());
  *p->mutable_span() = mention.span();
  for (const accord::v1::RoleMention& role : mention.roles()) {
    p->add_role_ids(role.role_id());
  }
}

// A country or organization: a party to a series of talks, whoever
// represents it at one round.
bool IsParty(const accord::v1::EventEntity& p) {
  return p.kind() == accord::v1::ENTITY_KIND_COUNTRY ||
         p.kind() == accord::v1::ENTITY_KIND_ORGANIZATION;
}

std::string DateKey(const accord::v1::TemporalExpression& t) {
  return absl::StrCat(t.value().iso8601(), "/", t.end().iso8601());
}

// One event while the document is read.
struct Draft {
  // Created in the output field (on its arena, when it has one); dropped
  // drafts leave it at the end.
  EventMention* event = nullptr;
  accord::v1::TextPart part = accord::v1::TEXT_PART_UNSPECIFIED;
  // Where the trigger's sentence begins in its part (the title: 0).
  uint32_t sentence = 0;
  bool has_person = false;
  bool dropped = false;
  std::string detail;
};

void AddDetail(Draft* draft, std::string_view what) {
  if (!draft->detail.empty()) draft->detail += "; ";
  draft->detail += what;
}

// Copies into *to the date and place of `from` it lacks; says what it took
// ("date", "place").
std::vector<std::string> TakeDateAndPlace(const EventMention& from,
                                          EventMention* to) {
  std::vector<std::string> took;
  if (!to->has_date() && from.has_date()) {
    *to->mutable_date() = from.date();
    took.push_back("date");
  }
  if (!to->has_place() && from.has_place()) {
    *to->mutable_place() = from.place();
    took.push_back("place");
  }
  return took;
}

}  // namespace

namespace {

// ICU's sentence iterator for `language`, one per thread and language:
// creating one loads rules and suppression data. Never null.
icu::BreakIterator* SentenceIterator(std::string_view language) {
  thread_local absl::flat_hash_map<std::string,
                                   std::unique_ptr<icu::BreakIterator>>
      iterators;
  std::unique_ptr<icu::BreakIterator>& iterator =
      iterators[std::string(language)];
  if (iterator == nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    // "@ss=standard": CLDR's sentence-break suppressions ("Mr.").
    const icu::Locale locale(
        absl::StrCat(absl::string_view(language.data(), language.size()),
                     "@ss=standard")
            .c_str());
    iterator.reset(icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status) || iterator == nullptr) {
      status = U_ZERO_ERROR;
      iterator.reset(icu::BreakIterator::createSentenceInstance(
          icu::Locale::getRoot(), status));
    }
    if (U_FAILURE(status)) iterator.reset();
  }
  return iterator.get();
}

// Sentences of one text, found as far as they are asked for: the
// iterator runs forward only (random seeks make ICU rescan), and a
// document pays up to its last trigger. No sentence ends inside one of
// `whole` ([begin, end) spans read as one).
class SentenceFinder {
 public:
  SentenceFinder(std::string_view text, std::string_view language,
                 std::vector<std::pair<uint32_t, uint32_t>> whole)
      : text_(text),
        size_(static_cast<uint32_t>(text.size())),
        whole_(std::move(whole)),
        iterator_(SentenceIterator(language)) {
    if (iterator_ != nullptr) {
      // ICU reads UTF-16 in place. Over a UTF-8 UText it converted a few
      // dozen characters at a time and mapped indexes back on each look
      // behind for a suppressed abbreviation: 43% of the iterator's time
      // in a profile of the event stage, the most for Cyrillic.
      utf16_ = icu::UnicodeString::fromUTF8(
          icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
      iterator_->setText(utf16_);
    }
    bounds_.push_back(iterator_ != nullptr ? ToByte(iterator_->first(), 0) : 0);
  }
  ~SentenceFinder() {
    // The thread's iterator must not keep a pointer to this text.
    if (iterator_ != nullptr) iterator_->setText(icu::UnicodeString());
  }
  SentenceFinder(const SentenceFinder&) = delete;
  SentenceFinder& operator=(const SentenceFinder&) = delete;

  // [begin, end) of the sentence that holds byte `offset`.
  std::pair<uint32_t, uint32_t> Around(uint32_t offset) {
    ExtendPast(offset);
    size_t i = static_cast<size_t>(
        std::upper_bound(bounds_.begin(), bounds_.end(), offset) -
        bounds_.begin());
    i = i == 0 ? 0 : i - 1;
    while (i > 0 && Inside(bounds_[i])) --i;
    size_t j = i + 1;
    for (;;) {
      if (j >= bounds_.size()) ExtendPast(bounds_.back());
      if (j >= bounds_.size()) return {bounds_[i], size_};
      if (bounds_[j] >= size_ || !Inside(bounds_[j])) break;
      ++j;
    }
    return {bounds_[i], bounds_[j]};
  }

  // Whether [begin, end) holds only white space (ICU ends a sentence at
  // each line break, so a paragraph break "\n\n" can be one).
  bool Blank(uint32_t begin, uint32_t end) const {
    for (uint32_t i = begin; i < end && i < size_; ++i) {
      if (text_[i] != ' ' && text_[i] != '\n' && text_[i] != '\t' &&
          text_[i] != '\r') {
        return false;
      }
    }
    return true;
  }

 private:
  // The byte offset in text_ of the boundary at UTF-16 index `at` (`done`
  // for DONE). Boundaries come in ascending order, so one walk over the
  // text maps them all; the text is valid UTF-8 (the decoder's contract),
  // and an ill-formed sequence would count as the one U+FFFD fromUTF8
  // made of it.
  uint32_t ToByte(int32_t at, uint32_t done) {
    if (at == icu::BreakIterator::DONE) return done;
    const auto length = static_cast<int32_t>(size_);
    while (cursor16_ < at && cursor8_ < length) {
      UChar32 c;
      U8_NEXT(text_.data(), cursor8_, length, c);
      cursor16_ += U16_LENGTH(c < 0 ? UChar32{0xFFFD} : c);
    }
    return static_cast<uint32_t>(cursor8_);
  }
  // Reads boundaries until one lies past `offset` or the text ends.
  void ExtendPast(uint32_t offset) {
    while (!done_ && bounds_.back() <= offset) {
      const int32_t next =
          iterator_ != nullptr ? iterator_->next() : icu::BreakIterator::DONE;
      if (next == icu::BreakIterator::DONE) {
        done_ = true;
        if (bounds_.back() < size_) bounds_.push_back(size_);
      } else {
        bounds_.push_back(ToByte(next, size_));
      }
    }
  }
  bool Inside(uint32_t boundary) const {
    return std::any_of(whole_.begin(), whole_.end(), [&](const auto& w) {
      return w.first < boundary && boundary < w.second;
    });
  }

  const std::string_view text_;
  const uint32_t size_;
  const std::vector<std::pair<uint32_t, uint32_t>> whole_;
  icu::BreakIterator* iterator_;
  // text_ in UTF-16, which the iterator reads.
  icu::UnicodeString utf16_;
  // How far ToByte has walked: a UTF-16 index and its byte offset.
  int32_t cursor16_ = 0;
  int32_t cursor8_ = 0;
  // Boundaries read so far, ascending, from 0.
  std::vector<uint32_t> bounds_;
  bool done_ = false;
};

// Whether the sentence that begins at `later` is at most `max` sentences
// after the one that begins at `earlier`; with `skip_blank`, sentences of
// white space alone (paragraph breaks) are not counted.
bool WithinSentences(SentenceFinder* finder, uint32_t earlier, uint32_t later,
                     int max, bool skip_blank = false) {
  uint32_t at = earlier;
  for (int n = 0;;) {
    if (at >= later) return at == later && n <= max;
    const uint32_t next = finder->Around(at).second;
    if (next <= at) return false;
    if (!(skip_blank && finder->Blank(at, next))) ++n;
    if (n > max) return false;
    at = next;
  }
}

// What no body sentence may end inside: an entity mention with its roles'
// spans, a temporal expression.
std::vector<std::pair<uint32_t, uint32_t>> WholeSpans(
    const accord::v1::Document& document) {
  std::vector<std::pair<uint32_t, uint32_t>> whole;
  for (const accord::v1::EntityMention& m : document.entity_mentions()) {
    if (m.span().part() != accord::v1::TEXT_PART_BODY) continue;
    uint32_t begin = m.span().begin(), end = m.span().end();
    for (const accord::v1::RoleMention& role : m.roles()) {
      if (role.span().part() != accord::v1::TEXT_PART_BODY) continue;
      begin = std::min(begin, role.span().begin());
      end = std::max(end, role.span().end());
    }
    whole.emplace_back(begin, end);
  }
  for (const accord::v1::TemporalExpression& t :
       document.temporal_expressions()) {
    if (t.span().part() != accord::v1::TEXT_PART_BODY) continue;
    whole.emplace_back(t.span().begin(), t.span().end());
  }
  return whole;
}

std::vector<std::pair<uint32_t, uint32_t>> AllSentences(
    std::string_view text, std::string_view language,
    std::vector<std::pair<uint32_t, uint32_t>> whole) {
  SentenceFinder finder(text, language, std::move(whole));
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (uint32_t at = 0; at < text.size();) {
    spans.push_back(finder.Around(at));
    at = spans.back().second;
  }
  return spans;
}

}  // namespace

// The body's sentences: ICU's, except that no sentence ends inside an
// entity mention with its roles or inside a temporal expression: CLDR
// does not know every rank abbreviation ("Sen. Lt. Gen. Bui Van Nam"), and
// ICU ends a sentence at a German ordinal before a capital ("am 25.
// Oktober"); the entity and date passes have already read those as one.
std::vector<std::pair<uint32_t, uint32_t>> BodySentences(
    std::string_view body, std::string_view language,
    const accord::v1::Document& document) {
  return AllSentences(body, language, WholeSpans(document));
}

accord::v1::EventType EventTypeOfId(std::string_view id) {
  for (const TypeId& t : kTypeIds) {
    if (t.id == id) return t.type;
  }
  return accord::v1::EVENT_TYPE_UNSPECIFIED;
}

std::string_view EmbeddedTriggers() {
  return ACCORD_EMBEDDED_BYTES(accord_event_triggers);
}

std::vector<std::pair<uint32_t, uint32_t>> SentenceSpans(
    std::string_view text, std::string_view language) {
  return AllSentences(text, language, {});
}

absl::StatusOr<std::unique_ptr<EventExtractor>> EventExtractor::Create(
    const analysis::Analyzer* analyzer, EventExtractorOptions options) {
  if (analyzer == nullptr) {
    return absl::InvalidArgumentError("EventExtractor needs an analyzer");
  }
  if (options.types.empty()) {
    absl::StatusOr<std::vector<PhraseGroup>> parsed =
        ParsePhraseRules(EmbeddedTriggers(), "triggers.txt", "event/");
    if (!parsed.ok()) return parsed.status();
    options.types = *std::move(parsed);
    options.source_name = "triggers.txt";
  }
  std::unique_ptr<EventExtractor> extractor(
      new EventExtractor(analyzer, std::move(options)));
  if (absl::Status compiled = extractor->Compile(); !compiled.ok()) {
    return compiled;
  }
  return extractor;
}

absl::Status EventExtractor::Compile() {
  for (const PhraseGroup& group : options_.types) {
    const EventType type = EventTypeOfId(group.id);
    const bool reference = group.id == kReferenceId;
    const bool participation = group.id == kParticipationId;
    if (type == accord::v1::EVENT_TYPE_UNSPECIFIED && !reference &&
        !participation) {
      return absl::InvalidArgumentError(
          absl::StrCat(options_.source_name, ":", group.line, ": '", group.id,
                       "' is no event type (event/meeting ... event/other)"));
    }
    for (const PhraseRule& rule : group.phrases) {
      absl::StatusOr<size_t> added = phrases_.Add(rule.language, rule.text);
      if (!added.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat(options_.source_name, ":", rule.line, ": ",
                         added.status().message(), " (", group.id, ")"));
      }
      trigger_of_.push_back({type, &group, &rule, reference, participation});
    }
  }
  return absl::OkStatus();
}

std::vector<EventMention> EventExtractor::Extract(
    const index::DocumentTerms& terms,
    const accord::v1::Document& document) const {
  google::protobuf::RepeatedPtrField<EventMention> out;
  Extract(terms, document, &out);
  return std::vector<EventMention>(std::make_move_iterator(out.begin()),
                                   std::make_move_iterator(out.end()));
}

void EventExtractor::Extract(
    const index::DocumentTerms& terms, const accord::v1::Document& document,
    google::protobuf::RepeatedPtrField<EventMention>* out) const {
  out->Clear();
  std::vector<TermPhrases::Match> found = phrases_.Find(terms, document);
  if (found.empty()) return;

  // A run of words is one trigger: the longest, then the strongest.
  std::sort(found.begin(), found.end(),
            [&](const TermPhrases::Match& a, const TermPhrases::Match& b) {
              if (a.start != b.start) return a.start < b.start;
              if (a.end != b.end) return a.end > b.end;
              return trigger_of_[a.phrase].rule->weight >
                     trigger_of_[b.phrase].rule->weight;
            });
  // A word of a name ("ASEAN Ministerial Conference on Cybersecurity", "8th
  // International Meeting of High Representatives") is no report that
  // something took place.
  auto inside_a_name = [&](const TermPhrases::Match& m) {
    return std::any_of(document.entity_mentions().begin(),
                       document.entity_mentions().end(),
                       [&](const accord::v1::EntityMention& mention) {
                         return mention.span().part() == m.span.part() &&
                                mention.span().begin() <= m.span.begin() &&
                                m.span.end() <= mention.span().end();
                       });
  };
  std::vector<TermPhrases::Match> triggers;
  // Triggers inside a name: their sentences speak of the named event.
  std::vector<TextSpan> named_events;
  for (const TermPhrases::Match& m : found) {
    if (!triggers.empty() && m.start < triggers.back().end) continue;
    if (inside_a_name(m)) {
      named_events.push_back(m.span);
      continue;
    }
    triggers.push_back(m);
  }

  // Built with the sentence finder, for the first trigger in the body.
  std::string body;
  std::optional<SentenceFinder> sentences;
  const std::string language = PrimaryLanguage(document.language().code());

  // Triggers grouped by sentence (title = one sentence), in text order.
  struct SentenceTriggers {
    accord::v1::TextPart part;
    uint32_t begin, end;
    std::vector<const TermPhrases::Match*> triggers;
  };
  std::vector<SentenceTriggers> by_sentence;
  for (const TermPhrases::Match& m : triggers) {
    SentenceTriggers where{m.span.part(), 0, 0, {}};
    if (m.span.part() == accord::v1::TEXT_PART_TITLE) {
      where.end = static_cast<uint32_t>(document.title().size());
    } else {
      if (!sentences.has_value()) {
        body = BodyText(document);
        sentences.emplace(body, language, WholeSpans(document));
      }
      std::tie(where.begin, where.end) = sentences->Around(m.span.begin());
    }
    if (by_sentence.empty() || by_sentence.back().part != where.part ||
        by_sentence.back().begin != where.begin) {
      by_sentence.push_back(std::move(where));
    }
    by_sentence.back().triggers.push_back(&m);
  }

  std::vector<Draft> drafts;
  // Sentences of the body that name an event again ("the event"), with
  // the drafts their own triggers made, and sentences without triggers
  // that name an event's parties ("The Japanese side was headed by").
  struct Reference {
    const SentenceTriggers* sentence;
    const TermPhrases::Match* match;
    std::vector<size_t> drafts;
    bool participation = false;
  };
  std::vector<Reference> references;
  for (const SentenceTriggers& s : by_sentence) {
    // Per type in the sentence: its weight and its strongest trigger.
    std::vector<
        std::pair<EventType, std::pair<double, const TermPhrases::Match*>>>
        types;
    const size_t drafts_before = drafts.size();
    const TermPhrases::Match* reference = nullptr;
    const TermPhrases::Match* participation = nullptr;
    for (const TermPhrases::Match* m : s.triggers) {
      const Trigger& t = trigger_of_[m->phrase];
      if (t.reference) {
        if (reference == nullptr) reference = m;
        continue;
      }
      if (t.participation) {
        if (participation == nullptr) participation = m;
        continue;
      }
      auto it = std::find_if(types.begin(), types.end(),
                             [&](const auto& e) { return e.first == t.type; });
      if (it == types.end()) {
        types.push_back({t.type, {0.0, m}});
        it = types.end() - 1;
      }
      it->second.first += t.rule->weight;
      if (t.rule->weight >
          trigger_of_[it->second.second->phrase].rule->weight) {
        it->second.second = m;
      }
    }
    // "took place", "was held" add nothing to a sentence that names a
    // more specific event.
    const bool specific =
        std::any_of(types.begin(), types.end(), [](const auto& t) {
          return t.first != accord::v1::EVENT_TYPE_OTHER &&
                 t.second.first >= 1.0;
        });
    for (const auto& [type, weight_and_trigger] : types) {
      if (weight_and_trigger.first < 1.0) continue;  // weak cues alone
      if (specific && type == accord::v1::EVENT_TYPE_OTHER) continue;
      const TermPhrases::Match& m = *weight_and_trigger.second;
      const Trigger& t = trigger_of_[m.phrase];
      Draft draft;
      draft.part = s.part;
      draft.sentence = s.begin;
      draft.event = out->Add();
      EventMention& e = *draft.event;
      e.set_type(type);
      e.set_trigger(std::string(m.surface));
      *e.mutable_trigger_span() = m.span;
      TextSpan* sentence = e.add_sentences();
      sentence->set_part(s.part);
      sentence->set_begin(s.begin);
      sentence->set_end(s.end);
      absl::flat_hash_set<std::string> seen;
      const accord::v1::EntityMention* place = nullptr;
      for (const accord::v1::EntityMention& mention :
           document.entity_mentions()) {
        if (!Inside(mention.span(), s.part, s.begin, s.end)) continue;
        if (mention.kind() == accord::v1::ENTITY_KIND_PLACE) {
          if (place == nullptr || Distance(mention.span(), m.span) <
                                      Distance(place->span(), m.span)) {
            place = &mention;
          }
          continue;
        }
        if (mention.kind() == accord::v1::ENTITY_KIND_TREATY) continue;
        if (!seen.insert(mention.entity_id()).second) continue;
        AddParticipant(mention, &e);
        draft.has_person |= mention.kind() == accord::v1::ENTITY_KIND_PERSON;
      }
      if (place != nullptr) {
        accord::v1::EventEntity* p = e.mutable_place();
        p->set_entity_id(place->entity_id());
        p->set_name(place->canonical_name());
        p->set_kind(place->kind());
        *p->mutable_span() = place->span();
      }
      const accord::v1::TemporalExpression* date = nullptr;
      for (const accord::v1::TemporalExpression& t :
           document.temporal_expressions()) {
        if (t.kind() != accord::v1::TEMPORAL_KIND_DATE &&
            t.kind() != accord::v1::TEMPORAL_KIND_RANGE) {
          continue;
        }
        if (!Inside(t.span(), s.part, s.begin, s.end)) continue;
        if (date == nullptr ||
            Distance(t.span(), m.span) < Distance(date->span(), m.span)) {
          date = &t;
        }
      }
      if (date != nullptr) *e.mutable_date() = *date;
      for (const accord::v1::TopicScore& topic : document.topics()) {
        for (const accord::v1::TopicEvidence& evidence : topic.evidence()) {
          const bool here =
              std::any_of(evidence.spans().begin(), evidence.spans().end(),
                          [&](const TextSpan& span) {
                            return Inside(span, s.part, s.begin, s.end);
                          });
          if (here) {
            e.add_topic_ids(topic.topic_id());
            break;
          }
        }
      }
      accord::v1::Derivation* d = e.mutable_derivation();
      d->set_mechanism(accord::v1::MECHANISM_EVENT_TRIGGER);
      d->set_rule(t.group->id);
      d->set_source(
          absl::StrCat("team:", options_.source_name, ":", t.rule->line));
      drafts.push_back(std::move(draft));
    }
    if (reference != nullptr && s.part == accord::v1::TEXT_PART_BODY) {
      Reference& r = references.emplace_back();
      r.sentence = &s;
      r.match = reference;
      for (size_t i = drafts_before; i < drafts.size(); ++i) {
        r.drafts.push_back(i);
      }
    } else if (participation != nullptr &&
               s.part == accord::v1::TEXT_PART_BODY && types.empty() &&
               std::none_of(named_events.begin(), named_events.end(),
                            [&](const TextSpan& span) {
                              return Inside(span, s.part, s.begin, s.end);
                            })) {
      // With triggers of its own, even weak ones, the sentence's parties
      // are those events' (or its cue's); one that names an event
      // ("will attend the ASEAN Summit") speaks of that event.
      Reference& r = references.emplace_back();
      r.sentence = &s;
      r.match = participation;
      r.participation = true;
    }
  }

  auto compatible = [](const EventMention& a, const EventMention& b) {
    if (a.has_date() && b.has_date() && DateKey(a.date()) != DateKey(b.date()))
      return false;
    if (a.has_place() && b.has_place() &&
        a.place().entity_id() != b.place().entity_id())
      return false;
    return true;
  };
  auto absorb = [](Draft* into, const Draft& from) {
    EventMention& e = *into->event;
    for (const TextSpan& s : from.event->sentences()) *e.add_sentences() = s;
    if (!e.has_date() && from.event->has_date()) {
      *e.mutable_date() = from.event->date();
    }
    if (!e.has_place() && from.event->has_place()) {
      *e.mutable_place() = from.event->place();
    }
    for (const accord::v1::EventEntity& p : from.event->participants()) {
      const bool known = std::any_of(
          e.participants().begin(), e.participants().end(),
          [&](const auto& q) { return q.entity_id() == p.entity_id(); });
      if (!known) *e.add_participants() = p;
    }
    for (const std::string& topic : from.event->topic_ids()) {
      if (std::find(e.topic_ids().begin(), e.topic_ids().end(), topic) ==
          e.topic_ids().end()) {
        e.add_topic_ids(topic);
      }
    }
    into->has_person |= from.has_person;
  };

  // A later sentence that only adds a date or place completes the event of
  // the same type up to max_sentences_back sentences before.
  for (size_t i = 0; i < drafts.size(); ++i) {
    Draft& later = drafts[i];
    if (later.part != accord::v1::TEXT_PART_BODY || later.has_person ||
        (!later.event->has_date() && !later.event->has_place())) {
      continue;
    }
    for (size_t j = i; j-- > 0;) {
      Draft& earlier = drafts[j];
      if (earlier.dropped || earlier.part != accord::v1::TEXT_PART_BODY)
        continue;
      if (!WithinSentences(&*sentences, earlier.sentence, later.sentence,
                           options_.max_sentences_back)) {
        break;
      }
      if (earlier.sentence == later.sentence ||
          earlier.event->type() != later.event->type() ||
          !compatible(*earlier.event, *later.event)) {
        continue;
      }
      absorb(&earlier, later);
      AddDetail(&earlier,
                absl::StrCat("completed by a later sentence naming it again ('",
                             later.event->trigger(), "')"));
      later.dropped = true;
      break;
    }
  }
  // The same type named again with two or more of the same people, and
  // nothing that disagrees, is the same event ("published a joint
  // declaration" in the lead and again with its date and place). One
  // shared person is not enough: an interview names its subject in every
  // sentence.
  auto shares_people = [](const EventMention& a, const EventMention& b) {
    int shared = 0;
    for (const accord::v1::EventEntity& p : a.participants()) {
      if (p.kind() != accord::v1::ENTITY_KIND_PERSON) continue;
      for (const accord::v1::EventEntity& q : b.participants()) {
        if (q.entity_id() == p.entity_id()) ++shared;
      }
    }
    return shared >= 2;
  };
  for (size_t i = 0; i < drafts.size(); ++i) {
    Draft& later = drafts[i];
    if (later.dropped || later.part != accord::v1::TEXT_PART_BODY) continue;
    for (size_t j = 0; j < i; ++j) {
      Draft& earlier = drafts[j];
      if (earlier.dropped || earlier.part != accord::v1::TEXT_PART_BODY ||
          earlier.sentence == later.sentence ||
          earlier.event->type() != later.event->type() ||
          !compatible(*earlier.event, *later.event) ||
          !shares_people(*earlier.event, *later.event)) {
        continue;
      }
      absorb(&earlier, later);
      AddDetail(&earlier, absl::StrCat("named again with the same people ('",
                                       later.event->trigger(), "')"));
      later.dropped = true;
      break;
    }
  }
  // A title event is the body's first event of the same type when they
  // agree.
  for (Draft& title : drafts) {
    if (title.dropped || title.part != accord::v1::TEXT_PART_TITLE) continue;
    for (Draft& body_event : drafts) {
      if (body_event.dropped || body_event.part != accord::v1::TEXT_PART_BODY ||
          body_event.event->type() != title.event->type() ||
          !compatible(*body_event.event, *title.event)) {
        continue;
      }
      absorb(&body_event, title);
      AddDetail(&body_event, "the title names it too");
      title.dropped = true;
      break;
    }
  }
  // A definite reference ("the event") names again the latest gathering
  // with a date or place up to max_reference_sentences_back sentences
  // before: a sentence without a trigger of its own adds its people,
  // organizations and countries to it ("Opening the event, ... Nikolai
  // Patrushev"); the events a sentence with triggers reports take its date
  // and place when they have none (a side meeting "on the fringe of the
  // event").
  auto anchored_gathering = [](const Draft& d) {
    return !d.dropped && d.part == accord::v1::TEXT_PART_BODY &&
           (IsGathering(d.event->type()) ||
            d.event->type() == accord::v1::EVENT_TYPE_TRAINING) &&
           (d.event->has_date() || d.event->has_place());
  };
  for (const Reference& r : references) {
    const SentenceTriggers& s = *r.sentence;
    // The latest in reach; for a sentence naming parties, the document's
    // first gathering when it is in reach: the delegations are named for
    // the gathering the report leads with, and one told between them is
    // most often an earlier round the text recalls.
    Draft* target = nullptr;
    Draft* first = nullptr;
    for (Draft& earlier : drafts) {
      if (!anchored_gathering(earlier) || earlier.sentence >= s.begin) {
        continue;
      }
      const bool is_first = first == nullptr;
      if (is_first) first = &earlier;
      if (!WithinSentences(&*sentences, earlier.sentence, s.begin,
                           options_.max_reference_sentences_back,
                           /*skip_blank=*/true)) {
        continue;
      }
      if (r.participation && is_first) {
        target = &earlier;
        break;
      }
      if (target == nullptr || earlier.sentence >= target->sentence) {
        target = &earlier;
      }
    }
    if (target == nullptr) continue;
    const std::string named(r.match->surface);
    if (r.drafts.empty()) {
      std::vector<std::string> added;
      for (const accord::v1::EntityMention& mention :
           document.entity_mentions()) {
        if (!Inside(mention.span(), s.part, s.begin, s.end) ||
            mention.kind() == accord::v1::ENTITY_KIND_PLACE ||
            mention.kind() == accord::v1::ENTITY_KIND_TREATY) {
          continue;
        }
        EventMention& e = *target->event;
        const bool known =
            std::any_of(e.participants().begin(), e.participants().end(),
                        [&](const auto& q) {
                          return q.entity_id() == mention.entity_id();
                        });
        if (known) continue;
        AddParticipant(mention, &e);
        added.push_back(mention.canonical_name());
      }
      if (added.empty()) continue;
      TextSpan* sentence = target->event->add_sentences();
      sentence->set_part(s.part);
      sentence->set_begin(s.begin);
      sentence->set_end(s.end);
      AddDetail(target,
                r.participation
                    ? absl::StrCat("parties named by a later sentence ('",
                                   named, "'): ", absl::StrJoin(added, ", "))
                    : absl::StrCat("named again as '", named, "' with ",
                                   absl::StrJoin(added, ", ")));
      continue;
    }
    for (size_t index : r.drafts) {
      Draft& d = drafts[index];
      if (d.dropped || &d == target) continue;
      const std::vector<std::string> took =
          TakeDateAndPlace(*target->event, d.event);
      if (!took.empty()) {
        AddDetail(&d, absl::StrCat(absl::StrJoin(took, " and "), " of the ",
                                   target->event->trigger(), " it names as '",
                                   named, "'"));
      }
    }
  }
  // A consultation with a date or place but no participant of its own
  // ("The fourth dialogue will take place in Hanoi next year", "the first
  // round, in Beijing in June") is another round of a series the document
  // reports: it takes the countries and organizations of the document's
  // first consultation that names some. Not its people: who sits at
  // another round is not said.
  const Draft* series = nullptr;
  for (const Draft& d : drafts) {
    if (d.dropped || d.event->type() != accord::v1::EVENT_TYPE_CONSULTATION) {
      continue;
    }
    if (std::any_of(d.event->participants().begin(),
                    d.event->participants().end(), IsParty)) {
      series = &d;
      break;
    }
  }
  for (Draft& round : drafts) {
    if (series == nullptr || round.dropped || &round == series ||
        round.event->type() != accord::v1::EVENT_TYPE_CONSULTATION ||
        !round.event->participants().empty() ||
        (!round.event->has_date() && !round.event->has_place())) {
      continue;
    }
    std::vector<std::string> took;
    for (const accord::v1::EventEntity& p : series->event->participants()) {
      if (!IsParty(p)) continue;
      accord::v1::EventEntity* party = round.event->add_participants();
      party->set_entity_id(p.entity_id());
      party->set_name(p.name());
      party->set_kind(p.kind());
      *party->mutable_span() = p.span();
      took.push_back(p.name());
    }
    AddDetail(&round, absl::StrCat("parties of the ", series->event->trigger(),
                                   " it is another round of: ",
                                   absl::StrJoin(took, ", ")));
  }

  // An outcome (statement, signing, agreement, adoption) without a date or
  // place takes those of the gathering its own sentence reports.
  for (Draft& outcome : drafts) {
    if (outcome.dropped || !IsOutcome(outcome.event->type())) continue;
    if (outcome.event->has_date() && outcome.event->has_place()) continue;
    for (const Draft& gathering : drafts) {
      if (gathering.dropped || !IsGathering(gathering.event->type()) ||
          gathering.part != outcome.part ||
          gathering.sentence != outcome.sentence) {
        continue;
      }
      const std::vector<std::string> took =
          TakeDateAndPlace(*gathering.event, outcome.event);
      if (!took.empty()) {
        AddDetail(&outcome, absl::StrCat(absl::StrJoin(took, " and "),
                                         " of the ", gathering.event->trigger(),
                                         " its sentence reports"));
      }
      break;
    }
  }

  // An agreement or joint statement with neither date nor place ("Both
  // sides agreed to ...") is what the latest gathering before it reached,
  // up to max_outcome_sentences_back body sentences back: it takes the
  // gathering's date and place, and its participants when it names none.
  // One that names participants the gathering lacks, or whose gathering
  // has neither date nor place, is left as it is; a gathering with no
  // slot at all ("agreed to meet again") is a generic mention, passed
  // over.
  for (size_t i = 0; i < drafts.size(); ++i) {
    Draft& outcome = drafts[i];
    if (outcome.dropped || outcome.part != accord::v1::TEXT_PART_BODY ||
        !IsPartiesOutcome(outcome.event->type()) || outcome.event->has_date() ||
        outcome.event->has_place()) {
      continue;
    }
    const Draft* gathering = nullptr;
    for (size_t j = i; j-- > 0;) {
      const Draft& earlier = drafts[j];
      if (earlier.dropped || earlier.part != accord::v1::TEXT_PART_BODY ||
          earlier.sentence >= outcome.sentence ||
          !IsGathering(earlier.event->type()) ||
          // A generic mention ("agreed to meet again"), no gathering.
          (!earlier.event->has_date() && !earlier.event->has_place() &&
           earlier.event->participants().empty())) {
        continue;
      }
      if (WithinSentences(&*sentences, earlier.sentence, outcome.sentence,
                          options_.max_outcome_sentences_back,
                          /*skip_blank=*/true) &&
          (earlier.event->has_date() || earlier.event->has_place())) {
        gathering = &earlier;
      }
      break;
    }
    if (gathering == nullptr) continue;
    const EventMention& g = *gathering->event;
    EventMention& e = *outcome.event;
    const bool names_others = std::any_of(
        e.participants().begin(), e.participants().end(), [&](const auto& p) {
          return std::none_of(
              g.participants().begin(), g.participants().end(),
              [&](const auto& q) { return q.entity_id() == p.entity_id(); });
        });
    if (names_others) continue;
    // The outcome has neither date nor place here.
    std::vector<std::string> took = TakeDateAndPlace(g, &e);
    if (e.participants().empty() && !g.participants().empty()) {
      *e.mutable_participants() = g.participants();
      took.push_back("participants");
    }
    AddDetail(&outcome, absl::StrCat(absl::StrJoin(took, ", "), " of the ",
                                     g.trigger(), " before it, its outcome"));
  }

  // A speech or interview with neither date nor place ("Addressing the
  // opening session, ...", "Ouvrant les travaux, ...", "Phát biểu khai
  // mạc, ...") was given at the latest gathering or training up to
  // max_outcome_sentences_back body sentences before, when there is one
  // with a date or place: it takes them.
  for (size_t i = 0; i < drafts.size(); ++i) {
    Draft& speech = drafts[i];
    if (speech.dropped || speech.part != accord::v1::TEXT_PART_BODY ||
        speech.event->type() != accord::v1::EVENT_TYPE_INTERVIEW ||
        speech.event->has_date() || speech.event->has_place()) {
      continue;
    }
    const Draft* gathering = nullptr;
    for (size_t j = i; j-- > 0;) {
      const Draft& earlier = drafts[j];
      if (!anchored_gathering(earlier) || earlier.sentence >= speech.sentence) {
        continue;
      }
      if (WithinSentences(&*sentences, earlier.sentence, speech.sentence,
                          options_.max_outcome_sentences_back,
                          /*skip_blank=*/true)) {
        gathering = &earlier;
      }
      break;
    }
    if (gathering == nullptr) continue;
    // The speech has neither date nor place here.
    const std::vector<std::string> took =
        TakeDateAndPlace(*gathering->event, speech.event);
    AddDetail(&speech, absl::StrCat(absl::StrJoin(took, " and "), " of the ",
                                    gathering->event->trigger(),
                                    " before it, where it was given"));
  }

  // An event with no date, place or participant after the rules above
  // says nothing a reader or a lookup could use: the trigger is a generic
  // mention ("the agreement will help", "such conferences"), not a
  // reported occurrence. Dropped, as a record findable by type alone.
  for (Draft& draft : drafts) {
    if (!draft.dropped && !draft.event->has_date() &&
        !draft.event->has_place() && draft.event->participants().empty()) {
      draft.dropped = true;
    }
  }

  // The kept drafts first, in their order; the dropped ones removed from
  // the end. Pointers are moved, not messages (a message moved on an
  // arena is copied).
  absl::flat_hash_set<const EventMention*> dropped;
  for (Draft& draft : drafts) {
    if (draft.dropped) {
      dropped.insert(draft.event);
      continue;
    }
    if (!draft.detail.empty()) {
      draft.event->mutable_derivation()->set_detail(draft.detail);
    }
  }
  std::stable_partition(
      out->pointer_begin(), out->pointer_end(),
      [&](const EventMention* e) { return !dropped.contains(e); });
  for (size_t i = 0; i < dropped.size(); ++i) out->RemoveLast();
  std::stable_sort(out->pointer_begin(), out->pointer_end(),
                   [](const EventMention* a, const EventMention* b) {
                     const TextSpan& x = a->sentences(0);
                     const TextSpan& y = b->sentences(0);
                     if (x.part() != y.part()) {
                       // The title first.
                       return x.part() == accord::v1::TEXT_PART_TITLE;
                     }
                     return x.begin() < y.begin();
                   });
}

}  // namespace accord::extract::events
