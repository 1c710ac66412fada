// Tests of the furniture-line checks (teaser markers, source lines,
// comment counters, captions) in EN, FR, DE, ES, RU and VI.
#include "ingest-service/normalize/boilerplate.h"

#include <gtest/gtest.h>

namespace accord::normalize {
namespace {

TEST(TeaserMarkerTest, RecognizesMarkersInEveryLanguage) {
  for (const char* line :
       {"See more", "Read more:", "Related news", "Voir plus",
        "Lire aussi :", "Mehr zum Thema", "Weitere Artikel", "Ver más",
        "Leer más", "Смотрите также", "» Читайте также",
        "Xem thêm:", "Tin liên quan", "VOIR PLUS"}) {
    EXPECT_TRUE(IsTeaserMarker(line)) << line;
  }
}

TEST(TeaserMarkerTest, SentencesWithMarkerWordsAreNotMarkers) {
  EXPECT_FALSE(IsTeaserMarker("See more details in the annex."));
  EXPECT_FALSE(IsTeaserMarker("Il faut voir plus loin que 2030."));
  EXPECT_FALSE(IsTeaserMarker("Xem thêm tại trang web của Bộ."));
  EXPECT_FALSE(IsTeaserMarker(""));
}

TEST(SourceLineTest, ReadsTheUrlInEveryLanguage) {
  for (const char* line :
       {"Source: https://example.org/a", "Quelle: https://example.org/a",
        "Nguồn: https://example.org/a", "Fuente: https://example.org/a",
        "Источник: https://example.org/a", "SOURCE : https://example.org/a"}) {
    const auto source = MatchSourceLine(line);
    ASSERT_TRUE(source.has_value()) << line;
    EXPECT_EQ(source->url, "https://example.org/a") << line;
  }
  const auto named = MatchSourceLine("Source: VNA");
  ASSERT_TRUE(named.has_value());
  EXPECT_EQ(named->url, "");
}

TEST(SourceLineTest, SentencesAreNotSourceLines) {
  EXPECT_FALSE(MatchSourceLine("The source said: the talks went well and "
                               "both sides will meet again next year")
                   .has_value());
  EXPECT_FALSE(MatchSourceLine("Source of the problem").has_value());
  EXPECT_FALSE(MatchSourceLine("Quelle:").has_value());
}

TEST(CommentCounterTest, RecognizesCounters) {
  for (const char* line :
       {"Kommentar (0)", "Comments (12)", "Commentaires (3)", "Bình luận (0)",
        "Комментарии (5)", "Comentarios (2)", "3 comments", "Comments: 7"}) {
    EXPECT_TRUE(IsCommentCounter(line)) << line;
  }
  EXPECT_FALSE(IsCommentCounter("Comments (none)"));
  EXPECT_FALSE(IsCommentCounter("Ministers (2)"));
  EXPECT_FALSE(IsCommentCounter("The comments (12) were published."));
}

TEST(CaptionLineTest, RecognizesPhotoCredits) {
  for (const char* line :
       {"Les ministres à Hanoi. Photo : VNA", "Ministers in Tver (Photo: VNA)",
        "Die Ministerin in Berlin. Foto: dpa",
        "El ministro en Madrid. Foto: EFE", "Thủ tướng phát biểu. Ảnh: TTXVN",
        "Министр в Москве. Фото: ТАСС",
        "Delegates at the summit. Photo: AFP/Getty Images"}) {
    EXPECT_TRUE(IsCaptionLine(line)) << line;
  }
}

TEST(CaptionLineTest, OrdinaryLinesAreNotCaptions) {
  EXPECT_FALSE(IsCaptionLine("The minister said: we will cooperate."));
  EXPECT_FALSE(
      IsCaptionLine("Photo: the delegation arrived in Hanoi on "
                    "Monday, officials said."));
  EXPECT_FALSE(IsCaptionLine("Les deux parties ont signé l’accord."));
  EXPECT_FALSE(IsCaptionLine(""));
}

}  // namespace
}  // namespace accord::normalize
