// Token spans: where each indexed word of a document was written, so a
// search can mark the words it matched without analyzing the document again.
//
// BuildDocumentTerms (document_terms.h) numbers the words of a document's
// parts (title, dateline place, paragraphs) with positions that run on across
// the parts; the postings keep those positions. A document's spans map each
// position that yielded a term back to its part and its UTF-8 byte range in
// that part's text. Snippets read the positions of the query's terms in a hit
// from the postings and look their spans up here.
//
// Value layout (all integers LEB128 varints), spans in ascending position:
//   count                                   number of spans
//   count x (position delta,                from the previous span's position
//                                           (the first from 0); > 0 after the
//                                           first
//            part delta,                    from the previous span's part
//            begin delta,                   from the previous span's end when
//                                           in the same part, else from 0
//            length)                        end - begin, > 0
// and nothing after. Parts never decrease along positions. Words are
// written in order, so the deltas are small: about three bytes a word.
#ifndef ACCORD_COMMON_INDEX_TOKEN_SPANS_H_
#define ACCORD_COMMON_INDEX_TOKEN_SPANS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace accord::index {

// Parts of a document, in the order BuildDocumentTerms reads them.
inline constexpr uint32_t kTitlePart = 0;
inline constexpr uint32_t kDatelinePart = 1;
// Paragraph i of the document is part kFirstParagraphPart + i.
inline constexpr uint32_t kFirstParagraphPart = 2;

struct TokenSpan {
  uint32_t position = 0;  // the word's position in the document's postings
  uint32_t part = 0;      // kTitlePart, kDatelinePart or a paragraph's part
  uint32_t begin = 0;     // UTF-8 byte offsets [begin, end) in the part
  uint32_t end = 0;
  friend bool operator==(const TokenSpan&, const TokenSpan&) = default;
};

// REQUIRES: positions strictly ascending, parts not decreasing, and within
// a part begin < end with spans not overlapping, in order.
std::string EncodeTokenSpans(absl::Span<const TokenSpan> spans);

// The spans of `value`, in position order. DataLoss on anything
// EncodeTokenSpans cannot write.
absl::StatusOr<std::vector<TokenSpan>> DecodeTokenSpans(
    absl::string_view value);

// The spans at `positions` (ascending; positions without a span are
// skipped), decoding `value` only up to the last wanted position. DataLoss
// as DecodeTokenSpans, for the part of `value` it reads.
absl::StatusOr<std::vector<TokenSpan>> FindTokenSpans(
    absl::string_view value, absl::Span<const uint32_t> positions);

}  // namespace accord::index

#endif  // ACCORD_COMMON_INDEX_TOKEN_SPANS_H_
