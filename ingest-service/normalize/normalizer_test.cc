// End-to-end tests of Normalizer on hand-written ES, RU, VI and DE
// articles, metadata hints, empty and arbitrary input, and concurrency.
#include "ingest-service/normalize/normalizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

namespace accord::normalize {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class NormalizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { normalizer_ = new Normalizer(); }
  static void TearDownTestSuite() { delete normalizer_; }

  accord::v1::Document Normalize(
      const std::string& text,
      const accord::v1::DocumentMetadata& metadata = {}) {
    accord::v1::Document doc;
    const absl::Status status = normalizer_->Normalize(text, metadata, &doc);
    EXPECT_TRUE(status.ok()) << status;
    return doc;
  }

  static std::string Body(const accord::v1::Document& doc) {
    std::string body;
    for (const auto& paragraph : doc.paragraphs()) {
      if (!body.empty()) body += "\n\n";
      body += paragraph.text();
    }
    return body;
  }

  static std::vector<accord::v1::FragmentKind> Kinds(
      const accord::v1::Document& doc) {
    std::vector<accord::v1::FragmentKind> kinds;
    for (const auto& f : doc.removed_fragments()) kinds.push_back(f.kind());
    return kinds;
  }

  static Normalizer* normalizer_;
};

Normalizer* NormalizerTest::normalizer_ = nullptr;

constexpr char kSpanish[] =
    "España y Chile firman un acuerdo de ciberseguridad\n"
    "\n"
    "Madrid (EFE) – Los gobiernos de España y Chile firmaron este lunes un "
    "memorando de entendimiento sobre ciberseguridad ycooperación digital.\n"
    "El ministro en Madrid. Foto: EFE\n"
    "Ambos países se comprometieron a intercambiar información sobre "
    "amenazas y a formar especialistas en la lucha contra el cibercrimen.-EFE\n"
    "Fuente: https://example.es/noticia-123\n"
    "Comentarios (2)\n"
    "Leer más\n"
    "Otra noticia sobre Argentina y Brasil.\n";

TEST_F(NormalizerTest, SpanishArticle) {
  const accord::v1::Document doc = Normalize(kSpanish);
  EXPECT_EQ(doc.language().code(), "es");
  EXPECT_EQ(doc.title(), "España y Chile firman un acuerdo de ciberseguridad");
  EXPECT_EQ(doc.title_origin(), accord::v1::TITLE_ORIGIN_HEADLINE);
  EXPECT_EQ(doc.dateline().place(), "Madrid");
  EXPECT_EQ(doc.dateline().agency(), "EFE");
  EXPECT_EQ(doc.source().agency(), "EFE");
  EXPECT_EQ(doc.source().url(), "https://example.es/noticia-123");
  ASSERT_EQ(doc.paragraphs_size(), 2);
  EXPECT_THAT(doc.paragraphs(0).text(),
              ::testing::StartsWith("Los gobiernos de España"));
  EXPECT_THAT(doc.paragraphs(0).text(), HasSubstr("y cooperación digital"));
  EXPECT_THAT(doc.paragraphs(1).text(), ::testing::EndsWith("cibercrimen."));
  EXPECT_THAT(Body(doc), Not(HasSubstr("Argentina")));
  EXPECT_THAT(Kinds(doc),
              ::testing::ElementsAre(accord::v1::FRAGMENT_KIND_DATELINE,
                                     accord::v1::FRAGMENT_KIND_CAPTION,
                                     accord::v1::FRAGMENT_KIND_SIGNATURE,
                                     accord::v1::FRAGMENT_KIND_SOURCE_LINE,
                                     accord::v1::FRAGMENT_KIND_COMMENT_COUNTER,
                                     accord::v1::FRAGMENT_KIND_TEASER,
                                     accord::v1::FRAGMENT_KIND_TEASER));
  EXPECT_EQ(doc.removed_fragments(1).line(), 4u);
}

TEST_F(NormalizerTest, RussianArticleWithStampAndTeasers) {
  const accord::v1::Document doc = Normalize(
      "Россия и Вьетнам обсудили кибербезопасность\n"
      "28 ноября 2019, 11:12\n"
      "Москва (ТАСС) — Россия иВьетнам провели консультации по вопросам "
      "международной информационной безопасности.\n"
      "Стороны договорились продолжить сотрудничество в рамках ООН.\n"
      "Министр в Москве. Фото: ТАСС\n"
      "Читайте также\n"
      "Другая новость о Китае.\n");
  EXPECT_EQ(doc.language().code(), "ru");
  EXPECT_EQ(doc.title(), "Россия и Вьетнам обсудили кибербезопасность");
  EXPECT_EQ(doc.publication().iso8601(), "2019-11-28T11:12");
  EXPECT_FALSE(doc.publication().has_utc_offset());
  EXPECT_EQ(doc.dateline().place(), "Москва");
  EXPECT_EQ(doc.source().agency(), "ТАСС");
  ASSERT_EQ(doc.paragraphs_size(), 2);
  EXPECT_THAT(doc.paragraphs(0).text(),
              ::testing::StartsWith("Россия и Вьетнам провели"));
  EXPECT_THAT(Body(doc), Not(HasSubstr("Китае")));
  ASSERT_EQ(doc.repairs_size(), 1);
  EXPECT_EQ(doc.repairs(0).kind(), accord::v1::REPAIR_KIND_CASE_JOIN);
}

TEST_F(NormalizerTest, VietnameseArticle) {
  const accord::v1::Document doc = Normalize(
      "Việt Nam và Nga tăng cường hợp tác an ninh thông tin\n"
      "\n"
      "Thứ Năm, 28/11/2019 11:12 (GMT+07:00)\n"
      "\n"
      "Hà Nội (TTXVN) - Chiều 27/11, tại Hà Nội, Bộ Công an Việt Nam và Hội "
      "đồng An ninh Liên bang Nga đã tổ chức phiên tham vấn lần thứ năm về "
      "an ninh thông tin quốc tế.\n"
      "\n"
      "Hai bên nhất trí tăng cường trao đổi thông tin và đào tạo chuyên gia "
      "trong lĩnh vực an ninh mạng./.\n"
      "\n"
      "Bình luận (0)\n"
      "\n"
      "Xem thêm\n"
      "\n"
      "Tin khác về hội nghị ASEAN.\n");
  EXPECT_EQ(doc.language().code(), "vi");
  EXPECT_EQ(doc.title(),
            "Việt Nam và Nga tăng cường hợp tác an ninh thông tin");
  EXPECT_EQ(doc.publication().iso8601(), "2019-11-28T11:12+07:00");
  EXPECT_EQ(doc.publication().utc_offset_minutes(), 420);
  EXPECT_EQ(doc.dateline().place(), "Hà Nội");
  EXPECT_EQ(doc.dateline().agency(), "TTXVN");
  ASSERT_EQ(doc.paragraphs_size(), 2);
  EXPECT_THAT(doc.paragraphs(1).text(), ::testing::EndsWith("an ninh mạng."));
  EXPECT_THAT(Body(doc), Not(HasSubstr("ASEAN")));
}

TEST_F(NormalizerTest, ParagraphOffsetsLocateTheBody) {
  const accord::v1::Document doc = Normalize(kSpanish);
  const std::string body = Body(doc);
  for (const auto& paragraph : doc.paragraphs()) {
    EXPECT_EQ(body.substr(paragraph.offset(), paragraph.text().size()),
              paragraph.text());
  }
}

TEST_F(NormalizerTest, TitleHintReplacesTheHeadlineAndDropsItsLine) {
  accord::v1::DocumentMetadata metadata;
  metadata.set_title_hint("Deutschland  unterzeichnet Konvention");
  const accord::v1::Document doc = Normalize(
      "Deutschland unterzeichnet Konvention\n"
      "Berlin (dpa) - Die Bundesregierung hat die Konvention unterzeichnet.\n",
      metadata);
  EXPECT_EQ(doc.title(), "Deutschland unterzeichnet Konvention");
  EXPECT_EQ(doc.title_origin(), accord::v1::TITLE_ORIGIN_HINT);
  ASSERT_EQ(doc.paragraphs_size(), 1);
  EXPECT_EQ(doc.paragraphs(0).text(),
            "Die Bundesregierung hat die Konvention unterzeichnet.");
  EXPECT_EQ(doc.language().code(), "de");

  // A different first line stays in the body.
  metadata.set_title_hint("Ein anderer Titel");
  const accord::v1::Document other = Normalize(
      "Die Bundesregierung hat die Konvention unterzeichnet.\n", metadata);
  EXPECT_EQ(other.title(), "Ein anderer Titel");
  EXPECT_EQ(other.paragraphs_size(), 1);
}

TEST_F(NormalizerTest, ALoneHeadlineStaysTheBody) {
  const accord::v1::Document doc =
      Normalize("Vietnam and Japan sign cyber pact");
  EXPECT_EQ(doc.title(), "");
  ASSERT_EQ(doc.paragraphs_size(), 1);
  EXPECT_EQ(doc.paragraphs(0).text(), "Vietnam and Japan sign cyber pact");
}

TEST_F(NormalizerTest, AWrappedFirstLineIsNotAHeadline) {
  const accord::v1::Document doc = Normalize(
      "Les ministres de la Défense du Vietnam et de la France\n"
      "ont signé un accord de coopération à Paris.\n");
  EXPECT_EQ(doc.title(), "");
  ASSERT_EQ(doc.paragraphs_size(), 1);
  EXPECT_EQ(doc.paragraphs(0).text(),
            "Les ministres de la Défense du Vietnam et de la France ont signé "
            "un accord de coopération à Paris.");
}

TEST_F(NormalizerTest, LanguageHintDecidesShortText) {
  accord::v1::DocumentMetadata metadata;
  metadata.set_language_hint("fr-FR");
  const accord::v1::Document doc = Normalize("OK 2019 ASEAN", metadata);
  EXPECT_EQ(doc.language().code(), "fr");
  EXPECT_EQ(doc.language().origin(), accord::v1::LANGUAGE_ORIGIN_HINT);
}

TEST_F(NormalizerTest, EmptyBodyIsInvalidArgument) {
  accord::v1::Document doc;
  const accord::v1::DocumentMetadata metadata;
  EXPECT_TRUE(
      absl::IsInvalidArgument(normalizer_->Normalize("", metadata, &doc)));
  EXPECT_TRUE(absl::IsInvalidArgument(
      normalizer_->Normalize(" \n\t\n", metadata, &doc)));
  // Only furniture: a stamp, a comment counter and a signature line.
  EXPECT_TRUE(absl::IsInvalidArgument(normalizer_->Normalize(
      "28/11/2019 11:12\nComments (0)\nVNA\n", metadata, &doc)));
  EXPECT_TRUE(absl::IsInvalidArgument(
      normalizer_->Normalize("text", metadata, nullptr)));
}

TEST_F(NormalizerTest, NeverCrashesOnArbitraryBytes) {
  std::mt19937 random(20191128);
  const std::string alphabet[] = {
      "a",     "Z",    " ",    "\n", ".",   ",",  "(",
      ")",     "-",    "–",    "/",  ":",   "1",  "ảnh 1",
      "Photo", "\xff", "\xc3", "я",  "VNA", "\r", std::string(1, '\0')};
  accord::v1::DocumentMetadata metadata;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 400);
    for (int i = 0; i < length; ++i) {
      text += alphabet[random() % (sizeof(alphabet) / sizeof(alphabet[0]))];
    }
    accord::v1::Document doc;
    const absl::Status status = normalizer_->Normalize(text, metadata, &doc);
    EXPECT_TRUE(status.ok() || absl::IsInvalidArgument(status)) << status;
  }
}

TEST_F(NormalizerTest, ConcurrentCallsGiveTheSameRecord) {
  const std::string expected = Normalize(kSpanish).SerializeAsString();
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        accord::v1::Document doc;
        if (!normalizer_->Normalize(kSpanish, {}, &doc).ok() ||
            doc.SerializeAsString() != expected) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0);
}

// Threads keep their own dictionary memos (lexicon_memo.h), filled in the
// order each thread meets words. Whatever that order, every thread must
// produce what a fresh normalizer produces, for every language.
TEST_F(NormalizerTest, ThreadMemosNeverChangeTheRecord) {
  const std::vector<std::string> texts = {
      kSpanish,
      "Vietnam and Russia sign security deal\n"
      "Hanoi (VNA) – Vietnam andRussia signed an agreement on "
      "safeguardinginternational information security.The ministers met "
      "in Hanoi,discussing cybersecurity and counterterrorism.\n"
      "Both sides agreed to strengthen cooperation ofthe two ministries.",
      "Le Vietnam et la Russie signent un accord\n"
      "Hanoï (VNA) – Le Vietnam etla Russie ont signé un accord sur la "
      "sécuritéde l’information.Les ministres ont discuté de la "
      "cybersécurité,de la coopération et des menaces.",
      "Vietnam und Russland unterzeichnen Abkommen\n"
      "Hanoi (VNA) – Vietnam undRussland haben ein Abkommen über "
      "Informationssicherheit unterzeichnet.Die Minister sprachen über "
      "Cyberkriminalität,Zusammenarbeit und Sicherheit.",
      "Россия и Вьетнам подписали соглашение\n"
      "Ханой (ВИА) — Россия иВьетнам подписали соглашение об "
      "информационнойбезопасности.Министры обсудили сотрудничество,"
      "киберпреступность и угрозы."};
  std::vector<std::string> expected;
  {
    Normalizer fresh;
    for (const std::string& text : texts) {
      accord::v1::Document doc;
      ASSERT_TRUE(fresh.Normalize(text, {}, &doc).ok());
      expected.push_back(doc.SerializeAsString());
    }
  }
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 10; ++round) {
        for (size_t i = 0; i < texts.size(); ++i) {
          // Each thread starts at another document.
          const size_t k = (i + static_cast<size_t>(t)) % texts.size();
          accord::v1::Document doc;
          if (!normalizer_->Normalize(texts[k], {}, &doc).ok() ||
              doc.SerializeAsString() != expected[k]) {
            ++mismatches[t];
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0);
}

}  // namespace
}  // namespace accord::normalize
