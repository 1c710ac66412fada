// The plain-text normalizer: turns the decoded text of one news document
// into the structured parts of an accord.v1.Document — title, dateline,
// publication stamp, clean paragraphs, the fragments taken out of the body
// (captions, teasers, source lines, comment counters, signatures), the
// glued words it separated, and the language.
//
// It works for any language CLD2 detects; marker words, month names and
// dictionaries cover at least English, French, German, Spanish, Russian and
// Vietnamese (see marker_words.h, word_list.h; month names and publication
// stamps: common/temporal/calendar_names.h,
// ingest-service/extract/dates/publication_stamp.h).
//
// Thread-safety: a Normalizer is immutable after construction except for
// its internal, lock-protected dictionary caches; one instance is meant to
// be shared by all ingest threads.
//
//   accord::normalize::Normalizer normalizer;  // Once per process.
//   accord::v1::Document doc;
//   absl::Status status = normalizer.Normalize(text, input.metadata(), &doc);
//   if (!status.ok()) reject(REJECT_REASON_EMPTY, status);
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_NORMALIZER_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_NORMALIZER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "accord/v1/bundle.pb.h"
#include "accord/v1/document.pb.h"

namespace accord::normalize {

class WordLists;

struct NormalizerOptions {
  // -------------------------------------------------------------------
  // Parameters that affect behaviour

  // Directory of hunspell dictionaries (<lang>_<REGION>.aff / .dic). A
  // language without a dictionary there falls back to the document's own
  // vocabulary for glued-word repair.
  // Default: "/usr/share/hunspell"
  std::string dictionary_dir = "/usr/share/hunspell";

  // A first line longer than this (in code points) is never a headline.
  // Default: 200
  size_t max_title_chars = 200;

  // A first line with more words than this is never a headline.
  // Default: 30
  size_t max_title_words = 30;

  // How many leading body paragraphs are searched for the dateline (a lead
  // or a repeated heading may come before it).
  // Default: 3
  size_t dateline_search_paragraphs = 3;

  // Whether glued words are separated (and recorded as repairs).
  // Default: true
  bool repair_glued_words = true;

  // -------------------------------------------------------------------
  // Parameters that affect performance

  // Longest lowercase token, in code points, that is tried as glued words.
  // Default: 48
  size_t max_glued_word_chars = 48;

  // Dictionary answers remembered per language; the memo is cleared when
  // full.
  // Default: 1 << 20
  size_t max_cached_words_per_language = size_t{1} << 20;
};

class Normalizer {
 public:
  explicit Normalizer(NormalizerOptions options = {});
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Normalizes `text` into `*doc`.
  //
  // REQUIRES: `text` is valid NFC UTF-8 with "\n" line ends (what
  // common/parse guarantees); anything else is still handled without
  // crashing, just less well.
  //
  // Sets: language, title, title_origin, dateline, publication (only from a
  // publication stamp in the text; cleared otherwise), paragraphs (offsets
  // into the paragraphs joined with "\n\n"), removed_fragments (in line
  // order), repairs, source.url (from a source line) and source.agency
  // (from the dateline, else the signature); other source fields are kept.
  // Does not touch id, raw, ingest_time, bundle_id or sequence. Of the
  // metadata it applies language_hint (a CLD2 prior, and the answer when
  // detection is unreliable) and title_hint (the title, origin HINT; a
  // first line equal to it leaves the body); merging the other metadata
  // fields is the caller's job.
  //
  // Returns InvalidArgument when no body text remains; `*doc` is then
  // partly filled and should be dropped.
  absl::Status Normalize(std::string_view text,
                         const accord::v1::DocumentMetadata& metadata,
                         accord::v1::Document* doc) const;

  const NormalizerOptions& options() const { return options_; }
  // The hunspell dictionaries of options().dictionary_dir, opened on first
  // use. Other steps of ingest (the understanding layer) share them: each
  // language's dictionary then costs its load time and memory once.
  const WordLists& word_lists() const { return *word_lists_; }

 private:
  const NormalizerOptions options_;
  const std::unique_ptr<WordLists> word_lists_;
};

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_NORMALIZER_H_
