#include "ingest-service/extract/dates/internal/tokens.h"

#include <unicode/uchar.h>

#include <string>
#include <utility>

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
// else of its copy in `forms`.
std::string_view Keep(std::string form, std::string_view same,
                      std::deque<std::string>* forms) {
  if (form == same) return same;
  return forms->emplace_back(std::move(form));
}

}  // namespace

Tokens Tokenize(std::string_view text) {
  Tokens out;
  std::vector<Token>& tokens = out.tokens;
  // About one token per five bytes of news text: few reallocations.
  tokens.reserve(text.size() / 5 + 4);
  bool space = false;
  bool line_break = false;
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
        if (out.ascii_lower == nullptr) {
          out.ascii_lower.reset(new char[text.size()]);
        }
        char* lower = out.ascii_lower.get() + start;
        for (size_t k = 0; k < word.size(); ++k) {
          const char ch = word[k];
          lower[k] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch;
        }
        token.lower = std::string_view(lower, word.size());
      } else {
        token.lower = Keep(temporal::Lower(word), word, &out.forms);
        const std::string_view folded =
            Keep(temporal::FoldLowercase(token.lower), token.lower, &out.forms);
        if (folded != token.lower) token.folded = folded;
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
  return out;
}

}  // namespace accord::extract::dates
