#include "ingest-service/normalize/lexicon_memo.h"

#include <cstdint>
#include <utility>

#include "ingest-service/normalize/data/domain_lexicon.h"
#include "ingest-service/normalize/marker_words.h"
#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {
namespace {

// More memos than this on one thread (languages times normalizers created
// over the process's life) drop them all; holders keep theirs alive.
constexpr size_t kMaxMemosPerThread = 64;

}  // namespace

std::shared_ptr<LexiconMemo> LexiconMemo::ForThread(
    std::string_view language, const WordList* dictionary) {
  // Keyed by the dictionary's id, never reused, not its address: a memo
  // must not outlive its dictionary's answers into another dictionary's.
  using Key = std::pair<std::string, uint64_t>;
  thread_local absl::flat_hash_map<Key, std::shared_ptr<LexiconMemo>> memos;
  Key key(std::string(language), dictionary == nullptr ? 0 : dictionary->id());
  auto it = memos.find(key);
  if (it != memos.end()) return it->second;
  if (memos.size() >= kMaxMemosPerThread) memos.clear();
  auto memo = std::make_shared<LexiconMemo>(key.first, dictionary);
  memos.emplace(std::move(key), memo);
  return memo;
}

LexiconMemo::LexiconMemo(std::string language, const WordList* dictionary)
    : language_(std::move(language)), dictionary_(dictionary) {}

LexiconMemo::Memo& LexiconMemo::Find(std::string_view word) {
  auto it = entries_.find(AsAbsl(word));
  if (it != entries_.end()) return it->second;
  Memo memo;
  memo.entry = Compute(word);
  if (entries_.size() >= kMaxWords) entries_.clear();
  return entries_.emplace(word, memo).first->second;
}

LexiconMemo::Entry LexiconMemo::Lookup(std::string_view word) {
  return Find(word).entry;
}

bool LexiconMemo::HasCompoundPrefix(std::string_view word) {
  Memo& memo = Find(word);
  if (!memo.compound_prefix_known) {
    char32_t previous = 0;
    bool found = false;
    for (size_t pos = 0; pos < word.size() && !found;) {
      const size_t here = pos;
      const char32_t c = NextCodePoint(word, &pos);
      found = here > 0 && IsLetter(previous) && IsLetter(c) &&
              IsCompoundPrefix(language_, word.substr(0, here));
      previous = c;
    }
    memo.has_compound_prefix = found;
    memo.compound_prefix_known = true;
  }
  return memo.has_compound_prefix;
}

LexiconMemo::Entry LexiconMemo::Compute(std::string_view word) const {
  std::string buffer;
  const std::string_view lower = ToLowerView(word, &buffer);
  Entry entry;
  entry.function_word = IsFunctionWord(language_, lower);
  entry.in_dictionary = dictionary_ != nullptr && dictionary_->Contains(word);
  entry.domain_word = IsDomainWord(language_, lower);
  entry.mixed_case_name = IsMixedCaseName(word);
  entry.compound_prefix = IsCompoundPrefix(language_, word);
  return entry;
}

}  // namespace accord::normalize
