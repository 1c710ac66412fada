#include "query-service/timeline_reader.h"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/index/varint.h"
#include "common/rpc/status.h"
#include "common/store/event_view.h"
#include "common/store/schema.h"
#include "common/temporal/calendar.h"
#include "common/util/hash.h"
#include "common/util/untrusted_text.h"
#include "query-service/search/page_token.h"

namespace accord::query {
namespace {

absl::Status Invalid(absl::string_view reason, absl::string_view message,
                     std::map<std::string, std::string> metadata = {}) {
  return rpc::WithErrorInfo(absl::InvalidArgumentError(message), reason,
                            std::move(metadata));
}

// A request date: ISO 8601 at day, month or year grain with its year.
absl::StatusOr<std::optional<temporal::PartialDate>> RequestDate(
    const std::string& text, const char* field) {
  if (text.empty()) return std::nullopt;
  std::optional<temporal::PartialDate> date = temporal::ParseIso8601(text);
  if (!date || !date->has_year() || date->grain == temporal::Grain::kWeek) {
    return Invalid("INVALID_FILTER",
                   absl::StrCat(field, ": \"", EscapeUntrusted(text, 40),
                                "\" is not an ISO 8601 date such as 2017, "
                                "2017-11 or 2017-11-10"),
                   {{"field", field}});
  }
  return date;
}

struct Filters {
  std::optional<temporal::PartialDate> start;
  std::optional<temporal::PartialDate> end;
  absl::flat_hash_set<int> types;
};

absl::StatusOr<Filters> CheckRequest(
    const accord::v1::ListEventsRequest& request) {
  Filters filters;
  if (request.participant_ids().empty() && request.place_id().empty() &&
      request.start_date().empty() && request.end_date().empty()) {
    return Invalid("FILTER_REQUIRED",
                   "give participant_ids, place_id, start_date or end_date: "
                   "a timeline of every event is not listed");
  }
  if (request.participant_ids_size() > kMaxTimelineParticipants) {
    return Invalid(
        "INVALID_FILTER",
        absl::StrCat("participant_ids holds ", request.participant_ids_size(),
                     " ids; give at most ", kMaxTimelineParticipants),
        {{"field", "participant_ids"}});
  }
  for (const std::string& id : request.participant_ids()) {
    if (!store::IsValidEntityId(id)) {
      return Invalid(
          "INVALID_FILTER",
          absl::StrCat("participant_ids: \"", EscapeUntrusted(id, 80),
                       "\" is not an entity id such as country/VN"),
          {{"field", "participant_ids"}});
    }
  }
  if (!request.place_id().empty() &&
      !store::IsValidEntityId(request.place_id())) {
    return Invalid(
        "INVALID_FILTER",
        absl::StrCat("place_id: \"", EscapeUntrusted(request.place_id(), 80),
                     "\" is not an entity id such as place/hanoi"),
        {{"field", "place_id"}});
  }
  for (int type : request.types()) {
    if (type == accord::v1::EVENT_TYPE_UNSPECIFIED ||
        !accord::v1::EventType_IsValid(type)) {
      return Invalid("INVALID_FILTER",
                     absl::StrCat("types: ", type, " is not an event type"),
                     {{"field", "types"}});
    }
    filters.types.insert(type);
  }
  absl::StatusOr<std::optional<temporal::PartialDate>> start =
      RequestDate(request.start_date(), "start_date");
  if (!start.ok()) return start.status();
  absl::StatusOr<std::optional<temporal::PartialDate>> end =
      RequestDate(request.end_date(), "end_date");
  if (!end.ok()) return end.status();
  filters.start = *start;
  filters.end = *end;
  if (filters.start && filters.end &&
      temporal::FirstDay(*filters.start) > temporal::LastDay(*filters.end)) {
    return Invalid("INVALID_FILTER", "start_date is after end_date",
                   {{"field", "start_date"}});
  }
  if (request.page_size() < 0) {
    return Invalid("INVALID_PAGE_SIZE", "page_size must not be negative",
                   {{"field", "page_size"}});
  }
  if (request.max_reports() < 0 ||
      request.max_reports() > kMaxTimelineReports) {
    return rpc::WithErrorInfo(
        absl::InvalidArgumentError(absl::StrCat(
            "max_reports is ", request.max_reports(), "; give 1 to ",
            kMaxTimelineReports, ", or 0 for ", kDefaultTimelineReports)),
        "INVALID_MAX_REPORTS",
        {{"max_reports", absl::StrCat(request.max_reports())},
         {"max_allowed", absl::StrCat(kMaxTimelineReports)}});
  }
  return filters;
}

// SHA-256 (hex, 16 digits) over the filters, not the paging fields or
// max_reports.
std::string Fingerprint(const accord::v1::ListEventsRequest& request) {
  std::string canonical = "ListEvents";
  index::PutVarint32(static_cast<uint32_t>(request.participant_ids_size()),
                     &canonical);
  for (const std::string& id : request.participant_ids()) {
    index::PutString(id, &canonical);
  }
  index::PutString(request.place_id(), &canonical);
  index::PutVarint32(static_cast<uint32_t>(request.types_size()), &canonical);
  for (int type : request.types()) {
    index::PutVarint32(static_cast<uint32_t>(type), &canonical);
  }
  index::PutString(request.start_date(), &canonical);
  index::PutString(request.end_date(), &canonical);
  return Sha256Hex(canonical).substr(0, 16);
}

// The key range of every type of one lookup: `letter \0 id \0` up to
// `letter \0 id \1`.
std::pair<std::string, std::string> EveryType(char letter,
                                              absl::string_view id) {
  std::string lower = absl::StrCat(std::string(1, letter), std::string(1, '\0'),
                                   id, std::string(1, '\0'));
  std::string upper = lower;
  upper.back() = '\1';
  return {std::move(lower), std::move(upper)};
}

// The key ranges of one lookup for the types asked for, or of every type.
std::vector<std::pair<std::string, std::string>> Ranges(
    char letter, absl::string_view id, const absl::flat_hash_set<int>& types) {
  std::vector<std::pair<std::string, std::string>> ranges;
  if (types.empty()) {
    ranges.push_back(EveryType(letter, id));
    return ranges;
  }
  for (int type : types) {
    std::string lower = letter == 'p'
                            ? store::EventsByParticipantPrefix(id, type)
                            : store::EventsByPlacePrefix(id, type);
    std::string upper = lower;
    upper.back() = '\1';
    ranges.emplace_back(std::move(lower), std::move(upper));
  }
  return ranges;
}

// One event in timeline order.
struct Placed {
  accord::v1::TimelinePlacement placement =
      accord::v1::TIMELINE_PLACEMENT_UNSPECIFIED;
  std::string date;         // as Event.date gives it; "" when undated
  uint64_t first_sequence;  // of its first report
  std::string id;

  auto Key() const { return std::tie(placement, date, first_sequence, id); }
};

}  // namespace

absl::StatusOr<accord::v1::ListEventsResponse> TimelineReader::ListEvents(
    const accord::v1::ListEventsRequest& request,
    const CallDeadline& deadline) const {
  absl::StatusOr<Filters> filters = CheckRequest(request);
  if (!filters.ok()) return filters.status();
  absl::StatusOr<std::shared_ptr<const store::Store>> store =
      follower_->AvailableStore();
  if (!store.ok()) {
    return rpc::WithErrorInfo(store.status(), "STORE_UNAVAILABLE");
  }

  const std::string fingerprint = Fingerprint(request);
  absl::StatusOr<uint64_t> count = (*store)->DocumentCount();
  if (!count.ok()) return count.status();
  absl::StatusOr<PageToken> resolved =
      ResolvePage(request.page_token(), *count, fingerprint);
  if (!resolved.ok()) return resolved.status();
  const PageToken& page = *resolved;

  // Each filter's events, then their intersection.
  std::vector<std::vector<std::pair<std::string, std::string>>> filter_ranges;
  for (const std::string& id : request.participant_ids()) {
    filter_ranges.push_back(Ranges('p', id, filters->types));
  }
  if (!request.place_id().empty()) {
    filter_ranges.push_back(Ranges('l', request.place_id(), filters->types));
  }
  if (filter_ranges.empty()) {
    // Dates alone: the `d` lookup from the first year to past the last.
    // Unknown years ("XXXX-") sort after ':' and are left out.
    const std::string d = std::string("d") + std::string(1, '\0');
    filter_ranges.push_back(
        {{absl::StrCat(d, filters->start
                              ? absl::StrFormat("%04d", filters->start->year)
                              : std::string("0")),
          absl::StrCat(d, filters->end
                              ? absl::StrFormat("%04d.", filters->end->year)
                              : std::string(":"))}});
  }
  std::unique_ptr<store::Store::EventView> view = (*store)->NewEventView();
  std::optional<absl::flat_hash_set<std::string>> candidates;
  for (const auto& ranges : filter_ranges) {
    absl::flat_hash_set<std::string> found;
    for (const auto& [lower, upper] : ranges) {
      absl::Status collected = view->CollectEventIds(
          lower, upper, page.snapshot, options_.max_events_per_filter, deadline,
          &found);
      if (absl::IsResourceExhausted(collected)) {
        return Invalid(
            "TOO_MANY_EVENTS",
            absl::StrCat("one of the filters matches more than ",
                         options_.max_events_per_filter,
                         " events; narrow it with more participants, a "
                         "place or dates"),
            {{"max_events", absl::StrCat(options_.max_events_per_filter)}});
      }
      if (!collected.ok()) return collected;
    }
    if (!candidates) {
      candidates = std::move(found);
    } else {
      absl::erase_if(*candidates, [&](const std::string& id) {
        return !found.contains(id);
      });
    }
    if (candidates->empty()) break;
  }
  if (candidates->size() > options_.max_events) {
    return Invalid("TOO_MANY_EVENTS",
                   absl::StrCat("the filters match ", candidates->size(),
                                " events; at most ", options_.max_events,
                                " are listed: narrow them"),
                   {{"max_events", absl::StrCat(options_.max_events)}});
  }

  // Each candidate as of the snapshot, checked and placed.
  std::vector<Placed> placed;
  placed.reserve(candidates->size());
  const std::optional<absl::CivilDay> first_day =
      filters->start ? std::optional(temporal::FirstDay(*filters->start))
                     : std::nullopt;
  const std::optional<absl::CivilDay> last_day =
      filters->end ? std::optional(temporal::LastDay(*filters->end))
                   : std::nullopt;
  for (const std::string& id : *candidates) {
    absl::StatusOr<accord::v1::Event> event =
        (*store)->GetEvent(id, 1, deadline, page.snapshot);
    if (absl::IsNotFound(event.status())) continue;  // reported later only
    if (!event.ok()) return event.status();
    if (!filters->types.empty() && !filters->types.contains(event->type())) {
      continue;
    }
    Placed p;
    p.id = id;
    p.first_sequence =
        event->reports().empty() ? 0 : event->reports(0).document_sequence();
    p.date = event->date().value().iso8601();
    std::optional<temporal::PartialDate> date =
        p.date.empty() ? std::nullopt : temporal::ParseIso8601(p.date);
    if (!date) {
      p.placement = accord::v1::TIMELINE_PLACEMENT_UNDATED;
      p.date.clear();
    } else if (!date->has_year()) {
      p.placement = accord::v1::TIMELINE_PLACEMENT_YEAR_UNKNOWN;
    } else {
      p.placement = accord::v1::TIMELINE_PLACEMENT_DATED;
    }
    if (first_day || last_day) {
      if (p.placement != accord::v1::TIMELINE_PLACEMENT_DATED) continue;
      const absl::CivilDay begins = temporal::FirstDay(*date);
      if ((first_day && begins < *first_day) ||
          (last_day && begins > *last_day)) {
        continue;
      }
    }
    placed.push_back(std::move(p));
  }
  std::sort(placed.begin(), placed.end(),
            [](const Placed& a, const Placed& b) { return a.Key() < b.Key(); });

  const int page_size =
      request.page_size() == 0
          ? kDefaultTimelinePageSize
          : std::min(request.page_size(), kMaxTimelinePageSize);
  const int max_reports = request.max_reports() == 0 ? kDefaultTimelineReports
                                                     : request.max_reports();
  const uint64_t end =
      std::min<uint64_t>(placed.size(), page.offset + page_size);
  accord::v1::ListEventsResponse response;
  response.set_total_size(static_cast<int64_t>(placed.size()));
  for (uint64_t i = page.offset; i < end; ++i) {
    absl::StatusOr<accord::v1::Event> event =
        (*store)->GetEvent(placed[i].id, static_cast<size_t>(max_reports),
                           deadline, page.snapshot);
    if (!event.ok()) return event.status();
    accord::v1::TimelineEvent* out = response.add_events();
    *out->mutable_event() = *std::move(event);
    out->set_placement(placed[i].placement);
    out->set_date(placed[i].date);
  }
  if (end < placed.size()) {
    response.set_next_page_token(
        EncodePageToken({page.snapshot, end, fingerprint}));
  }
  return response;
}

}  // namespace accord::query
