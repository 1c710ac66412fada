#include "ingest-service/ingester.h"

#include <malloc.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/rpc/status.h"
#include "common/store/store.h"
#include "common/testing/synthetic_text.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"
#include "ingest-service/normalize/normalizer.h"

namespace accord::ingest {
namespace {

using accord::v1::Bundle;
using accord::v1::DOCUMENT_OUTCOME_CREATED;
using accord::v1::DOCUMENT_OUTCOME_REJECTED;
using accord::v1::DOCUMENT_OUTCOME_UNCHANGED;
using accord::v1::DocumentInput;

const char kEnglish[] =
    "Ministers meet on cyber norms\n\n"
    "Geneva (AP) - Ministers from twelve countries met on Tuesday to discuss "
    "the implementation of norms of responsible state behaviour in cyberspace. "
    "They agreed to hold regular consultations on information security.\n";
const char kFrench[] =
    "Les ministres se réunissent sur les normes cyber\n\n"
    "Genève (AFP) – Les ministres de douze pays se sont réunis mardi pour "
    "discuter de la mise en œuvre des normes de comportement responsable des "
    "États dans le cyberespace. Ils ont convenu de tenir des consultations "
    "régulières sur la sécurité de l’information.\n";
const char kRussian[] =
    "Министры обсудили нормы поведения в киберпространстве\n\n"
    "Женева (ТАСС) – Министры двенадцати стран встретились во вторник, чтобы "
    "обсудить выполнение норм ответственного поведения государств в "
    "киберпространстве. Они договорились проводить регулярные консультации по "
    "вопросам информационной безопасности.\n";

DocumentInput Input(const std::string& content,
                    const std::string& content_type = "text/plain",
                    const std::string& ref = "") {
  DocumentInput input;
  input.set_content(content);
  input.set_content_type(content_type);
  input.mutable_metadata()->set_client_ref(ref);
  return input;
}

class IngesterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<store::Store>> store =
        store::Store::OpenPrimary(dir_.path(), store::StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    options_.max_document_bytes = 4096;
    auto analyzer = analysis::Analyzer::Create();
    ASSERT_TRUE(analyzer.ok());
    analyzer_ = *std::move(analyzer);
    ingester_ = std::make_unique<Ingester>(store_.get(), &normalizer_,
                                           analyzer_.get(), options_);
  }

  Bundle Ingest(const std::vector<DocumentInput>& inputs,
                const std::string& request_id = "") {
    auto bundle = ingester_->NewBundle("test", "unit test", request_id);
    EXPECT_TRUE(bundle.ok()) << bundle.status();
    for (const DocumentInput& input : inputs) {
      EXPECT_TRUE((*bundle)->Add(input).ok());
    }
    absl::StatusOr<Bundle> report = (*bundle)->Commit();
    EXPECT_TRUE(report.ok()) << report.status();
    return report.value_or(Bundle());
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  normalize::Normalizer normalizer_;
  std::unique_ptr<analysis::Analyzer> analyzer_;
  IngesterOptions options_;
  std::unique_ptr<Ingester> ingester_;
};

TEST_F(IngesterTest, CreatesNormalizedDocumentsInSeveralLanguages) {
  Bundle report = Ingest({Input(kEnglish, "", "en.txt"),
                          Input(kFrench, "text/plain; charset=utf-8", "fr.txt"),
                          Input(kRussian, "text/plain", "ru.txt")});
  ASSERT_EQ(report.results_size(), 3);
  EXPECT_EQ(report.counts().created(), 3u);
  const char* languages[] = {"en", "fr", "ru"};
  const char* agencies[] = {"AP", "AFP", "ТАСС"};
  for (int i = 0; i < 3; ++i) {
    const auto& result = report.results(i);
    EXPECT_EQ(result.outcome(), DOCUMENT_OUTCOME_CREATED) << result.message();
    EXPECT_EQ(result.document_id().size(), 32u);
    absl::StatusOr<accord::v1::Document> doc =
        store_->GetDocument(result.document_id());
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->language().code(), languages[i]);
    EXPECT_EQ(doc->dateline().agency(), agencies[i]);
    EXPECT_FALSE(doc->title().empty());
    EXPECT_GE(doc->paragraphs_size(), 1);
    EXPECT_EQ(doc->bundle_id(), report.id());
    EXPECT_EQ(doc->raw().charset(), "UTF-8");
    EXPECT_EQ(doc->raw().size_bytes(), std::string(i == 0   ? kEnglish
                                                   : i == 1 ? kFrench
                                                            : kRussian)
                                           .size());
    EXPECT_EQ(doc->source().client_ref(), std::string(languages[i]) + ".txt");
  }
  EXPECT_EQ(*store_->GetRawContent(report.results(1).document_id()), kFrench);
}

TEST_F(IngesterTest, ResendingIsReportedUnchangedEvenInAnotherCharset) {
  Bundle first = Ingest({Input(kFrench)});
  ASSERT_EQ(first.results(0).outcome(), DOCUMENT_OUTCOME_CREATED);

  // The same text in windows-1252: same content, same id.
  std::string latin;
  for (char32_t c : std::u32string(U"Les ministres se réunissent")) {
    latin += static_cast<char>(c);
  }
  Bundle second = Ingest(
      {Input(kFrench), Input(latin + ".", "text/plain; charset=windows-1252"),
       Input(std::string("Les ministres se r\xC3\xA9unissent."))});
  EXPECT_EQ(second.results(0).outcome(), DOCUMENT_OUTCOME_UNCHANGED);
  EXPECT_EQ(second.results(0).document_id(), first.results(0).document_id());
  EXPECT_EQ(second.results(1).outcome(), DOCUMENT_OUTCOME_CREATED);
  EXPECT_EQ(second.results(2).outcome(), DOCUMENT_OUTCOME_UNCHANGED);
  EXPECT_EQ(second.results(2).document_id(), second.results(1).document_id());
  EXPECT_EQ(*store_->DocumentCount(), 2u);
}

TEST_F(IngesterTest, RejectsBadDocumentsWithReasonsAndKeepsTheRest) {
  DocumentInput bad_url = Input(kEnglish + std::string(" More."));
  bad_url.mutable_metadata()->set_source_url("javascript:alert(1)");
  Bundle report = Ingest({
      Input("Gr\xFC\xDF Gott aus Wien"),   // not UTF-8
      Input(""),                           // empty
      Input(std::string(5000, 'a')),       // over the 4096 limit
      Input("<p>Hallo</p>", "text/html"),  // not supported yet
      Input("text", "not a type"),         // malformed type
      bad_url,                             // bad metadata
      Input(kRussian),                     // fine
  });
  ASSERT_EQ(report.results_size(), 7);
  const accord::v1::RejectReason expected[] = {
      accord::v1::REJECT_REASON_INVALID_ENCODING,
      accord::v1::REJECT_REASON_EMPTY,
      accord::v1::REJECT_REASON_TOO_LARGE,
      accord::v1::REJECT_REASON_UNSUPPORTED_CONTENT_TYPE,
      accord::v1::REJECT_REASON_UNSUPPORTED_CONTENT_TYPE,
      accord::v1::REJECT_REASON_INVALID_METADATA};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(report.results(i).outcome(), DOCUMENT_OUTCOME_REJECTED) << i;
    EXPECT_EQ(report.results(i).reject_reason(), expected[i]) << i;
    EXPECT_FALSE(report.results(i).message().empty()) << i;
    EXPECT_TRUE(report.results(i).document_id().empty()) << i;
  }
  EXPECT_EQ(report.results(6).outcome(), DOCUMENT_OUTCOME_CREATED);
  EXPECT_EQ(report.counts().rejected(), 6u);
  EXPECT_EQ(report.counts().created(), 1u);
  // The report itself is stored.
  absl::StatusOr<Bundle> stored = ingester_->GetBundle(report.id());
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->results(2).reject_reason(),
            accord::v1::REJECT_REASON_TOO_LARGE);
}

TEST_F(IngesterTest, MetadataOverridesWhatTheTextSays) {
  DocumentInput input = Input(kEnglish);
  accord::v1::DocumentMetadata* metadata = input.mutable_metadata();
  metadata->set_source_url("https://example.org/news/1");
  metadata->set_title_hint("Official title");
  metadata->set_agency("Example Wire");
  metadata->mutable_publication_time()->set_seconds(1700000000);
  Bundle report = Ingest({input});
  absl::StatusOr<accord::v1::Document> doc =
      store_->GetDocument(report.results(0).document_id());
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->source().url(), "https://example.org/news/1");
  EXPECT_EQ(doc->source().agency(), "Example Wire");
  EXPECT_EQ(doc->title(), "Official title");
  EXPECT_EQ(doc->title_origin(), accord::v1::TITLE_ORIGIN_HINT);
  EXPECT_EQ(doc->publication().origin(),
            accord::v1::PUBLICATION_ORIGIN_METADATA);
  EXPECT_EQ(doc->publication().iso8601(), "2023-11-14T22:13:20Z");
}

TEST_F(IngesterTest, RequestIdMakesBundleResendIdempotent) {
  Bundle first = Ingest({Input(kEnglish)}, "req-1");
  Bundle again = Ingest({Input(kEnglish), Input(kFrench)}, "req-1");
  EXPECT_EQ(again.id(), first.id());
  EXPECT_EQ(again.results_size(), 1);
  EXPECT_EQ(*store_->DocumentCount(), 1u);
}

TEST_F(IngesterTest, BundleLimitsFailTheWholeCall) {
  IngesterOptions tight;
  tight.max_documents_per_bundle = 2;
  tight.max_bundle_bytes = 1 << 20;
  Ingester ingester(store_.get(), &normalizer_, analyzer_.get(), tight);
  auto bundle = ingester.NewBundle("t", "", "");
  ASSERT_TRUE(bundle.ok());
  EXPECT_TRUE((*bundle)->Add(Input(kEnglish)).ok());
  EXPECT_TRUE((*bundle)->Add(Input(kFrench)).ok());
  EXPECT_TRUE(absl::IsResourceExhausted((*bundle)->Add(Input(kRussian))));

  auto empty = ingester.NewBundle("t", "", "");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(absl::IsInvalidArgument((*empty)->Commit().status()));
  EXPECT_EQ(*store_->DocumentCount(), 0u);
}

TEST_F(IngesterTest, RejectsMalformedHeadersAndBundleIds) {
  EXPECT_TRUE(absl::IsInvalidArgument(
      ingester_->NewBundle("bad\nsubmitter", "", "").status()));
  EXPECT_TRUE(absl::IsInvalidArgument(
      ingester_->NewBundle("ok", "", std::string(300, 'r')).status()));
  EXPECT_TRUE(absl::IsInvalidArgument(ingester_->GetBundle("xyz").status()));
  EXPECT_TRUE(
      absl::IsNotFound(ingester_->GetBundle(std::string(24, '0')).status()));
}

std::vector<DocumentInput> Articles(int count) {
  std::vector<DocumentInput> inputs;
  for (int i = 0; i < count; ++i) {
    inputs.push_back(Input(absl::StrCat("Talks number ", i,
                                        "\n\nGeneva (AP) – Delegations met "
                                        "for round ",
                                        i, " of their consultations."),
                           "text/plain", absl::StrCat(i, ".txt")));
  }
  return inputs;
}

std::vector<const DocumentInput*> Pointers(
    const std::vector<DocumentInput>& inputs) {
  std::vector<const DocumentInput*> pointers;
  for (const DocumentInput& input : inputs) pointers.push_back(&input);
  return pointers;
}

// Thread id -> name of this process's threads named `name`.
std::map<std::string, std::string> ThreadsNamed(const std::string& name) {
  std::map<std::string, std::string> threads;
  for (const auto& task :
       std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream comm(task.path() / "comm");
    std::string comm_name;
    std::getline(comm, comm_name);
    if (comm_name == name) threads[task.path().filename()] = comm_name;
  }
  return threads;
}

// Per-thread caches (ICU break iterators, stemmers, lexicon memos) live as
// long as their thread: bundles must be prepared by the same threads, not
// by threads started for each call.
TEST_F(IngesterTest, BundlesArePreparedByOnePoolOfLastingThreads) {
  const std::map<std::string, std::string> pool =
      ThreadsNamed("accord-prepare");
  EXPECT_EQ(pool.size(), options_.prepare_threads);
  const std::vector<DocumentInput> inputs = Articles(8);
  for (int call = 0; call < 10; ++call) {
    auto bundle = ingester_->NewBundle("test", "", "");
    ASSERT_TRUE(bundle.ok());
    ASSERT_TRUE((*bundle)->AddAll(Pointers(inputs)).ok());
    EXPECT_EQ(ThreadsNamed("accord-prepare"), pool) << "call " << call;
  }
}

TEST_F(IngesterTest, ACallThatStopsMidwayStoresNothingAndSaysHowFarItGot) {
  const std::vector<DocumentInput> inputs = Articles(10);
  std::atomic<int> checks{0};
  // The caller goes away after three documents were started.
  CallDeadline cancelled_after_three(
      absl::InfiniteFuture(), [&checks] { return ++checks > 3; },
      /*cancel_check_interval=*/absl::ZeroDuration());
  auto bundle = ingester_->NewBundle("test", "", "");
  ASSERT_TRUE(bundle.ok());
  absl::Status added =
      (*bundle)->AddAll(Pointers(inputs), cancelled_after_three);
  EXPECT_TRUE(absl::IsCancelled(added)) << added;
  EXPECT_EQ(rpc::ErrorReasonOf(added), "CANCELLED_BEFORE_COMMIT");
  EXPECT_NE(added.message().find("with 3 of 10 done; nothing was stored"),
            absl::string_view::npos)
      << added;

  auto late = ingester_->NewBundle("test", "", "");
  ASSERT_TRUE(late.ok());
  absl::Status expired = (*late)->AddAll(
      Pointers(inputs), CallDeadline(absl::Now() - absl::Seconds(1)));
  EXPECT_TRUE(absl::IsDeadlineExceeded(expired)) << expired;
  EXPECT_EQ(*store_->DocumentCount(), 0u);
}

// The bundle memory counts what prepared documents hold: compared with
// what malloc gives out while a bundle is prepared (the documents, their
// index terms, the bundle's report).
TEST_F(IngesterTest, BundleMemoryCountsAboutWhatPreparedDocumentsHold) {
  Ingester ingester(store_.get(), &normalizer_, analyzer_.get(),
                    IngesterOptions());
  std::vector<DocumentInput> inputs;
  for (const std::string& text : testing::SyntheticArticles(600)) {
    inputs.push_back(Input(text));
  }
  size_t content = 0;
  for (const DocumentInput& input : inputs) content += input.content().size();
  {
    // The pool's threads fill their caches (break iterators, stemmers) on
    // their first documents: not the bundle's memory.
    auto warm = ingester.NewBundle("test", "", "");
    ASSERT_TRUE(warm.ok());
    ASSERT_TRUE((*warm)->AddAll(Pointers(inputs)).ok());
  }
  EXPECT_EQ(ingester.bundle_memory().in_use(), 0u);
  malloc_trim(0);
  const size_t before = mallinfo2().uordblks;
  auto bundle = ingester.NewBundle("test", "", "");
  ASSERT_TRUE(bundle.ok());
  ASSERT_TRUE((*bundle)->AddAll(Pointers(inputs)).ok());
  const auto after = mallinfo2().uordblks;
  // Under a sanitizer, malloc is the sanitizer's and glibc's counts do not
  // move (and the builds hide the sanitizer's macros: see CMakeLists.txt).
  if (after <= before) GTEST_SKIP() << "malloc is not glibc's here";
  const size_t held = after - before;
  const size_t counted = ingester.bundle_memory().in_use();
  absl::StatusOr<Bundle> stored = (*bundle)->Commit();
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->counts().created(), 600);
  RecordProperty("content_bytes", static_cast<int>(content));
  RecordProperty("held_bytes", static_cast<int>(held));
  RecordProperty("counted_bytes", static_cast<int>(counted));
  EXPECT_GT(counted, held * 7 / 10)
      << "held " << held << ", content " << content;
  EXPECT_LT(counted, held * 14 / 10)
      << "held " << held << ", content " << content;
  bundle->reset();
  EXPECT_EQ(ingester.bundle_memory().in_use(), 0u);
}

TEST_F(IngesterTest, BundlesAreRefusedWhileOthersHoldTheMemoryLimit) {
  IngesterOptions limited = options_;
  // Less than one document holds: the first lot of a bundle gets in, then
  // the limit is reached.
  limited.max_bundle_memory_bytes = 1000;
  Ingester ingester(store_.get(), &normalizer_, analyzer_.get(), limited);
  const std::vector<DocumentInput> inputs = Articles(3);

  auto first = ingester.NewBundle("test", "", "");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE((*first)->Add(inputs[0]).ok());
  const size_t held = ingester.bundle_memory().in_use();
  EXPECT_GT(held, 1000u);

  // Another bundle: busy, worth sending again soon.
  auto second = ingester.NewBundle("test", "", "");
  ASSERT_TRUE(second.ok());
  absl::Status busy = (*second)->Add(inputs[1]);
  EXPECT_TRUE(absl::IsResourceExhausted(busy)) << busy;
  EXPECT_EQ(rpc::ErrorReasonOf(busy), "INGEST_BUSY");
  EXPECT_EQ(rpc::RetryDelayOf(busy), absl::Seconds(2));
  EXPECT_NE(busy.message().find("send it again later"), absl::string_view::npos)
      << busy;
  second->reset();

  // The bundle that holds it alone: too large for this server.
  absl::Status too_large = (*first)->Add(inputs[1]);
  EXPECT_TRUE(absl::IsResourceExhausted(too_large)) << too_large;
  EXPECT_EQ(rpc::ErrorReasonOf(too_large), "BUNDLE_TOO_LARGE");
  EXPECT_EQ(rpc::RetryDelayOf(too_large), std::nullopt);
  EXPECT_EQ(ingester.bundle_memory().in_use(), held);

  // Abandoned, it gives its memory back: the next bundle is stored, and
  // once stored gives it back too.
  first->reset();
  EXPECT_EQ(ingester.bundle_memory().in_use(), 0u);
  auto third = ingester.NewBundle("test", "", "");
  ASSERT_TRUE(third.ok());
  ASSERT_TRUE((*third)->Add(inputs[2]).ok());
  absl::StatusOr<Bundle> stored = (*third)->Commit();
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->counts().created(), 1);
  third->reset();
  EXPECT_EQ(ingester.bundle_memory().in_use(), 0u);
  auto fourth = ingester.NewBundle("test", "", "");
  ASSERT_TRUE(fourth.ok());
  EXPECT_TRUE((*fourth)->Add(inputs[1]).ok());
}

}  // namespace
}  // namespace accord::ingest
