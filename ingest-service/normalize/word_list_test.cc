// Tests of hunspell dictionary selection, lookups and thread safety.
#include "ingest-service/normalize/word_list.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "ingest-service/normalize/normalize_test_util.h"

namespace accord::normalize {
namespace {

TEST(WordListsTest, LoadsTheUsualRegionPerLanguage) {
  WordLists lists(kDictionaryDir, 1024);
  EXPECT_EQ(lists.DictionaryPath("en"), std::string(kDictionaryDir) + "/en_US");
  EXPECT_EQ(lists.DictionaryPath("de"), std::string(kDictionaryDir) + "/de_DE");
  for (const char* language : {"en", "fr", "de", "es", "ru", "vi"}) {
    EXPECT_NE(lists.ForLanguage(language), nullptr) << language;
  }
  // Loaded once: the same instance comes back.
  EXPECT_EQ(lists.ForLanguage("en"), lists.ForLanguage("en"));
}

TEST(WordListsTest, MissingDictionariesAreNull) {
  WordLists lists(kDictionaryDir, 1024);
  EXPECT_EQ(lists.ForLanguage("zz"), nullptr);
  EXPECT_EQ(lists.ForLanguage("und"), nullptr);
  EXPECT_EQ(lists.ForLanguage("../en"), nullptr);
  WordLists nowhere("/nonexistent/accord/hunspell", 1024);
  EXPECT_EQ(nowhere.ForLanguage("en"), nullptr);
}

TEST(WordListTest, AnswersPerLanguageAndCase) {
  WordLists lists(kDictionaryDir, 1024);
  const WordList* en = lists.ForLanguage("en");
  ASSERT_NE(en, nullptr);
  EXPECT_TRUE(en->Contains("and"));
  EXPECT_TRUE(en->Contains("Russia"));
  EXPECT_FALSE(en->Contains("russia"));  // Proper nouns keep their capital.
  EXPECT_FALSE(en->Contains("andRussia"));
  EXPECT_FALSE(en->Contains(""));
  const WordList* de = lists.ForLanguage("de");
  ASSERT_NE(de, nullptr);
  EXPECT_TRUE(de->Contains("Unterzeichnungszeremonie"));  // Compounding.
  const WordList* ru = lists.ForLanguage("ru");
  ASSERT_NE(ru, nullptr);
  EXPECT_TRUE(ru->Contains("сотрудничество"));
  const WordList* vi = lists.ForLanguage("vi");
  ASSERT_NE(vi, nullptr);
  EXPECT_TRUE(vi->Contains("hình"));
}

TEST(WordListTest, ConcurrentLookupsAgree) {
  WordLists lists(kDictionaryDir, 64);  // Small: the memo gets cleared.
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&lists, &wrong, t] {
      const WordList* en = lists.ForLanguage(t % 2 == 0 ? "en" : "fr");
      if (en == nullptr) {
        ++wrong;
        return;
      }
      for (int i = 0; i < 500; ++i) {
        if (!en->Contains(t % 2 == 0 ? "security" : "sécurité")) ++wrong;
        if (en->Contains("qqq" + std::to_string(i))) ++wrong;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

// Every thread gets the dictionary's answer, the same as a fresh list
// gives, for words it asked before and words other threads asked first.
// A dictionary of our own in a fresh directory: quick to load, so that
// many can be opened and closed.
std::string WriteSmallUtf8Dictionary() {
  char dir_template[] = "/tmp/accord-hunspell-XXXXXX";
  const char* dir = mkdtemp(dir_template);
  if (dir == nullptr) return "";
  std::ofstream(std::string(dir) + "/xx_XX.aff") << "SET UTF-8\n";
  std::ofstream(std::string(dir) + "/xx_XX.dic")
      << "4\nsécurité\nвстреча\nGespräch\nmeeting\n";
  return dir;
}

// Hunspell keeps process-wide tables that each instance counts itself
// into and out of without a lock; dictionaries opened and closed on
// several threads at once must not leak or free them under another
// (AddressSanitizer reports either).
TEST(WordListTest, ListsOpenAndCloseOnManyThreadsAtOnce) {
  const std::string dir = WriteSmallUtf8Dictionary();
  ASSERT_FALSE(dir.empty());
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&dir, &wrong] {
      for (int round = 0; round < 50; ++round) {
        WordLists lists(dir, 16);
        const WordList* xx = lists.ForLanguage("xx");
        if (xx == nullptr || !xx->Contains("встреча") ||
            xx->Contains("встречи")) {
          ++wrong;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  std::filesystem::remove_all(dir);
}

// Documents of a new language on several threads at once load its
// dictionary once, not once each (ids count the lists the process opened).
TEST(WordListsTest, ThreadsAskingForANewLanguageAtOnceLoadItOnce) {
  const std::string dir = WriteSmallUtf8Dictionary();
  ASSERT_FALSE(dir.empty());
  std::unique_ptr<WordList> before = WordList::Open(dir + "/xx_XX", 16);
  ASSERT_NE(before, nullptr);
  WordLists lists(kDictionaryDir, 1024);
  constexpr int kThreads = 8;
  std::latch all_ready(kThreads);
  std::vector<const WordList*> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      all_ready.arrive_and_wait();
      seen[t] = lists.ForLanguage("en");
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::unique_ptr<WordList> after = WordList::Open(dir + "/xx_XX", 16);
  ASSERT_NE(after, nullptr);
  ASSERT_NE(seen[0], nullptr);
  for (const WordList* list : seen) EXPECT_EQ(list, seen[0]);
  EXPECT_EQ(after->id() - before->id(), 2u)
      << "lists opened between the two: one for English, not one a thread";
  std::filesystem::remove_all(dir);
}

TEST(WordListTest, MemoizedAnswersAgreeWithAFreshList) {
  const std::vector<std::string> words = {
      "security", "Russia", "russia", "andRussia", "cooperation",
      "sécurité", "qqqq",   "And",    "the",       "internationalsecurity"};
  WordLists fresh(kDictionaryDir, 1024);
  std::vector<bool> expected;
  for (const std::string& word : words) {
    expected.push_back(fresh.ForLanguage("en")->Contains(word));
  }
  WordLists lists(kDictionaryDir, 4);  // Tiny: the memo is cleared often.
  const WordList* en = lists.ForLanguage("en");
  ASSERT_NE(en, nullptr);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (size_t i = 0; i < words.size(); ++i) {
          const size_t k = (i + static_cast<size_t>(t)) % words.size();
          if (en->Contains(words[k]) != expected[k]) ++wrong;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

// A list created after another was destroyed (possibly at the same
// address) answers for its own dictionary, and has its own id.
TEST(WordListTest, NewListAnswersForItsOwnDictionary) {
  for (int i = 0; i < 3; ++i) {
    {
      WordLists english(kDictionaryDir, 1024);
      ASSERT_NE(english.ForLanguage("en"), nullptr);
      EXPECT_TRUE(english.ForLanguage("en")->Contains("security"));
      EXPECT_FALSE(english.ForLanguage("en")->Contains("sécurité"));
    }
    WordLists french(kDictionaryDir, 1024);
    ASSERT_NE(french.ForLanguage("fr"), nullptr);
    EXPECT_NE(french.ForLanguage("fr")->id(), french.ForLanguage("en")->id());
    EXPECT_FALSE(french.ForLanguage("fr")->Contains("security"));
    EXPECT_TRUE(french.ForLanguage("fr")->Contains("sécurité"));
  }
}

}  // namespace
}  // namespace accord::normalize
