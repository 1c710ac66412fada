#include "bench/corpus/query_set.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "bench/corpus/generator.h"
#include "bench/corpus/internal/random.h"
#include "bench/corpus/internal/vocabulary.h"

namespace accord::bench {
namespace {

using internal::SplitMix64;
using internal::Vocabulary;

using DocumentOf = absl::FunctionRef<GeneratedDoc(uint64_t)>;

// Share of one-term and multi-term words copied from the corpus's long
// tail on the news profile.
constexpr int kCorpusWordPercent = 20;

// Bytes that make a token unfit for a query word: ASCII punctuation and
// digits, and the UTF-8 lead bytes of the typographic punctuation the
// templates use (’ – “ ” « »: E2 80 xx; « »: C2 AB/BB).
bool IsCleanWord(absl::string_view w) {
  if (w.size() < 2) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const unsigned char c = w[i];
    if (c < 0x80) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    } else if (c == 0xE2 || (c == 0xC2 && i + 1 < w.size() &&
                             ((unsigned char)w[i + 1] == 0xAB ||
                              (unsigned char)w[i + 1] == 0xBB))) {
      return false;
    }
  }
  return true;
}

// The content words of a vocabulary entry: "la sécurité de l’information"
// -> {"sécurité", "information"} (elided articles dropped, function words
// and unclean tokens skipped).
std::vector<absl::string_view> ContentWords(const Vocabulary& v,
                                            absl::string_view entry) {
  std::vector<absl::string_view> out;
  for (absl::string_view token : absl::StrSplit(entry, ' ')) {
    for (absl::string_view apostrophe : {"’", "'"}) {
      const size_t at = token.find(apostrophe);
      if (at != absl::string_view::npos) {
        token.remove_prefix(at + apostrophe.size());
      }
    }
    if (IsCleanWord(token) && !v.IsStopword(token)) out.push_back(token);
  }
  return out;
}

// One content word of language `v`, from the lists analysts search for.
absl::string_view DrawListWord(const Vocabulary& v, SplitMix64& rng) {
  for (;;) {
    const uint64_t which = rng.Below(100);
    const internal::WordList& list = which < 40   ? v.nouns
                                     : which < 60 ? v.topics
                                     : which < 70 ? v.adjectives
                                     : which < 80 ? v.countries
                                     : which < 88 ? v.cities
                                     : which < 95 ? v.last_names
                                                  : v.organizations;
    const std::vector<absl::string_view> words =
        ContentWords(v, list.Draw(rng));
    if (!words.empty()) return words[rng.Below(words.size())];
  }
}

// Every word of every team list and template: what is not in here, in a
// news document, came from the long tail.
const absl::flat_hash_set<std::string>& TeamWords() {
  static const auto* const words = [] {
    auto* out = new absl::flat_hash_set<std::string>;
    for (const Vocabulary* v : internal::AllVocabularies()) {
      const internal::LanguagePack& p = v->pack;
      for (const std::vector<absl::string_view>* templates :
           {&p.headlines, &p.leads, &p.sentences, &p.captions,
            &p.news_headlines, &p.news_sentences}) {
        for (absl::string_view t : *templates) {
          for (absl::string_view w : absl::StrSplit(
                   t, absl::ByAnyChar(" .,;:()«»"), absl::SkipEmpty())) {
            out->insert(internal::SimpleLower(w));
          }
        }
      }
      for (const internal::WordList* list :
           {&v->nouns, &v->adjectives, &v->verbs, &v->topics, &v->titles,
            &v->first_names, &v->last_names, &v->countries, &v->cities,
            &v->organizations, &v->agencies, &v->months}) {
        for (absl::string_view entry : list->entries()) {
          for (absl::string_view w : ContentWords(*v, entry)) {
            out->insert(internal::SimpleLower(w));
          }
        }
      }
    }
    return out;
  }();
  return *words;
}

// Strips one trailing ASCII punctuation mark (end of sentence, comma).
absl::string_view TrimTrailingPunct(absl::string_view w, bool* trimmed) {
  *trimmed = false;
  while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';' ||
                        w.back() == ':')) {
    w.remove_suffix(1);
    *trimmed = true;
  }
  return w;
}

// Calls `f(line, number)` for each line of `doc` that every engine indexes
// (headline, paragraphs): not the stamp, captions or source line, which
// Accord's normalizer sets aside (GeneratedDoc::aside_lines). A query drawn
// from those would find nothing in Accord and something in the peers.
template <typename F>
void ForEachIndexedLine(const GeneratedDoc& doc, F&& f) {
  auto aside = doc.aside_lines.begin();
  uint32_t number = 0;
  for (absl::string_view line : absl::StrSplit(doc.text, '\n')) {
    if (aside != doc.aside_lines.end() && *aside == number) {
      ++aside;
    } else {
      f(line, number);
    }
    ++number;
  }
}

// A long-tail word of language `v` copied from an indexed line of a corpus
// document, or "" when a few documents offer none.
std::string DrawCorpusWord(const Vocabulary& v, DocumentOf document_of,
                           uint64_t corpus_size, SplitMix64& rng) {
  for (int attempt = 0; attempt < 32; ++attempt) {
    const GeneratedDoc doc = document_of(rng.Below(corpus_size));
    if (doc.language != v.pack.code) continue;
    std::vector<absl::string_view> tokens;
    ForEachIndexedLine(doc, [&tokens](absl::string_view line, uint32_t) {
      for (absl::string_view t : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
        tokens.push_back(t);
      }
    });
    for (int pick = 0; pick < 16 && !tokens.empty(); ++pick) {
      bool trimmed = false;
      const absl::string_view w =
          TrimTrailingPunct(tokens[rng.Below(tokens.size())], &trimmed);
      if (IsCleanWord(w) && !v.IsStopword(w) &&
          !TeamWords().contains(internal::SimpleLower(w))) {
        return std::string(w);
      }
    }
  }
  return "";
}

// A query word of language `v`: mostly from the team lists; on the news
// profile (corpus_word_percent > 0) sometimes from the corpus's long tail.
std::string DrawWord(const Vocabulary& v, DocumentOf document_of,
                     uint64_t corpus_size, int corpus_word_percent,
                     SplitMix64& rng) {
  if (corpus_word_percent > 0 && rng.Percent(corpus_word_percent)) {
    std::string w = DrawCorpusWord(v, document_of, corpus_size, rng);
    if (!w.empty()) return w;
  }
  return std::string(DrawListWord(v, rng));
}

// A phrase of 2-3 consecutive words from an indexed line of a random corpus
// document.
std::string DrawPhrase(DocumentOf document_of, uint64_t corpus_size,
                       SplitMix64& rng, std::string* language) {
  for (;;) {
    const GeneratedDoc doc = document_of(rng.Below(corpus_size));
    const Vocabulary* v = nullptr;
    for (const Vocabulary* c : internal::AllVocabularies()) {
      if (c->pack.code == doc.language) v = c;
    }
    // Tokens with their line number: a phrase stays within one line.
    std::vector<absl::string_view> tokens;
    std::vector<uint32_t> line_of;
    ForEachIndexedLine(doc, [&](absl::string_view line, uint32_t number) {
      for (absl::string_view t : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
        tokens.push_back(t);
        line_of.push_back(number);
      }
    });
    for (int attempt = 0; attempt < 64; ++attempt) {
      const size_t length = rng.Percent(60) ? 2 : 3;
      if (tokens.size() <= length) break;
      const size_t start = rng.Below(tokens.size() - length);
      if (line_of[start] != line_of[start + length - 1]) continue;
      std::vector<std::string> words;
      for (size_t k = 0; k < length; ++k) {
        bool trimmed = false;
        absl::string_view w = TrimTrailingPunct(tokens[start + k], &trimmed);
        // Only the last word may end a clause: phrases do not span commas.
        if (!IsCleanWord(w) || (trimmed && k + 1 < length)) break;
        words.emplace_back(w);
      }
      if (words.size() != length || v->IsStopword(words.front()) ||
          v->IsStopword(words.back())) {
        continue;
      }
      *language = doc.language;
      return "\"" + absl::StrJoin(words, " ") + "\"";
    }
  }
}

std::vector<BenchQuery> MakeQueries(uint64_t seed, uint64_t corpus_size,
                                    size_t per_kind, DocumentOf document_of,
                                    int corpus_word_percent) {
  SplitMix64 rng(internal::MixSeed(seed ^ 0x51E7C0DE, corpus_size));
  std::vector<BenchQuery> out;
  out.reserve(3 * per_kind);
  for (size_t i = 0; i < per_kind; ++i) {
    const Vocabulary& v = internal::DrawVocabulary(rng);
    out.push_back(
        {QueryKind::kOneTerm,
         DrawWord(v, document_of, corpus_size, corpus_word_percent, rng),
         std::string(v.pack.code)});
  }
  for (size_t i = 0; i < per_kind; ++i) {
    const Vocabulary& v = internal::DrawVocabulary(rng);
    const size_t n = static_cast<size_t>(rng.Between(2, 4));
    std::vector<std::string> words;
    while (words.size() < n) {
      std::string w =
          DrawWord(v, document_of, corpus_size, corpus_word_percent, rng);
      if (std::find(words.begin(), words.end(), w) == words.end()) {
        words.push_back(std::move(w));
      }
    }
    out.push_back({QueryKind::kMultiTerm, absl::StrJoin(words, " "),
                   std::string(v.pack.code)});
  }
  for (size_t i = 0; i < per_kind; ++i) {
    BenchQuery q{QueryKind::kPhrase, "", ""};
    q.text = DrawPhrase(document_of, corpus_size, rng, &q.language);
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace

absl::string_view QueryKindName(QueryKind kind) {
  switch (kind) {
    case QueryKind::kOneTerm:
      return "one-term";
    case QueryKind::kMultiTerm:
      return "multi-term";
    case QueryKind::kPhrase:
      return "phrase";
  }
  return "?";
}

std::vector<BenchQuery> GenerateQueries(const CorpusGenerator& corpus,
                                        uint64_t corpus_size, size_t per_kind) {
  const bool news = corpus.options().profile == CorpusProfile::kNews;
  return MakeQueries(
      corpus.options().seed, corpus_size, per_kind,
      [&corpus](uint64_t i) { return corpus.Document(i); },
      news ? kCorpusWordPercent : 0);
}

std::vector<BenchQuery> GenerateQueries(uint64_t seed, uint64_t corpus_size,
                                        size_t per_kind) {
  return MakeQueries(
      seed, corpus_size, per_kind,
      [seed](uint64_t i) { return GenerateDocument(seed, i); }, 0);
}

std::vector<std::string> QueryWords(absl::string_view query) {
  std::vector<std::string> out;
  for (absl::string_view w :
       absl::StrSplit(query, absl::ByAnyChar(" \""), absl::SkipEmpty())) {
    out.emplace_back(w);
  }
  return out;
}

}  // namespace accord::bench
