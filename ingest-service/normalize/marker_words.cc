#include "ingest-service/normalize/marker_words.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace accord::normalize {
namespace {

constexpr std::string_view kTeaserMarkers[] = {
    // English
    "see more",
    "read more",
    "related news",
    "related articles",
    "related stories",
    "related",
    "more news",
    "read also",
    "see also",
    "you may also like",
    "more on this topic",
    // French
    "voir plus",
    "lire aussi",
    "lire la suite",
    "à lire aussi",
    "voir aussi",
    "articles liés",
    "sur le même sujet",
    "dans la même rubrique",
    // German
    "mehr zum thema",
    "weitere artikel",
    "weitere nachrichten",
    "das könnte sie auch interessieren",
    "lesen sie auch",
    "mehr lesen",
    "verwandte artikel",
    "siehe auch",
    // Spanish
    "ver más",
    "leer más",
    "noticias relacionadas",
    "lea también",
    "lee también",
    "te puede interesar",
    "artículos relacionados",
    // Russian
    "смотрите также",
    "читайте также",
    "читать далее",
    "по теме",
    "другие новости",
    "похожие новости",
    "ещё по теме",
    "еще по теме",
    // Vietnamese
    "xem thêm",
    "tin liên quan",
    "tin cùng chuyên mục",
    "đọc thêm",
    "bài liên quan",
    "tin khác",
    // Portuguese, Italian
    "leia mais",
    "veja também",
    "leggi anche",
    "vedi anche",
};

constexpr std::string_view kSourceLabels[] = {
    "source",  "sources",  "quelle", "quellen", "nguồn", "fuente",
    "fuentes", "источник", "fonte",  "fonti",   "bron",
};

constexpr std::string_view kCommentWords[] = {
    "comment",      "comments",    "commentaire", "commentaires", "kommentar",
    "kommentare",   "comentario",  "comentarios", "комментарий",  "комментарии",
    "комментариев", "комментария", "bình luận",   "ý kiến",       "commenti",
    "commento",     "comentários", "reactions",   "réactions",
};

constexpr std::string_view kPhotoCreditWords[] = {
    "photo", "photos",  "photo credit", "crédit photo", "foto",
    "fotos", "bild",    "ảnh",          "nguồn ảnh",    "фото",
    "image", "picture", "imagen",
};

constexpr std::string_view kInlineImageWords[] = {
    "hình ảnh", "hinh anh", "ảnh",    "photo", "foto",
    "фото",     "image",    "imagen", "bild",  "picture",
};

using WordSet = absl::flat_hash_set<std::string_view>;

const absl::flat_hash_map<std::string_view, WordSet>& FunctionWords() {
  static const auto* const kTable = new absl::flat_hash_map<std::string_view,
                                                            WordSet>{
      {"en",
       {"a",    "an",   "as",   "at",   "be",   "by",   "do",   "he",   "if",
        "in",   "is",   "it",   "me",   "my",   "no",   "of",   "on",   "or",
        "so",   "to",   "up",   "us",   "we",   "and",  "are",  "but",  "for",
        "had",  "has",  "her",  "his",  "its",  "not",  "our",  "she",  "the",
        "was",  "who",  "you",  "all",  "any",  "can",  "did",  "few",  "how",
        "may",  "new",  "nor",  "now",  "off",  "one",  "out",  "own",  "per",
        "too",  "two",  "via",  "way",  "why",  "yet",  "also", "from", "into",
        "than", "that", "them", "then", "they", "this", "were", "will", "with",
        "would"}},
      {"fr",
       {"à",   "a",    "y",    "au",   "ce",   "de",   "du",   "en",   "et",
        "il",  "la",   "le",   "ne",   "ni",   "on",   "ou",   "où",   "sa",
        "se",  "si",   "son",  "ses",  "un",   "une",  "des",  "les",  "aux",
        "par", "pour", "sur",  "qui",  "que",  "dans", "est",  "ont",  "nos",
        "vos", "leur", "mais", "donc", "car",  "sous", "sans", "avec", "cet",
        "ces", "été",  "lui",  "ils",  "elle", "pas",  "plus"}},
      {"de", {"am",    "an",    "im",   "in",   "zu",   "ob",   "da",   "so",
              "es",    "er",    "du",   "wo",   "um",   "der",  "die",  "das",
              "den",   "dem",   "des",  "ein",  "und",  "mit",  "von",  "für",
              "auf",   "aus",   "bei",  "zum",  "zur",  "ist",  "sie",  "wir",
              "ihr",   "als",   "wie",  "bis",  "nach", "über", "eine", "einer",
              "einen", "eines", "dass", "oder", "aber", "auch", "sind", "wird",
              "vom",   "nur",   "noch"}},
      {"es",
       {"a",    "e",    "o",     "u",     "y",    "al",   "de",   "el",  "en",
        "la",   "lo",   "le",    "se",    "su",   "un",   "ni",   "si",  "es",
        "mi",   "tu",   "ya",    "del",   "las",  "los",  "les",  "una", "con",
        "por",  "que",  "sin",   "sus",   "son",  "fue",  "más",  "muy", "para",
        "pero", "como", "entre", "sobre", "este", "esta", "unos", "unas"}},
      {"ru",
       {"а",   "в",   "и",   "к",     "о",     "с",     "у",    "я",   "во",
        "на",  "не",  "по",  "за",    "из",    "от",    "до",   "об",  "со",
        "ко",  "но",  "да",  "же",    "бы",    "ли",    "он",   "мы",  "вы",
        "их",  "её",  "ее",  "его",   "для",   "при",   "про",  "без", "над",
        "под", "что", "как", "это",   "или",   "они",   "она",  "оно", "так",
        "уже", "все", "всё", "также", "между", "после", "через"}},
      {"vi",
       {"và",   "của", "có",  "là",   "các", "những", "cho",   "với",  "trong",
        "được", "đã",  "sẽ",  "đang", "này", "đó",    "khi",   "về",   "tại",
        "từ",   "để",  "một", "hai",  "ba",  "không", "người", "theo", "như"}},
      {"it",
       {"a",  "e",  "i",  "o",   "di",  "da",  "in",  "il",    "la",  "le",
        "lo", "un", "su", "per", "con", "che", "del", "della", "non", "una"}},
      {"pt",
       {"a",  "e",  "o",  "as",  "os",  "de",  "da",   "do",  "em",  "um",
        "no", "na", "se", "por", "que", "com", "para", "uma", "dos", "das"}},
  };
  return *kTable;
}

}  // namespace

absl::Span<const std::string_view> TeaserMarkers() { return kTeaserMarkers; }
absl::Span<const std::string_view> SourceLabels() { return kSourceLabels; }
absl::Span<const std::string_view> CommentWords() { return kCommentWords; }
absl::Span<const std::string_view> PhotoCreditWords() {
  return kPhotoCreditWords;
}
absl::Span<const std::string_view> InlineImageWords() {
  return kInlineImageWords;
}

bool IsFunctionWord(std::string_view language, std::string_view lower_word) {
  const auto& table = FunctionWords();
  auto it = table.find(language);
  return it != table.end() && it->second.contains(lower_word);
}

bool HasFunctionWords(std::string_view language) {
  return FunctionWords().contains(language);
}

}  // namespace accord::normalize
