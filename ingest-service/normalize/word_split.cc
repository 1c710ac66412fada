#include "ingest-service/normalize/word_split.h"

#include "ingest-service/normalize/lexicon_memo.h"
#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {
namespace {

bool IsRunChar(char32_t c) { return IsLetter(c) || (c >= 0x300 && c <= 0x36F); }
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

bool IsAsciiLetter(unsigned char b) {
  return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

// Code point boundaries of `s`, excluding 0 and s.size(), that sit between
// two letters (never next to an apostrophe).
std::vector<size_t> SplitPoints(std::string_view s) {
  std::vector<size_t> points;
  char32_t previous = 0;
  for (size_t pos = 0; pos < s.size();) {
    const size_t here = pos;
    const char32_t c = NextCodePoint(s, &pos);
    if (here > 0 && IsLetter(previous) && IsLetter(c)) points.push_back(here);
    previous = c;
  }
  return points;
}

}  // namespace

Vocabulary::Vocabulary(std::string language, const WordList* dictionary)
    : language_(std::move(language)),
      dictionary_(dictionary),
      lexicon_(LexiconMemo::ForThread(language_, dictionary)) {}

void Vocabulary::AddText(std::string_view text) {
  LetterRuns(text, &runs_);
  AddWords(text, runs_);
}

void Vocabulary::AddWords(std::string_view text,
                          const std::vector<WordSpan>& runs) {
  for (const WordSpan& span : runs) {
    const std::string_view word =
        text.substr(span.start, span.end - span.start);
    // Most words are already lowercase: one entry, no lowercasing copy.
    std::string buffer;
    const std::string_view lower = ToLowerView(word, &buffer);
    Counts& counts = lower_counts_[AsAbsl(lower)];
    ++counts.any_case;
    if (lower.data() == word.data()) {
      ++counts.as_written;
    } else {
      ++cased_counts_[AsAbsl(word)];
    }
  }
}

int Vocabulary::Count(std::string_view word) const {
  std::string buffer;
  const std::string_view lower = ToLowerView(word, &buffer);
  if (lower.data() == word.data()) {
    auto it = lower_counts_.find(AsAbsl(word));
    return it == lower_counts_.end() ? 0 : it->second.as_written;
  }
  auto it = cased_counts_.find(AsAbsl(word));
  return it == cased_counts_.end() ? 0 : it->second;
}

int Vocabulary::LowerCount(std::string_view lower_word) const {
  auto it = lower_counts_.find(AsAbsl(lower_word));
  return it == lower_counts_.end() ? 0 : it->second.any_case;
}

bool Vocabulary::InLexicon(std::string_view word) const {
  const LexiconMemo::Entry entry = lexicon_->Lookup(word);
  return entry.in_dictionary || entry.mixed_case_name || entry.domain_word;
}

bool Vocabulary::IsKnown(std::string_view word) const {
  if (InLexicon(word)) return true;
  std::string buffer;
  return CountCodePoints(word) >= kMinContentPartChars &&
         LowerCount(ToLowerView(word, &buffer)) > 0;
}

bool Vocabulary::IsPart(std::string_view word) const {
  const LexiconMemo::Entry entry = lexicon_->Lookup(word);
  if (entry.function_word) return true;
  if (CountCodePoints(word) < kMinContentPartChars) return false;
  if (entry.in_dictionary || entry.mixed_case_name || entry.domain_word) {
    return true;
  }
  std::string buffer;
  return LowerCount(ToLowerView(word, &buffer)) > 0;
}

bool Vocabulary::IsProtected(std::string_view lower_word) const {
  if (LowerCount(lower_word) >= 2) return true;
  const LexiconMemo::Entry entry = lexicon_->Lookup(lower_word);
  if (entry.domain_word || entry.in_dictionary) return true;
  if (!lexicon_->HasCompoundPrefix(lower_word)) return false;
  for (size_t point : SplitPoints(lower_word)) {
    if (!lexicon_->Lookup(lower_word.substr(0, point)).compound_prefix) {
      continue;
    }
    // "over" + "the" is a glue error, "cyber" + "attacks" a compound.
    const std::string_view rest = lower_word.substr(point);
    if (CountCodePoints(rest) < kMinContentPartChars) continue;
    if (IsKnown(rest) || IsProtected(rest)) return true;
  }
  return false;
}

std::vector<size_t> BestSplit(std::string_view lower_word,
                              const Vocabulary& vocabulary) {
  const std::vector<size_t> points = SplitPoints(lower_word);
  auto chars = [&](size_t from, size_t to) {
    return CountCodePoints(lower_word.substr(from, to - from));
  };
  // Whether the text before / after each point is a part, asked once each:
  // both searches below need them, the three-part one for every pair. A
  // tail matters only after a point with a head, and most unknown words
  // have no head at all: their tails are never asked (each new part is a
  // lexicon lookup, and the long tail of real vocabulary makes most new).
  std::vector<bool> head(points.size()), tail(points.size());
  size_t first_head = points.size();
  for (size_t x = 0; x < points.size(); ++x) {
    head[x] = vocabulary.IsPart(lower_word.substr(0, points[x]));
    if (head[x] && first_head == points.size()) first_head = x;
  }
  for (size_t x = first_head; x < points.size(); ++x) {
    tail[x] = vocabulary.IsPart(lower_word.substr(points[x]));
  }
  std::vector<size_t> best;
  size_t best_score = 0;
  for (size_t x = 0; x < points.size(); ++x) {
    if (!head[x] || !tail[x]) continue;
    const size_t i = points[x];
    const size_t a = chars(0, i), b = chars(i, lower_word.size());
    const size_t score = a * a + b * b;
    if (score > best_score) {
      best_score = score;
      best = {i};
    }
  }
  if (!best.empty()) return best;
  for (size_t x = 0; x < points.size(); ++x) {
    if (!head[x]) continue;
    const size_t i = points[x];
    for (size_t y = x + 1; y < points.size(); ++y) {
      if (!tail[y]) continue;
      const size_t j = points[y];
      if (!vocabulary.IsPart(lower_word.substr(i, j - i))) continue;
      const size_t a = chars(0, i), b = chars(i, j),
                   c = chars(j, lower_word.size());
      const size_t score = a * a + b * b + c * c;
      if (score > best_score) {
        best_score = score;
        best = {i, j};
      }
    }
  }
  return best;
}

void LetterRuns(std::string_view text, std::vector<WordSpan>* runs) {
  runs->clear();
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {  // ASCII without decoding.
      ++pos;
      if (!IsAsciiLetter(lead)) continue;
    } else if (!IsRunChar(NextCodePointSlow(text, &pos))) {
      continue;
    }
    size_t end = pos;
    while (end < text.size()) {
      if (IsAsciiLetter(static_cast<unsigned char>(text[end]))) {
        ++end;
        continue;
      }
      size_t next = end;
      const char32_t c = NextCodePoint(text, &next);
      if (IsRunChar(c)) {
        end = next;
        continue;
      }
      // An apostrophe between two letters stays inside the word.
      if (IsApostrophe(c) && next < text.size()) {
        size_t after = next;
        if (IsLetter(NextCodePoint(text, &after))) {
          end = next;
          continue;
        }
      }
      break;
    }
    runs->push_back({start, end});
    pos = end;
  }
}

}  // namespace accord::normalize
