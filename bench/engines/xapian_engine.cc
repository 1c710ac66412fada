#include "bench/engines/xapian_engine.h"

#include <stdlib.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace accord::bench {
namespace {

// The Snowball stemmers of the corpus languages (Vietnamese has none).
const std::map<std::string, std::string>& StemmerNames() {
  static const auto* const kNames = new std::map<std::string, std::string>{
      {"en", "english"}, {"fr", "french"},  {"de", "german"},
      {"es", "spanish"}, {"ru", "russian"}, {"vi", "none"}};
  return *kNames;
}

absl::Status FromXapian(const Xapian::Error& e, absl::string_view what) {
  return absl::InternalError(
      absl::StrCat("xapian: ", what, ": ", e.get_description()));
}

class XapianEngine final : public Engine {
 public:
  XapianEngine(std::string dir, const XapianOptions& options)
      : dir_(std::move(dir)), options_(options) {
    for (const auto& [lang, stemmer] : StemmerNames()) {
      stemmers_.emplace(lang, Xapian::Stem(stemmer));
      if (stemmer != "none") query_stemmers_.emplace_back(stemmer);
    }
  }

  ~XapianEngine() override {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::string name() const override { return "xapian"; }

  absl::Status Load(const std::vector<GeneratedDoc>& docs) override {
    try {
      if (options_.flush_threshold > 0) {
        setenv("XAPIAN_FLUSH_THRESHOLD",
               std::to_string(options_.flush_threshold).c_str(), 1);
      }
      Xapian::WritableDatabase db(dir_ + "/db", Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::TermGenerator indexer;
      indexer.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
      for (const GeneratedDoc& doc : docs) {
        Xapian::Document xdoc;
        xdoc.set_data(doc.text);
        indexer.set_document(xdoc);
        auto stemmer = stemmers_.find(doc.language);
        indexer.set_stemmer(stemmer == stemmers_.end() ? Xapian::Stem()
                                                       : stemmer->second);
        indexer.index_text(doc.text);
        db.add_document(xdoc);
      }
      db.commit();
      db.close();
      db_ = std::make_unique<Xapian::Database>(dir_ + "/db");
    } catch (const Xapian::Error& e) {
      return FromXapian(e, "load");
    }
    return absl::OkStatus();
  }

  absl::StatusOr<size_t> Search(const std::string& query, size_t k) override {
    if (db_ == nullptr) return absl::FailedPreconditionError("not loaded");
    try {
      Xapian::QueryParser parser;
      parser.set_database(*db_);
      parser.set_default_op(Xapian::Query::OP_OR);
      Xapian::Query parsed =
          parser.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT |
                                        Xapian::QueryParser::FLAG_PHRASE);
      if (options_.query_stemming ==
          XapianOptions::QueryStemming::kAllLanguages) {
        parsed = Widen(parsed);
      }
      Xapian::Enquire enquire(*db_);
      enquire.set_query(parsed);
      return enquire.get_mset(0, static_cast<Xapian::doccount>(k)).size();
    } catch (const Xapian::Error& e) {
      return FromXapian(e, "search");
    }
  }

  absl::StatusOr<uint64_t> SizeBytes() override {
    uint64_t total = 0;
    std::error_code error;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(dir_, error)) {
      if (entry.is_regular_file()) total += entry.file_size();
    }
    if (error) return absl::InternalError(error.message());
    return total;
  }

 private:
  // A word outside a phrase -> OP_SYNONYM(word, Zstem_en(word), ...).
  Xapian::Query Widen(const Xapian::Query& q) {
    switch (q.get_type()) {
      case Xapian::Query::LEAF_TERM: {
        const std::string term = *q.get_terms_begin();
        std::vector<std::string> alternatives = {term};
        for (const Xapian::Stem& stem : query_stemmers_) {
          std::string stemmed = "Z" + stem(term);
          if (std::find(alternatives.begin(), alternatives.end(), stemmed) ==
              alternatives.end()) {
            alternatives.push_back(std::move(stemmed));
          }
        }
        return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(),
                             alternatives.end());
      }
      case Xapian::Query::OP_AND:
      case Xapian::Query::OP_OR:
      case Xapian::Query::OP_AND_NOT:
      case Xapian::Query::OP_AND_MAYBE:
      case Xapian::Query::OP_FILTER: {
        std::vector<Xapian::Query> children;
        for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
          children.push_back(Widen(q.get_subquery(i)));
        }
        return Xapian::Query(q.get_type(), children.begin(), children.end());
      }
      default:  // phrases and anything else stay as parsed
        return q;
    }
  }

  const std::string dir_;
  const XapianOptions options_;
  std::map<std::string, Xapian::Stem> stemmers_;
  std::vector<Xapian::Stem> query_stemmers_;
  std::unique_ptr<Xapian::Database> db_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Engine>> NewXapianEngine(
    const std::string& work_dir, const XapianOptions& options) {
  std::error_code error;
  std::filesystem::create_directories(work_dir, error);
  std::string dir = work_dir + "/xapian-XXXXXX";
  if (error || mkdtemp(dir.data()) == nullptr) {
    return absl::InternalError(absl::StrCat("cannot create ", dir));
  }
  return std::make_unique<XapianEngine>(std::move(dir), options);
}

}  // namespace accord::bench
