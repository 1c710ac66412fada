#include "ingest-service/extract/gazetteer/token_automaton.h"

#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"

namespace accord::extract {
namespace {

using MatchSet = std::set<std::tuple<size_t, size_t, uint32_t>>;

MatchSet MatchAll(const TokenAutomaton& automaton,
                  const std::vector<std::string>& text) {
  std::vector<std::string_view> folds(text.begin(), text.end());
  MatchSet found;
  automaton.Match(
      folds, [&](size_t b, size_t e, uint32_t v) { found.emplace(b, e, v); });
  return found;
}

TEST(TokenAutomatonTest, FindsNestedAndOverlappingPatterns) {
  TokenAutomaton automaton;
  automaton.Add({"united", "nations"}, 1);
  automaton.Add({"united", "nations", "security", "council"}, 2);
  automaton.Add({"security", "council"}, 3);
  automaton.Add({"nations"}, 4);
  automaton.Add({"nations"}, 5);  // a second value on the same pattern
  automaton.Compile();
  const MatchSet found = MatchAll(
      automaton, {"the", "united", "nations", "security", "council", "met"});
  EXPECT_EQ(found,
            (MatchSet{{1, 3, 1}, {1, 5, 2}, {3, 5, 3}, {2, 3, 4}, {2, 3, 5}}));
}

TEST(TokenAutomatonTest, UnknownTokensRestartTheMatch) {
  TokenAutomaton automaton;
  automaton.Add({"hanoi", "convention"}, 1);
  automaton.Compile();
  EXPECT_TRUE(MatchAll(automaton, {"hanoi", "the", "convention"}).empty());
  EXPECT_EQ(MatchAll(automaton, {"hanoi", "hanoi", "convention"}).size(), 1u);
}

// The automaton against the obvious scan of every pattern at every
// position, on random texts over a small vocabulary (so that patterns
// overlap and failure links matter).
TEST(TokenAutomatonTest, AgreesWithANaiveScan) {
  std::mt19937 random(7);
  const std::vector<std::string> vocabulary = {"a", "b", "c", "d", "e"};
  for (int round = 0; round < 50; ++round) {
    std::vector<std::vector<std::string>> patterns;
    TokenAutomaton automaton;
    for (int p = 0; p < 30; ++p) {
      std::vector<std::string> pattern(1 + random() % 4);
      for (std::string& token : pattern) token = vocabulary[random() % 5];
      automaton.Add(pattern, static_cast<uint32_t>(p));
      patterns.push_back(pattern);
    }
    automaton.Compile();
    std::vector<std::string> text(200);
    for (std::string& token : text) token = vocabulary[random() % 6 % 5];
    MatchSet expected;
    for (size_t p = 0; p < patterns.size(); ++p) {
      for (size_t b = 0; b + patterns[p].size() <= text.size(); ++b) {
        if (std::equal(patterns[p].begin(), patterns[p].end(),
                       text.begin() + static_cast<long>(b))) {
          expected.emplace(b, b + patterns[p].size(), p);
        }
      }
    }
    ASSERT_EQ(MatchAll(automaton, text), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace accord::extract
