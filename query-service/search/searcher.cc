#include "query-service/search/searcher.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/index/doc_attributes.h"
#include "common/rpc/status.h"
#include "common/store/schema.h"
#include "common/util/untrusted_text.h"
#include "query-service/search/clause_matcher.h"
#include "query-service/search/facets.h"
#include "query-service/search/page_token.h"

namespace accord::query {
namespace {

absl::Status Invalid(absl::string_view reason, absl::string_view message,
                     std::map<std::string, std::string> metadata = {}) {
  return rpc::WithErrorInfo(absl::InvalidArgumentError(message), reason,
                            metadata);
}

// Per-thread scratch space indexed by document, reset after each search
// by walking `touched`, so a search costs what it matches, not N.
struct Scratch {
  std::vector<double> score;
  std::vector<uint16_t> must;
  std::vector<uint8_t> state;  // 1 touched, 2 excluded
  std::vector<uint32_t> touched;
  void Reserve(uint32_t n) {
    if (score.size() < n) {
      score.resize(n, 0.0);
      must.resize(n, 0);
      state.resize(n, 0);
    }
  }
  void Reset() {
    for (uint32_t d : touched) {
      score[d] = 0.0;
      must[d] = 0;
      state[d] = 0;
    }
    touched.clear();
  }
};

// Request filters resolved against the doc table.
struct Filters {
  bool by_language = false;
  absl::flat_hash_set<uint32_t> languages;
  bool by_source = false;
  absl::flat_hash_set<uint32_t> sources;
  bool by_time = false;
  int64_t after = std::numeric_limits<int64_t>::min();   // inclusive
  int64_t before = std::numeric_limits<int64_t>::max();  // exclusive
  // Every one of these must be mentioned; kUnknownId matches nothing.
  std::vector<uint32_t> entities;
  bool by_topic = false;
  absl::flat_hash_set<uint32_t> topics;
  uint32_t event_types = 0;  // bit mask; 0: no filter
  bool by_story = false;
  absl::flat_hash_set<uint32_t> story;

  bool Pass(const DocTable::ReadLock& table, uint32_t doc) const {
    if (by_language && !languages.contains(table.language(doc))) return false;
    if (by_story && !story.contains(doc)) return false;
    if (event_types != 0 && (table.event_types(doc) & event_types) == 0) {
      return false;
    }
    if (!entities.empty()) {
      absl::Span<const uint32_t> mentioned = table.entities(doc);
      for (uint32_t entity : entities) {
        if (std::find(mentioned.begin(), mentioned.end(), entity) ==
            mentioned.end()) {
          return false;
        }
      }
    }
    if (by_topic) {
      bool any = false;
      for (uint32_t id : table.topics(doc)) any = any || topics.contains(id);
      if (!any) return false;
    }
    if (by_time) {
      int64_t published = table.published(doc);
      if (published == DocTable::kNoDate || published < after ||
          published >= before) {
        return false;
      }
    }
    if (by_source) {
      for (uint32_t id : table.sources(doc)) {
        if (sources.contains(id)) return true;
      }
      return false;
    }
    return true;
  }
};

int64_t CeilSeconds(const google::protobuf::Timestamp& t) {
  return t.seconds() + (t.nanos() > 0 ? 1 : 0);
}

constexpr int kMaxEntityFilters = 10;
constexpr int kMaxFacetSize = 100;
constexpr int kDefaultFacetSize = 10;
// A story filter reads the story's members; larger stories are refused.
constexpr size_t kMaxStoryFilterMembers = 10000;

absl::Status CheckRequest(const accord::v1::SearchDocumentsRequest& request) {
  for (const std::string& language : request.languages()) {
    bool ok = language.size() >= 2 && language.size() <= 3;
    for (char c : language)
      ok = ok && absl::ascii_islower(static_cast<unsigned char>(c));
    if (!ok) {
      return Invalid(
          "INVALID_FILTER",
          absl::StrCat("languages: \"", EscapeUntrusted(language, 20),
                       "\" is not an ISO 639 code such as \"en\""),
          {{"field", "languages"}});
    }
  }
  for (const std::string& source : request.sources()) {
    if (source.empty() || source.size() > 256) {
      return Invalid("INVALID_FILTER",
                     "sources: entries must be 1 to 256 bytes",
                     {{"field", "sources"}});
    }
  }
  if (request.has_published_after() && request.has_published_before() &&
      (request.published_after().seconds() >
           request.published_before().seconds() ||
       (request.published_after().seconds() ==
            request.published_before().seconds() &&
        request.published_after().nanos() >=
            request.published_before().nanos()))) {
    return Invalid("INVALID_FILTER",
                   "published_after must be earlier than published_before",
                   {{"field", "published_after"}});
  }
  if (request.page_size() < 0) {
    return Invalid("INVALID_FILTER", "page_size must not be negative",
                   {{"field", "page_size"}});
  }
  if (request.entity_ids_size() > kMaxEntityFilters) {
    return Invalid("INVALID_FILTER",
                   absl::StrCat("entity_ids: at most ", kMaxEntityFilters),
                   {{"field", "entity_ids"}});
  }
  for (const std::string& id : request.entity_ids()) {
    if (store::EntityKindOfId(id) == accord::v1::ENTITY_KIND_UNSPECIFIED) {
      return Invalid("INVALID_FILTER",
                     absl::StrCat("entity_ids: \"", EscapeUntrusted(id, 80),
                                  "\" is not an entity id such as "
                                  "\"country/VN\""),
                     {{"field", "entity_ids"}});
    }
  }
  if (absl::Status topics = CheckTopicFilter(request.topic_ids());
      !topics.ok()) {
    return topics;
  }
  for (int type : request.event_types()) {
    if (type <= 0 || !accord::v1::EventType_IsValid(type)) {
      return Invalid("INVALID_FILTER",
                     absl::StrCat("event_types: ", type,
                                  " is not an event type (EVENT_TYPE_MEETING, "
                                  "EVENT_TYPE_SIGNING, ...)"),
                     {{"field", "event_types"}});
    }
  }
  if (!request.story_id().empty() &&
      !store::IsValidStoryId(request.story_id())) {
    return Invalid(
        "INVALID_FILTER",
        absl::StrCat("story_id: \"", EscapeUntrusted(request.story_id(), 80),
                     "\" is not st-<32 hex digits>"),
        {{"field", "story_id"}});
  }
  std::vector<int> facets(request.facets().begin(), request.facets().end());
  return CheckFacetRequest(facets, request.facet_size(), kMaxFacetSize);
}

// True when the request filters on anything: a search without words
// then lists what passes.
bool HasFilter(const accord::v1::SearchDocumentsRequest& request) {
  return request.languages_size() > 0 || request.sources_size() > 0 ||
         request.has_published_after() || request.has_published_before() ||
         request.entity_ids_size() > 0 || request.topic_ids_size() > 0 ||
         request.event_types_size() > 0 || !request.story_id().empty();
}

}  // namespace

Searcher::Searcher(const store::Follower* follower,
                   const analysis::Analyzer* analyzer, SearcherOptions options)
    : follower_(follower), analyzer_(analyzer), options_(std::move(options)) {}

absl::StatusOr<Searcher::Ranked> Searcher::Rank(
    const accord::v1::SearchDocumentsRequest& request,
    const store::Store& store, const CallDeadline& deadline) const {
  return RankIn(request, store, std::nullopt, deadline);
}

absl::StatusOr<Searcher::Ranked> Searcher::RankIn(
    const accord::v1::SearchDocumentsRequest& request,
    const store::Store& store, std::optional<Window> window,
    const CallDeadline& deadline) const {
  if (absl::Status valid = CheckRequest(request); !valid.ok()) return valid;
  Ranked ranked;
  if (window) {
    ranked.snapshot = window->end;
  } else {
    const std::string fingerprint = RequestFingerprint(request);
    absl::StatusOr<uint64_t> count = store.DocumentCount();
    if (!count.ok()) return count.status();
    absl::StatusOr<PageToken> page =
        ResolvePage(request.page_token(), *count, fingerprint);
    if (!page.ok()) return page.status();
    ranked.snapshot = page->snapshot;
    ranked.offset = page->offset;
  }
  if (absl::Status loaded = table_.CatchUp(store, ranked.snapshot);
      !loaded.ok()) {
    return loaded;
  }

  // The story's members, read before the table lock.
  absl::flat_hash_set<uint32_t> story_members;
  if (!request.story_id().empty()) {
    absl::StatusOr<accord::v1::Story> story =
        store.GetStory(request.story_id(), kMaxStoryFilterMembers, deadline);
    if (absl::IsNotFound(story.status())) {
      return rpc::WithErrorInfo(
          absl::NotFoundError(
              absl::StrCat("story ", request.story_id(), " not found")),
          "STORY_NOT_FOUND", {{"story_id", request.story_id()}});
    }
    if (!story.ok()) return story.status();
    if (story->document_count() > kMaxStoryFilterMembers) {
      return rpc::WithErrorInfo(
          absl::ResourceExhaustedError(absl::StrCat(
              "story ", story->id(), " has ", story->document_count(),
              " documents; a story filter takes at most ",
              kMaxStoryFilterMembers)),
          "STORY_TOO_LARGE", {{"story_id", request.story_id()}});
    }
    for (const accord::v1::StoryMember& member : story->members()) {
      if (member.document_sequence() < ranked.snapshot) {
        story_members.insert(static_cast<uint32_t>(member.document_sequence()));
      }
    }
  }

  DocTable::ReadLock table(&table_);
  // A watch without words passes every document of its window that the
  // filters (if any) pass.
  const bool browse = absl::StripAsciiWhitespace(request.query()).empty() &&
                      (HasFilter(request) || window.has_value());
  if (!browse) {
    std::vector<std::string> languages(request.languages().begin(),
                                       request.languages().end());
    if (languages.empty()) languages = table.Languages();
    absl::StatusOr<analysis::ParsedQuery> parsed = analysis::ParseQuery(
        *analyzer_, request.query(), languages, options_.parser);
    if (!parsed.ok()) {
      std::string message(parsed.status().message());
      if (absl::StripAsciiWhitespace(request.query()).empty()) {
        absl::StrAppend(&message,
                        ": give words, or filters to list what passes them");
      }
      return Invalid("INVALID_QUERY", message,
                     {{"query", EscapeUntrusted(request.query(), 200)}});
    }
    ranked.query = *std::move(parsed);
  }

  Filters filters;
  filters.by_language = request.languages_size() > 0;
  for (const std::string& language : request.languages()) {
    filters.languages.insert(table.LanguageId(language));
  }
  filters.by_source = request.sources_size() > 0;
  for (const std::string& source : request.sources()) {
    filters.sources.insert(table.SourceId(index::NormalizeSourceKey(source)));
  }
  filters.by_time =
      request.has_published_after() || request.has_published_before();
  if (request.has_published_after()) {
    filters.after = CeilSeconds(request.published_after());
  }
  if (request.has_published_before()) {
    filters.before = CeilSeconds(request.published_before());
  }
  for (const std::string& id : request.entity_ids()) {
    filters.entities.push_back(table.EntityId(id));
  }
  filters.by_topic = request.topic_ids_size() > 0;
  for (const std::string& id : request.topic_ids()) {
    filters.topics.insert(table.TopicId(id));
  }
  for (int type : request.event_types()) {
    filters.event_types |= uint32_t{1} << type;
  }
  filters.by_story = !request.story_id().empty();
  filters.story = std::move(story_members);

  const uint32_t n = ranked.snapshot;
  const double average_length = table.average_length(n);
  thread_local Scratch scratch;
  scratch.Reserve(n);
  std::vector<uint32_t> window_docs;
  if (window) {
    for (uint32_t d = window->begin; d < window->end; ++d) {
      window_docs.push_back(d);
    }
  }
  const ClauseMatcher matcher =
      window ? ClauseMatcher(&store, n, window_docs) : ClauseMatcher(&store, n);
  ClauseMatches matches;
  uint16_t musts = 0;
  for (const analysis::Clause& clause : ranked.query.clauses) {
    absl::Status matched = deadline.Check("search");
    if (matched.ok()) matched = matcher.Match(clause, &matches);
    if (!matched.ok()) {
      scratch.Reset();
      return matched;
    }
    if (clause.occur == analysis::Occur::kMustNot) {
      for (uint32_t d : matches.docs) {
        if (scratch.state[d] == 0) scratch.touched.push_back(d);
        scratch.state[d] = 2;
      }
      continue;
    }
    if (clause.occur == analysis::Occur::kMust) ++musts;
    const double df = static_cast<double>(matches.size());
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    for (size_t i = 0; i < matches.size(); ++i) {
      const uint32_t d = matches.docs[i];
      if (scratch.state[d] == 0) {
        scratch.touched.push_back(d);
        scratch.state[d] = 1;
      }
      const double f = matches.freqs[i];
      const double norm =
          options_.k1 *
          (1.0 - options_.b + options_.b * table.length(d) / average_length);
      scratch.score[d] += idf * f * (options_.k1 + 1.0) / (f + norm);
      if (clause.occur == analysis::Occur::kMust) ++scratch.must[d];
    }
  }

  std::vector<std::pair<double, uint32_t>> hits;
  if (browse) {
    for (uint32_t d = window ? window->begin : 0; d < n; ++d) {
      if (filters.Pass(table, d)) hits.emplace_back(0.0, d);
    }
  } else {
    for (uint32_t d : scratch.touched) {
      if (scratch.state[d] == 1 && scratch.must[d] == musts &&
          filters.Pass(table, d)) {
        hits.emplace_back(scratch.score[d], d);
      }
    }
  }
  scratch.Reset();
  ranked.total = hits.size();
  if (window) {
    // In store order, unranked: a watch reports documents as they come.
    std::sort(hits.begin(), hits.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    for (const auto& hit : hits) {
      ranked.docs.push_back(hit.second);
      ranked.scores.push_back(0.0);
    }
    return ranked;
  }
  if (request.facets_size() > 0) {
    std::vector<uint32_t> docs;
    docs.reserve(hits.size());
    for (const auto& hit : hits) docs.push_back(hit.second);
    std::vector<int> fields(request.facets().begin(), request.facets().end());
    ranked.facets = CountFacets(
        table, docs, fields,
        request.facet_size() == 0 ? kDefaultFacetSize : request.facet_size());
  }
  // Best first; ties to the older document, so the order is total. Without
  // words: newest publication first, then the most recently stored.
  auto better = [&](const std::pair<double, uint32_t>& a,
                    const std::pair<double, uint32_t>& b) {
    if (browse) {
      const int64_t pa = table.published(a.second);
      const int64_t pb = table.published(b.second);
      return pa != pb ? pa > pb : a.second > b.second;
    }
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  const int page_size =
      request.page_size() == 0
          ? options_.default_page_size
          : std::min(request.page_size(), options_.max_page_size);
  const uint64_t end =
      std::min<uint64_t>(hits.size(), ranked.offset + page_size);
  if (ranked.offset < end) {
    std::partial_sort(hits.begin(), hits.begin() + end, hits.end(), better);
    for (uint64_t i = ranked.offset; i < end; ++i) {
      ranked.scores.push_back(hits[i].first);
      ranked.docs.push_back(hits[i].second);
    }
  }
  return ranked;
}

absl::StatusOr<std::vector<std::vector<SnippetMatch>>> Searcher::PageMatches(
    const store::Store& store, const Ranked& ranked) const {
  // Query word of each term; a term two words share counts for the first.
  absl::flat_hash_map<std::string, int> term_words;
  int words = 0;
  for (const analysis::Clause& clause : ranked.query.clauses) {
    if (clause.occur == analysis::Occur::kMustNot) continue;
    for (const auto& word : clause.words) {
      for (const std::string& term : word) term_words.emplace(term, words);
      ++words;
    }
  }
  // The page's documents in document order, for the postings reads.
  std::vector<uint32_t> page(ranked.docs.begin(), ranked.docs.end());
  std::sort(page.begin(), page.end());
  page.erase(std::unique(page.begin(), page.end()), page.end());
  // (position, word) of each page document, from the postings.
  std::vector<std::vector<std::pair<uint32_t, int>>> position_words(
      page.size());
  index::PostingList list;
  for (const auto& [term, word] : term_words) {
    list.Clear();
    if (absl::Status read =
            store.ReadPostingsOf(term, ranked.snapshot, page, &list);
        !read.ok()) {
      return read;
    }
    size_t at = 0;
    for (size_t i = 0; i < list.size(); ++i) {
      while (page[at] < list.docs[i]) ++at;
      for (uint32_t position : list.PositionsOf(i)) {
        position_words[at].emplace_back(position, word);
      }
    }
  }
  std::vector<uint64_t> sequences(page.begin(), page.end());
  std::vector<absl::StatusOr<std::string>> spans =
      store.GetTokenSpans(sequences);
  absl::flat_hash_map<uint32_t, std::vector<SnippetMatch>> by_doc;
  for (size_t i = 0; i < page.size(); ++i) {
    if (!spans[i].ok()) return spans[i].status();
    std::vector<std::pair<uint32_t, int>>& pairs = position_words[i];
    // One term per position: each word yields one term (analyzer.h).
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end(),
                            [](const auto& a, const auto& b) {
                              return a.first == b.first;
                            }),
                pairs.end());
    absl::StatusOr<std::vector<SnippetMatch>> matches =
        MatchesFromSpans(pairs, *spans[i]);
    if (!matches.ok()) {
      return absl::DataLossError(absl::StrCat(
          "document sequence ", page[i], ": ", matches.status().message()));
    }
    by_doc[page[i]] = *std::move(matches);
  }
  std::vector<std::vector<SnippetMatch>> out;
  out.reserve(ranked.docs.size());
  for (uint32_t doc : ranked.docs) out.push_back(std::move(by_doc[doc]));
  return out;
}

absl::StatusOr<accord::v1::SearchDocumentsResponse> Searcher::Search(
    const accord::v1::SearchDocumentsRequest& request,
    const CallDeadline& deadline) const {
  absl::StatusOr<std::shared_ptr<const store::Store>> available =
      follower_->AvailableStore();
  if (!available.ok()) {
    return rpc::WithErrorInfo(available.status(), "STORE_UNAVAILABLE");
  }
  const std::shared_ptr<const store::Store>& store = *available;
  absl::StatusOr<Ranked> ranked = Rank(request, *store, deadline);
  if (!ranked.ok()) return ranked.status();

  accord::v1::SearchDocumentsResponse response;
  response.set_total_size(static_cast<int64_t>(ranked->total));
  if (absl::Status labelled = LabelFacets(*store, &labels_, &ranked->facets);
      !labelled.ok()) {
    return labelled;
  }
  for (accord::v1::Facet& facet : ranked->facets) {
    *response.add_facets() = std::move(facet);
  }
  const uint64_t next = ranked->offset + ranked->docs.size();
  if (!ranked->docs.empty() && next < ranked->total) {
    response.set_next_page_token(
        EncodePageToken({ranked->snapshot, next, RequestFingerprint(request)}));
  }
  absl::StatusOr<std::vector<accord::v1::SearchHit>> hits =
      HitsOf(*store, *ranked, deadline);
  if (!hits.ok()) return hits.status();
  for (accord::v1::SearchHit& hit : *hits) {
    *response.add_hits() = std::move(hit);
  }
  return response;
}

absl::Status Searcher::ReadTable(
    const store::Store& store, uint32_t snapshot,
    absl::FunctionRef<void(const DocTable::ReadLock&)> read) const {
  if (absl::Status loaded = table_.CatchUp(store, snapshot); !loaded.ok()) {
    return loaded;
  }
  DocTable::ReadLock table(&table_);
  read(table);
  return absl::OkStatus();
}

absl::StatusOr<accord::v1::GetStatsResponse> Searcher::Stats(
    const accord::v1::GetStatsRequest& request) const {
  constexpr int kDefaultStatsValues = 100;
  constexpr int kMaxStatsValues = 1000;
  static const std::vector<int> kDefaultFields = {
      accord::v1::FACET_FIELD_LANGUAGE, accord::v1::FACET_FIELD_SOURCE,
      accord::v1::FACET_FIELD_TOPIC, accord::v1::FACET_FIELD_MONTH};
  const std::vector<int> fields =
      request.fields().empty()
          ? kDefaultFields
          : std::vector<int>(request.fields().begin(), request.fields().end());
  if (absl::Status valid =
          CheckFacetRequest(fields, request.max_values(), kMaxStatsValues);
      !valid.ok()) {
    return valid;
  }
  absl::StatusOr<std::shared_ptr<const store::Store>> available =
      follower_->AvailableStore();
  if (!available.ok()) {
    return rpc::WithErrorInfo(available.status(), "STORE_UNAVAILABLE");
  }
  const std::shared_ptr<const store::Store>& store = *available;
  absl::StatusOr<uint64_t> count = store->DocumentCount();
  if (!count.ok()) return count.status();
  const uint32_t n = static_cast<uint32_t>(
      std::min<uint64_t>(*count, std::numeric_limits<uint32_t>::max()));
  accord::v1::GetStatsResponse response;
  response.set_document_count(n);
  std::vector<accord::v1::Facet> facets;
  absl::Status read =
      ReadTable(*store, n, [&](const DocTable::ReadLock& table) {
        std::vector<uint32_t> docs(n);
        for (uint32_t d = 0; d < n; ++d) docs[d] = d;
        facets = CountFacets(table, docs, fields,
                             request.max_values() == 0 ? kDefaultStatsValues
                                                       : request.max_values());
      });
  if (!read.ok()) return read;
  if (absl::Status labelled = LabelFacets(*store, &labels_, &facets);
      !labelled.ok()) {
    return labelled;
  }
  for (accord::v1::Facet& facet : facets) {
    *response.add_facets() = std::move(facet);
  }
  return response;
}

absl::StatusOr<std::vector<Searcher::WindowMatch>> Searcher::MatchWindow(
    const accord::v1::SearchDocumentsRequest& request,
    const store::Store& store, Window window,
    const CallDeadline& deadline) const {
  accord::v1::SearchDocumentsRequest standing = request;
  standing.clear_page_token();
  standing.clear_facets();
  window.end = std::max(window.begin, window.end);
  absl::StatusOr<Ranked> ranked = RankIn(standing, store, window, deadline);
  if (!ranked.ok()) return ranked.status();
  absl::StatusOr<std::vector<accord::v1::SearchHit>> hits =
      HitsOf(store, *ranked, deadline);
  if (!hits.ok()) return hits.status();
  std::vector<WindowMatch> matches(hits->size());
  for (size_t i = 0; i < hits->size(); ++i) {
    matches[i].sequence = ranked->docs[i];
    matches[i].hit = std::move((*hits)[i]);
  }
  return matches;
}

absl::StatusOr<std::vector<accord::v1::SearchHit>> Searcher::HitsOf(
    const store::Store& store, const Ranked& ranked,
    const CallDeadline& deadline) const {
  std::vector<accord::v1::SearchHit> hits;
  if (ranked.docs.empty()) return hits;
  std::vector<uint64_t> sequences(ranked.docs.begin(), ranked.docs.end());
  std::vector<absl::StatusOr<std::string>> ids =
      store.GetDocumentIds(sequences);
  std::vector<std::string> found;
  for (auto& id : ids) {
    if (!id.ok()) return id.status();
    found.push_back(*id);
  }
  std::vector<absl::StatusOr<accord::v1::Document>> documents =
      store.GetDocuments(found);
  if (absl::Status go_on = deadline.Check("search"); !go_on.ok()) {
    return go_on;
  }
  absl::StatusOr<std::vector<std::vector<SnippetMatch>>> matches =
      PageMatches(store, ranked);
  if (!matches.ok()) return matches.status();
  for (size_t i = 0; i < documents.size(); ++i) {
    if (!documents[i].ok()) return documents[i].status();
    const accord::v1::Document& document = *documents[i];
    accord::v1::SearchHit* hit = &hits.emplace_back();
    hit->set_document_id(document.id());
    hit->set_score(ranked.scores[i]);
    hit->set_title(document.title());
    hit->set_language(document.language().code());
    hit->set_published(document.publication().iso8601());
    for (accord::v1::Snippet& snippet :
         MakeSnippets(document, (*matches)[i], options_.snippets)) {
      *hit->add_snippets() = std::move(snippet);
    }
  }
  return hits;
}

}  // namespace accord::query
