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

bool IsDash(char32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

// True when `word` is ASCII without capitals: its own lowercase form.
bool IsLowercaseAscii(std::string_view word) {
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) {
      return false;
    }
  }
  return true;
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
    const char32_t c = DecodeUtf8(text, &pos);
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
      size_t end = pos;
      while (end < text.size()) {
        size_t next = end;
        if (!IsWordChar(DecodeUtf8(text, &next))) break;
        end = next;
      }
      pos = end;
      const std::string_view word = text.substr(start, pos - start);
      if (IsLowercaseAscii(word)) {
        token.lower = word;
      } else {
        std::string lowered = temporal::Lower(word);
        token.lower =
            lowered == word
                ? word
                : std::string_view(out.forms.emplace_back(std::move(lowered)));
        for (char ch : token.lower) {
          if (static_cast<unsigned char>(ch) >= 0x80) {
            std::string folded = temporal::FoldLowercase(token.lower);
            if (folded != token.lower) {
              token.folded = out.forms.emplace_back(std::move(folded));
            }
            break;
          }
        }
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
