// FindEntitiesByName over a real store: exact, prefix and fuzzy matches of
// names typed in several languages and scripts, and their order.
#include "query-service/entity_search.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::query {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

store::PendingEntity Entity(const std::string& id,
                            std::vector<std::string> alias_keys) {
  store::PendingEntity pending;
  pending.entity.set_id(id);
  pending.entity.set_kind(store::EntityKindOfId(id));
  pending.entity.set_canonical_name(id);
  pending.entity.set_mention_count(1);
  pending.alias_keys = std::move(alias_keys);
  return pending;
}

class EntitySearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<store::Store>> opened =
        store::Store::OpenPrimary(dir_.Sub("db"), store::StoreOptions());
    ASSERT_TRUE(opened.ok()) << opened.status();
    store_ = *std::move(opened);
    std::vector<store::PendingDocument> docs(1);
    docs[0].document().set_id(std::string(store::kDocumentIdLength, 'a'));
    docs[0].raw_content = "raw";
    // Alias keys as common/alias folds them.
    docs[0].entities = {
        Entity("person/putin", {"putin", "poutine", "vladimir putin", "путин"}),
        Entity("person/patrushev", {"patrushev", "nikolai patrushev"}),
        Entity("person/patel", {"patel"}),
        Entity("org/un", {"united nations", "vereinte nationen", "un",
                          "nations unies", "оон"}),
        Entity("country/VN", {"vietnam", "viet nam", "вьетнам"}),
        Entity("person/quang", {"tran dai quang", "quang"}),
    };
    accord::v1::Bundle bundle;
    bundle.set_id("bundle1");
    bundle.add_results()->set_index(0);
    ASSERT_TRUE(store_->CommitBundle(&docs, &bundle).ok());
  }

  std::vector<std::string> Find(
      const std::string& query, size_t max = 10,
      const EntitySearchOptions& options = EntitySearchOptions()) {
    absl::StatusOr<std::vector<EntityNameMatch>> found =
        FindEntitiesByName(*store_, query, max, options);
    EXPECT_TRUE(found.ok()) << found.status();
    std::vector<std::string> out;
    if (!found.ok()) return out;
    for (const EntityNameMatch& match : *found) {
      const char* how[] = {"exact", "prefix", "fuzzy"};
      out.push_back(absl::StrCat(match.entity_id, " ",
                                 how[static_cast<int>(match.match)], " ",
                                 match.alias_key, " ", match.edits));
    }
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(EntitySearchTest, AnyAliasInAnyLanguageOrScriptFindsTheEntity) {
  EXPECT_THAT(Find("Poutine"), ElementsAre("person/putin exact poutine 0"));
  EXPECT_THAT(Find("Путин"), ElementsAre("person/putin exact путин 0"));
  EXPECT_THAT(Find("Vereinte Nationen"),
              ElementsAre("org/un exact vereinte nationen 0"));
  // Case, diacritics and punctuation fold away.
  EXPECT_THAT(Find("TRẦN ĐẠI QUANG"),
              ElementsAre("person/quang exact tran dai quang 0"));
  EXPECT_THAT(Find("Nations-Unies"),
              ElementsAre("org/un exact nations unies 0"));
}

TEST_F(EntitySearchTest, AnEntityKnownOnlyInLatinIsFoundFromCyrillic) {
  // No Cyrillic alias of Patrushev is stored: "Патрушев" in Latin
  // letters is "patrusev", one edit from "patrushev".
  EXPECT_THAT(Find("Патрушев"),
              ElementsAre("person/patrushev fuzzy patrushev 1"));
}

TEST_F(EntitySearchTest, NamesTypedInPartArePrefixesBestCompletedFirst) {
  EXPECT_THAT(Find("pat"), ElementsAre("person/patel prefix patel 0",
                                       "person/patrushev prefix patrushev 0"));
  EXPECT_THAT(Find("vereinte nat"),
              ElementsAre("org/un prefix vereinte nationen 0"));
  // An entity is listed once, by its best alias: "un" itself, not
  // "united nations".
  EXPECT_THAT(Find("un"), ElementsAre("org/un exact un 0"));
}

TEST_F(EntitySearchTest, TyposWithinTheirBudgetAreFuzzyMatches) {
  EXPECT_THAT(Find("Patrushv"),
              ElementsAre("person/patrushev fuzzy patrushev 1"));
  EXPECT_THAT(Find("Poutin"), ElementsAre("person/putin prefix poutine 0"));
  EXPECT_THAT(Find("Ptuin"), ElementsAre("person/putin fuzzy putin 1"));
  EXPECT_THAT(Find("Vietnma"), ElementsAre("country/VN fuzzy vietnam 1"));
  // Two edits from 8 letters on; one is not enough below.
  EXPECT_THAT(Find("Patruchevv"),
              ElementsAre("person/patrushev fuzzy patrushev 2"));
  EXPECT_THAT(Find("Pxtxn"), IsEmpty());
  // Under 4 letters, no fuzzy match at all.
  EXPECT_THAT(Find("pui"), IsEmpty());
}

TEST_F(EntitySearchTest, AtMostMaxResultsAndBadQueriesRefused) {
  EXPECT_THAT(Find("pat", 1), ElementsAre("person/patel prefix patel 0"));
  EXPECT_TRUE(absl::IsInvalidArgument(
      FindEntitiesByName(*store_, " ,.; ", 10).status()));
}

TEST_F(EntitySearchTest, KindsFilterTheMatchesBeforeTheyAreCounted) {
  EntitySearchOptions people;
  people.kinds = {accord::v1::ENTITY_KIND_PERSON};
  EntitySearchOptions places;
  places.kinds = {accord::v1::ENTITY_KIND_COUNTRY,
                  accord::v1::ENTITY_KIND_ORGANIZATION};
  // "un" is a prefix of "united nations" and of nothing a person has.
  EXPECT_THAT(Find("un", 10, people), IsEmpty());
  EXPECT_THAT(Find("un", 10, places), ElementsAre("org/un exact un 0"));
  // One result asked for: the best person, not the best of any kind.
  EXPECT_THAT(Find("v", 1, people),
              ElementsAre("person/putin prefix vladimir putin 0"));
  EXPECT_THAT(Find("v", 10, places),
              ElementsAre("country/VN prefix vietnam 0",
                          "org/un prefix vereinte nationen 0"));
}

TEST_F(EntitySearchTest, AliasesNewerThanTheSnapshotAreLeftOut) {
  // A second document (sequence 1) gives Putin a new alias and adds an
  // entity.
  std::vector<store::PendingDocument> docs(1);
  docs[0].document().set_id(std::string(store::kDocumentIdLength, 'b'));
  docs[0].raw_content = "raw";
  docs[0].entities = {Entity("person/putin", {"putine"}),
                      Entity("person/putnam", {"putnam"})};
  accord::v1::Bundle bundle;
  bundle.set_id("bundle2");
  bundle.add_results()->set_index(0);
  ASSERT_TRUE(store_->CommitBundle(&docs, &bundle).ok());

  EXPECT_THAT(Find("putn"), ElementsAre("person/putnam prefix putnam 0",
                                        "person/putin fuzzy putin 1"));
  EXPECT_THAT(Find("putine"), ElementsAre("person/putin exact putine 0"));
  EntitySearchOptions first_document_only;
  first_document_only.before_sequence = 1;
  EXPECT_THAT(Find("putn", 10, first_document_only),
              ElementsAre("person/putin fuzzy putin 1"));
  EXPECT_THAT(Find("putine", 10, first_document_only),
              ElementsAre("person/putin fuzzy putin 1"));
}

TEST(BoundedEditsTest, CountsCodePointsAndStopsPastTheLimit) {
  EXPECT_EQ(internal::BoundedEdits("putin", "putin", 2), 0);
  EXPECT_EQ(internal::BoundedEdits("putin", "ptuin", 2), 1);   // swap
  EXPECT_EQ(internal::BoundedEdits("putin", "puttin", 2), 1);  // insert
  EXPECT_EQ(internal::BoundedEdits("путин", "пустин", 2), 1);  // Cyrillic
  EXPECT_EQ(internal::BoundedEdits("путин", "putin", 2), 3);   // past limit
  EXPECT_EQ(internal::BoundedEdits("", "abc", 5), 3);
  EXPECT_EQ(internal::BoundedEdits("kitten", "sitting", 5), 3);
}

}  // namespace
}  // namespace accord::query
