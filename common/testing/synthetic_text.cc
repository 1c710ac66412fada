#include "common/testing/synthetic_text.h"

#include <random>

#include "absl/random/distributions.h"
#include "absl/strings/str_cat.h"

namespace accord::testing {
namespace {

const std::vector<std::vector<std::string>>& Syllables() {
  static const auto* const kSyllables =
      new std::vector<std::vector<std::string>>{
          {"ka", "ro", "min", "ster", "de", "lu", "pa", "ti", "gon", "ve"},
          {"ля", "ми", "ра", "кон", "то", "ше", "ву", "ни", "зда", "пе"},
          {"ngu", "yên", "tha", "ình", "bộ", "trư", "ờng", "hoa", "lê", "vă"},
          {"sch", "ei", "ung", "ber", "ä", "ö", "ü", "ri", "ch", "ten"}};
  return *kSyllables;
}

std::string Article(std::mt19937& random,
                    const std::vector<std::string>& syllables, int number) {
  auto word = [&] {
    std::string w;
    const int length = absl::Uniform(random, 1, 4);
    for (int i = 0; i < length; ++i) {
      w += syllables[absl::Uniform<size_t>(random, 0, syllables.size())];
    }
    return w;
  };
  std::string text = absl::StrCat(word(), " ", word(), " ", number, "\n\n");
  for (int paragraph = 0; paragraph < 6; ++paragraph) {
    for (int sentence = 0; sentence < 5; ++sentence) {
      const int words = absl::Uniform(random, 8, 30);
      for (int i = 0; i < words; ++i) {
        if (i > 0) text += ' ';
        if (absl::Bernoulli(random, 0.1)) {
          absl::StrAppend(&text, absl::Uniform(random, 1, 100000));
        } else {
          text += word();
        }
      }
      text += ". ";
    }
    text += "\n\n";
  }
  return text;
}

}  // namespace

std::vector<std::string> SyntheticArticles(int count, uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<std::string> articles;
  articles.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    articles.push_back(Article(
        random, Syllables()[static_cast<size_t>(i) % Syllables().size()], i));
  }
  return articles;
}

}  // namespace accord::testing
