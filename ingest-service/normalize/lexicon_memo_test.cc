// Tests of the per-thread lexicon memo: it must answer what the lists
// answer, per language and dictionary, on every thread.
#include "ingest-service/normalize/lexicon_memo.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "ingest-service/normalize/data/domain_lexicon.h"
#include "ingest-service/normalize/marker_words.h"
#include "ingest-service/normalize/normalize_test_util.h"
#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {
namespace {

bool SameAsLists(LexiconMemo& memo, std::string_view language,
                 const WordList* dictionary, std::string_view word) {
  const LexiconMemo::Entry entry = memo.Lookup(word);
  const std::string lower = ToLower(word);
  return entry.function_word == IsFunctionWord(language, lower) &&
         entry.in_dictionary ==
             (dictionary != nullptr && dictionary->Contains(word)) &&
         entry.domain_word == IsDomainWord(language, lower) &&
         entry.mixed_case_name == IsMixedCaseName(word) &&
         entry.compound_prefix == IsCompoundPrefix(language, word);
}

const std::vector<std::string>& Words() {
  static const auto* words = new std::vector<std::string>{
      "and",   "the",          "et",      "und",     "security",
      "Cyber", "cyber",        "YouTube", "youtube", "sécurité",
      "и",     "безопасность", "кибер",   "của",     "cybersecurity",
      "qqqq",  "Russia",       "counter", "internet"};
  return *words;
}

TEST(LexiconMemoTest, AnswersWhatTheListsAnswerOnEveryThread) {
  WordLists lists(kDictionaryDir, 1024);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (const char* language : {"en", "fr", "ru", "vi", "zz"}) {
        const WordList* dictionary = lists.ForLanguage(language);
        auto memo = LexiconMemo::ForThread(language, dictionary);
        // The same memo comes back on the same thread.
        if (LexiconMemo::ForThread(language, dictionary) != memo) ++wrong;
        for (int round = 0; round < 3; ++round) {
          for (size_t i = 0; i < Words().size(); ++i) {
            const std::string& word =
                Words()[(i + static_cast<size_t>(t)) % Words().size()];
            if (!SameAsLists(*memo, language, dictionary, word)) ++wrong;
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(LexiconMemoTest, DifferentThreadsAndListsGetDifferentMemos) {
  WordLists lists(kDictionaryDir, 1024);
  const WordList* en = lists.ForLanguage("en");
  auto mine = LexiconMemo::ForThread("en", en);
  EXPECT_NE(LexiconMemo::ForThread("fr", lists.ForLanguage("fr")), mine);
  EXPECT_NE(LexiconMemo::ForThread("en", nullptr), mine);
  std::shared_ptr<LexiconMemo> theirs;
  std::thread([&] { theirs = LexiconMemo::ForThread("en", en); }).join();
  EXPECT_NE(theirs, mine);
}

// A memo is tied to its dictionary instance: a new one (which may sit at a
// freed one's address) starts from its own answers.
TEST(LexiconMemoTest, NewDictionaryGetsANewMemo) {
  for (int i = 0; i < 3; ++i) {
    {
      WordLists english(kDictionaryDir, 1024);
      auto memo = LexiconMemo::ForThread("xx", english.ForLanguage("en"));
      EXPECT_TRUE(memo->Lookup("security").in_dictionary);
    }
    WordLists french(kDictionaryDir, 1024);
    auto memo = LexiconMemo::ForThread("xx", french.ForLanguage("fr"));
    EXPECT_FALSE(memo->Lookup("security").in_dictionary);
  }
}

}  // namespace
}  // namespace accord::normalize
