#include "bench/corpus/internal/templated_article.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "bench/corpus/internal/article_parts.h"
#include "bench/corpus/internal/random.h"
#include "bench/corpus/internal/vocabulary.h"

namespace accord::bench::internal {
namespace {

constexpr int kMinWords = 250;
constexpr int kMaxTargetWords = 840;  // + one sentence stays under 900

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
    return FillTemplate(
        tmpl, [this](char slot, std::string& out) { AppendSlot(slot, out); });
  }

  absl::string_view Pick(const std::vector<absl::string_view>& templates) {
    return templates[rng_.Below(templates.size())];
  }

 private:
  // An entry not yet in `cast`, when a few draws find one.
  absl::string_view DrawDistinct(const WordList& list,
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
                           const WordList& list) {
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

}  // namespace

GeneratedDoc TemplatedArticle(uint64_t seed, uint64_t index) {
  SplitMix64 rng(MixSeed(seed, index));
  const Vocabulary& v = DrawVocabulary(rng);
  const LanguagePack& pack = v.pack;

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
  // Appends a line the ingest normalizer sets aside, and says so.
  auto append_aside = [&](absl::string_view line) {
    doc.aside_lines.push_back(NextLineNumber(text));
    absl::StrAppend(&text, line);
  };
  if (rng.Percent(35)) {
    append_aside(absl::StrCat(Stamp(pack.code, when, v), "\n"));
  }
  const bool top_caption = rng.Percent(15);
  const bool inner_caption = !top_caption && rng.Percent(20);
  auto caption = [&] {
    return absl::StrCat(
        writer.Fill(writer.Pick(pack.captions)), " (",
        pack.photo_label.substr(0, pack.photo_label.find_last_not_of(' ') + 1),
        " ", doc.agency, ")\n");
  };
  if (top_caption) append_aside(caption());
  if (rng.Percent(50)) text += '\n';

  // Body: paragraphs share the word target; each gets at least a sentence.
  const int target = static_cast<int>(rng.Between(kMinWords, kMaxTargetWords));
  const int paragraphs = static_cast<int>(rng.Between(4, 12));
  const int caption_after = static_cast<int>(rng.Between(0, paragraphs - 2));
  int words = 0;
  for (int p = 0; p < paragraphs; ++p) {
    std::string para;
    if (p == 0) {
      // The lead before the city: the order g++ evaluated them in as
      // arguments of one call, which the fingerprint pins (see SourceUrl).
      const std::string lead = writer.Fill(writer.Pick(pack.leads));
      para = absl::StrCat(v.cities.Draw(rng), " (", doc.agency, ") – ", lead);
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
    if (inner_caption && p == caption_after) append_aside(caption());
  }
  if (rng.Percent(30)) {
    append_aside(
        absl::StrCat(pack.source_label, SourceUrl(doc.language, rng), "\n"));
  }
  return doc;
}

}  // namespace accord::bench::internal
