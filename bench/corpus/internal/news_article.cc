#include "bench/corpus/internal/news_article.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "bench/corpus/internal/article_parts.h"
#include "bench/corpus/internal/news_numbers.h"
#include "bench/corpus/internal/random.h"
#include "bench/corpus/internal/vocabulary.h"

namespace accord::bench::internal {
namespace {

// How much of an article comes from the long tail, calibrated with
// corpus_stats (the table in bench/README.md: changing any of these
// changes the corpus, so measure again and update it). A sentence is a news template (dense in names, numbers
// and tail words) with this probability, else a team template, whose noun
// and adjective slots take a tail word with the two next probabilities.
constexpr int kNewsSentencePercent = 25;
constexpr int kNewsHeadlinePercent = 35;
constexpr int kTailNounPercent = 8;
constexpr int kTailAdjectivePercent = 4;
// An entity slot names one of the article's cast with this probability,
// else someone or something new (burstiness: an article is about a few
// people, places and organizations).
constexpr int kCastPercent = 75;
// Of new entities, the share taken from the team lists (the famous few)
// rather than generated.
constexpr int kTeamPersonPercent = 35;
constexpr int kTeamPlacePercent = 50;
constexpr int kTeamOrganizationPercent = 45;

// Body length in words: most wires are short, some long (mean about 335
// words, about 2.7 KB with the front matter over the language mix).
constexpr int kMinTargetWords = 130;
constexpr int kMaxBaseTargetWords = 340;
constexpr int kLongArticlePercent = 35;
constexpr int kMaxExtraWords = 560;
constexpr int kWordsPerParagraph = 50;

class NewsWriter {
 public:
  // Picks the article's cast, as the templated writer does, with
  // generated people, places and organizations among the famous ones.
  NewsWriter(const NewsLanguage& lang, SplitMix64& rng, int64_t published)
      : lang_(lang),
        v_(lang.vocab()),
        rng_(rng),
        published_(published),
        year_(ToCivil(published).year) {
    for (int i = 0; i < 3; ++i) {
      topics_.push_back(v_.topics.Draw(rng_));
      absl::string_view country = v_.countries.Draw(rng_);
      for (int redraw = 0;
           redraw < 8 && std::find(countries_.begin(), countries_.end(),
                                   country) != countries_.end();
           ++redraw) {
        country = v_.countries.Draw(rng_);
      }
      countries_.push_back(country);
      titles_.push_back(v_.titles.Draw(rng_));
      people_.push_back(NewPerson());
      places_.push_back(NewPlace());
      organizations_.push_back(NewOrganization());
    }
  }

  std::string Fill(absl::string_view tmpl) {
    return FillTemplate(
        tmpl, [this](char slot, std::string& out) { AppendSlot(slot, out); });
  }

  absl::string_view Pick(const std::vector<absl::string_view>& templates) {
    return templates[rng_.Below(templates.size())];
  }

  absl::string_view PickHeadline() {
    return Pick(rng_.Percent(kNewsHeadlinePercent) ? v_.pack.news_headlines
                                                   : v_.pack.headlines);
  }

  absl::string_view PickSentence() {
    return Pick(rng_.Percent(kNewsSentencePercent) ? v_.pack.news_sentences
                                                   : v_.pack.sentences);
  }

  // Where the story is filed from ("Xã Hòa Bình", not "xã Hòa Bình").
  std::string DatelinePlace() const { return UpperFirst(places_[0]); }

 private:
  NewsLanguage::Person NewPerson() {
    if (rng_.Percent(kTeamPersonPercent)) {
      return {std::string(v_.first_names.Draw(rng_)),
              std::string(v_.last_names.Draw(rng_))};
    }
    return lang_.DrawPerson(rng_);
  }

  std::string NewPlace() {
    return rng_.Percent(kTeamPlacePercent) ? std::string(v_.cities.Draw(rng_))
                                           : lang_.DrawPlace(rng_);
  }

  std::string NewOrganization() {
    return rng_.Percent(kTeamOrganizationPercent)
               ? std::string(v_.organizations.Draw(rng_))
               : lang_.DrawOrganization(rng_);
  }

  NewsLanguage::Person CastPerson() {
    return rng_.Percent(kCastPercent) ? people_[rng_.Below(people_.size())]
                                      : NewPerson();
  }

  std::string CastPlace() {
    return rng_.Percent(kCastPercent) ? places_[rng_.Below(places_.size())]
                                      : NewPlace();
  }

  std::string CastOrganization() {
    return rng_.Percent(kCastPercent)
               ? organizations_[rng_.Below(organizations_.size())]
               : NewOrganization();
  }

  absl::string_view CastOr(const std::vector<absl::string_view>& cast,
                           const WordList& list) {
    return rng_.Percent(80) ? cast[rng_.Below(cast.size())] : list.Draw(rng_);
  }

  void AppendSlot(char slot, std::string& out) {
    switch (slot) {
      case 'N':
        if (rng_.Percent(kTailNounPercent)) {
          absl::StrAppend(&out, lang_.TailWord(rng_));
        } else {
          absl::StrAppend(&out, v_.nouns.Draw(rng_));
        }
        break;
      case 'A':
        if (rng_.Percent(kTailAdjectivePercent)) {
          absl::StrAppend(&out, lang_.TailWord(rng_));
        } else {
          absl::StrAppend(&out, v_.adjectives.Draw(rng_));
        }
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
      case 'C': {  // "Vietnam and Vietnam" only when the cast has one country
        absl::string_view country = CastOr(countries_, v_.countries);
        if (country == last_country_) {
          country = countries_[(std::find(countries_.begin(), countries_.end(),
                                          country) -
                                countries_.begin() + 1) %
                               countries_.size()];
        }
        last_country_ = country;
        absl::StrAppend(&out, country);
        break;
      }
      case 'F':  // a first name; the {L} right after it is the same person
        person_ = CastPerson();
        person_is_fresh_ = true;
        absl::StrAppend(&out, person_.first);
        break;
      case 'L':
        if (!person_is_fresh_) person_ = CastPerson();
        person_is_fresh_ = false;
        absl::StrAppend(&out, person_.last);
        break;
      case 'G':
        person_ = CastPerson();
        person_is_fresh_ = false;
        absl::StrAppend(&out, person_.first, " ", person_.last);
        break;
      case 'Y':
      case 'H':
        absl::StrAppend(&out, CastPlace());
        break;
      case 'O':
      case 'K':
        absl::StrAppend(&out, CastOrganization());
        break;
      case 'W':
        absl::StrAppend(&out, lang_.TailWord(rng_));
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
      case 'D':
        absl::StrAppend(&out, Count(v_.pack, rng_));
        break;
      case 'Q':
        absl::StrAppend(&out, Amount(v_.pack, rng_));
        break;
      case 'X':
        absl::StrAppend(&out, Percentage(v_.pack, rng_));
        break;
      case 'E':  // a day of the two years before publication
        absl::StrAppend(
            &out, DateText(v_, ToCivil(published_ -
                                       static_cast<int64_t>(rng_.Below(730)) *
                                           86400)));
        break;
      case 'I':
        absl::StrAppend(&out, Identifier(v_.pack, rng_, year_));
        break;
      default:
        out.push_back('{');
        out.push_back(slot);
        out.push_back('}');
    }
  }

  const NewsLanguage& lang_;
  const Vocabulary& v_;
  SplitMix64& rng_;
  const int64_t published_;
  const int year_;
  std::vector<absl::string_view> topics_, countries_, titles_;
  std::vector<NewsLanguage::Person> people_;
  std::vector<std::string> places_, organizations_;
  NewsLanguage::Person person_;
  bool person_is_fresh_ = false;
  absl::string_view last_country_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<NewsCorpus>> NewsCorpus::Create(
    uint64_t seed, const std::string& dictionary_dir) {
  std::vector<std::unique_ptr<NewsLanguage>> languages;
  for (const Vocabulary* v : AllVocabularies()) {
    absl::StatusOr<std::unique_ptr<NewsLanguage>> language =
        NewsLanguage::Create(*v, dictionary_dir, seed);
    if (!language.ok()) return language.status();
    languages.push_back(*std::move(language));
  }
  return std::unique_ptr<NewsCorpus>(
      new NewsCorpus(seed, std::move(languages)));
}

GeneratedDoc NewsCorpus::Article(uint64_t index) const {
  // The same stream start as the templated profile: document i has the
  // same language, agency and publication time in both.
  SplitMix64 rng(MixSeed(seed_, index));
  const Vocabulary& v = DrawVocabulary(rng);
  const NewsLanguage* lang = languages_.front().get();
  for (const auto& candidate : languages_) {
    if (&candidate->vocab() == &v) lang = candidate.get();
  }
  const LanguagePack& pack = v.pack;

  GeneratedDoc doc;
  doc.language = std::string(pack.code);
  doc.agency = std::string(v.agencies.Draw(rng));
  doc.published_unix = rng.Between(kFirstSecond, kLastSecond);
  const CivilTime when = ToCivil(doc.published_unix);
  NewsWriter writer(*lang, rng, doc.published_unix);
  std::string& text = doc.text;
  text.reserve(4096);

  text += writer.Fill(writer.PickHeadline());
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

  int target =
      static_cast<int>(rng.Between(kMinTargetWords, kMaxBaseTargetWords));
  if (rng.Percent(kLongArticlePercent)) {
    target += static_cast<int>(rng.Between(0, kMaxExtraWords));
  }
  const int paragraphs = std::clamp(
      target / kWordsPerParagraph + static_cast<int>(rng.Between(0, 2)), 3, 16);
  const int caption_after = static_cast<int>(rng.Between(0, paragraphs - 2));
  int words = 0;
  for (int p = 0; p < paragraphs; ++p) {
    std::string para;
    if (p == 0) {
      para = absl::StrCat(writer.DatelinePlace(), " (", doc.agency, ") – ",
                          writer.Fill(writer.Pick(pack.leads)));
      words += CountWords(para);
    }
    const int until = static_cast<int>(int64_t{target} * (p + 1) / paragraphs);
    while (para.empty() || words < until) {
      std::string sentence = writer.Fill(writer.PickSentence());
      words += CountWords(sentence);
      if (!para.empty()) para += ' ';
      para += sentence;
    }
    text += para;
    if (p == paragraphs - 1 && doc.agency == "VNA" && rng.Percent(50)) {
      text += "-VNA";
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
