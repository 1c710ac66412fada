#include "ingest-service/normalize/glued_words.h"

#include <algorithm>

#include "ingest-service/normalize/text_util.h"
#include "ingest-service/normalize/word_split.h"

namespace accord::normalize {
namespace {

using accord::v1::RepairKind;

// A repair in progress: [start, end) of the current paragraph text.
struct Pending {
  RepairKind kind;
  std::string original;
  size_t start;
  size_t end;
};

// One pass's edits: every repair only inserts single spaces, so a pass is
// a set of insertion points plus the repairs they belong to.
struct Edits {
  std::vector<size_t> inserts;
  std::vector<Pending> repairs;
};

// Applies `edits` to `text`, moving the spans of earlier repairs so they
// keep covering the same characters. Returns whether `*text` changed.
bool Apply(Edits edits, std::string* text, std::vector<Pending>* repairs) {
  if (edits.inserts.empty()) return false;
  std::vector<size_t>& q = edits.inserts;
  std::sort(q.begin(), q.end());
  q.erase(std::unique(q.begin(), q.end()), q.end());
  auto shift_start = [&](size_t p) {
    return p + static_cast<size_t>(std::upper_bound(q.begin(), q.end(), p) -
                                   q.begin());
  };
  auto shift_end = [&](size_t p) {
    return p + static_cast<size_t>(std::lower_bound(q.begin(), q.end(), p) -
                                   q.begin());
  };
  for (Pending& r : *repairs) {
    r.start = shift_start(r.start);
    r.end = shift_end(r.end);
  }
  for (Pending& r : edits.repairs) {
    r.start = shift_start(r.start);
    r.end = shift_end(r.end);
    repairs->push_back(std::move(r));
  }
  std::string out;
  out.reserve(text->size() + q.size());
  size_t from = 0;
  for (size_t p : q) {
    out.append(*text, from, p - from);
    out.push_back(' ');
    from = p;
  }
  out.append(*text, from, std::string::npos);
  *text = std::move(out);
  return true;
}

bool IsProtectedToken(std::string_view token) {
  const std::string lower = ToLower(token);
  return lower.find("://") != std::string::npos ||
         lower.find('@') != std::string::npos || lower.rfind("www.", 0) == 0;
}

// "(s)", "(e)": inclusive-writing and plural markers, not glue.
bool IsShortParenthetical(std::string_view token, size_t open) {
  const size_t close = token.find(')', open);
  if (close == std::string_view::npos) return false;
  const std::string_view inner = token.substr(open + 1, close - open - 1);
  if (inner.empty() || CountCodePoints(inner) > 2) return false;
  for (size_t pos = 0; pos < inner.size();) {
    if (!IsLower(NextCodePoint(inner, &pos))) return false;
  }
  return true;
}

// Code points of `token` with their byte offsets.
struct Char {
  char32_t c;
  size_t at;
  size_t next;
};
std::vector<Char> Chars(std::string_view token) {
  std::vector<Char> chars;
  for (size_t pos = 0; pos < token.size();) {
    const size_t at = pos;
    const char32_t c = NextCodePoint(token, &pos);
    chars.push_back({c, at, pos});
  }
  return chars;
}

// Letters before index i in the same run.
size_t LettersBefore(const std::vector<Char>& chars, size_t i) {
  size_t n = 0;
  while (i > 0 && IsLetter(chars[i - 1].c)) {
    --i;
    ++n;
  }
  return n;
}

Edits PunctuationPass(const std::string& text) {
  Edits edits;
  size_t token_start = 0;
  while (token_start < text.size()) {
    size_t token_end = text.find(' ', token_start);
    if (token_end == std::string::npos) token_end = text.size();
    const std::string_view token(text.data() + token_start,
                                 token_end - token_start);
    const size_t before = edits.inserts.size();
    // Most tokens have no inner punctuation at all.
    const size_t inner =
        token.size() > 2
            ? token.substr(1, token.size() - 2).find_first_of(",;.!?()")
            : std::string_view::npos;
    if (inner != std::string_view::npos && !IsProtectedToken(token)) {
      const std::vector<Char> chars = Chars(token);
      for (size_t i = 1; i + 1 < chars.size(); ++i) {
        const char32_t c = chars[i].c, prev = chars[i - 1].c,
                       next = chars[i + 1].c;
        const char32_t after_next = i + 2 < chars.size() ? chars[i + 2].c : 0;
        if ((c == ',' || c == ';') &&
            (IsLetter(prev) || prev == ')' || prev == ']' || prev == 0x201D ||
             prev == '"') &&
            IsLetter(next)) {
          edits.inserts.push_back(token_start + chars[i].next);
        } else if ((c == '.' || c == '!' || c == '?') && IsLower(prev) &&
                   LettersBefore(chars, i) >= 2 && IsUpper(next) &&
                   IsLower(after_next)) {
          edits.inserts.push_back(token_start + chars[i].next);
        } else if (c == '(' && IsLetter(prev) &&
                   token.find(')', chars[i].at) != std::string_view::npos &&
                   !IsShortParenthetical(token, chars[i].at)) {
          edits.inserts.push_back(token_start + chars[i].at);
        } else if (c == ')' && IsLetter(next)) {
          const size_t open = token.rfind('(', chars[i].at);
          if (open != std::string_view::npos &&
              !IsShortParenthetical(token, open)) {
            edits.inserts.push_back(token_start + chars[i].next);
          }
        }
      }
    }
    if (edits.inserts.size() > before) {
      edits.repairs.push_back({accord::v1::REPAIR_KIND_PUNCTUATION_JOIN,
                               std::string(token), token_start, token_end});
    }
    token_start = token_end + 1;
  }
  return edits;
}

// True when `word` has a lowercase letter, an uppercase one and a lowercase
// one in a row, the sign of CASE_JOIN glue; no allocation, so that every
// word of a non-Latin text can be asked.
bool HasInnerCaseChange(std::string_view word) {
  char32_t before = 0, previous = 0;
  for (size_t pos = 0; pos < word.size();) {
    const char32_t c = NextCodePoint(word, &pos);
    if (IsLower(before) && IsUpper(previous) && IsLower(c)) {
      return true;
    }
    before = previous;
    previous = c;
  }
  return false;
}

// `runs` are the letter runs of `text`.
Edits CaseJoinPass(const std::string& text, const Vocabulary& vocabulary,
                   const std::vector<WordSpan>& runs) {
  Edits edits;
  for (const WordSpan& run : runs) {
    const std::string_view word(text.data() + run.start, run.end - run.start);
    // Cheap filter: an inner ASCII capital or any non-ASCII byte.
    bool candidate = false;
    for (size_t i = 1; i < word.size() && !candidate; ++i) {
      const unsigned char b = static_cast<unsigned char>(word[i]);
      candidate = b >= 0x80 || (b >= 'A' && b <= 'Z');
    }
    if (!candidate || !HasInnerCaseChange(word)) continue;
    const std::vector<Char> chars = Chars(word);
    std::vector<size_t> boundaries;
    for (size_t i = 1; i + 1 < chars.size(); ++i) {
      if (IsLower(chars[i - 1].c) && IsUpper(chars[i].c) &&
          IsLower(chars[i + 1].c)) {
        boundaries.push_back(i);
      }
    }
    if (boundaries.empty()) continue;
    // A known mixed-case word ("YouTube", "McDonald") or one the document
    // repeats is spelled that way on purpose.
    if (vocabulary.InLexicon(word) || vocabulary.Count(word) >= 2) continue;
    size_t segment = 0;
    const size_t before = edits.inserts.size();
    for (size_t i : boundaries) {
      const std::string_view left =
          word.substr(chars[segment].at, chars[i].at - chars[segment].at);
      if (vocabulary.IsPart(left)) {
        edits.inserts.push_back(run.start + chars[i].at);
        segment = i;
      }
    }
    if (edits.inserts.size() > before) {
      edits.repairs.push_back({accord::v1::REPAIR_KIND_CASE_JOIN,
                               std::string(word), run.start, run.end});
    }
  }
  return edits;
}

Edits LowercaseJoinPass(const std::string& text, const Vocabulary& vocabulary,
                        const GluedWordOptions& options,
                        const std::vector<WordSpan>& runs) {
  Edits edits;
  for (const WordSpan& run : runs) {
    const std::string_view word(text.data() + run.start, run.end - run.start);
    // Two parts of at least two letters each, plus one: "ofthe". Bytes
    // bound code points from above, so short words need no counting.
    if (word.size() < 5) continue;
    bool lowercase = true;  // Capitalized words stop at once.
    for (size_t pos = 0; pos < word.size() && lowercase;) {
      const char32_t c = NextCodePoint(word, &pos);
      lowercase = !IsLetter(c) || IsLower(c);
    }
    if (!lowercase) continue;
    const size_t chars = CountCodePoints(word);
    if (chars < 5 || chars > options.max_word_chars) continue;
    if (vocabulary.IsProtected(word)) continue;
    const std::vector<size_t> split = BestSplit(word, vocabulary);
    if (split.empty()) continue;
    for (size_t point : split) edits.inserts.push_back(run.start + point);
    edits.repairs.push_back({accord::v1::REPAIR_KIND_LOWERCASE_JOIN,
                             std::string(word), run.start, run.end});
  }
  return edits;
}

}  // namespace

void RepairGluedWords(std::string_view language, const WordList* dictionary,
                      const GluedWordOptions& options,
                      std::vector<std::string>* paragraphs,
                      std::vector<accord::v1::TextRepair>* repairs) {
  Vocabulary vocabulary{std::string(language), dictionary};
  // Letter runs are found once per paragraph and found again only after a
  // pass changed the text (few paragraphs have glue).
  std::vector<std::vector<WordSpan>> runs(paragraphs->size());
  for (size_t index = 0; index < paragraphs->size(); ++index) {
    LetterRuns((*paragraphs)[index], &runs[index]);
    vocabulary.AddWords((*paragraphs)[index], runs[index]);
  }

  for (size_t index = 0; index < paragraphs->size(); ++index) {
    std::string& text = (*paragraphs)[index];
    std::vector<WordSpan>& text_runs = runs[index];
    std::vector<Pending> pending;
    if (Apply(PunctuationPass(text), &text, &pending)) {
      LetterRuns(text, &text_runs);
    }
    if (Apply(CaseJoinPass(text, vocabulary, text_runs), &text, &pending)) {
      LetterRuns(text, &text_runs);
    }
    Apply(LowercaseJoinPass(text, vocabulary, options, text_runs), &text,
          &pending);
    std::sort(
        pending.begin(), pending.end(),
        [](const Pending& a, const Pending& b) { return a.start < b.start; });
    for (const Pending& p : pending) {
      accord::v1::TextRepair repair;
      repair.set_kind(p.kind);
      repair.set_original(p.original);
      repair.set_replacement(text.substr(p.start, p.end - p.start));
      repair.set_paragraph(static_cast<uint32_t>(index));
      repair.set_offset(static_cast<uint32_t>(p.start));
      repairs->push_back(std::move(repair));
    }
  }
}

}  // namespace accord::normalize
