#include "ingest-service/extract/gazetteer/gazetteer.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "ingest-service/extract/gazetteer/data_files.h"
#include "ingest-service/extract/gazetteer/exemplar_cities.h"
#include "ingest-service/extract/gazetteer/russian_declension.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace accord::extract {
namespace {

// Most bytes of punctuation and space between two tokens of one name:
// "U.N.", "Lt. Gen.", "Hanoi -Übereinkommen", "Russia’s" (3 bytes).
constexpr size_t kMaxGapBytes = 3;

bool GapJoins(std::string_view gap) {
  return gap.size() <= kMaxGapBytes && gap.find('\n') == std::string_view::npos;
}

// CLDR's exemplar cities, without country names and ordinary words, and
// under the id of the team's place where a name is the same (so "Kiev"
// and "Kyiv" stay one place).
absl::StatusOr<std::vector<GazetteerEntry>> ExemplarCities(
    const GazetteerOptions& options, const std::vector<GazetteerEntry>& known) {
  absl::flat_hash_set<std::string> country_names;
  absl::flat_hash_map<std::string, std::string> place_ids;
  for (const GazetteerEntry& entry : known) {
    if (entry.kind != EntryKind::kCountry && entry.kind != EntryKind::kPlace) {
      continue;
    }
    for (const GazetteerName& name : entry.names) {
      const std::string key = alias::AliasKey(name.text);
      if (entry.kind == EntryKind::kCountry) {
        country_names.insert(key);
      } else {
        place_ids.try_emplace(key, entry.id);
      }
    }
  }
  absl::StatusOr<std::vector<ExemplarCityWord>> listed =
      ParseExemplarCityWords(EmbeddedExemplarCityWords());
  if (!listed.ok()) return listed.status();
  absl::flat_hash_set<std::pair<std::string, std::string>> ordinary_words;
  for (ExemplarCityWord& word : *listed) {
    ordinary_words.emplace(std::move(word.language), std::move(word.word));
  }
  ExemplarCityOptions city_options;
  city_options.languages = options.languages;
  absl::StatusOr<std::vector<GazetteerEntry>> cities = LoadExemplarCities(
      city_options, [&](std::string_view language, std::string_view name) {
        const std::string key = alias::AliasKey(name);
        if (key.empty() || country_names.contains(key)) return true;
        const std::string word = ExemplarCityWordOf(name);
        return !word.empty() && ordinary_words.contains(std::make_pair(
                                    std::string(language), word));
      });
  if (!cities.ok()) return cities.status();
  for (GazetteerEntry& city : *cities) {
    for (const GazetteerName& name : city.names) {
      auto team = place_ids.find(alias::AliasKey(name.text));
      if (team != place_ids.end()) {
        city.id = team->second;
        break;
      }
    }
  }
  return cities;
}

// A person's Russian names and short forms in their other cases
// (russian_declension.h), each with the source of the name it comes from
// and " declined".
void AddRussianCases(GazetteerEntry* person) {
  absl::flat_hash_set<std::string> written;
  for (const GazetteerName& name : person->names) written.insert(name.text);
  // A woman's names decline otherwise: by her first Russian full name.
  RussianGender gender = RussianGender::kUnknown;
  for (const GazetteerName& name : person->names) {
    if (name.language == "ru" && name.use == NameUse::kName) {
      gender = RussianGenderOf(name.text);
      break;
    }
  }
  std::vector<GazetteerName> declined;
  for (const GazetteerName& name : person->names) {
    if (name.language != "ru" ||
        (name.use != NameUse::kName && name.use != NameUse::kShort)) {
      continue;
    }
    for (std::string& form : DeclineRussianName(name.text, gender)) {
      if (!written.insert(form).second) continue;
      declined.push_back(
          GazetteerName{.language = "ru",
                        .text = std::move(form),
                        .use = name.use,
                        .source = absl::StrCat(name.source, " declined")});
    }
  }
  for (GazetteerName& name : declined) {
    person->names.push_back(std::move(name));
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(
    const GazetteerOptions& options) {
  return Load(options, {});
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(
    const GazetteerOptions& options, std::vector<GazetteerEntry> extra) {
  std::vector<GazetteerEntry> all;
  if (options.load_embedded_data) {
    for (const auto& [file_name, text] : EmbeddedDataFiles()) {
      absl::StatusOr<std::vector<GazetteerEntry>> parsed =
          ParseGazetteerFile(text, file_name);
      if (!parsed.ok()) return parsed.status();
      for (GazetteerEntry& entry : *parsed) all.push_back(std::move(entry));
    }
  }
  for (GazetteerEntry& entry : extra) all.push_back(std::move(entry));
  if (options.load_country_names) {
    absl::StatusOr<std::vector<GazetteerEntry>> countries =
        LoadCountryNames(options.countries);
    if (!countries.ok()) return countries.status();
    // After the team's files, so that their canonical names ("Vietnam",
    // not iso-codes' "Viet Nam") win the merge.
    for (GazetteerEntry& entry : *countries) all.push_back(std::move(entry));
  }
  if (options.load_exemplar_cities) {
    absl::StatusOr<std::vector<GazetteerEntry>> cities =
        ExemplarCities(options, all);
    if (!cities.ok()) return cities.status();
    for (GazetteerEntry& entry : *cities) all.push_back(std::move(entry));
  }
  std::vector<GazetteerEntry> merged = MergeEntries(std::move(all));
  for (GazetteerEntry& entry : merged) {
    if (entry.kind == EntryKind::kPerson) AddRussianCases(&entry);
  }
  for (GazetteerEntry& entry : merged) {
    absl::flat_hash_set<std::string> seen;
    for (const GazetteerName& name : entry.names) {
      if (name.use != NameUse::kName && name.use != NameUse::kShort) continue;
      for (std::string key :
           {alias::AliasKey(name.text), alias::LatinAliasKey(name.text)}) {
        if (!key.empty() && seen.insert(key).second) {
          entry.alias_keys.push_back(std::move(key));
        }
      }
    }
  }
  std::unique_ptr<Gazetteer> gazetteer(
      new Gazetteer(std::move(merged), options));
  // A role recorded as another needs both that role and the ministry.
  for (const GazetteerEntry& entry : gazetteer->entries()) {
    if (entry.recorded_as_role.empty()) continue;
    const GazetteerEntry* as = gazetteer->FindEntry(entry.recorded_as_role);
    if (as == nullptr || as->kind != EntryKind::kRole) {
      return absl::InvalidArgumentError(
          absl::StrCat(entry.id, " is recorded as ", entry.recorded_as_role,
                       ", which is not a known role"));
    }
    if (gazetteer->Ministries(entry.recorded_in_portfolio).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          entry.id, " is recorded in the portfolio '",
          entry.recorded_in_portfolio,
          "', which no ministry has (portfolio.en in organizations.txt)"));
    }
  }
  return gazetteer;
}

Gazetteer::Gazetteer(std::vector<GazetteerEntry> entries,
                     const GazetteerOptions& options)
    : entries_(std::move(entries)) {
  // A covered language without names of its own still gets the "und"
  // ones (and an empty automaton when there are none).
  for (const std::string& language : options.languages) {
    automaton_by_language_.try_emplace(language);
  }
  for (const GazetteerEntry& entry : entries_) {
    by_id_.emplace(entry.id, &entry);
    for (const GazetteerName& name : entry.names) {
      if (name.use == NameUse::kPortfolio && name.language == "en") {
        ministries_[absl::AsciiStrToLower(name.text)].push_back(&entry);
      }
    }
  }
  std::vector<alias::NameToken> tokens;
  for (const GazetteerEntry& entry : entries_) {
    for (const GazetteerName& name : entry.names) {
      tokens.clear();
      alias::TokenizeNames(name.text, &tokens);
      if (tokens.empty()) continue;
      Alias alias{.ref = {&entry, &name},
                  .language = PackedLanguage(name.language)};
      int letters = 0, upper = 0;
      bool first_upper = false;
      const auto* bytes = reinterpret_cast<const uint8_t*>(name.text.data());
      for (int32_t i = 0, n = static_cast<int32_t>(name.text.size()); i < n;) {
        UChar32 c;
        U8_NEXT(bytes, i, n, c);
        if (c < 0 || !u_isalpha(c)) continue;
        if (letters == 0) first_upper = u_isupper(c) || u_istitle(c);
        ++letters;
        if (u_isupper(c) || u_istitle(c)) ++upper;
      }
      if (letters >= 2 && upper == letters) {
        alias.case_rule = CaseRule::kAllUpper;
      } else if (first_upper) {
        alias.case_rule = CaseRule::kInitialUpper;
      }
      std::vector<std::string> folds;
      folds.reserve(tokens.size());
      for (alias::NameToken& token : tokens) {
        folds.push_back(std::move(token.fold));
      }
      const auto value = static_cast<uint32_t>(aliases_.size());
      automaton_.Add(folds, value);
      if (name.language == "und") {
        for (auto& [language, automaton] : automaton_by_language_) {
          automaton.Add(folds, value);
        }
      } else if (auto own = automaton_by_language_.find(name.language);
                 own != automaton_by_language_.end()) {
        own->second.Add(folds, value);
      }
      aliases_.push_back(alias);
    }
  }
  automaton_.Compile();
  for (auto& [language, automaton] : automaton_by_language_) {
    automaton.Compile();
  }
}

const GazetteerEntry* Gazetteer::FindEntry(std::string_view id) const {
  auto it = by_id_.find(absl::string_view(id.data(), id.size()));
  return it == by_id_.end() ? nullptr : it->second;
}

const std::vector<const GazetteerEntry*>& Gazetteer::Ministries(
    std::string_view portfolio) const {
  static const std::vector<const GazetteerEntry*> kNone;
  auto it = ministries_.find(absl::AsciiStrToLower(
      absl::string_view(portfolio.data(), portfolio.size())));
  return it == ministries_.end() ? kNone : it->second;
}

uint64_t Gazetteer::PackedLanguage(std::string_view language) {
  if (language.empty() || language.size() > sizeof(uint64_t)) return 0;
  uint64_t packed = 0;
  std::memcpy(&packed, language.data(), language.size());
  return packed;
}

bool Gazetteer::LanguageApplies(const Alias& alias, std::string_view language,
                                uint64_t packed_language,
                                bool language_covered) {
  if (!language_covered) return true;
  static const uint64_t kUnd = PackedLanguage("und");
  if (alias.language != 0) {
    // A tag of at most 8 bytes equals `language` only when their words do
    // (a longer `language` packs to 0, which no such tag does).
    return alias.language == packed_language || alias.language == kUnd;
  }
  const std::string& name_language = alias.ref.name->language;
  return name_language == language || name_language == "und";
}

bool Gazetteer::CaseAllows(CaseRule rule, const alias::NameToken* first,
                           const alias::NameToken* last) {
  switch (rule) {
    case CaseRule::kAny:
      return true;
    case CaseRule::kInitialUpper:
      return first->token_case != alias::TokenCase::kLower;
    case CaseRule::kAllUpper:
      for (const alias::NameToken* t = first; t <= last; ++t) {
        if (t->has_letter && t->token_case != alias::TokenCase::kUpper) {
          return false;
        }
      }
      return true;
  }
  return false;
}

std::vector<GazetteerMatch> Gazetteer::Find(
    std::string_view text, const std::vector<alias::NameToken>& tokens,
    std::string_view language) const {
  std::vector<std::string_view> folds;
  folds.reserve(tokens.size());
  for (const alias::NameToken& token : tokens) folds.push_back(token.fold);

  // Every span that names something in this language, with its names.
  // A covered language's own automaton holds only the names that apply
  // to its documents; the whole one is checked name by name.
  const auto own = automaton_by_language_.find(
      absl::string_view(language.data(), language.size()));
  const bool language_covered = own != automaton_by_language_.end();
  const TokenAutomaton& automaton = language_covered ? own->second : automaton_;
  const uint64_t packed_language = PackedLanguage(language);
  std::vector<GazetteerMatch> candidates;
  automaton.Match(folds, [&](size_t begin, size_t end, uint32_t value) {
    const Alias& alias = aliases_[value];
    // Always true through a language's own automaton: checked all the same
    // (a packed comparison), so that both paths share one rule.
    if (!LanguageApplies(alias, language, packed_language, language_covered)) {
      return;
    }
    if (!CaseAllows(alias.case_rule, &tokens[begin], &tokens[end - 1])) return;
    for (size_t i = begin + 1; i < end; ++i) {
      const size_t gap_begin = tokens[i - 1].end;
      if (!GapJoins(text.substr(gap_begin, tokens[i].begin - gap_begin))) {
        return;
      }
    }
    if (!candidates.empty() && candidates.back().begin == begin &&
        candidates.back().end == end) {
      candidates.back().alternatives.push_back(alias.ref);
      return;
    }
    candidates.push_back(
        {.begin = begin, .end = end, .alternatives = {alias.ref}});
  });

  // Longest first, then leftmost; a span overlapping a chosen one is out.
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const size_t la = candidates[a].end - candidates[a].begin;
    const size_t lb = candidates[b].end - candidates[b].begin;
    if (la != lb) return la > lb;
    return candidates[a].begin < candidates[b].begin;
  });
  std::vector<bool> taken(tokens.size(), false);
  std::vector<GazetteerMatch> chosen;
  for (size_t i : order) {
    GazetteerMatch& match = candidates[i];
    bool free = true;
    for (size_t t = match.begin; t < match.end && free; ++t) free = !taken[t];
    if (!free) continue;
    for (size_t t = match.begin; t < match.end; ++t) taken[t] = true;
    // Same span reported twice (two patterns with equal folds): merge.
    chosen.push_back(std::move(match));
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const GazetteerMatch& a, const GazetteerMatch& b) {
              return a.begin < b.begin;
            });
  return chosen;
}

}  // namespace accord::extract
