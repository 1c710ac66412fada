#include "ingest-service/stories/story_linker.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/store/event_view.h"
#include "common/store/schema.h"

namespace accord::stories {
namespace internal {
namespace {

using accord::v1::EventMention;
using accord::v1::EventReport;
using accord::v1::LinkReason;
using accord::v1::TemporalExpression;
using accord::v1::TemporalValue;

// A date as a closed interval of (year, month, day), each part 0 when the
// grain or the text leaves it open.
struct DateSpan {
  int year_first = 0, year_last = 0;  // 0: unknown
  int month_first = 0, month_last = 0;
  int day_first = 0, day_last = 0;
};

DateSpan SpanOf(const TemporalExpression& date) {
  const TemporalValue& first = date.value();
  const TemporalValue& last = date.has_end() && !date.end().iso8601().empty()
                                  ? date.end()
                                  : date.value();
  DateSpan span;
  span.year_first = first.year();
  span.year_last = last.year();
  const bool month_grain = first.grain() == accord::v1::GRAIN_MONTH ||
                           first.grain() == accord::v1::GRAIN_DAY;
  if (month_grain && first.month() > 0 && last.month() > 0) {
    span.month_first = first.month();
    span.month_last = last.month();
    if (first.grain() == accord::v1::GRAIN_DAY && first.day() > 0 &&
        last.day() > 0) {
      span.day_first = first.day();
      span.day_last = last.day();
    }
  }
  return span;
}

bool Overlap(int a_first, int a_last, int b_first, int b_last) {
  return a_first <= b_last && b_first <= a_last;
}

std::string DateText(const TemporalExpression& date) {
  std::string text = date.value().iso8601();
  if (date.has_end() && !date.end().iso8601().empty() &&
      date.end().iso8601() != text) {
    absl::StrAppend(&text, "/", date.end().iso8601());
  }
  return text;
}

LinkReason Reason(std::string kind, std::string detail, double weight) {
  LinkReason reason;
  reason.set_kind(std::move(kind));
  reason.set_detail(std::move(detail));
  reason.set_weight(weight);
  return reason;
}

}  // namespace

EventComparison CompareWithReport(
    const EventMention& mention, const google::protobuf::Timestamp* publication,
    const EventReport& report, const StoryLinkerOptions& options,
    bool with_reasons) {
  EventComparison out;
  const EventMention& other = report.mention();
  if (with_reasons)
    out.reasons.push_back(
        Reason("type", accord::v1::EventType_Name(mention.type()), 0));

  const bool dated =
      mention.has_date() && !mention.date().value().iso8601().empty();
  const bool other_dated =
      other.has_date() && !other.date().value().iso8601().empty();
  if (dated && other_dated) {
    const DateSpan a = SpanOf(mention.date());
    const DateSpan b = SpanOf(other.date());
    const bool years_known = a.year_first != 0 && b.year_first != 0;
    // Compares (year, month, day) intervals as numbers; a year unknown on
    // either side compares months and days alone.
    auto key = [&](int year, int month, int day) {
      return (years_known ? year : 0) * 10000 + month * 100 + day;
    };
    double weight = 0;
    bool agree = true;
    if (years_known &&
        !Overlap(a.year_first, a.year_last, b.year_first, b.year_last)) {
      agree = false;
    } else if (a.day_first > 0 && b.day_first > 0) {
      agree = Overlap(key(a.year_first, a.month_first, a.day_first),
                      key(a.year_last, a.month_last, a.day_last),
                      key(b.year_first, b.month_first, b.day_first),
                      key(b.year_last, b.month_last, b.day_last));
      weight = options.day_weight;
    } else if (a.month_first > 0 && b.month_first > 0) {
      agree = Overlap(key(a.year_first, a.month_first, 0),
                      key(a.year_last, a.month_last, 0),
                      key(b.year_first, b.month_first, 0),
                      key(b.year_last, b.month_last, 0));
      weight = options.month_weight;
    } else {
      weight = years_known ? options.year_weight : 0;
    }
    if (!agree) {
      out.refused = true;
      if (with_reasons)
        out.reasons.push_back(
            Reason("date",
                   absl::StrCat(DateText(mention.date()), " cannot be ",
                                DateText(other.date())),
                   0));
      return out;
    }
    if (weight > 0) {
      if (with_reasons)
        out.reasons.push_back(
            Reason("date",
                   absl::StrCat(DateText(mention.date()), " ~ ",
                                DateText(other.date())),
                   weight));
      out.score += weight;
    }
  } else {
    // Without a date on both sides, the publications must be close.
    const bool close = publication != nullptr &&
                       report.has_publication_time() &&
                       std::llabs(publication->seconds() -
                                  report.publication_time().seconds()) <=
                           int64_t{options.max_publication_days} * 86400;
    if (!close) {
      out.refused = true;
      if (with_reasons)
        out.reasons.push_back(Reason(
            "publication",
            absl::StrCat("no date on both sides, and publications not within ",
                         options.max_publication_days, " days"),
            0));
      return out;
    }
    if (with_reasons)
      out.reasons.push_back(
          Reason("publication",
                 absl::StrCat("published within ", options.max_publication_days,
                              " days"),
                 0));
  }

  if (mention.has_place() && other.has_place()) {
    if (mention.place().entity_id() != other.place().entity_id()) {
      out.refused = true;
      if (with_reasons)
        out.reasons.push_back(
            Reason("place",
                   absl::StrCat(mention.place().name(), " is not ",
                                other.place().name()),
                   0));
      return out;
    }
    if (with_reasons)
      out.reasons.push_back(
          Reason("place", mention.place().name(), options.place_weight));
    out.score += options.place_weight;
  }

  // A few participants a side: a scan beats a set.
  for (const accord::v1::EventEntity& entity : mention.participants()) {
    const bool shared =
        std::any_of(other.participants().begin(), other.participants().end(),
                    [&](const accord::v1::EventEntity& theirs) {
                      return theirs.entity_id() == entity.entity_id();
                    });
    if (!shared) continue;
    double weight = options.organization_weight;
    if (entity.kind() == accord::v1::ENTITY_KIND_PERSON) {
      weight = options.person_weight;
    } else if (entity.kind() == accord::v1::ENTITY_KIND_COUNTRY) {
      weight = options.country_weight;
    }
    if (with_reasons)
      out.reasons.push_back(Reason(
          "participant",
          absl::StrCat(entity.name(), " (", entity.entity_id(), ")"), weight));
    out.score += weight;
  }
  return out;
}

std::vector<int> MainEvents(const accord::v1::Document& document) {
  std::vector<int> main;
  uint32_t lead_end = 0;
  if (document.paragraphs_size() > 0) {
    lead_end = document.paragraphs(0).offset() +
               static_cast<uint32_t>(document.paragraphs(0).text().size());
  }
  // Of two events of one type and the same parties (two or more shared)
  // the lead reports at different places or dates, the first is the news
  // and the other an occurrence of the series it recalls or announces
  // ("the second round this year, after the delegations met in Beijing in
  // June"). Other parties make other news ("met Xi in Beijing on Monday
  // and Modi in Delhi on Wednesday").
  auto shared_parties = [](const accord::v1::EventMention& a,
                           const accord::v1::EventMention& b) {
    int shared = 0;
    for (const accord::v1::EventEntity& p : a.participants()) {
      for (const accord::v1::EventEntity& q : b.participants()) {
        if (p.entity_id() == q.entity_id()) {
          ++shared;
          break;
        }
      }
    }
    return shared;
  };
  auto another_occurrence = [&](const accord::v1::EventMention& e) {
    for (int m : main) {
      const accord::v1::EventMention& news = document.events(m);
      if (news.type() != e.type() || shared_parties(news, e) < 2) continue;
      const bool other_place =
          news.has_place() && e.has_place() &&
          news.place().entity_id() != e.place().entity_id();
      const bool other_date =
          news.has_date() && e.has_date() &&
          (news.date().value().iso8601() != e.date().value().iso8601() ||
           news.date().end().iso8601() != e.date().end().iso8601());
      if (other_place || other_date) return true;
    }
    return false;
  };
  for (int i = 0; i < document.events_size(); ++i) {
    const accord::v1::TextSpan& trigger = document.events(i).trigger_span();
    if (trigger.part() == accord::v1::TEXT_PART_TITLE ||
        (trigger.part() == accord::v1::TEXT_PART_BODY &&
         trigger.begin() < lead_end &&
         !another_occurrence(document.events(i)))) {
      main.push_back(i);
    }
  }
  if (main.empty() && document.events_size() > 0) main.push_back(0);
  return main;
}

}  // namespace internal

namespace {

using accord::v1::Document;
using accord::v1::EventMention;
using accord::v1::EventReport;

const std::vector<EventReport> kNoReports;

// A report a mention is compared with, and the sequence of its document.
struct ReportAt {
  const EventReport* report = nullptr;
  uint64_t sequence = 0;
};

// Whether a mention has anything to compare with another report.
bool HasAnchor(const EventMention& mention) {
  return (mention.has_date() && !mention.date().value().iso8601().empty()) ||
         mention.has_place() || mention.participants_size() > 0;
}

bool SameSpan(const accord::v1::TextSpan& a, const accord::v1::TextSpan& b) {
  return a.part() == b.part() && a.begin() == b.begin() && a.end() == b.end();
}

// Index of the temporal expression at `span` in `document`; -1 if none.
int TemporalIndexAt(const Document& document,
                    const accord::v1::TextSpan& span) {
  for (int i = 0; i < document.temporal_expressions_size(); ++i) {
    if (SameSpan(document.temporal_expressions(i).span(), span)) return i;
  }
  return -1;
}

bool YearUnknownDay(const accord::v1::TemporalExpression& date) {
  return date.value().year() == 0 && date.value().month() > 0 &&
         date.value().day() > 0 &&
         date.value().grain() == accord::v1::GRAIN_DAY;
}

bool YearKnownDay(const accord::v1::TemporalExpression& date) {
  return date.value().year() != 0 && date.value().month() > 0 &&
         date.value().day() > 0 &&
         date.value().grain() == accord::v1::GRAIN_DAY;
}

// `value` with the year `year`: "XXXX-11-10" -> "2017-11-10".
accord::v1::TemporalValue WithYear(accord::v1::TemporalValue value, int year) {
  value.set_year(year);
  if (value.iso8601().size() >= 4) {
    value.set_iso8601(
        absl::StrCat(absl::StrFormat("%04d", year), value.iso8601().substr(4)));
  }
  return value;
}

// The completion of `date` (no year) in `completed` by `source`'s date
// (with one), for event `event_id`; nullopt when the two are not the same
// month and day or the expression is not found.
std::optional<accord::v1::StoryCompletion> Complete(
    const Document& completed, const accord::v1::TemporalExpression& date,
    const std::string& source_id,
    const accord::v1::TemporalExpression& source_date,
    const std::string& event_id) {
  if (!YearUnknownDay(date) || !YearKnownDay(source_date) ||
      date.value().month() != source_date.value().month() ||
      date.value().day() != source_date.value().day()) {
    return std::nullopt;
  }
  const int index = TemporalIndexAt(completed, date.span());
  if (index < 0) return std::nullopt;
  const int year = source_date.value().year();
  accord::v1::StoryCompletion completion;
  completion.set_document_id(completed.id());
  completion.set_temporal_index(static_cast<uint32_t>(index));
  completion.set_surface(date.surface());
  *completion.mutable_value() = WithYear(date.value(), year);
  if (date.has_end() && !date.end().iso8601().empty()) {
    int end_year = year;
    if (source_date.has_end() && source_date.end().year() != 0) {
      end_year = source_date.end().year();
    }
    *completion.mutable_end() = WithYear(date.end(), end_year);
  }
  completion.set_derived_from_document_id(source_id);
  completion.set_event_id(event_id);
  completion.set_reason(
      absl::StrCat("the year of \"", source_date.surface(), "\" (",
                   source_date.value().iso8601(), ") in document ", source_id,
                   ", which reports the same event ", event_id));
  return completion;
}

}  // namespace

EventCacheOptions StoryLinker::cache_options() const {
  EventCacheOptions cache;
  cache.reports_per_event = options_.max_reports_per_event;
  cache.ids_per_lookup = options_.max_candidates_per_lookup;
  cache.max_events = options_.max_cached_events;
  cache.max_lookups = options_.max_cached_lookups;
  return cache;
}

absl::Status StoryLinker::Link(const store::Store& store,
                               std::vector<store::PendingDocument>* documents,
                               EventCache* cache) const {
  // One view for all the lookups and reads of the bundle.
  const std::unique_ptr<store::Store::EventView> view = store.NewEventView();
  // What earlier documents of this bundle added, which the store does not
  // hold yet.
  // This bundle's reports of each event, for the documents after theirs:
  // pointers to the reports the documents carry (PendingEventReport, left
  // in place until the commit), with the sequence each document will have
  // (in the bundle's view, its documents come after every stored one).
  // Not copies: copying every report and freeing the copies was a fifth
  // of this step's time on the committing thread.
  absl::flat_hash_map<std::string, std::vector<ReportAt>> bundle_reports;
  // The stored events and lookups read: kept across bundles by the
  // caller's cache, or for this call only.
  std::optional<EventCache> own_cache;
  if (cache == nullptr) cache = &own_cache.emplace(cache_options());
  absl::flat_hash_map<std::string, std::vector<std::string>> bundle_lookup;
  absl::flat_hash_set<std::string> bundle_created;
  absl::flat_hash_map<std::string, std::string> bundle_story_of;
  absl::flat_hash_map<std::string, std::string> bundle_redirects;
  absl::flat_hash_map<std::string, const Document*> bundle_documents;
  absl::flat_hash_set<std::string> seen;
  uint64_t bundle_position = 0;

  // The story a document belongs to now; empty when it has none.
  auto story_of =
      [&](const std::string& document_id) -> absl::StatusOr<std::string> {
    std::string story;
    if (auto it = bundle_story_of.find(document_id);
        it != bundle_story_of.end()) {
      story = it->second;
    } else {
      absl::StatusOr<std::string> stored = store.StoryOfDocument(document_id);
      if (absl::IsNotFound(stored.status())) return std::string();
      if (!stored.ok()) return stored.status();
      story = *std::move(stored);
    }
    for (auto it = bundle_redirects.find(story); it != bundle_redirects.end();
         it = bundle_redirects.find(story)) {
      story = it->second;
    }
    return story;
  };

  for (store::PendingDocument& pending : *documents) {
    pending.events.clear();
    pending.story.reset();
    const Document& document = pending.document();
    if (!seen.insert(document.id()).second) continue;
    absl::StatusOr<bool> stored = store.HasDocument(document.id());
    if (!stored.ok()) return stored.status();
    if (*stored) continue;
    bundle_documents[document.id()] = &document;
    ++bundle_position;

    const std::vector<int> main = internal::MainEvents(document);
    const google::protobuf::Timestamp* publication =
        document.has_publication() && document.publication().has_time() &&
                document.publication().time().seconds() != 0
            ? &document.publication().time()
            : nullptr;
    // For each main mention, each event it agreed with: the event and the
    // reports of other documents it was compared with.
    struct Joined {
      int mention = 0;
      std::string event_id;
      // Owned by the cache and the bundle's documents.
      std::vector<ReportAt> reports;
    };
    std::vector<Joined> main_joined;
    std::vector<std::string> main_event_ids;

    for (int i = 0; i < document.events_size(); ++i) {
      const EventMention& mention = document.events(i);
      if (!HasAnchor(mention)) continue;
      const bool is_main = std::find(main.begin(), main.end(), i) != main.end();
      EventReport report;
      report.set_document_id(document.id());
      report.set_mention_index(static_cast<uint32_t>(i));
      report.set_language(document.language().code());
      *report.mutable_mention() = mention;
      report.set_main(is_main);
      if (publication != nullptr) {
        *report.mutable_publication_time() = *publication;
      }

      // Candidates: the events of this type sharing a date, place or
      // participant, stored or made by this bundle. A mention in passing
      // (not the document's main news) with neither date nor place is not
      // compared: it could only join by close publications, and such
      // mentions are most of the lookups.
      const int type = static_cast<int>(mention.type());
      std::vector<std::string> prefixes;
      const bool compared =
          is_main || mention.has_place() ||
          (mention.has_date() && !mention.date().value().iso8601().empty());
      if (mention.has_date() && !mention.date().value().iso8601().empty()) {
        const std::vector<std::string> days =
            store::EventMonthDays(mention.date());
        for (const std::string& month_day : days) {
          prefixes.push_back(store::EventsByMonthDayPrefix(month_day, type));
        }
        if (days.empty()) {
          prefixes.push_back(
              store::EventsByDatePrefix(mention.date().value().iso8601()));
        }
      }
      if (mention.has_place()) {
        prefixes.push_back(
            store::EventsByPlacePrefix(mention.place().entity_id(), type));
      }
      // Countries are looked up by date and place only: one country takes
      // part in a large share of all events, and two alone never make one.
      for (const accord::v1::EventEntity& participant :
           mention.participants()) {
        if (!compared) break;
        if (participant.kind() == accord::v1::ENTITY_KIND_COUNTRY) continue;
        prefixes.push_back(
            store::EventsByParticipantPrefix(participant.entity_id(), type));
      }
      std::vector<std::string> candidates;
      absl::flat_hash_set<std::string> candidate_set;
      auto add_candidate = [&](const std::string& id) {
        if (candidates.size() < options_.max_candidates &&
            candidate_set.insert(id).second) {
          candidates.push_back(id);
        }
      };
      for (const std::string& prefix : prefixes) {
        // The newest first: this bundle's, then the store's.
        size_t taken = 0;
        if (auto it = bundle_lookup.find(prefix); it != bundle_lookup.end()) {
          for (auto id = it->second.rbegin();
               id != it->second.rend() &&
               taken < options_.max_candidates_per_lookup;
               ++id, ++taken) {
            add_candidate(*id);
          }
        }
        if (taken >= options_.max_candidates_per_lookup) continue;
        // The store's answer (a popular person or date is looked up by
        // many mentions: the cache keeps it).
        absl::StatusOr<const std::vector<std::string>*> looked_up =
            cache->EventIds(*view, prefix);
        if (!looked_up.ok()) return looked_up.status();
        for (const std::string& id : **looked_up) {
          if (taken++ >= options_.max_candidates_per_lookup) break;
          add_candidate(id);
        }
      }

      std::string best_id;
      internal::EventComparison best;
      const EventReport* best_report = nullptr;
      std::vector<ReportAt> reports;
      for (const std::string& id : candidates) {
        // An event this bundle started is not stored yet.
        const std::vector<EventReport>* stored_reports = &kNoReports;
        if (!bundle_created.contains(id)) {
          absl::StatusOr<const std::vector<EventReport>*> read =
              cache->Reports(*view, id);
          if (!read.ok()) return read.status();
          stored_reports = *read;
        }
        if (!stored_reports->empty() &&
            (*stored_reports)[0].mention().type() != mention.type()) {
          continue;
        }
        // The first reports, the store's then this bundle's; never one
        // event with another mention of this document.
        reports.clear();
        for (const EventReport& r : *stored_reports) {
          if (r.document_id() != document.id()) {
            reports.push_back({&r, r.document_sequence()});
          }
        }
        if (auto it = bundle_reports.find(id); it != bundle_reports.end()) {
          for (const ReportAt& r : it->second) {
            if (reports.size() >= options_.max_reports_per_event) break;
            if (r.report->document_id() != document.id()) reports.push_back(r);
          }
        }
        if (reports.empty() ||
            reports[0].report->mention().type() != mention.type()) {
          continue;
        }
        // Every report must allow it; the one that agrees best decides.
        internal::EventComparison agreed;
        const EventReport* agreed_report = nullptr;
        bool refused = false;
        for (const ReportAt& r : reports) {
          internal::EventComparison compared =
              internal::CompareWithReport(mention, publication, *r.report,
                                          options_, /*with_reasons=*/false);
          if (compared.refused) {
            refused = true;
            break;
          }
          if (agreed_report == nullptr || compared.score > agreed.score) {
            agreed = std::move(compared);
            agreed_report = r.report;
          }
        }
        if (refused || agreed.score < options_.min_event_score) continue;
        // Every event it agrees with links stories (a report may bridge
        // two reports of one occurrence that did not agree enough with
        // each other); it joins the one that agrees best.
        if (is_main) main_joined.push_back(Joined{i, id, reports});
        if (best_id.empty() || agreed.score > best.score) {
          best_id = id;
          best = std::move(agreed);
          best_report = agreed_report;
        }
      }

      store::PendingEventReport& added = pending.events.emplace_back();
      if (best_id.empty()) {
        added.event_id =
            store::EventIdOf(document.id(), static_cast<uint32_t>(i));
        added.creates = true;
        bundle_created.insert(added.event_id);
      } else {
        added.event_id = best_id;
        accord::v1::EventMatch* match = report.mutable_match();
        match->set_matched_document_id(best_report->document_id());
        match->set_matched_mention_index(best_report->mention_index());
        match->set_score(best.score);
        // Compared without reasons while choosing; written for the choice.
        best = internal::CompareWithReport(mention, publication, *best_report,
                                           options_);
        for (accord::v1::LinkReason& reason : best.reasons) {
          *match->add_reasons() = std::move(reason);
        }
      }
      if (is_main) main_event_ids.push_back(added.event_id);
      for (const std::string& prefix : store::EventLookupPrefixes(report)) {
        bundle_lookup[prefix].push_back(added.event_id);
      }
      added.report = std::move(report);
    }
    // Only now: pending.events does not move any more, and no mention is
    // compared with a report of its own document.
    for (const store::PendingEventReport& added : pending.events) {
      bundle_reports[added.event_id].push_back(
          {&added.report, store::kMaxDocuments + bundle_position});
    }

    // The story: every earlier document whose main news is an event this
    // document's main news joined.
    store::PendingStoryMember member;
    member.member.set_document_id(document.id());
    member.member.set_language(document.language().code());
    member.member.set_title(document.title());
    for (const std::string& id : main_event_ids)
      member.member.add_event_ids(id);
    // The stories it links to, and the earliest document of each it links
    // to (by sequence).
    std::vector<std::pair<uint64_t, std::string>> stories;
    absl::flat_hash_set<std::string> completed;  // "document/index"
    for (const Joined& joined : main_joined) {
      const EventMention& mention = document.events(joined.mention);
      for (const ReportAt& other_at : joined.reports) {
        const EventReport& other = *other_at.report;
        if (!other.main()) continue;
        absl::StatusOr<std::string> story = story_of(other.document_id());
        if (!story.ok()) return story.status();
        if (story->empty()) continue;
        auto known = std::find_if(
            stories.begin(), stories.end(),
            [&](const auto& linked) { return linked.second == *story; });
        if (known != stories.end()) {
          known->first = std::min(known->first, other_at.sequence);
        } else {
          stories.emplace_back(other_at.sequence, *story);
          internal::EventComparison compared = internal::CompareWithReport(
              mention, publication, other, options_);
          accord::v1::StoryLink* link = member.member.add_links();
          link->set_document_id(document.id());
          link->set_linked_document_id(other.document_id());
          link->set_event_id(joined.event_id);
          link->set_score(compared.score);
          for (accord::v1::LinkReason& reason : compared.reasons) {
            *link->add_reasons() = std::move(reason);
          }
        }
        // Years one side states and the other lacks.
        if (!mention.has_date() || !other.mention().has_date()) continue;
        if (auto mine = Complete(document, mention.date(), other.document_id(),
                                 other.mention().date(), joined.event_id);
            mine.has_value() &&
            completed
                .insert(
                    absl::StrCat(document.id(), "/", mine->temporal_index()))
                .second) {
          *member.member.add_completions() = *std::move(mine);
        }
        if (!YearUnknownDay(other.mention().date()) ||
            !YearKnownDay(mention.date())) {
          continue;
        }
        // Their document: of this bundle, or stored.
        std::optional<Document> read;
        const Document* theirs = nullptr;
        if (auto it = bundle_documents.find(other.document_id());
            it != bundle_documents.end()) {
          theirs = it->second;
        } else {
          absl::StatusOr<Document> loaded =
              store.GetDocument(other.document_id());
          if (absl::IsNotFound(loaded.status())) continue;
          if (!loaded.ok()) return loaded.status();
          read = *std::move(loaded);
          theirs = &*read;
        }
        if (auto their =
                Complete(*theirs, other.mention().date(), document.id(),
                         mention.date(), joined.event_id);
            their.has_value() &&
            completed
                .insert(
                    absl::StrCat(theirs->id(), "/", their->temporal_index()))
                .second) {
          *member.member.add_completions() = *std::move(their);
        }
      }
    }
    if (stories.empty()) {
      member.story_id = store::StoryIdOf(document.id());
    } else {
      // Folded into the story of the earliest document it links to.
      std::sort(stories.begin(), stories.end());
      member.story_id = stories.front().second;
      for (size_t s = 1; s < stories.size(); ++s) {
        accord::v1::StoryMerge& merge = member.merges.emplace_back();
        merge.set_absorbed_story_id(stories[s].second);
        merge.set_into_story_id(member.story_id);
        merge.set_by_document_id(document.id());
        bundle_redirects[stories[s].second] = member.story_id;
      }
    }
    bundle_story_of[document.id()] = member.story_id;
    pending.story = std::move(member);
  }
  return absl::OkStatus();
}

}  // namespace accord::stories
