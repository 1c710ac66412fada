#include "tools/accordctl/report_printer.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace accord::ctl {
namespace {

accord::v1::SearchDocumentsResponse OneHit() {
  accord::v1::SearchDocumentsResponse response;
  accord::v1::SearchHit* hit = response.add_hits();
  hit->set_document_id("3c1f");
  hit->set_language("fr");
  hit->set_title("Sécurité");
  accord::v1::Snippet* snippet = hit->add_snippets();
  snippet->set_text("Le président Poutine a reçu");
  snippet->set_marked_text("Le président <mark>Poutine</mark> a reçu");
  response.set_total_size(1);
  return response;
}

TEST(FormatSearchTest, PlainShowsNoMarksAndNoEscapeCodes) {
  std::string out = FormatSearch(OneHit(), MarkStyle::kPlain);
  EXPECT_TRUE(absl::StrContains(out, "    Le président Poutine a reçu\n"))
      << out;
  for (const char* mark : {"«", "»", "<mark>", "\x1b"}) {
    EXPECT_FALSE(absl::StrContains(out, mark)) << mark << " in " << out;
  }
  EXPECT_TRUE(absl::StrContains(out, "1 matching documents")) << out;
}

TEST(FormatSearchTest, BoldMarksTheMatchedWords) {
  std::string out = FormatSearch(OneHit(), MarkStyle::kBold);
  EXPECT_TRUE(absl::StrContains(out, "président \x1b[1mPoutine\x1b[0m a"))
      << out;
}

TEST(FormatBundleTest, RejectionsOnlyKeepsErrorsAndTheSummary) {
  accord::v1::Bundle bundle;
  bundle.set_id("b1");
  accord::v1::DocumentResult* created = bundle.add_results();
  created->set_outcome(accord::v1::DOCUMENT_OUTCOME_CREATED);
  created->set_document_id("d1");
  created->set_client_ref("a.txt");
  accord::v1::DocumentResult* rejected = bundle.add_results();
  rejected->set_outcome(accord::v1::DOCUMENT_OUTCOME_REJECTED);
  rejected->set_reject_reason(accord::v1::REJECT_REASON_INVALID_ENCODING);
  rejected->set_client_ref("b.txt");
  rejected->set_message("byte 0xE9 at 3");
  bundle.mutable_counts()->set_created(1);
  bundle.mutable_counts()->set_rejected(1);

  std::string all = FormatBundle(bundle);
  EXPECT_TRUE(absl::StrContains(all, "CREATED   d1")) << all;
  EXPECT_TRUE(absl::StrContains(all, "REJECTED")) << all;

  EXPECT_EQ(FormatBundle(bundle, BundleDetail::kRejectionsOnly),
            "REJECTED  INVALID_ENCODING                  b.txt: byte 0xE9 at "
            "3\nbundle b1: 1 created, 0 unchanged, 1 rejected\n");
  bundle.mutable_results()->DeleteSubrange(1, 1);
  bundle.mutable_counts()->set_rejected(0);
  EXPECT_EQ(FormatBundle(bundle, BundleDetail::kRejectionsOnly),
            "bundle b1: 1 created, 0 unchanged, 0 rejected\n");
}

}  // namespace
}  // namespace accord::ctl
