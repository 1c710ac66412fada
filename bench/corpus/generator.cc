#include "bench/corpus/generator.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "bench/corpus/internal/random.h"
#include "bench/corpus/internal/vocabulary.h"

namespace accord::bench {
namespace {

using internal::SplitMix64;
using internal::Vocabulary;

// 2017-01-01T00:00:00Z .. 2026-12-31T23:59:59Z.
constexpr int64_t kFirstSecond = 1483228800;
constexpr int64_t kLastSecond = 1798761599;

constexpr int kMinWords = 250;
constexpr int kMaxTargetWords = 840;  // + one sentence stays under 900

struct CivilTime {
  int year, month, day, hour, minute, weekday;  // month 1..12, weekday 0=Sun
};

// Howard Hinnant's civil_from_days: integer-only, proleptic Gregorian.
CivilTime ToCivil(int64_t unix_seconds) {
  const int64_t days = unix_seconds / 86400;
  const int64_t secs = unix_seconds % 86400;
  const int64_t z = days + 719468;
  const int64_t era = z / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilTime{static_cast<int>(y),
                   static_cast<int>(m),
                   static_cast<int>(d),
                   static_cast<int>(secs / 3600),
                   static_cast<int>(secs % 3600 / 60),
                   static_cast<int>((days + 4) % 7)};
}

// Upper-cases the first letter when it is ASCII or basic Cyrillic.
void CapitalizeFirst(std::string& s) {
  if (s.empty()) return;
  const unsigned char c = s[0];
  if (c >= 'a' && c <= 'z') {
    s[0] = static_cast<char>(c - 32);
  } else if (s.size() > 1 && c == 0xD0 && (unsigned char)s[1] >= 0xB0) {
    s[1] = static_cast<char>((unsigned char)s[1] - 0x20);  // а..п
  } else if (s.size() > 1 && c == 0xD1 && (unsigned char)s[1] <= 0x8F) {
    s[0] = static_cast<char>(0xD0);  // р..я
    s[1] = static_cast<char>((unsigned char)s[1] + 0x20);
  }
}

int CountWords(absl::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Writes one article; one per document.
class ArticleWriter {
 public:
  // Picks the document's cast: the few topics, countries, people, cities
  // and organizations an article is about. Slots draw from the cast most of
  // the time, so terms cluster in documents (burstiness) as in real news,
  // instead of spreading evenly over the corpus.
  ArticleWriter(const Vocabulary& vocab, SplitMix64& rng, int year)
      : v_(vocab), rng_(rng), year_(year) {
    for (int i = 0; i < 3; ++i) {
      topics_.push_back(v_.topics.Draw(rng_));
      countries_.push_back(DrawDistinct(v_.countries, countries_));
      titles_.push_back(v_.titles.Draw(rng_));
      first_names_.push_back(v_.first_names.Draw(rng_));
      last_names_.push_back(v_.last_names.Draw(rng_));
    }
    for (int i = 0; i < 2; ++i) {
      cities_.push_back(v_.cities.Draw(rng_));
      organizations_.push_back(v_.organizations.Draw(rng_));
    }
  }

  // Replaces the {X} slots of `tmpl` (see language_pack.h).
  std::string Fill(absl::string_view tmpl) {
    std::string out;
    out.reserve(tmpl.size() + 64);
    for (size_t i = 0; i < tmpl.size(); ++i) {
      if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}') {
        AppendSlot(tmpl[i + 1], out);
        i += 2;
      } else {
        out.push_back(tmpl[i]);
      }
    }
    CapitalizeFirst(out);
    return out;
  }

  absl::string_view Pick(const std::vector<absl::string_view>& templates) {
    return templates[rng_.Below(templates.size())];
  }

 private:
  // An entry not yet in `cast`, when a few draws find one.
  absl::string_view DrawDistinct(const internal::WordList& list,
                                 const std::vector<absl::string_view>& cast) {
    absl::string_view entry = list.Draw(rng_);
    for (int i = 0;
         i < 8 && std::find(cast.begin(), cast.end(), entry) != cast.end();
         ++i) {
      entry = list.Draw(rng_);
    }
    return entry;
  }

  // From the cast with probability 4/5, else from the whole list.
  absl::string_view CastOr(const std::vector<absl::string_view>& cast,
                           const internal::WordList& list) {
    return rng_.Percent(80) ? cast[rng_.Below(cast.size())] : list.Draw(rng_);
  }

  void AppendSlot(char slot, std::string& out) {
    switch (slot) {
      case 'N':
        absl::StrAppend(&out, v_.nouns.Draw(rng_));
        break;
      case 'A':
        absl::StrAppend(&out, v_.adjectives.Draw(rng_));
        break;
      case 'V':
        absl::StrAppend(&out, v_.verbs.Draw(rng_));
        break;
      case 'T':
        absl::StrAppend(&out, CastOr(topics_, v_.topics));
        break;
      case 'P':
        absl::StrAppend(&out, CastOr(titles_, v_.titles));
        break;
      case 'F':
        absl::StrAppend(&out, CastOr(first_names_, v_.first_names));
        break;
      case 'L':
        absl::StrAppend(&out, CastOr(last_names_, v_.last_names));
        break;
      case 'C':
        absl::StrAppend(&out, CastOr(countries_, v_.countries));
        break;
      case 'Y':
        absl::StrAppend(&out, CastOr(cities_, v_.cities));
        break;
      case 'O':
        absl::StrAppend(&out, CastOr(organizations_, v_.organizations));
        break;
      case 'M':
        absl::StrAppend(&out, v_.months.Uniform(rng_));
        break;
      case 'd':
        absl::StrAppend(&out, rng_.Between(1, 28));
        break;
      case 'R':
        absl::StrAppend(&out, rng_.Between(2010, year_));
        break;
      case 'D':  // small counts are common, large ones rare
        absl::StrAppend(&out, rng_.Percent(70) ? rng_.Between(2, 30)
                                               : rng_.Between(31, 4000));
        break;
      default:
        out.push_back('{');
        out.push_back(slot);
        out.push_back('}');
    }
  }

  const Vocabulary& v_;
  SplitMix64& rng_;
  const int year_;
  std::vector<absl::string_view> topics_, countries_, titles_, first_names_,
      last_names_, cities_, organizations_;
};

std::string Stamp(absl::string_view lang, const CivilTime& t,
                  const Vocabulary& v) {
  const absl::string_view month = v.months.entries()[t.month - 1];
  if (lang == "en") {
    const int h12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    return absl::StrFormat("%s %d, %d | %d:%02d %s GMT+7", month, t.day, t.year,
                           h12, t.minute, t.hour < 12 ? "am" : "pm");
  }
  if (lang == "fr") {
    return absl::StrFormat("Publié le %02d/%02d/%d à %02dh%02d", t.day, t.month,
                           t.year, t.hour, t.minute);
  }
  if (lang == "de") {
    return absl::StrFormat("%02d.%02d.%d, %02d:%02d Uhr", t.day, t.month,
                           t.year, t.hour, t.minute);
  }
  if (lang == "ru") {
    return absl::StrFormat("%d %s %d, %02d:%02d", t.day, month, t.year, t.hour,
                           t.minute);
  }
  if (lang == "vi") {
    static constexpr absl::string_view kDays[] = {
        "Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
        "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
    return absl::StrFormat("%s, %02d/%02d/%d %02d:%02d (GMT+7)",
                           kDays[t.weekday], t.day, t.month, t.year, t.hour,
                           t.minute);
  }
  return absl::StrFormat("%02d/%02d/%d %02d:%02d GMT+7", t.day, t.month, t.year,
                         t.hour, t.minute);
}

std::string SourceUrl(const GeneratedDoc& doc, SplitMix64& rng) {
  static constexpr absl::string_view kSites[] = {
      "vietnamplus.vn", "en.vietnamplus.vn", "fr.vietnamplus.vn",
      "tass.ru",        "efe.com",           "dpa-international.com",
      "afp.com",        "reuters.com",       "baochinhphu.vn"};
  return absl::StrCat("https://www.", kSites[rng.Below(std::size(kSites))], "/",
                      doc.language, "/news-post", rng.Between(1e5, 2e6),
                      ".vnp");
}

}  // namespace

const std::vector<std::string>& CorpusLanguages() {
  static const std::vector<std::string>* const kLanguages = [] {
    auto* out = new std::vector<std::string>;
    for (const Vocabulary* v : internal::AllVocabularies()) {
      out->emplace_back(v->pack.code);
    }
    return out;
  }();
  return *kLanguages;
}

GeneratedDoc GenerateDocument(uint64_t seed, uint64_t index) {
  SplitMix64 rng(internal::MixSeed(seed, index));
  const Vocabulary& v = internal::DrawVocabulary(rng);
  const internal::LanguagePack& pack = v.pack;

  GeneratedDoc doc;
  doc.language = std::string(pack.code);
  doc.agency = std::string(v.agencies.Draw(rng));
  doc.published_unix = rng.Between(kFirstSecond, kLastSecond);
  const CivilTime when = ToCivil(doc.published_unix);
  ArticleWriter writer(v, rng, when.year);
  std::string& text = doc.text;
  text.reserve(6000);

  // Front matter: headline, sometimes a stamp, sometimes a top caption
  // (crawlers glue the photo caption under or onto the headline).
  text += writer.Fill(writer.Pick(pack.headlines));
  text += '\n';
  if (rng.Percent(35)) absl::StrAppend(&text, Stamp(pack.code, when, v), "\n");
  const bool top_caption = rng.Percent(15);
  const bool inner_caption = !top_caption && rng.Percent(20);
  auto caption = [&] {
    return absl::StrCat(
        writer.Fill(writer.Pick(pack.captions)), " (",
        pack.photo_label.substr(0, pack.photo_label.find_last_not_of(' ') + 1),
        " ", doc.agency, ")\n");
  };
  if (top_caption) text += caption();
  if (rng.Percent(50)) text += '\n';

  // Body: paragraphs share the word target; each gets at least a sentence.
  const int target = static_cast<int>(rng.Between(kMinWords, kMaxTargetWords));
  const int paragraphs = static_cast<int>(rng.Between(4, 12));
  const int caption_after = static_cast<int>(rng.Between(0, paragraphs - 2));
  int words = 0;
  for (int p = 0; p < paragraphs; ++p) {
    std::string para;
    if (p == 0) {
      para = absl::StrCat(v.cities.Draw(rng), " (", doc.agency, ") – ",
                          writer.Fill(writer.Pick(pack.leads)));
      words += CountWords(para);
    }
    const int until = static_cast<int>(int64_t{target} * (p + 1) / paragraphs);
    while (para.empty() || words < until) {
      std::string sentence = writer.Fill(writer.Pick(pack.sentences));
      words += CountWords(sentence);
      if (!para.empty()) para += ' ';
      para += sentence;
    }
    text += para;
    if (p == paragraphs - 1 && doc.agency == "VNA" && rng.Percent(50)) {
      text += "-VNA";  // the agency signature glued to the last sentence
    }
    text += '\n';
    if (inner_caption && p == caption_after) text += caption();
  }
  if (rng.Percent(30)) {
    absl::StrAppend(&text, pack.source_label, SourceUrl(doc, rng), "\n");
  }
  return doc;
}

std::vector<GeneratedDoc> GenerateCorpus(uint64_t seed, uint64_t count) {
  std::vector<GeneratedDoc> docs;
  docs.reserve(count);
  for (uint64_t i = 0; i < count; ++i)
    docs.push_back(GenerateDocument(seed, i));
  return docs;
}

}  // namespace accord::bench
