#include "ingest-service/extract/dates/internal/tokens.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>

#include "common/temporal/text_fold.h"

namespace accord::extract::dates {
namespace {

using temporal::DecodeUtf8;

bool IsWordChar(char32_t c) {
  return temporal::IsLetter(c) || temporal::IsCombiningMark(c);
}

bool IsAsciiLetter(unsigned char b) {
  return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

// The end of the word whose first character ends at `pos`. ASCII letters
// are read here, the rest through ICU (most words of most news text are
// ASCII to their end).
size_t WordEnd(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      if (!IsAsciiLetter(b)) break;
      ++pos;
      continue;
    }
    size_t next = pos;
    if (!IsWordChar(DecodeUtf8(text, &next))) break;
    pos = next;
  }
  return pos;
}

bool IsDash(char32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

// How a word is written, read in one pass: ASCII throughout, with ASCII
// capitals.
struct Spelling {
  bool ascii = true;
  bool capitals = false;
};
Spelling SpellingOf(std::string_view word) {
  Spelling spelling;
  for (char c : word) {
    spelling.ascii = spelling.ascii && static_cast<unsigned char>(c) < 0x80;
    spelling.capitals = spelling.capitals || (c >= 'A' && c <= 'Z');
  }
  return spelling;
}

// `form`, as a view of `same` when it is equal to it (nothing to keep),
// else of its copy at the end of `forms`' last string, which gets a new one
// when the copy would outgrow its capacity.
std::string_view Keep(std::string_view form, std::string_view same,
                      size_t chunk_bytes, std::deque<std::string>* forms) {
  if (form == same) return same;
  if (forms->empty() ||
      forms->back().capacity() - forms->back().size() < form.size()) {
    forms->emplace_back().reserve(std::max(chunk_bytes, form.size()));
  }
  std::string& chunk = forms->back();
  const size_t at = chunk.size();
  chunk.append(form);
  return std::string_view(chunk).substr(at, form.size());
}

}  // namespace

Tokens Tokenize(std::string_view text) {
  Tokens out;
  Tokenize(text, &out);
  return out;
}

void Tokenize(std::string_view text, Tokens* tokens_out) {
  Tokens& out = *tokens_out;
  std::vector<Token>& tokens = out.tokens;
  tokens.clear();
  out.forms.clear();
  // About one token per five bytes of news text: few reallocations.
  tokens.reserve(text.size() / 5 + 4);
  bool space = false;
  bool line_break = false;
  // Non-ASCII words' forms: about the text's size in all (most words of a
  // Cyrillic or Vietnamese text have a folded form) in one or two strings.
  const size_t chunk_bytes = text.size() + 64;
  std::string lower_form;
  std::string folded_form;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    char32_t c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      ++pos;
    } else {
      c = DecodeUtf8(text, &pos);
    }
    if (temporal::IsSpace(c)) {
      space = true;
      line_break = line_break || c == '\n' || c == 0x2028 || c == 0x2029;
      continue;
    }
    Token token;
    token.begin = static_cast<uint32_t>(start);
    token.space_before = space;
    token.break_before = line_break;
    space = line_break = false;
    if (c >= '0' && c <= '9') {
      token.kind = Token::Kind::kNumber;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      token.lower = text.substr(start, pos - start);
      token.digits = static_cast<int>(token.lower.size());
      for (char d : token.lower.substr(0, 9)) {
        token.value = token.value * 10 + (d - '0');
      }
    } else if (IsWordChar(c)) {
      token.kind = Token::Kind::kWord;
      pos = WordEnd(text, pos);
      const std::string_view word = text.substr(start, pos - start);
      const Spelling spelling = SpellingOf(word);
      if (spelling.ascii && !spelling.capitals) {
        token.lower = word;  // most words of a news text
      } else if (spelling.ascii) {
        // "November", "UN": lowercased into the text's copy, at the same
        // place.
        if (out.ascii_lower_capacity < text.size()) {
          out.ascii_lower.reset(new char[text.size()]);
          out.ascii_lower_capacity = text.size();
        }
        char* lower = out.ascii_lower.get() + start;
        for (size_t k = 0; k < word.size(); ++k) {
          const char ch = word[k];
          lower[k] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch;
        }
        token.lower = std::string_view(lower, word.size());
      } else {
        // Built in two buffers reused from word to word; only the forms
        // that differ from what they were made of are kept.
        lower_form.clear();
        temporal::AppendLower(word, &lower_form);
        token.lower = Keep(lower_form, word, chunk_bytes, &out.forms);
        folded_form.clear();
        temporal::AppendFoldLowercase(token.lower, &folded_form);
        const std::string_view kept =
            Keep(folded_form, token.lower, chunk_bytes, &out.forms);
        if (kept != token.lower) token.folded = kept;
      }
      token.capitalized = u_isupper(static_cast<UChar32>(c));
    } else {
      token.kind = Token::Kind::kPunct;
      if (IsDash(c)) {
        token.lower = "-";
      } else if (c == 0x2019 || c == 0x2018 || c == 0x02BC) {
        token.lower = "'";
      } else {
        token.lower = text.substr(start, pos - start);
      }
    }
    token.end = static_cast<uint32_t>(pos);
    tokens.push_back(token);
  }
}

}  // namespace accord::extract::dates
