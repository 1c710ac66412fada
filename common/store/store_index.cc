// Store's search-index reads and the postings half of a bundle commit.
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/index/varint.h"
#include "common/store/internal/rocks.h"
#include "common/store/rocks_status.h"
#include "common/store/store.h"

namespace accord::store {

absl::Status Store::ReadPostings(absl::string_view term, uint32_t limit,
                                 bool with_positions,
                                 index::PostingList* out) const {
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  const std::string prefix = TermStatsKey(term);
  rocksdb::ReadOptions options;
  options.prefix_same_as_start = true;
  std::unique_ptr<rocksdb::Iterator> it(
      rocks->db->NewIterator(options, rocks->handle(Family::kPostings)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix);
       it->Next()) {
    absl::string_view key_term;
    uint32_t first_doc = 0;
    absl::string_view key(it->key().data(), it->key().size());
    if (!ParsePostingBlockKey(key, &key_term, &first_doc)) continue;  // stats
    if (first_doc >= limit) break;
    absl::Status decoded = index::DecodeBlock(
        absl::string_view(it->value().data(), it->value().size()), first_doc,
        limit, with_positions, out);
    if (!decoded.ok()) {
      return absl::DataLossError(
          absl::StrCat("postings of \"", term, "\": ", decoded.message()));
    }
  }
  return FromRocks(it->status(), absl::StrCat("read postings of ", term));
}

absl::Status Store::ReadDocAttributes(
    uint64_t from, uint64_t to, std::vector<index::DocAttributes>* out) const {
  if (from >= to) return absl::OkStatus();
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  const std::string upper = EncodeSequence(to);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions options;
  options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(
      rocks->db->NewIterator(options, rocks->handle(Family::kDocAttributes)));
  uint64_t expected = from;
  for (it->Seek(EncodeSequence(from)); it->Valid(); it->Next(), ++expected) {
    uint64_t sequence = 0;
    if (!DecodeSequence(absl::string_view(it->key().data(), it->key().size()),
                        &sequence) ||
        sequence != expected) {
      return absl::DataLossError(
          absl::StrCat("document attributes missing for sequence ", expected));
    }
    absl::StatusOr<index::DocAttributes> attributes =
        index::DecodeDocAttributes(
            absl::string_view(it->value().data(), it->value().size()));
    if (!attributes.ok()) return attributes.status();
    out->push_back(*std::move(attributes));
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "read document attributes");
  }
  if (expected != to) {
    return absl::DataLossError(
        absl::StrCat("document attributes missing for sequence ", expected));
  }
  return absl::OkStatus();
}

std::vector<absl::StatusOr<std::string>> Store::GetDocumentIds(
    const std::vector<uint64_t>& sequences) const {
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  std::vector<std::string> keys;
  keys.reserve(sequences.size());
  for (uint64_t sequence : sequences) keys.push_back(EncodeSequence(sequence));
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  rocks->db->MultiGet(rocksdb::ReadOptions(),
                      rocks->handle(Family::kDocSequence), slices.size(),
                      slices.data(), values.data(), statuses.data());
  std::vector<absl::StatusOr<std::string>> ids;
  ids.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].ok()) {
      ids.push_back(values[i].ToString());
    } else {
      ids.push_back(FromRocks(
          statuses[i], absl::StrCat("document of sequence ", sequences[i])));
    }
  }
  return ids;
}

absl::Status Store::AppendPostings(
    const Rocks& rocks, absl::string_view term,
    const std::vector<std::pair<uint32_t, const std::vector<uint32_t>*>>&
        postings,
    rocksdb::WriteBatch* batch) {
  const std::string stats_key = TermStatsKey(term);
  uint64_t documents = 0;
  std::string value;
  rocksdb::Status status =
      rocks.db->Get(rocksdb::ReadOptions(), rocks.handle(Family::kPostings),
                    stats_key, &value);
  if (status.ok()) {
    absl::string_view in(value);
    if (!index::GetVarint64(&in, &documents)) {
      return absl::DataLossError(absl::StrCat("bad stats of term ", term));
    }
  } else if (!status.IsNotFound()) {
    return FromRocks(status, absl::StrCat("read stats of ", term));
  }

  index::PostingBlockBuilder builder;
  if (documents > 0) {
    // Refill the term's last block if it has room. Commits are serialized,
    // so no other writer can change it meanwhile.
    rocksdb::ReadOptions options;
    options.prefix_same_as_start = true;
    std::unique_ptr<rocksdb::Iterator> it(
        rocks.db->NewIterator(options, rocks.handle(Family::kPostings)));
    it->SeekForPrev(PostingBlockKey(term, UINT32_MAX));
    absl::string_view key_term;
    uint32_t first_doc = 0;
    if (it->Valid() &&
        ParsePostingBlockKey(
            absl::string_view(it->key().data(), it->key().size()), &key_term,
            &first_doc) &&
        key_term == term) {
      uint32_t count = 0;
      absl::string_view block(it->value().data(), it->value().size());
      if (!index::BlockCount(block, &count).ok()) {
        return absl::DataLossError(absl::StrCat("bad block of term ", term));
      }
      if (count < index::kMaxBlockDocuments) {
        index::PostingList tail;
        absl::Status decoded =
            index::DecodeBlock(block, first_doc, UINT32_MAX, true, &tail);
        if (!decoded.ok()) return decoded;
        for (size_t i = 0; i < tail.size(); ++i) builder.AddFrom(tail, i);
      }
    } else if (!it->status().ok()) {
      return FromRocks(it->status(), absl::StrCat("read postings of ", term));
    }
  }
  for (const auto& [doc, positions] : postings) {
    if (builder.full()) {
      batch->Put(rocks.handle(Family::kPostings),
                 PostingBlockKey(term, builder.first_doc()), builder.Encode());
      builder.Clear();
    }
    builder.Add(doc, *positions);
  }
  if (builder.size() > 0) {
    batch->Put(rocks.handle(Family::kPostings),
               PostingBlockKey(term, builder.first_doc()), builder.Encode());
  }
  value.clear();
  index::PutVarint64(documents + postings.size(), &value);
  batch->Put(rocks.handle(Family::kPostings), stats_key, value);
  return absl::OkStatus();
}

}  // namespace accord::store
