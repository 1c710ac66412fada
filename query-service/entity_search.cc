#include "query-service/entity_search.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "common/alias/name_tokens.h"
#include "common/store/schema.h"
#include "unicode/utf8.h"

namespace accord::query {
namespace internal {
namespace {

std::vector<UChar32> CodePoints(std::string_view text) {
  std::vector<UChar32> out;
  out.reserve(text.size());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    out.push_back(c);
  }
  return out;
}

}  // namespace

int BoundedEdits(std::string_view a, std::string_view b, int limit) {
  const std::vector<UChar32> x = CodePoints(a);
  const std::vector<UChar32> y = CodePoints(b);
  const int n = static_cast<int>(x.size());
  const int m = static_cast<int>(y.size());
  if (std::abs(n - m) > limit) return limit + 1;
  // Three rows of the optimal-string-alignment table.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = x[i - 1] == y[j - 1] ? 0 : 1;
      int best = std::min(
          {previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        best = std::min(best, before[j - 2] + 1);
      }
      current[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

}  // namespace internal

namespace {

// The edits a key of this many code points may have and still match.
int EditsAllowed(size_t code_points) {
  if (code_points < 4) return 0;
  return code_points < 8 ? 1 : 2;
}

// The first `count` code points of `text`.
std::string_view FirstCodePoints(std::string_view text, size_t count) {
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(text.size());
  for (size_t n = 0; n < count && i < length; ++n) {
    U8_FWD_1(text.data(), i, length);
  }
  return text.substr(0, static_cast<size_t>(i));
}

size_t CodePointCount(std::string_view text) {
  return static_cast<size_t>(std::count_if(
      text.begin(), text.end(),
      [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

absl::StatusOr<std::vector<EntityNameMatch>> FindEntitiesByName(
    const store::Store& store, std::string_view query, size_t max_results,
    const EntitySearchOptions& options) {
  std::vector<std::string> keys = {alias::AliasKey(query)};
  if (keys[0].empty()) {
    return absl::InvalidArgumentError(
        "the name to look for has no letter or digit");
  }
  if (std::string latin = alias::LatinAliasKey(query);
      !latin.empty() && latin != keys[0]) {
    keys.push_back(std::move(latin));
  }

  // The best match of each entity so far.
  absl::flat_hash_map<std::string, EntityNameMatch> best;
  // Ties keep the first offered: the key as typed before its Latin form.
  auto rank = [](const EntityNameMatch& m) {
    return std::make_tuple(static_cast<int>(m.match), m.edits,
                           CodePointCount(m.alias_key));
  };
  auto visible = [&](const store::Store::AliasEntry& entry) {
    if (entry.first_sequence >= options.before_sequence) return false;
    if (options.kinds.empty()) return true;
    return std::find(options.kinds.begin(), options.kinds.end(),
                     store::EntityKindOfId(entry.entity_id)) !=
           options.kinds.end();
  };
  auto offer = [&](EntityNameMatch match) {
    auto [it, added] = best.try_emplace(match.entity_id, match);
    if (!added && rank(match) < rank(it->second)) it->second = std::move(match);
  };

  for (const std::string& key : keys) {
    absl::StatusOr<std::vector<store::Store::AliasEntry>> entries =
        store.ScanEntityAliases(key, options.max_prefix_candidates);
    if (!entries.ok()) return entries.status();
    for (store::Store::AliasEntry& entry : *entries) {
      if (!visible(entry)) continue;
      const NameMatch how =
          entry.alias_key == key ? NameMatch::kExact : NameMatch::kPrefix;
      offer({std::move(entry.entity_id), std::move(entry.alias_key), how, 0});
    }
  }
  if (best.size() < max_results) {
    for (const std::string& key : keys) {
      const size_t length = CodePointCount(key);
      const int allowed = EditsAllowed(length);
      if (allowed == 0) continue;
      absl::StatusOr<std::vector<store::Store::AliasEntry>> entries =
          store.ScanEntityAliases(std::string(FirstCodePoints(key, 1)),
                                  options.max_fuzzy_candidates);
      if (!entries.ok()) return entries.status();
      for (store::Store::AliasEntry& entry : *entries) {
        if (!visible(entry)) continue;
        // The whole alias, or its beginning as long as the key.
        const int edits = std::min(
            internal::BoundedEdits(key, entry.alias_key, allowed),
            internal::BoundedEdits(
                key, FirstCodePoints(entry.alias_key, length), allowed));
        if (edits > allowed) continue;
        offer({std::move(entry.entity_id), std::move(entry.alias_key),
               edits == 0 ? NameMatch::kPrefix : NameMatch::kFuzzy, edits});
      }
    }
  }

  std::vector<EntityNameMatch> out;
  out.reserve(best.size());
  for (auto& [id, match] : best) out.push_back(std::move(match));
  std::sort(out.begin(), out.end(),
            [&](const EntityNameMatch& a, const EntityNameMatch& b) {
              return std::make_tuple(rank(a), a.entity_id, a.alias_key) <
                     std::make_tuple(rank(b), b.entity_id, b.alias_key);
            });
  if (out.size() > max_results) out.resize(max_results);
  return out;
}

}  // namespace accord::query
