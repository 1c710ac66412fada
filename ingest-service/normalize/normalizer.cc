#include "ingest-service/normalize/normalizer.h"

#include <algorithm>
#include <vector>

#include "ingest-service/extract/dates/publication_stamp.h"
#include "ingest-service/normalize/boilerplate.h"
#include "ingest-service/normalize/dateline.h"
#include "ingest-service/normalize/glued_words.h"
#include "ingest-service/normalize/inline_image.h"
#include "ingest-service/normalize/language.h"
#include "ingest-service/normalize/lines.h"
#include "ingest-service/normalize/signature.h"
#include "ingest-service/normalize/text_util.h"
#include "ingest-service/normalize/title.h"
#include "ingest-service/normalize/word_list.h"

namespace accord::normalize {
namespace {

using accord::v1::FragmentKind;

// More trailing signatures than this ("... text.-VNA", "VNA", "/.") would
// be a list of acronyms, not a signature.
constexpr int kMaxSignatures = 4;

// The document being assembled: body lines and what left the body.
struct Draft {
  std::vector<Line> body;
  std::vector<accord::v1::RemovedFragment> fragments;
  std::vector<std::string> alt_texts;
  std::string signature_agency;

  void Remove(FragmentKind kind, std::string_view text, uint32_t line) {
    accord::v1::RemovedFragment& fragment = fragments.emplace_back();
    fragment.set_kind(kind);
    fragment.set_text(std::string(text));
    fragment.set_line(line);
  }
};

// Title: the client's hint, else a headline on the first line. Returns the
// index of the first line after the title.
size_t TakeTitle(const std::vector<Line>& lines, std::string_view hint,
                 const TitleLimits& limits, accord::v1::Document* doc,
                 Draft* draft) {
  const std::string title_hint = CollapseWhitespace(hint);
  if (!title_hint.empty()) {
    doc->set_title(title_hint);
    doc->set_title_origin(accord::v1::TITLE_ORIGIN_HINT);
    // A text that is only its headline keeps it as its body.
    if (lines.size() < 2) return 0;
    if (SameText(lines[0].text, title_hint)) return 1;
    // The hint may equal the headline with a caption glued to it.
    const auto image = FindInlineImage(lines[0].text);
    if (image.has_value() && SameText(image->before, title_hint)) {
      draft->Remove(accord::v1::FRAGMENT_KIND_CAPTION, image->caption,
                    lines[0].number);
      return 1;
    }
    return 0;
  }
  // A first line wrapped into the next is the start of a sentence.
  if (lines.size() >= 2 && !IsSoftWrap(lines[0], lines[1])) {
    if (auto title = MatchTitle(lines[0].text, limits); title.has_value()) {
      doc->set_title(title->title);
      doc->set_title_origin(accord::v1::TITLE_ORIGIN_HEADLINE);
      if (!title->caption.empty()) {
        draft->Remove(accord::v1::FRAGMENT_KIND_CAPTION, title->caption,
                      lines[0].number);
      }
      return 1;
    }
  }
  doc->set_title_origin(accord::v1::TITLE_ORIGIN_NONE);
  return 0;
}

// Sorts each line after the title into the body or a removed fragment.
void ClassifyLines(const std::vector<Line>& lines, size_t first,
                   accord::v1::Document* doc, Draft* draft) {
  bool seen_body = false;
  for (size_t i = first; i < lines.size(); ++i) {
    const Line& line = lines[i];
    // A "see more" marker after the story starts ends it: what follows are
    // teasers of other articles.
    if (seen_body && IsTeaserMarker(line.text)) {
      for (size_t j = i; j < lines.size(); ++j) {
        draft->Remove(accord::v1::FRAGMENT_KIND_TEASER, lines[j].text,
                      lines[j].number);
      }
      return;
    }
    if (auto stamp = extract::dates::ParsePublicationStamp(line.text);
        stamp.has_value()) {
      if (!doc->has_publication()) *doc->mutable_publication() = *stamp;
      draft->Remove(accord::v1::FRAGMENT_KIND_PUBLICATION_STAMP, line.text,
                    line.number);
      continue;
    }
    if (auto source = MatchSourceLine(line.text); source.has_value()) {
      if (!source->url.empty() && doc->source().url().empty()) {
        doc->mutable_source()->set_url(source->url);
      }
      draft->Remove(accord::v1::FRAGMENT_KIND_SOURCE_LINE, line.text,
                    line.number);
      continue;
    }
    if (IsCommentCounter(line.text)) {
      draft->Remove(accord::v1::FRAGMENT_KIND_COMMENT_COUNTER, line.text,
                    line.number);
      continue;
    }
    if (auto image = FindInlineImage(line.text); image.has_value()) {
      // Alt text is a heading; a full sentence before the marker is story
      // text with a caption glued to its end.
      if (EndsWithTerminalPunctuation(image->before)) {
        draft->body.push_back({image->before, line.number, line.number});
        seen_body = true;
      } else if (!image->before.empty()) {
        draft->Remove(accord::v1::FRAGMENT_KIND_IMAGE_ALT_TEXT, image->before,
                      line.number);
        draft->alt_texts.push_back(image->before);
      }
      draft->Remove(accord::v1::FRAGMENT_KIND_CAPTION, image->caption,
                    line.number);
      continue;
    }
    if (IsCaptionLine(line.text)) {
      draft->Remove(accord::v1::FRAGMENT_KIND_CAPTION, line.text, line.number);
      continue;
    }
    draft->body.push_back(line);
    seen_body = true;
  }
}

// A heading that is repeated as an inline image's alt text is page
// furniture, wherever it stands.
void RemoveAltTextCopies(Draft* draft) {
  if (draft->alt_texts.empty()) return;
  std::vector<Line> kept;
  for (Line& line : draft->body) {
    const bool copy = std::any_of(
        draft->alt_texts.begin(), draft->alt_texts.end(),
        [&](const std::string& alt) { return SameText(alt, line.text); });
    if (copy) {
      draft->Remove(accord::v1::FRAGMENT_KIND_IMAGE_ALT_TEXT, line.text,
                    line.number);
    } else {
      kept.push_back(std::move(line));
    }
  }
  draft->body = std::move(kept);
}

void TakeDateline(size_t search, accord::v1::Document* doc, Draft* draft) {
  const size_t n = std::min(search, draft->body.size());
  for (size_t i = 0; i < n; ++i) {
    Line& line = draft->body[i];
    const auto match = MatchDateline(line.text);
    if (!match.has_value()) continue;
    accord::v1::Dateline* dateline = doc->mutable_dateline();
    dateline->set_place(match->place);
    dateline->set_agency(match->agency);
    dateline->set_text(match->text);
    draft->Remove(accord::v1::FRAGMENT_KIND_DATELINE, match->text, line.number);
    line.text = line.text.substr(match->length);
    if (line.text.empty()) draft->body.erase(draft->body.begin() + i);
    return;
  }
}

void TakeSignatures(Draft* draft) {
  for (int round = 0; round < kMaxSignatures && !draft->body.empty(); ++round) {
    Line& last = draft->body.back();
    const auto match = MatchTrailingSignature(last.text);
    if (!match.has_value()) return;
    draft->Remove(accord::v1::FRAGMENT_KIND_SIGNATURE, match->text,
                  last.last_number);
    if (!match->agency.empty()) draft->signature_agency = match->agency;
    last.text =
        std::string(Trim(std::string_view(last.text).substr(0, match->start)));
    if (last.text.empty()) draft->body.pop_back();
  }
}

}  // namespace

Normalizer::Normalizer(NormalizerOptions options)
    : options_(std::move(options)),
      word_lists_(std::make_unique<WordLists>(
          options_.dictionary_dir, options_.max_cached_words_per_language)) {}

Normalizer::~Normalizer() = default;

absl::Status Normalizer::Normalize(std::string_view text,
                                   const accord::v1::DocumentMetadata& metadata,
                                   accord::v1::Document* doc) const {
  if (doc == nullptr) return absl::InvalidArgumentError("doc is null");
  doc->clear_language();
  doc->clear_title();
  doc->clear_title_origin();
  doc->clear_dateline();
  doc->clear_publication();
  doc->clear_paragraphs();
  doc->clear_removed_fragments();
  doc->clear_repairs();

  const std::vector<Line> lines = SplitLines(text);
  Draft draft;
  const TitleLimits limits{options_.max_title_chars, options_.max_title_words};
  const size_t first =
      TakeTitle(lines, metadata.title_hint(), limits, doc, &draft);
  ClassifyLines(lines, first, doc, &draft);
  draft.body = JoinSoftWraps(std::move(draft.body));
  RemoveAltTextCopies(&draft);
  TakeDateline(options_.dateline_search_paragraphs, doc, &draft);
  TakeSignatures(&draft);

  std::stable_sort(
      draft.fragments.begin(), draft.fragments.end(),
      [](const accord::v1::RemovedFragment& a,
         const accord::v1::RemovedFragment& b) { return a.line() < b.line(); });
  for (auto& fragment : draft.fragments) {
    *doc->add_removed_fragments() = std::move(fragment);
  }
  if (doc->dateline().agency().empty()) {
    if (!draft.signature_agency.empty()) {
      doc->mutable_source()->set_agency(draft.signature_agency);
    }
  } else {
    doc->mutable_source()->set_agency(doc->dateline().agency());
  }
  if (draft.body.empty()) {
    return absl::InvalidArgumentError(
        "no body text remains after normalization");
  }

  std::vector<std::string> paragraphs;
  paragraphs.reserve(draft.body.size());
  for (Line& line : draft.body) paragraphs.push_back(std::move(line.text));

  // Language before repair: repair needs it, and CLD2 copes with glue.
  size_t sample_size = doc->title().size();
  for (const std::string& paragraph : paragraphs) {
    sample_size += paragraph.size() + 1;
  }
  std::string sample;
  sample.reserve(sample_size);
  sample = doc->title();
  for (const std::string& paragraph : paragraphs) {
    sample.push_back('\n');
    sample += paragraph;
  }
  *doc->mutable_language() = DetectLanguage(sample, metadata.language_hint());

  if (options_.repair_glued_words) {
    const WordList* dictionary =
        word_lists_->ForLanguage(doc->language().code());
    std::vector<accord::v1::TextRepair> repairs;
    RepairGluedWords(doc->language().code(), dictionary,
                     {options_.max_glued_word_chars}, &paragraphs, &repairs);
    for (auto& repair : repairs) *doc->add_repairs() = std::move(repair);
  }

  uint32_t offset = 0;
  for (std::string& text_of_paragraph : paragraphs) {
    accord::v1::Paragraph* paragraph = doc->add_paragraphs();
    paragraph->set_offset(offset);
    offset += static_cast<uint32_t>(text_of_paragraph.size()) + 2;
    paragraph->set_text(std::move(text_of_paragraph));
  }
  return absl::OkStatus();
}

}  // namespace accord::normalize
