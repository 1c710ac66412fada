#include "ingest-service/normalize/word_list.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <hunspell/hunspell.hxx>
#include <system_error>
#include <vector>

#include "ingest-service/normalize/text_util.h"

namespace accord::normalize {
namespace {

// Hunspell cannot be asked about arbitrarily long strings cheaply, and no
// real word is this long.
constexpr size_t kMaxWordBytes = 200;

bool FileExists(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

// Converts UTF-8 to the dictionary's legacy encoding; false when `word`
// has characters the encoding lacks (then it cannot be in the dictionary).
bool ToEncoding(std::string_view word, const std::string& encoding,
                std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(encoding.c_str(), &status);
  if (U_FAILURE(status)) return false;
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr,
                        nullptr, &status);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  out->resize(static_cast<size_t>(u.length()) * 4 + 4);
  const int32_t length =
      ucnv_fromUChars(converter, out->data(), static_cast<int32_t>(out->size()),
                      u.getBuffer(), u.length(), &status);
  ucnv_close(converter);
  if (U_FAILURE(status)) return false;
  out->resize(static_cast<size_t>(length));
  return true;
}

// Hunspell instances share process-wide tables (the UTF-8 case tables)
// that each constructor counts itself into and each destructor out of,
// without a lock: two dictionaries opened at once on two threads leak a
// table, and one closed while another opens can free it under the other.
// Every construction and destruction holds this.
ABSL_CONST_INIT absl::Mutex hunspell_lifetime_mu(absl::kConstInit);

uint64_t NextWordListId() {
  static std::atomic<uint64_t> next_id{1};
  return next_id.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

std::unique_ptr<WordList> WordList::Open(const std::string& base,
                                         size_t max_cached_words) {
  const std::string aff = base + ".aff";
  const std::string dic = base + ".dic";
  if (!FileExists(aff) || !FileExists(dic)) return nullptr;
  std::unique_ptr<Hunspell> hunspell;
  {
    absl::MutexLock lock(&hunspell_lifetime_mu);
    hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  }
  std::string encoding = hunspell->get_dict_encoding();
  if (ToLower(encoding) == "utf-8" || ToLower(encoding) == "utf8") {
    encoding.clear();
  }
  return std::unique_ptr<WordList>(
      new WordList(std::move(hunspell), std::move(encoding), max_cached_words));
}

WordList::WordList(std::unique_ptr<Hunspell> hunspell, std::string encoding,
                   size_t max_cached_words)
    : id_(NextWordListId()),
      encoding_(std::move(encoding)),
      max_cached_words_(max_cached_words),
      hunspell_(std::move(hunspell)) {}

WordList::~WordList() {
  absl::MutexLock lock(&hunspell_lifetime_mu);
  hunspell_.reset();
}

bool WordList::Contains(std::string_view word) const {
  if (word.empty() || word.size() > kMaxWordBytes) return false;
  {
    absl::ReaderMutexLock lock(&cache_mu_);
    auto it = cache_.find(AsAbsl(word));
    if (it != cache_.end()) return it->second;
  }
  const bool known = Spell(word);
  absl::MutexLock lock(&cache_mu_);
  if (cache_.size() >= max_cached_words_) cache_.clear();
  cache_.emplace(word, known);
  return known;
}

bool WordList::Spell(std::string_view word) const {
  std::string encoded;
  if (encoding_.empty()) {
    encoded = std::string(word);
  } else if (!ToEncoding(word, encoding_, &encoded)) {
    return false;
  }
  absl::MutexLock lock(&hunspell_mu_);
  return hunspell_->spell(encoded);
}

WordLists::WordLists(std::string dictionary_dir, size_t max_cached_words)
    : dictionary_dir_(std::move(dictionary_dir)),
      max_cached_words_(max_cached_words) {}

WordLists::~WordLists() = default;

std::string WordLists::DictionaryPath(std::string_view language) const {
  if (language.empty() || language == "und") return "";
  for (char c : language) {
    if (c < 'a' || c > 'z') return "";  // Never a path component.
  }
  static constexpr struct {
    std::string_view language, file;
  } kUsualRegion[] = {{"en", "en_US"}, {"fr", "fr_FR"}, {"de", "de_DE"},
                      {"es", "es_ES"}, {"ru", "ru_RU"}, {"vi", "vi_VN"},
                      {"it", "it_IT"}, {"pt", "pt_PT"}, {"nl", "nl_NL"},
                      {"pl", "pl_PL"}, {"uk", "uk_UA"}, {"sv", "sv_SE"}};
  std::vector<std::string> candidates;
  for (const auto& usual : kUsualRegion) {
    if (usual.language == language)
      candidates.push_back(std::string(usual.file));
  }
  candidates.push_back(std::string(language));
  for (const std::string& name : candidates) {
    const std::string base = dictionary_dir_ + "/" + name;
    if (FileExists(base + ".aff") && FileExists(base + ".dic")) return base;
  }
  std::vector<std::string> regional;
  std::error_code error;
  const std::string prefix = std::string(language) + "_";
  for (std::filesystem::directory_iterator it(dictionary_dir_, error), end;
       !error && it != end; it.increment(error)) {
    const std::filesystem::path& path = it->path();
    if (path.extension() != ".aff") continue;
    const std::string stem = path.stem().string();
    if (stem.rfind(prefix, 0) == 0) regional.push_back(stem);
  }
  std::sort(regional.begin(), regional.end());
  for (const std::string& name : regional) {
    const std::string base = dictionary_dir_ + "/" + name;
    if (FileExists(base + ".dic")) return base;
  }
  return "";
}

const WordList* WordLists::ForLanguage(std::string_view language) const {
  Slot* slot = nullptr;
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = slots_.find(AsAbsl(language));
    if (it != slots_.end()) slot = it->second.get();
  }
  if (slot == nullptr) {
    absl::MutexLock lock(&mu_);
    std::unique_ptr<Slot>& created = slots_[std::string(language)];
    if (created == nullptr) created = std::make_unique<Slot>();
    slot = created.get();
  }
  // Outside mu_: the file I/O holds up only the callers of this language.
  absl::MutexLock lock(&slot->mu);
  if (!slot->loaded) {
    const std::string base = DictionaryPath(language);
    if (!base.empty()) slot->list = WordList::Open(base, max_cached_words_);
    slot->loaded = true;
  }
  return slot->list.get();
}

}  // namespace accord::normalize
