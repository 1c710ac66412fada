// Tests of the date grammars in EN, FR, DE, ES, RU and VI with sentences
// written for these tests, the seeds' cases, resolution against an anchor,
// and negatives (counts are not years, "un" and "may" are not dates).
#include "ingest-service/extract/dates/date_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace accord::extract::dates {
namespace {

using ::testing::ElementsAre;
using ::testing::IsSupersetOf;
using V1 = accord::v1::TemporalExpression;

const DateExtractor& Extractor() {
  static const auto* const kExtractor =
      new DateExtractor(DateExtractorOptions{});
  return *kExtractor;
}

Anchor NoAnchor() { return Anchor{}; }
Anchor At(int y, int m, int d) {
  return Anchor{absl::CivilDay(y, m, d), "publication:metadata"};
}

std::vector<V1> ExtractAll(std::string_view text, std::string_view lang,
                           const Anchor& anchor = NoAnchor()) {
  std::vector<V1> out =
      Extractor().Extract(text, accord::v1::TEXT_PART_BODY, lang, anchor);
  for (const V1& e : out) {
    // Every span's text is its surface.
    EXPECT_EQ(text.substr(e.span().begin(), e.span().end() - e.span().begin()),
              e.surface());
    EXPECT_EQ(e.derivation().mechanism(), accord::v1::MECHANISM_DATE_GRAMMAR);
    EXPECT_EQ(e.derivation().source(), "team:dates");
  }
  return out;
}

// The one expression of `text`, which must be `surface`.
V1 One(std::string_view text, std::string_view lang, std::string_view surface,
       const Anchor& anchor = NoAnchor()) {
  const std::vector<V1> all = ExtractAll(text, lang, anchor);
  std::string found;
  for (const V1& e : all) found += "[" + e.surface() + "]";
  EXPECT_EQ(all.size(), 1u) << text << " -> " << found;
  if (all.empty()) return V1();
  EXPECT_EQ(all[0].surface(), surface) << text;
  return all[0];
}

struct Case {
  const char* lang;
  const char* text;
  const char* surface;
  const char* value;     // Or the duration / period.
  const char* end = "";  // Ranges.
};

void Check(const Case& c, accord::v1::TemporalKind kind,
           const Anchor& anchor = NoAnchor()) {
  const V1 e = One(c.text, c.lang, c.surface, anchor);
  EXPECT_EQ(e.kind(), kind) << c.text;
  switch (kind) {
    case accord::v1::TEMPORAL_KIND_DURATION:
      EXPECT_EQ(e.duration(), c.value) << c.text;
      break;
    case accord::v1::TEMPORAL_KIND_SET:
      EXPECT_EQ(e.period(), c.value) << c.text;
      break;
    case accord::v1::TEMPORAL_KIND_RANGE:
      EXPECT_EQ(e.end().iso8601(), c.end) << c.text;
      [[fallthrough]];
    default:
      EXPECT_EQ(e.value().iso8601(), c.value) << c.text;
  }
}

// --- The seeds' cases --------------------------------------------------

// A thread tokenizes text after text into one Tokens: a text's dates
// after longer texts with capitals, accents and other scripts are the ones
// it has on a thread of its own.
TEST(ReuseTest, ATextAfterOthersYieldsWhatItYieldsAlone) {
  const std::string last =
      "Le 10 Décembre 2019, puis HIER et du 13 au 15 juillet.";
  auto serialized = [](const std::vector<V1>& found) {
    std::string out;
    for (const V1& e : found) out += e.SerializeAsString();
    return out;
  };
  std::string alone;
  std::thread([&] {
    alone = serialized(Extractor().Extract(last, accord::v1::TEXT_PART_BODY,
                                           "fr", At(2019, 12, 12)));
  }).join();
  ASSERT_FALSE(alone.empty());
  std::string after_others;
  std::thread([&] {
    std::string longer, other;
    for (int i = 0; i < 200; ++i) {
      longer += "Le LUNDI 3 mars 2018, Ông Nam a dit : ВЧЕРА 24 мая. ";
      other += "Vendredi 10 novembre, avant-hier. ";
    }
    Extractor().Extract(longer, accord::v1::TEXT_PART_BODY, "fr", NoAnchor());
    Extractor().Extract(other, accord::v1::TEXT_PART_BODY, "fr", NoAnchor());
    after_others = serialized(Extractor().Extract(
        last, accord::v1::TEXT_PART_BODY, "fr", At(2019, 12, 12)));
  }).join();
  EXPECT_EQ(after_others, alone);
}

TEST(SeedsTest, NovemberTenWithoutAnchor) {
  const V1 e = One("Putin met Tran Dai Quang on November 10 in Da Nang.", "en",
                   "November 10");
  EXPECT_EQ(e.value().iso8601(), "XXXX-11-10");
  EXPECT_EQ(e.value().grain(), accord::v1::GRAIN_DAY);
  EXPECT_EQ(e.resolution(), accord::v1::TEMPORAL_RESOLUTION_YEAR_UNKNOWN);
  EXPECT_EQ(e.derivation().rule(), "date/en/month-day");
}

TEST(SeedsTest, VendrediDixNovembre) {
  const V1 e = One("Les deux présidents se sont vus vendredi 10 novembre.",
                   "fr", "vendredi 10 novembre");
  EXPECT_EQ(e.value().iso8601(), "XXXX-11-10");
  EXPECT_EQ(e.weekday(), 5);
  EXPECT_THAT(e.candidate_years(), IsSupersetOf({2006, 2017, 2023}));
  EXPECT_EQ(e.resolution(), accord::v1::TEMPORAL_RESOLUTION_YEAR_UNKNOWN);
  EXPECT_EQ(e.derivation().rule(), "date/fr/weekday-day-month");
}

TEST(SeedsTest, Others) {
  Check({"en", "Talks were held on May 24-25 in Tver.", "May 24-25",
         "XXXX-05-24", "XXXX-05-25"},
        accord::v1::TEMPORAL_KIND_RANGE);
  Check({"de", "Die Konferenz fand am 25. und 26. Oktober statt.",
         "am 25. und 26. Oktober", "XXXX-10-25", "XXXX-10-26"},
        accord::v1::TEMPORAL_KIND_RANGE);
  Check({"de", "Die Unterzeichnung ist im Dezember 2024 geplant.",
         "im Dezember 2024", "2024-12", ""},
        accord::v1::TEMPORAL_KIND_DATE);
  Check({"de", "Beide Länder arbeiten seit 20 Jahren zusammen.",
         "seit 20 Jahren", "P20Y", ""},
        accord::v1::TEMPORAL_KIND_DURATION);
  Check({"en", "The forum opened on November 27, 2019 in Hanoi.",
         "November 27, 2019", "2019-11-27", ""},
        accord::v1::TEMPORAL_KIND_DATE);
  const V1 year =
      One("In 2018, the institute trained 40 officers.", "en", "In 2018");
  EXPECT_EQ(year.value().iso8601(), "2018");
  EXPECT_EQ(year.value().grain(), accord::v1::GRAIN_YEAR);
  EXPECT_EQ(year.resolution(), accord::v1::TEMPORAL_RESOLUTION_EXPLICIT);
}

// --- Absolute and partial dates, per language --------------------------

TEST(AbsoluteTest, EveryLanguage) {
  for (const Case& c : std::vector<Case>{
           {"en", "Signed on 3 March 2021 in Geneva.", "3 March 2021",
            "2021-03-03"},
           {"en", "It expires Sept. 30, 2026, officials said.",
            "Sept. 30, 2026", "2026-09-30"},
           {"fr", "La réunion du 27 novembre 2019 a eu lieu à Hanoï.",
            "27 novembre 2019", "2019-11-27"},
           {"fr", "Il arrivera le 1er mars 2022.", "le 1er mars 2022",
            "2022-03-01"},
           {"de", "Das Abkommen wurde am 27. November 2019 unterzeichnet.",
            "am 27. November 2019", "2019-11-27"},
           {"es", "El acuerdo se firmó el 27 de noviembre de 2019 en Lima.",
            "el 27 de noviembre de 2019", "2019-11-27"},
           {"ru", "Соглашение подписано 27 ноября 2019 года в Москве.",
            "27 ноября 2019 года", "2019-11-27"},
           {"vi", "Hội nghị diễn ra ngày 27/11/2019 tại Hà Nội.",
            "ngày 27/11/2019", "2019-11-27"},
           {"vi", "Hiệp định được ký ngày 27 tháng 11 năm 2019.",
            "ngày 27 tháng 11 năm 2019", "2019-11-27"},
       }) {
    Check(c, accord::v1::TEMPORAL_KIND_DATE);
  }
}

TEST(PartialTest, EveryLanguage) {
  for (const Case& c : std::vector<Case>{
           {"en", "The delegation returns on October 3.", "October 3",
            "XXXX-10-03"},
           {"fr", "Le sommet s'ouvrira le 10 novembre à Paris.",
            "le 10 novembre", "XXXX-11-10"},
           {"de", "Die Gespräche beginnen am 3. Juni in Bonn.", "am 3. Juni",
            "XXXX-06-03"},
           {"es", "La cumbre empieza el 8 de junio.", "el 8 de junio",
            "XXXX-06-08"},
           {"ru", "Встреча состоится 20 апреля в Казани.", "20 апреля",
            "XXXX-04-20"},
           {"vi", "Đoàn sẽ đến Huế ngày 15/8.", "ngày 15/8", "XXXX-08-15"},
       }) {
    Check(c, accord::v1::TEMPORAL_KIND_DATE);
  }
}

TEST(RangeTest, EveryLanguage) {
  for (const Case& c : std::vector<Case>{
           {"en", "The drill runs May 24 to 26 near the coast.", "May 24 to 26",
            "XXXX-05-24", "XXXX-05-26"},
           {"en", "Sessions ran from July 8 to 12, 2024 in Vienna.",
            "from July 8 to 12, 2024", "2024-07-08", "2024-07-12"},
           {"fr", "Le salon se tient du 13 au 15 juillet à Lyon.",
            "du 13 au 15 juillet", "XXXX-07-13", "XXXX-07-15"},
           {"fr", "Atelier du 30 novembre au 2 décembre 2019 à Dakar.",
            "du 30 novembre au 2 décembre 2019", "2019-11-30", "2019-12-02"},
           {"de", "Die Messe läuft vom 3. bis 5. Mai in Köln.",
            "vom 3. bis 5. Mai", "XXXX-05-03", "XXXX-05-05"},
           {"es", "El foro será del 3 al 5 de junio en Quito.",
            "del 3 al 5 de junio", "XXXX-06-03", "XXXX-06-05"},
           {"ru", "Форум пройдёт с 24 по 25 мая в Сочи.", "с 24 по 25 мая",
            "XXXX-05-24", "XXXX-05-25"},
           {"ru", "Учения прошли 24-25 мая под Тверью.", "24-25 мая",
            "XXXX-05-24", "XXXX-05-25"},
           {"vi", "Hội thảo diễn ra từ ngày 24 đến 25/5 tại Đà Nẵng.",
            "từ ngày 24 đến 25/5", "XXXX-05-24", "XXXX-05-25"},
           {"vi", "Đoàn công tác từ 24-25/5 tại Tver.", "từ 24-25/5",
            "XXXX-05-24", "XXXX-05-25"},
           {"de", "Die Ausbaustufe gilt 2024 bis 2026 als Ziel.",
            "2024 bis 2026", "2024", "2026"},
       }) {
    Check(c, accord::v1::TEMPORAL_KIND_RANGE);
  }
}

TEST(WeekdayTest, EveryLanguage) {
  for (const Case& c : std::vector<Case>{
           {"en", "The vote is set for Tuesday, March 5.", "Tuesday, March 5",
            "XXXX-03-05"},
           {"de", "Er sprach am Freitag, dem 10. November, in Berlin.",
            "am Freitag, dem 10. November", "XXXX-11-10"},
           {"es", "Se reunieron el lunes 7 de octubre.",
            "el lunes 7 de octubre", "XXXX-10-07"},
           {"ru", "Делегация прибыла в среду, 6 сентября.",
            "в среду, 6 сентября", "XXXX-09-06"},
           {"vi", "Bộ trưởng tiếp đoàn vào thứ Ba, ngày 22/11.",
            "thứ Ba, ngày 22/11", "XXXX-11-22"},
       }) {
    Check(c, accord::v1::TEMPORAL_KIND_DATE);
  }
  const V1 e =
      One("The vote is set for Tuesday, March 5.", "en", "Tuesday, March 5");
  EXPECT_EQ(e.weekday(), 2);
  EXPECT_THAT(e.candidate_years(), IsSupersetOf({2019, 2024}));
}

TEST(MonthYearTest, EveryLanguage) {
  for (const Case& c : std::vector<Case>{
           {"en", "The review ended in December 2024.", "in December 2024",
            "2024-12"},
           {"en", "Budgets were cut in 2019 and again later.", "in 2019",
            "2019"},
           {"fr", "La loi a été adoptée en 2019 par le Parlement.", "en 2019",
            "2019"},
           {"fr", "Le rapport paraîtra en mars 2023.", "en mars 2023",
            "2023-03"},
           {"de", "Das Amt wurde im Jahr 2001 gegründet.", "im Jahr 2001",
            "2001"},
           {"es", "El centro abrió en 2017 en Bogotá.", "en 2017", "2017"},
           {"ru", "Центр открыт в 2020 году в Казани.", "в 2020 году", "2020"},
           {"ru", "Закон принят в декабре 2024 года.", "в декабре 2024 года",
            "2024-12"},
           {"vi", "Trung tâm được thành lập năm 2023.", "năm 2023", "2023"},
           {"vi", "Kế hoạch bắt đầu từ tháng 11/2019.", "tháng 11/2019",
            "2019-11"},
           {"en", "Talks resumed since 2015 without pause.", "2015", "2015"},
           {"de", "Die Behörde ist seit 2018 zuständig.", "2018", "2018"},
       }) {
    Check(c, accord::v1::TEMPORAL_KIND_DATE);
  }
  const V1 month = One("Il sera nommé en janvier.", "fr", "en janvier");
  EXPECT_EQ(month.value().iso8601(), "XXXX-01");
  EXPECT_EQ(month.value().grain(), accord::v1::GRAIN_MONTH);
}

TEST(NumericTest, DayAndMonthOrder) {
  Check({"fr", "Publié le 05/03/2024 à Paris.", "le 05/03/2024", "2024-03-05"},
        accord::v1::TEMPORAL_KIND_DATE);
  Check({"de", "Die Frist endet am 27.11.2019 um Mitternacht.", "am 27.11.2019",
         "2019-11-27"},
        accord::v1::TEMPORAL_KIND_DATE);
  Check({"en", "The filing is dated 11/27/2019 in the registry.", "11/27/2019",
         "2019-11-27"},
        accord::v1::TEMPORAL_KIND_DATE);
  Check({"en", "The filing is dated 27/11/2019 in the registry.", "27/11/2019",
         "2019-11-27"},
        accord::v1::TEMPORAL_KIND_DATE);
  Check({"es", "Firmado el 12/10/2023 en Lima.", "el 12/10/2023", "2023-10-12"},
        accord::v1::TEMPORAL_KIND_DATE);
  Check(
      {"ru", "Документ от 15.11.2022 опубликован.", "15.11.2022", "2022-11-15"},
      accord::v1::TEMPORAL_KIND_DATE);
  Check({"it", "Aggiornato 2019-11-27 alle 10.", "2019-11-27", "2019-11-27"},
        accord::v1::TEMPORAL_KIND_DATE);
}

// --- Relative expressions ----------------------------------------------

TEST(RelativeTest, AnchoredEveryLanguage) {
  const Anchor anchor = At(2019, 11, 28);  // A Thursday, ISO week 48.
  for (const Case& c : std::vector<Case>{
           {"en", "The minister spoke yesterday in Hanoi.", "yesterday",
            "2019-11-27"},
           {"en", "A report is due next month.", "next month", "2019-12"},
           {"en", "The unit was set up last year.", "last year", "2018"},
           {"en", "Officials met last week in Bangkok.", "last week",
            "2019-W47"},
           {"fr", "Le ministre est arrivé hier à Paris.", "hier", "2019-11-27"},
           {"fr", "Le décret paraît aujourd'hui.", "aujourd'hui", "2019-11-28"},
           {"fr", "Ils se sont vus la semaine dernière.", "la semaine dernière",
            "2019-W47"},
           {"de", "Der Minister sprach gestern in Bonn.", "gestern",
            "2019-11-27"},
           {"de", "Die Gespräche gehen heute weiter.", "heute", "2019-11-28"},
           {"de", "Das Team traf sich letzte Woche.", "letzte Woche",
            "2019-W47"},
           {"es", "El ministro habló ayer en Lima.", "ayer", "2019-11-27"},
           {"es", "La ley entra en vigor hoy.", "hoy", "2019-11-28"},
           {"ru", "Министр выступил вчера в Москве.", "вчера", "2019-11-27"},
           {"ru", "Сегодня начался форум.", "Сегодня", "2019-11-28"},
           {"ru", "Делегации встретились на прошлой неделе.",
            "на прошлой неделе", "2019-W47"},
           {"vi", "Bộ trưởng đã phát biểu hôm qua.", "hôm qua", "2019-11-27"},
           {"vi", "Hội nghị khai mạc hôm nay.", "hôm nay", "2019-11-28"},
           {"vi", "Hai bên gặp nhau tuần trước.", "tuần trước", "2019-W47"},
           {"vi", "Luật được thông qua năm ngoái.", "năm ngoái", "2018"},
           {"es", "El centro abrió hace tres años.", "hace tres años", "2016"},
           {"fr", "Jeudi, nous avons réuni les experts.", "Jeudi",
            "2019-11-28"},
           {"de", "Am Montag traf er die Minister.", "Am Montag", "2019-11-25"},
       }) {
    const V1 e = One(c.text, c.lang, c.surface, anchor);
    EXPECT_EQ(e.value().iso8601(), c.value) << c.text;
    EXPECT_EQ(e.resolution(), accord::v1::TEMPORAL_RESOLUTION_ANCHORED);
    EXPECT_EQ(e.anchor(), "2019-11-28");
    EXPECT_EQ(e.anchor_source(), "publication:metadata");
  }
}

TEST(RelativeTest, UnanchoredKeepsTheOffset) {
  const V1 e = One("Le ministre est arrivé hier à Paris.", "fr", "hier");
  EXPECT_EQ(e.resolution(), accord::v1::TEMPORAL_RESOLUTION_UNANCHORED);
  EXPECT_EQ(e.offset(), "-P1D");
  EXPECT_EQ(e.value().iso8601(), "");
  EXPECT_EQ(e.value().grain(), accord::v1::GRAIN_DAY);
  EXPECT_EQ(One("Officials met last week.", "en", "last week").offset(),
            "-P1W");
  // "Morgen" (the noun) is not tomorrow; "morgen" is.
  EXPECT_TRUE(ExtractAll("Am Morgen regnete es.", "de").empty());
  EXPECT_EQ(One("Er kommt morgen.", "de", "morgen").offset(), "P1D");
}

// --- Durations and sets ------------------------------------------------

TEST(DurationTest, EveryLanguage) {
  for (const Case& c : std::vector<Case>{
           {"en", "She led the agency for three years.", "for three years",
            "P3Y"},
           {"en", "They cooperated for more than two decades.",
            "for more than two decades", "P20Y"},
           {"fr", "Ils coopèrent depuis dix ans.", "depuis dix ans", "P10Y"},
           {"fr", "Le programme dure trois jours.", "trois jours", "P3D"},
           {"de", "Die Frist beträgt 90 Tage.", "90 Tage", "P90D"},
           {"es", "Trabajó allí durante cinco años.", "durante cinco años",
            "P5Y"},
           {"ru", "Проект реализуется в течение двух лет.",
            "в течение двух лет", "P2Y"},
           {"vi", "Dự án kéo dài trong 3 năm.", "trong 3 năm", "P3Y"},
           {"vi", "Hai nước hợp tác trong hơn 30 năm qua.",
            "trong hơn 30 năm qua", "P30Y"},
       }) {
    Check(c, accord::v1::TEMPORAL_KIND_DURATION);
  }
}

TEST(SetTest, EveryLanguage) {
  for (const Case& c : std::vector<Case>{
           {"en", "The forum meets every year in Asia.", "every year", "P1Y"},
           {"en", "The report is published annually.", "annually", "P1Y"},
           {"en", "Drills are held every six months.", "every six months",
            "P6M"},
           {"fr", "Le forum se réunit chaque année.", "chaque année", "P1Y"},
           {"de", "Das Treffen findet jedes Jahr statt.", "jedes Jahr", "P1Y"},
           {"de", "Die Wahl findet alle zwei Jahre statt.", "alle zwei Jahre",
            "P2Y"},
           {"es", "La cumbre se celebra cada año.", "cada año", "P1Y"},
           {"ru", "Форум проводится ежегодно.", "ежегодно", "P1Y"},
           {"vi", "Diễn đàn được tổ chức hằng năm.", "hằng năm", "P1Y"},
       }) {
    Check(c, accord::v1::TEMPORAL_KIND_SET);
  }
}

// --- Resolution --------------------------------------------------------

TEST(ResolutionTest, YearlessDateInTheAnchorWindow) {
  // Published 2020-01-10: November 10 is 61 days before, in 2019.
  V1 e = One("They met on November 10.", "en", "November 10", At(2020, 1, 10));
  EXPECT_EQ(e.value().iso8601(), "2019-11-10");
  EXPECT_EQ(e.resolution(), accord::v1::TEMPORAL_RESOLUTION_ANCHORED);
  EXPECT_EQ(e.anchor(), "2020-01-10");
  // Published 2019-10-01: November 10 is 40 days after, in 2019.
  e = One("They meet on November 10.", "en", "November 10", At(2019, 10, 1));
  EXPECT_EQ(e.value().iso8601(), "2019-11-10");
  // A range across the new year.
  e = One("Closed December 30 to January 2.", "en", "December 30 to January 2",
          At(2019, 12, 1));
  EXPECT_EQ(e.value().iso8601(), "2019-12-30");
  EXPECT_EQ(e.end().iso8601(), "2020-01-02");
}

// A clause that speaks of the future takes the next such date on or after
// the anchor, even beyond the window's 60 days; the same date in a clause
// about the past stays in the window.
TEST(ResolutionTest, FutureCuesTakeTheNextOccurrence) {
  struct Case {
    const char* text;
    const char* language;
    const char* surface;
    const char* future_value;  // published 2023-05-26
  };
  const Case cases[] = {
      {"The next session is scheduled from December 2 to 6.", "en",
       "from December 2 to 6", "2023-12-02"},
      {"La prochaine session aura lieu à Hanoï du 2 au 4 décembre.", "fr",
       "du 2 au 4 décembre", "2023-12-02"},
      {"Die nächste Runde soll im Dezember in Hanoi stattfinden.", "de",
       "im Dezember", "2023-12"},
      {"La próxima reunión se celebrará el 8 de diciembre.", "es",
       "el 8 de diciembre", "2023-12-08"},
      {"Следующая встреча экспертов состоится в ноябре.", "ru", "в ноябре",
       "2023-11"},
      {"Hội nghị tiếp theo sẽ diễn ra vào tháng 11.", "vi", "vào tháng 11",
       "2023-11"},
  };
  for (const Case& c : cases) {
    V1 e = One(c.text, c.language, c.surface, At(2023, 5, 26));
    EXPECT_EQ(e.value().iso8601(), c.future_value) << c.text;
    EXPECT_EQ(e.resolution(), accord::v1::TEMPORAL_RESOLUTION_ANCHORED);
    EXPECT_THAT(e.year_evidence(), ::testing::HasSubstr("future")) << c.text;
  }
  // The past: the same months in the window's year before.
  V1 past = One("The session was held from December 2 to 6.", "en",
                "from December 2 to 6", At(2023, 5, 26));
  EXPECT_EQ(past.value().iso8601(), "2022-12-02");
  EXPECT_EQ(past.year_evidence(), "");
  past =
      One("Эксперты встретились в ноябре.", "ru", "в ноябре", At(2023, 5, 26));
  EXPECT_EQ(past.value().iso8601(), "2022-11");
  // A cue in another sentence or clause does not count.
  past = One("They met on December 2. The next round will follow.", "en",
             "December 2", At(2023, 5, 26));
  EXPECT_EQ(past.value().iso8601(), "2022-12-02");
  past =
      One("Vietnam will host a workshop in Hanoi, the minister said "
          "during talks on March 20.",
          "en", "March 20", At(2023, 5, 26));
  EXPECT_EQ(past.value().iso8601(), "2023-03-20");
}

TEST(ResolutionTest, WeekdayPicksTheCandidateTheAnchorAllows) {
  V1 e = One("Les présidents se sont vus vendredi 10 novembre.", "fr",
             "vendredi 10 novembre", At(2017, 11, 11));
  EXPECT_EQ(e.value().iso8601(), "2017-11-10");
  EXPECT_EQ(e.resolution(), accord::v1::TEMPORAL_RESOLUTION_ANCHORED);
  EXPECT_THAT(e.year_evidence(), ::testing::HasSubstr("2017-11-10"));
  // 2019-11-10 was a Sunday: the anchor's year is no candidate.
  e = One("Les présidents se sont vus vendredi 10 novembre.", "fr",
          "vendredi 10 novembre", At(2019, 11, 15));
  EXPECT_EQ(e.value().iso8601(), "XXXX-11-10");
  EXPECT_EQ(e.resolution(), accord::v1::TEMPORAL_RESOLUTION_YEAR_UNKNOWN);
  EXPECT_FALSE(e.year_evidence().empty());
}

TEST(ResolutionTest, ExplicitYearIgnoresTheAnchor) {
  const V1 e = One("Signed on November 27, 2019.", "en", "November 27, 2019",
                   At(2024, 1, 1));
  EXPECT_EQ(e.resolution(), accord::v1::TEMPORAL_RESOLUTION_EXPLICIT);
  EXPECT_EQ(e.anchor(), "");
}

TEST(AnchorTest, FromPublication) {
  accord::v1::Publication p;
  p.set_iso8601("2019-11-28T11:12+07:00");
  p.set_origin(accord::v1::PUBLICATION_ORIGIN_TEXT_STAMP);
  const Anchor a = Anchor::FromPublication(p);
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(*a.date, absl::CivilDay(2019, 11, 28));
  EXPECT_EQ(a.source, "publication:text_stamp");
  EXPECT_FALSE(Anchor::FromPublication(accord::v1::Publication()).date);
}

// --- Negatives ---------------------------------------------------------

TEST(NegativeTest, NotDates) {
  for (const auto& [lang, text] :
       std::vector<std::pair<const char*, const char*>>{
           {"en", "The summit drew 2018 participants from 40 countries."},
           {"en", "Theresa May said the talks may continue."},
           {"en", "The ministers may meet again soon."},
           {"fr", "Un accord a été signé par un ministre."},
           {"fr", "Il a obtenu 2019 voix au premier tour."},
           {"de", "Rund 2018 Teilnehmer kamen nach Bonn."},
           {"es", "Miraban el mar desde la costa."},
           {"ru", "Среда обитания меняется быстро."},
           {"vi", "Đây là lần thứ hai đoàn sang Nga."},
           {"vi", "Tỷ số là 24/5 cho đội chủ nhà."},
           {"en", "The ratio was 3/4 at 10:30 in room 12."},
       }) {
    const std::vector<V1> found = ExtractAll(text, lang);
    std::string surfaces;
    for (const V1& e : found) surfaces += "[" + e.surface() + "]";
    EXPECT_TRUE(found.empty()) << text << " -> " << surfaces;
  }
}

TEST(NegativeTest, SpansAcrossLinesAreNotMatched) {
  EXPECT_TRUE(ExtractAll("Room November\n10 guests", "en").empty());
}

TEST(OrderTest, SeveralInOneText) {
  const std::vector<V1> all = ExtractAll(
      "Am 3. Juni 2024 und im Dezember 2024 trafen sie sich; seit 2018 "
      "arbeiten sie seit 20 Jahren zusammen, jedes Jahr.",
      "de");
  std::vector<std::string> surfaces;
  for (const V1& e : all) surfaces.push_back(e.surface());
  EXPECT_THAT(surfaces, ElementsAre("Am 3. Juni 2024", "im Dezember 2024",
                                    "2018", "seit 20 Jahren", "jedes Jahr"));
}

// Found by fuzz_dates: a range whose one year is written after its end and
// that crosses New Year had its begin after its end (2020-12-30..
// 2020-01-02); two stated years in reverse order made a range too.
TEST(RangeAcrossNewYearTest, TheBeginIsInTheYearBefore) {
  struct {
    const char* lang;
    const char* text;
    const char* begin;
    const char* end;
  } cases[] = {
      {"en", "from December 30 to January 2, 2020", "2019-12-30", "2020-01-02"},
      {"de", "vom 30. Dezember bis 2. Januar 2020", "2019-12-30", "2020-01-02"},
      {"fr", "du 30 décembre au 2 janvier 2020", "2019-12-30", "2020-01-02"},
      {"en", "between August and January 2024", "2023-08", "2024-01"},
  };
  for (const auto& c : cases) {
    const V1 e = One(c.text, c.lang, c.text);
    EXPECT_EQ(e.kind(), accord::v1::TEMPORAL_KIND_RANGE) << c.text;
    EXPECT_EQ(e.value().iso8601(), c.begin) << c.text;
    EXPECT_EQ(e.end().iso8601(), c.end) << c.text;
    EXPECT_EQ(e.resolution(), accord::v1::TEMPORAL_RESOLUTION_EXPLICIT);
  }
  for (const V1& e : ExtractAll("between August 2024 and January 2023", "en")) {
    EXPECT_NE(e.kind(), accord::v1::TEMPORAL_KIND_RANGE) << e.surface();
  }
}

// Found by fuzz_dates: resolving against an anchor at either end of
// 0001..9999 gave years 0 and 10000, which ISO 8601 and TemporalValue
// cannot hold.
TEST(ResolutionTest, NothingOutsideTheYearsOneTo9999) {
  const V1 tomorrow = One("tomorrow", "en", "tomorrow", At(9999, 12, 31));
  EXPECT_EQ(tomorrow.resolution(), accord::v1::TEMPORAL_RESOLUTION_UNANCHORED);
  EXPECT_EQ(tomorrow.value().iso8601(), "");
  EXPECT_EQ(tomorrow.value().grain(), accord::v1::GRAIN_DAY);
  EXPECT_EQ(tomorrow.offset(), "P1D");
  const V1 yesterday = One("hier", "fr", "hier", At(1, 1, 1));
  EXPECT_EQ(yesterday.resolution(), accord::v1::TEMPORAL_RESOLUTION_UNANCHORED);
  const V1 across = One("December 30 to January 2", "en",
                        "December 30 to January 2", At(9999, 12, 1));
  EXPECT_EQ(across.resolution(), accord::v1::TEMPORAL_RESOLUTION_YEAR_UNKNOWN);
  EXPECT_EQ(across.value().iso8601(), "XXXX-12-30");
  EXPECT_EQ(across.end().iso8601(), "XXXX-01-02");
  const V1 same_year = One("December 30 to January 2", "en",
                           "December 30 to January 2", At(2019, 12, 1));
  EXPECT_EQ(same_year.value().iso8601(), "2019-12-30");
  EXPECT_EQ(same_year.end().iso8601(), "2020-01-02");
}

}  // namespace
}  // namespace accord::extract::dates
