#include "tools/accordctl/report_printer.h"

#include "absl/strings/match.h"
#include "common/rpc/status.h"
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

TEST(FormatEntityTest, ShowsNamesRolesAndDocuments) {
  accord::v1::Entity entity;
  entity.set_id("person/tran-dai-quang");
  entity.set_kind(accord::v1::ENTITY_KIND_PERSON);
  entity.set_canonical_name("Trần Đại Quang");
  entity.set_mention_count(7);
  entity.set_document_count(2);
  entity.add_document_ids("aa");
  entity.set_first_seen_document_id("aa");
  entity.set_last_seen_document_id("bb");
  entity.mutable_first_seen_time()->set_seconds(1800000000);
  entity.mutable_last_seen_time()->set_seconds(1800000060);
  accord::v1::EntityName* name = entity.add_names();
  name->set_language("vi");
  name->set_name("Trần Đại Quang");
  name->set_source("text");
  name->set_document_id("aa");
  accord::v1::EntityName* merged = entity.add_names();
  merged->set_language("fr");
  merged->set_name("Tran Dai Kouang");
  merged->set_source("text");
  merged->set_document_id("bb");
  merged->set_resolution("same person as Trần Đại Quang by shared context");
  accord::v1::EntityRole* office = entity.add_roles();
  office->set_role_id("role/president");
  office->set_role_name("President");
  office->set_of_entity_id("country/VN");
  office->set_of_entity_name("Vietnam");
  office->set_source("team:people.txt");
  office->set_start("2016-04-02");
  office->set_end("2018-09-21");
  accord::v1::EntityRole* stated = entity.add_roles();
  *stated = *office;
  stated->set_source("text");
  stated->clear_start();
  stated->clear_end();
  stated->add_document_ids("aa");
  stated->add_document_ids("bb");
  std::string out = FormatEntity(entity);
  for (const char* line :
       {"kind:       PERSON\n", "mentions:   7 in 2 documents\n",
        "first seen: 2027-01-15T08:00:00Z  aa\n",
        "last seen:  2027-01-15T08:01:00Z  bb\n",
        "  vi  Trần Đại Quang  (text, first in aa)\n",
        "  fr  Tran Dai Kouang  (text, first in bb)\n"
        "      merged: same person as Trần Đại Quang by shared context\n",
        "  President (role/president) of Vietnam (country/VN)  "
        "(team:people.txt, 2016-04-02..2018-09-21)\n",
        "  President (role/president) of Vietnam (country/VN)  (stated in "
        "aa, bb)\n",
        "documents (first 1 of 2):\n  aa\n"}) {
    EXPECT_TRUE(absl::StrContains(out, line)) << line << " in\n" << out;
  }
}

TEST(FormatDocumentTest, ShowsEachTopicWithItsScoreAndPhrases) {
  accord::v1::Document document;
  document.set_id("3c1f");
  document.set_title("Cybersécurité");
  accord::v1::TopicScore* topic = document.add_topics();
  topic->set_topic_id("topic/cybersecurity");
  topic->set_name("Cybersecurity");
  topic->set_score(3.17);
  accord::v1::TopicEvidence* evidence = topic->add_evidence();
  evidence->set_phrase("cybersécurité");
  evidence->set_count(3);
  evidence = topic->add_evidence();
  evidence->set_phrase("attaque informatique");
  evidence->set_count(1);
  const std::string out = FormatDocument(document);
  EXPECT_TRUE(absl::StrContains(
      out,
      "topic:     Cybersecurity 3.2 (cybersécurité x3, attaque informatique "
      "x1)\n"))
      << out;
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

TEST(FormatSearchTest, FacetsFollowTheHitsWithCountsLabelsAndTheRest) {
  accord::v1::SearchDocumentsResponse response = OneHit();
  accord::v1::Facet* facet = response.add_facets();
  facet->set_field(accord::v1::FACET_FIELD_COUNTRY);
  accord::v1::FacetValue* value = facet->add_values();
  value->set_value("country/VN");
  value->set_label("Vietnam");
  value->set_count(3);
  facet->set_distinct_values(4);
  facet->set_missing_count(2);
  std::string out = FormatSearch(response, MarkStyle::kPlain);
  EXPECT_TRUE(absl::StrContains(out,
                                "\nby country:\n  3  country/VN  Vietnam\n"
                                "  (4 values in all)\n  2  (none)\n"))
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

// The server's own encoding (common/rpc/status.h) read back.
TEST(BusyRetryDelayTest, OnlyABusyServerWithARetryDelayIsAskedAgain) {
  auto delay_of = [](const absl::Status& status) {
    const grpc::Status sent = rpc::ToGrpcStatus(status);
    return BusyRetryDelay(sent.error_code(), sent.error_details());
  };
  const absl::Status busy = rpc::WithRetryDelay(
      rpc::WithErrorInfo(absl::ResourceExhaustedError("busy"), "INGEST_BUSY"),
      absl::Milliseconds(1500));
  EXPECT_EQ(delay_of(busy), absl::Milliseconds(1500));
  // Too large for the server: sending it again cannot help.
  EXPECT_EQ(delay_of(rpc::WithRetryDelay(
                rpc::WithErrorInfo(absl::ResourceExhaustedError("big"),
                                   "BUNDLE_TOO_LARGE"),
                absl::Seconds(2))),
            std::nullopt);
  // Busy without a delay, or another code: not a retry either.
  EXPECT_EQ(delay_of(rpc::WithErrorInfo(absl::ResourceExhaustedError("busy"),
                                        "INGEST_BUSY")),
            std::nullopt);
  EXPECT_EQ(
      delay_of(rpc::WithRetryDelay(
          rpc::WithErrorInfo(absl::UnavailableError("busy"), "INGEST_BUSY"),
          absl::Seconds(2))),
      std::nullopt);
  EXPECT_EQ(BusyRetryDelay(8, ""), std::nullopt);
  EXPECT_EQ(BusyRetryDelay(8, "not a status"), std::nullopt);
}

}  // namespace
}  // namespace accord::ctl
