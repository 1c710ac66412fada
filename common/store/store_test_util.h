// Documents and bundles made up by the store's tests: one definition of
// each, which the test files of store_test share (they are compiled
// together in batches, ACCORD_UNITY_TESTS, where two definitions of one
// helper would clash).
#ifndef ACCORD_COMMON_STORE_STORE_TEST_UTIL_H_
#define ACCORD_COMMON_STORE_STORE_TEST_UTIL_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace accord::store {

// Writes a RocksDB in `path` with only the column families `names`
// ("default" first) and, unless `key` is empty, `key` = `value` in
// "default" (an Accord store's "schema_version", or another program's
// data).
inline void WriteRocksWith(const std::string& path,
                           const std::vector<std::string>& names,
                           const std::string& key = "",
                           const std::string& value = "") {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : names) families.emplace_back(name, options);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(options, path, families, &handles, &raw).ok());
  if (!key.empty()) {
    ASSERT_TRUE(raw->Put(rocksdb::WriteOptions(), handles[0], key, value).ok());
  }
  for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
}

// A document id made of one character repeated.
inline std::string IdOf(char c) { return std::string(kDocumentIdLength, c); }

// Commits `docs` as one bundle with this id, each document its own result.
inline absl::Status CommitDocuments(Store* store,
                                    std::vector<PendingDocument> docs,
                                    const std::string& bundle_id,
                                    absl::string_view submitter = "") {
  accord::v1::Bundle bundle;
  bundle.set_id(bundle_id);
  if (!submitter.empty()) bundle.set_submitter(std::string(submitter));
  for (size_t i = 0; i < docs.size(); ++i) bundle.add_results()->set_index(i);
  return store->CommitBundle(&docs, &bundle);
}

// Commits one bundle of `count` documents numbered from `first`, each with
// the term "common" and the raw content `raw_content(number)`; fails the
// test when the commit fails.
inline void CommitNumbered(Store& store, int first, int count,
                           absl::string_view submitter,
                           const std::function<std::string(int)>& raw_content) {
  std::vector<PendingDocument> docs(count);
  for (int d = 0; d < count; ++d) {
    docs[d].index = d;
    docs[d].document().set_id(absl::StrFormat("%032x", first + d + 1));
    docs[d].document().set_title(absl::StrCat("title ", first + d));
    docs[d].raw_content = raw_content(first + d);
    docs[d].terms.terms = {{"common", {0}}};
    docs[d].terms.length = 1;
  }
  ASSERT_TRUE(CommitDocuments(&store, std::move(docs),
                              absl::StrFormat("bundle%08d", first), submitter)
                  .ok());
}

}  // namespace accord::store

#endif  // ACCORD_COMMON_STORE_STORE_TEST_UTIL_H_
