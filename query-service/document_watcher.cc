#include "query-service/document_watcher.h"

#include <algorithm>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/rpc/status.h"
#include "query-service/search/page_token.h"

namespace accord::query {
namespace {

// A resume token is a page token (page_token.h) whose fingerprint is this
// marker: the same compact, canonical encoding, and never mistaken for a
// page token of a listing.
constexpr absl::string_view kResumeMarker = "watch-resume-v01";

absl::Status InvalidToken(absl::string_view message) {
  return rpc::WithErrorInfo(absl::InvalidArgumentError(message),
                            "INVALID_RESUME_TOKEN");
}

absl::Duration DurationOf(const google::protobuf::Duration& d) {
  return absl::Seconds(d.seconds()) + absl::Nanoseconds(d.nanos());
}

}  // namespace

std::string EncodeResumeToken(uint64_t sequence) {
  return EncodePageToken(
      {static_cast<uint32_t>(sequence), 0, std::string(kResumeMarker)});
}

absl::StatusOr<uint64_t> DecodeResumeToken(absl::string_view token) {
  absl::StatusOr<PageToken> decoded = DecodePageToken(token);
  if (!decoded.ok() || decoded->fingerprint != kResumeMarker ||
      decoded->offset != 0) {
    return absl::InvalidArgumentError(
        "resume_token is not a token this service issued");
  }
  return decoded->snapshot;
}

DocumentWatcher::DocumentWatcher(const store::Follower* follower,
                                 const Searcher* searcher,
                                 DocumentWatcherOptions options)
    : follower_(follower), searcher_(searcher), options_(std::move(options)) {}

void DocumentWatcher::Stop() { stopped_.store(true); }

absl::Status DocumentWatcher::Watch(
    const accord::v1::WatchDocumentsRequest& request, const Writer& write,
    const CallDeadline& deadline) const {
  // The standing query, as a search request.
  accord::v1::SearchDocumentsRequest standing;
  standing.set_query(request.query());
  *standing.mutable_languages() = request.languages();
  *standing.mutable_sources() = request.sources();
  *standing.mutable_entity_ids() = request.entity_ids();
  *standing.mutable_topic_ids() = request.topic_ids();
  *standing.mutable_event_types() = request.event_types();

  absl::Duration heartbeat = options_.default_heartbeat;
  if (request.has_heartbeat_interval()) {
    heartbeat = DurationOf(request.heartbeat_interval());
    if (heartbeat < options_.min_heartbeat ||
        heartbeat > options_.max_heartbeat) {
      return rpc::WithErrorInfo(
          absl::InvalidArgumentError(
              absl::StrCat("heartbeat_interval must be ",
                           absl::FormatDuration(options_.min_heartbeat), " to ",
                           absl::FormatDuration(options_.max_heartbeat))),
          "INVALID_HEARTBEAT", {{"field", "heartbeat_interval"}});
    }
  }
  std::optional<uint64_t> resume;
  if (!request.resume_token().empty()) {
    absl::StatusOr<uint64_t> decoded =
        DecodeResumeToken(request.resume_token());
    if (!decoded.ok()) return InvalidToken(decoded.status().message());
    resume = *decoded;
  }

  auto shutting_down = [] {
    return rpc::WithErrorInfo(
        absl::UnavailableError("the query-service is shutting down; "
                               "reconnect with the last resume_token"),
        "SHUTTING_DOWN");
  };
  if (stopped_.load()) return shutting_down();

  absl::StatusOr<std::shared_ptr<const store::Store>> available =
      follower_->AvailableStore();
  if (!available.ok()) {
    return rpc::WithErrorInfo(available.status(), "STORE_UNAVAILABLE");
  }
  const std::shared_ptr<const store::Store> store = *std::move(available);
  absl::StatusOr<uint64_t> count = store->DocumentCount();
  if (!count.ok()) return count.status();
  const uint64_t position_at_start = resume.value_or(*count);
  if (position_at_start > *count) {
    return InvalidToken(
        absl::StrCat("resume_token refers to document ", position_at_start,
                     " and this store holds ", *count,
                     " documents: it comes from another store"));
  }
  uint64_t position = position_at_start;
  // A malformed query or filter is refused before the stream starts.
  const auto first = static_cast<uint32_t>(position);
  absl::StatusOr<std::vector<Searcher::WindowMatch>> checked =
      searcher_->MatchWindow(standing, *store, {first, first}, deadline);
  if (!checked.ok()) return checked.status();

  // Taken once the start is fixed: a watch counted in active_watches()
  // sends every matching document stored from here on.
  if (active_.fetch_add(1) >= options_.max_watches) {
    active_.fetch_sub(1);
    return rpc::WithErrorInfo(
        absl::ResourceExhaustedError(absl::StrCat(
            "this query-service already runs ", options_.max_watches,
            " watches; retry later or use another replica")),
        "TOO_MANY_WATCHES");
  }
  absl::Cleanup release = [this] { active_.fetch_sub(1); };

  absl::Time last_sent = absl::Now();
  while (true) {
    if (stopped_.load()) return shutting_down();
    if (absl::Status go_on = deadline.Check("watch"); !go_on.ok()) {
      return go_on;
    }
    // Read the catch-up count before the document count, so that a
    // catch-up between the two wakes the wait below at once.
    const uint64_t seen = follower_->catch_ups();
    count = store->DocumentCount();
    if (!count.ok()) return count.status();
    if (*count > position) {
      const uint64_t end =
          std::min<uint64_t>(*count, position + options_.batch_documents);
      absl::StatusOr<std::vector<Searcher::WindowMatch>> matches =
          searcher_->MatchWindow(
              standing, *store,
              {static_cast<uint32_t>(position), static_cast<uint32_t>(end)},
              deadline);
      if (!matches.ok()) return matches.status();
      for (Searcher::WindowMatch& match : *matches) {
        accord::v1::WatchDocumentsResponse response;
        *response.mutable_hit() = std::move(match.hit);
        response.set_sequence(match.sequence);
        response.set_resume_token(EncodeResumeToken(match.sequence + 1));
        if (!write(response)) {
          return absl::CancelledError("the client stopped reading the watch");
        }
        last_sent = absl::Now();
      }
      position = end;
      continue;
    }
    const absl::Time now = absl::Now();
    if (now - last_sent >= heartbeat) {
      accord::v1::WatchDocumentsResponse progress;
      progress.set_sequence(position);
      progress.set_resume_token(EncodeResumeToken(position));
      if (!write(progress)) {
        return absl::CancelledError("the client stopped reading the watch");
      }
      last_sent = now;
    }
    const absl::Duration wait =
        std::min({options_.wait_slice, last_sent + heartbeat - now,
                  std::max(deadline.deadline() - now, absl::ZeroDuration())});
    follower_->WaitForCatchUp(seen, std::max(wait, absl::Milliseconds(1)));
  }
}

}  // namespace accord::query
