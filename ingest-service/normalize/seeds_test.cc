// Runs the normalizer over the five sample articles in ../shared/seeds/
// (agency copy exactly as a crawler delivered it) and checks what the
// product brief promises for each. Skipped when the folder is absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "ingest-service/normalize/normalizer.h"

namespace accord::normalize {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class SeedsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { normalizer_ = new Normalizer(); }
  static void TearDownTestSuite() {
    delete normalizer_;
    normalizer_ = nullptr;
  }

  // Normalizes the seed whose file name starts with `prefix`.
  accord::v1::Document Load(const std::string& prefix) {
    const char* source_dir = std::getenv("ACCORD_SOURCE_DIR");
    const std::filesystem::path dir =
        std::filesystem::path(source_dir != nullptr ? source_dir : ".") / ".." /
        "shared" / "seeds";
    accord::v1::Document doc;
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) return doc;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind(prefix, 0) != 0 || entry.path().extension() != ".txt") {
        continue;
      }
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      const absl::Status status = normalizer_->Normalize(
          text.str(), accord::v1::DocumentMetadata(), &doc);
      EXPECT_TRUE(status.ok()) << status;
      found_ = true;
      // ACCORD_NORMALIZE_DUMP=1 prints each record, to review by eye.
      if (std::getenv("ACCORD_NORMALIZE_DUMP") != nullptr) {
        std::cout << name << "\n" << doc.Utf8DebugString() << "\n";
      }
    }
    return doc;
  }

  void SetUp() override {
    const char* source_dir = std::getenv("ACCORD_SOURCE_DIR");
    const std::filesystem::path dir =
        std::filesystem::path(source_dir != nullptr ? source_dir : ".") / ".." /
        "shared" / "seeds";
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
      GTEST_SKIP() << "no seeds folder at " << dir;
    }
  }

  static int CountKind(const accord::v1::Document& doc,
                       accord::v1::FragmentKind kind) {
    int count = 0;
    for (const auto& fragment : doc.removed_fragments()) {
      count += fragment.kind() == kind;
    }
    return count;
  }

  static std::string Body(const accord::v1::Document& doc) {
    std::string body;
    for (const auto& paragraph : doc.paragraphs()) {
      if (!body.empty()) body += "\n\n";
      body += paragraph.text();
    }
    return body;
  }

  static Normalizer* normalizer_;
  bool found_ = false;
};

Normalizer* SeedsTest::normalizer_ = nullptr;

TEST_F(SeedsTest, EnglishJointStatement) {
  const accord::v1::Document doc = Load("000");
  ASSERT_TRUE(found_);
  EXPECT_EQ(doc.language().code(), "en") << doc.DebugString();
  EXPECT_TRUE(doc.language().reliable());
  EXPECT_EQ(doc.title(), "");
  EXPECT_EQ(doc.title_origin(), accord::v1::TITLE_ORIGIN_NONE);
  EXPECT_EQ(doc.dateline().place(), "Da Nang");
  EXPECT_EQ(doc.dateline().agency(), "VNA");
  EXPECT_EQ(doc.source().agency(), "VNA");
  ASSERT_GT(doc.paragraphs_size(), 0);
  EXPECT_THAT(doc.paragraphs(0).text(),
              StartsWith("Vietnam and Russia have issued"));
  const std::string body = Body(doc);
  EXPECT_THAT(body, HasSubstr("safeguarding international"));
  EXPECT_THAT(body, HasSubstr("between Vietnamese President"));
  EXPECT_THAT(body, HasSubstr("(ITC), creating"));
  EXPECT_THAT(body, HasSubstr("and other crimes."));
  EXPECT_THAT(body, ::testing::Not(HasSubstr("VNA")));
  EXPECT_GE(CountKind(doc, accord::v1::FRAGMENT_KIND_SIGNATURE), 2);
  EXPECT_EQ(CountKind(doc, accord::v1::FRAGMENT_KIND_DATELINE), 1);
  // Every repair points at its replacement.
  for (const auto& repair : doc.repairs()) {
    ASSERT_LT(repair.paragraph(), doc.paragraphs_size());
    EXPECT_EQ(doc.paragraphs(repair.paragraph())
                  .text()
                  .substr(repair.offset(), repair.replacement().size()),
              repair.replacement());
  }
}

TEST_F(SeedsTest, FrenchJointStatementWithTeasers) {
  const accord::v1::Document doc = Load("001");
  ASSERT_TRUE(found_);
  EXPECT_EQ(doc.language().code(), "fr") << doc.DebugString();
  EXPECT_EQ(doc.title(),
            "Le Vietnam et la Russie coopèrent sur la sécurité de "
            "l’information internationale");
  EXPECT_EQ(doc.title_origin(), accord::v1::TITLE_ORIGIN_HEADLINE);
  EXPECT_EQ(doc.dateline().place(), "Dà Nang");
  EXPECT_EQ(doc.dateline().agency(), "VNA");
  const std::string body = Body(doc);
  EXPECT_THAT(body, ::testing::Not(HasSubstr("Singapour")));
  EXPECT_THAT(body, ::testing::Not(HasSubstr("Laos")));
  EXPECT_THAT(body, ::testing::Not(HasSubstr("Voir plus")));
  EXPECT_THAT(body, ::testing::Not(HasSubstr("Photo : VNA")));
  EXPECT_THAT(body, ::testing::Not(HasSubstr("ảnh 1")));
  EXPECT_THAT(body, HasSubstr("l’Union internationale des télécommunications"));
  EXPECT_GE(CountKind(doc, accord::v1::FRAGMENT_KIND_TEASER), 10);
  EXPECT_EQ(CountKind(doc, accord::v1::FRAGMENT_KIND_CAPTION), 2);
  EXPECT_GE(CountKind(doc, accord::v1::FRAGMENT_KIND_IMAGE_ALT_TEXT), 2);
  EXPECT_EQ(CountKind(doc, accord::v1::FRAGMENT_KIND_SIGNATURE), 1);
  bool singapore_teaser = false;
  for (const auto& fragment : doc.removed_fragments()) {
    if (fragment.kind() == accord::v1::FRAGMENT_KIND_TEASER &&
        fragment.text().find("Singapour") != std::string::npos) {
      singapore_teaser = true;
    }
  }
  EXPECT_TRUE(singapore_teaser);
}

TEST_F(SeedsTest, EnglishTitleWithGluedCaption) {
  const accord::v1::Document doc = Load("002");
  ASSERT_TRUE(found_);
  EXPECT_EQ(doc.language().code(), "en") << doc.DebugString();
  EXPECT_EQ(doc.title(),
            "Vietnam suggests ways to ensure int’l info security at Russia "
            "meeting");
  bool caption = false;
  for (const auto& fragment : doc.removed_fragments()) {
    if (fragment.kind() == accord::v1::FRAGMENT_KIND_CAPTION) {
      EXPECT_THAT(fragment.text(),
                  StartsWith("Deputy Minister of Public Security"));
      EXPECT_EQ(fragment.line(), 1u);
      caption = true;
    }
  }
  EXPECT_TRUE(caption);
  EXPECT_EQ(doc.dateline().place(), "Moscow");
  EXPECT_EQ(doc.dateline().agency(), "VNA");
  ASSERT_GT(doc.paragraphs_size(), 0);
  EXPECT_THAT(doc.paragraphs(0).text(), StartsWith("Deputy Minister"));
  EXPECT_THAT(doc.paragraphs(doc.paragraphs_size() - 1).text(),
              ::testing::EndsWith("and the world."));
}

TEST_F(SeedsTest, GermanInterviewWithSourceLine) {
  const accord::v1::Document doc = Load("003");
  ASSERT_TRUE(found_);
  EXPECT_EQ(doc.language().code(), "de") << doc.DebugString();
  EXPECT_EQ(doc.title(), "");
  EXPECT_EQ(doc.source().url(),
            "https://www.vietnamplus.vn/"
            "cong-uoc-ha-noi-chong-toi-pham-mang-can-su-chung-tay-cua-tat-ca-"
            "cac-quoc-gia-post1072235.vnp");
  EXPECT_EQ(CountKind(doc, accord::v1::FRAGMENT_KIND_SOURCE_LINE), 1);
  EXPECT_EQ(CountKind(doc, accord::v1::FRAGMENT_KIND_COMMENT_COUNTER), 1);
  bool closing_mark = false;
  for (const auto& fragment : doc.removed_fragments()) {
    closing_mark |= fragment.kind() == accord::v1::FRAGMENT_KIND_SIGNATURE &&
                    fragment.text() == "/.";
  }
  EXPECT_TRUE(closing_mark);
  // German compounds are words, not glue.
  const std::string body = Body(doc);
  EXPECT_THAT(body, HasSubstr("Unterzeichnungszeremonie"));
  EXPECT_THAT(body, HasSubstr("Cyberkriminalität"));
  EXPECT_THAT(doc.paragraphs(doc.paragraphs_size() - 1).text(),
              ::testing::EndsWith("bleiben müsse."));
}

TEST_F(SeedsTest, EnglishConferenceWithPublicationStamp) {
  const accord::v1::Document doc = Load("004");
  ASSERT_TRUE(found_);
  EXPECT_EQ(doc.language().code(), "en") << doc.DebugString();
  EXPECT_EQ(doc.title(),
            "Conference on Responsible state behaviour in cyberspace");
  ASSERT_TRUE(doc.has_publication());
  EXPECT_EQ(doc.publication().iso8601(), "2019-11-28T11:12+07:00");
  EXPECT_TRUE(doc.publication().has_utc_offset());
  EXPECT_EQ(doc.publication().utc_offset_minutes(), 420);
  EXPECT_EQ(doc.publication().origin(),
            accord::v1::PUBLICATION_ORIGIN_TEXT_STAMP);
  // 11:12 at UTC+7 is 04:12 UTC.
  EXPECT_EQ(doc.publication().time().seconds(), 1574914320);
  EXPECT_EQ(CountKind(doc, accord::v1::FRAGMENT_KIND_PUBLICATION_STAMP), 1);
  ASSERT_GT(doc.paragraphs_size(), 0);
  EXPECT_THAT(doc.paragraphs(0).text(), StartsWith("On November 27, 2019"));
  EXPECT_THAT(Body(doc), HasSubstr("cybersecurity"));
  EXPECT_THAT(Body(doc), HasSubstr("cyberspace"));
}

}  // namespace
}  // namespace accord::normalize
