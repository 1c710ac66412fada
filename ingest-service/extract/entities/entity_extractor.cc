#include "ingest-service/extract/entities/entity_extractor.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "common/alias/name_tokens.h"
#include "common/temporal/text_fold.h"
#include "common/util/hash.h"

namespace accord::extract {
namespace {

using accord::v1::EntityMention;
using accord::v1::RoleMention;

// What a gazetteer match stands for in the text.
enum class Label {
  kNone,
  kEntity,     // a country, place, organization or treaty by name
  kAdjective,  // a country's adjective or demonym
  kPerson,     // a known person by full name
  kShort,      // a known person's short form
  kRole,
  kHonorific,
  kPortfolio,
};

struct Labeled {
  size_t begin = 0;
  size_t end = 0;
  Label label = Label::kNone;
  // The chosen entry; every alternative for kShort and kPortfolio.
  std::vector<AliasRef> refs;
};

Label LabelOf(const AliasRef& ref) {
  const EntryKind kind = ref.entry->kind;
  switch (ref.name->use) {
    case NameUse::kPortfolio:
      return Label::kPortfolio;
    case NameUse::kAdjective:
      return kind == EntryKind::kCountry ? Label::kAdjective : Label::kEntity;
    case NameUse::kShort:
      return kind == EntryKind::kPerson ? Label::kShort : Label::kEntity;
    case NameUse::kName:
      break;
  }
  switch (kind) {
    case EntryKind::kPerson:
      return Label::kPerson;
    case EntryKind::kRole:
    case EntryKind::kRank:  // chained like a role; its id says it is a rank
      return Label::kRole;
    case EntryKind::kHonorific:
      return Label::kHonorific;
    default:
      return Label::kEntity;
  }
}

// Lower is preferred when one span names several things.
int Priority(Label label) {
  switch (label) {
    case Label::kPerson:
      return 0;
    case Label::kEntity:
      return 1;
    case Label::kAdjective:
      return 2;
    case Label::kRole:
      return 3;
    case Label::kHonorific:
      return 4;
    case Label::kShort:
      return 5;
    case Label::kPortfolio:
      return 6;
    case Label::kNone:
      break;
  }
  return 7;
}

accord::v1::EntityKind ProtoKind(EntryKind kind) {
  switch (kind) {
    case EntryKind::kPerson:
      return accord::v1::ENTITY_KIND_PERSON;
    case EntryKind::kCountry:
      return accord::v1::ENTITY_KIND_COUNTRY;
    case EntryKind::kPlace:
      return accord::v1::ENTITY_KIND_PLACE;
    case EntryKind::kOrganization:
      return accord::v1::ENTITY_KIND_ORGANIZATION;
    case EntryKind::kTreaty:
      return accord::v1::ENTITY_KIND_TREATY;
    default:
      return accord::v1::ENTITY_KIND_UNSPECIFIED;
  }
}

size_t CodePoints(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Punctuation that ends a role chain or a name between two tokens.
bool GapBreaks(std::string_view gap, bool after_abbreviation) {
  for (char c : gap) {
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
        c == '\n' || c == '!' || c == '?') {
      return true;
    }
    if (c == '.' && !after_abbreviation) return true;
  }
  // A typographic apostrophe between two words elides, as "'" does
  // ("de l’ONU", "Vietnam’s"): no break. Other curly quotes and dashes
  // (multi-byte) break, and so does U+2019 beside a space (a closing
  // quote).
  if (gap == "\xe2\x80\x99") return false;
  return gap.find("\xe2\x80") != std::string_view::npos;
}

// True when `fold` is one of `words`.
template <size_t N>
bool OneOf(const std::string_view (&words)[N], std::string_view fold) {
  return std::find(std::begin(words), std::end(words), fold) != std::end(words);
}

// Prepositions and articles that link a title to what it is of, in the
// languages that write a person's name right after the title itself
// (folded): "of", "the", "for", "de", "des", "du", "la", "le", "les",
// "del", "el", "los", "las", "para", "pour"; asked in English, French and
// Spanish only. German is covered by its own rule (every noun
// capitalized); Russian and Vietnamese write lowercase words of a
// portfolio right before a name ("иностранных дел Сергей"), and folded
// Vietnamese "là" (is) would read as "la".
bool IsPrepositionOrArticle(std::string_view fold) {
  static constexpr std::string_view kWords[] = {
      "of",  "the", "for", "de",  "des", "du",   "la",  "le",
      "les", "del", "el",  "los", "las", "para", "pour"};
  return OneOf(kWords, fold);
}

// Prepositions whose object is a person other than the title's holder,
// folded, per language. The title's holder is the subject: a role chain
// that reaches a name through one ("Министр провёл переговоры с То
// Ламом", "the minister met with John Smith") does not give the role to
// that name. `ends_chain`: the ones that end a chain wherever they are
// ("with", "by"; "talks with Ambassador X" gives X the ambassador's title
// only), not only right before a name: "to", "from" also link a title to
// what it is of ("Ambassador to the United Nations").
bool IsPrepositionOfAnotherPerson(std::string_view fold,
                                  std::string_view language, bool ends_chain) {
  struct Words {
    std::string_view language;
    std::vector<std::string_view> ending, before_name;
  };
  static const auto* const kWords = new std::vector<Words>{
      {"en", {"with", "by"}, {"to", "from"}}, {"fr", {"avec", "par"}, {"a"}},
      {"de", {"mit", "durch"}, {"an"}},       {"es", {"con", "por"}, {"a"}},
      {"ru", {"с", "со"}, {"к", "ко", "от"}}, {"vi", {"voi", "boi"}, {"cho"}},
  };
  for (const Words& words : *kWords) {
    if (words.language != language) continue;
    const auto in = [&](const std::vector<std::string_view>& list) {
      return std::find(list.begin(), list.end(), fold) != list.end();
    };
    return in(words.ending) || (!ends_chain && in(words.before_name));
  }
  return false;
}

// Particles of people's names, folded: "de", "van", "von", "da", "bin"
// ...; `first`: one that may follow a capitalized word of the name,
// else one that may follow another particle ("van den", "von der", "de
// la"). German "das" and "zu" ("zu Gesprächen"), Spanish "del" and "al"
// are left out: they are articles before what follows ("del Gobierno").
bool IsNameParticle(std::string_view fold, bool first) {
  static constexpr std::string_view kFirst[] = {
      "de",  "da",    "di",    "do",  "dos", "du",  "van",
      "von", "della", "dello", "ter", "ten", "bin", "ibn"};
  static constexpr std::string_view kSecond[] = {"der", "den", "la", "le",
                                                 "los", "las", "de"};
  if (first) {
    return OneOf(kFirst, fold);
  }
  return OneOf(kSecond, fold);
}

// English capitalizes titles, bodies and portfolios: the first lowercase
// word after one of them links it to what follows ("Minister of State for
// Foreign Affairs", "Special Envoy to the Secretary-General", "Director of
// Cybercrime at INTERPOL", "President-elect", "Ambassador in charge of
// Cyber Policy"); any other ends the chain: "the minister thanked
// Ambassador Anna Berg" gives Anna Berg no minister's title. After a
// linking word, lowercase words go on ("minister of public security To
// Lam").
bool IsEnglishChainWord(std::string_view fold) {
  static constexpr std::string_view kWords[] = {
      "of",        "the",     "for",    "to",         "and", "at",
      "on",        "in",      "s",      "a",          "an",  "elect",
      "designate", "general", "charge", "responsible"};
  return OneOf(kWords, fold);
}

// Definite articles before a title after a comma ("…, le général X",
// "…, el general X", "…, the Rev. X"), folded.
bool IsArticle(std::string_view fold) {
  static constexpr std::string_view kArticles[] = {
      "the", "le", "la", "l", "les", "el", "los", "las", "der", "die", "das"};
  return OneOf(kArticles, fold);
}

// A gap that is a comma, spaces around it allowed.
bool IsComma(std::string_view gap) {
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  return gap == ",";
}

// A gap that is only an apostrophe, ASCII or typographic: an elision
// ("l'ONU", "l’Asie").
bool IsApostrophe(std::string_view gap) {
  return gap == "'" || gap == "\xe2\x80\x99";
}

// "and" in the six languages (folded): a role after it is another role of
// the same person ("Direktor ... und Sonderbeauftragter ..."), not what the
// previous role attaches to.
bool IsCoordinator(std::string_view fold) {
  return fold == "and" || fold == "und" || fold == "et" || fold == "y" ||
         fold == "e" || fold == "и" || fold == "va";
}

// Words that place a unit within an organization: "Director of
// Cybercrime at INTERPOL", "chef du service juridique auprès de l'ONU",
// "Leiter der Abteilung Recht bei der UNO", "jefe de Asuntos Jurídicos en
// la ONU", "начальник Управления при МИД", "Giám đốc Trung tâm tại ITU".
bool IsAffiliation(std::string_view fold) {
  return fold == "at" || fold == "a" || fold == "au" || fold == "aupres" ||
         fold == "bei" || fold == "beim" || fold == "en" || fold == "при" ||
         fold == "tai";
}

// The first of `roles` that is an office, not a rank: null when none is.
template <typename Roles>
RoleMention* FirstOffice(Roles& roles) {
  for (RoleMention& role : roles) {
    if (!IsRankId(role.role_id())) return &role;
  }
  return nullptr;
}

// "Delegation" in the six languages (folded; Vietnamese "đoàn"), and the
// words that say who leads one: "the Vietnamese delegation was led by",
// "la délégation vietnamienne, conduite par", "die vietnamesische
// Delegation unter Leitung von", "la delegación vietnamita, encabezada
// por", "вьетнамскую делегацию возглавлял", "Đoàn Việt Nam do ... dẫn đầu"
// (the last two words: IsLeadWord on "dau" after "dan").
bool IsDelegation(std::string_view fold) {
  // Singular only: "the Russian and Chinese delegations" are several.
  return fold == "delegation" || fold == "delegacion" || fold == "делегация" ||
         fold == "делегации" || fold == "делегацию" || fold == "делегацией" ||
         fold == "doan";
}

bool IsLeadWord(std::string_view fold, std::string_view before) {
  return fold == "led" || fold == "headed" || fold == "conduite" ||
         fold == "dirigee" || fold == "menee" || fold == "leitung" ||
         fold == "geleitet" || fold == "leitete" || fold == "angefuhrt" ||
         fold == "encabezada" || fold == "liderada" || fold == "presidida" ||
         fold == "возглавлял" || fold == "возглавляла" || fold == "возглавил" ||
         fold == "возглавила" || fold == "возглавляет" ||
         (fold == "dau" && before == "dan");
}

bool IsCapitalized(const alias::NameToken& token) {
  return token.has_letter && token.token_case != alias::TokenCase::kLower;
}

// One text being worked on.
struct Part {
  TextToExtract input;
  std::vector<alias::NameToken> tokens;
  std::vector<Labeled> labeled;
  // Index into `labeled` of the label starting at each token, or -1.
  std::vector<int> label_at;
  // Tokens already part of a mention or a chain.
  std::vector<bool> used;

  std::string_view Gap(size_t token) const {
    const size_t begin = tokens[token - 1].end;
    return input.text.substr(begin, tokens[token].begin - begin);
  }
  std::string_view Surface(size_t begin, size_t end) const {
    return input.text.substr(tokens[begin].begin,
                             tokens[end - 1].end - tokens[begin].begin);
  }
};

// A person found in the document, for short references.
struct KnownPerson {
  std::string id;
  std::string name;
  std::string last_word;  // fold
  // The words of the name as the document wrote it (folds).
  std::vector<std::string> words;
};

// True when `run` is a contiguous part of `words`, shorter than it, each
// word of it the same as its counterpart by `same_word(word, run_word)`.
template <typename SameWord>
bool IsPartOfName(const std::vector<std::string>& run,
                  const std::vector<std::string>& words, SameWord same_word) {
  if (run.empty() || run.size() >= words.size()) return false;
  for (size_t at = 0; at + run.size() <= words.size(); ++at) {
    if (std::equal(words.begin() + at, words.begin() + at + run.size(),
                   run.begin(), same_word)) {
      return true;
    }
  }
  return false;
}

// The endings Russian gives a name in its six cases, folded (й -> и):
// "Шон", "Шона", "Шону", "Шоном", "Шоне"; "Лавров", "Лавровым";
// "Кузнецова", "Кузнецовой"; "Николай", "Николая", "Николаем"; "Игорь",
// "Игоря"; "Мария", "Марии", "Марию", "Марией"; adjectival surnames
// ("Толстой", "Толстого", "Толстому").
constexpr std::string_view kRussianNameEndings[] = {
    "",   "а",  "я",  "у",  "ю",  "е",   "и",   "ы",   "ь",
    "ом", "ем", "ои", "еи", "ою", "ею",  "ым",  "им",  "ии",
    "ыи", "ая", "ую", "яя", "юю", "ого", "его", "ому", "ему"};

// How many words of `name` end as only oblique cases of a name do (-у,
// -ю, -е, -ом, -ем, -ым, -им, -ой, -ей), in its fold.
int ObliqueEndings(std::string_view name) {
  static constexpr std::string_view kOblique[] = {"у",  "ю",  "е",  "ом", "ем",
                                                  "ым", "им", "ои", "еи"};
  std::vector<alias::NameToken> tokens;
  alias::TokenizeNames(name, &tokens);
  int count = 0;
  for (const alias::NameToken& token : tokens) {
    for (std::string_view ending : kOblique) {
      if (token.fold.ends_with(ending)) {
        ++count;
        break;
      }
    }
  }
  return count;
}

// True when folds `a` and `b` are one Cyrillic name in two of its cases:
// the same stem of at least three letters, each with one of
// kRussianNameEndings (a consonant-final one with a man's endings only).
// Lossy by design: "Петров" and "Петрова" (his genitive, or a woman's
// name) are one.
bool SameRussianName(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (!alias::IsCyrillicFold(a) || !alias::IsCyrillicFold(b)) return false;
  constexpr size_t kMinStemBytes = 6;  // three Cyrillic letters
  for (std::string_view a_ending : kRussianNameEndings) {
    if (a.size() < kMinStemBytes + a_ending.size() || !a.ends_with(a_ending)) {
      continue;
    }
    const std::string_view stem = a.substr(0, a.size() - a_ending.size());
    if (!b.starts_with(stem)) continue;
    const std::string_view b_ending = b.substr(stem.size());
    // A name that ends in a consonant declines as a man's: "Петров",
    // "Петрова", "Петрову", "Петровым", "Петрове", never "Петровой" (a
    // woman's "Петрова") nor "Минь", "Николай" (other names).
    const auto masculine = [](std::string_view e) {
      return e == "а" || e == "у" || e == "ом" || e == "ем" || e == "е" ||
             e == "ым";
    };
    if ((a_ending.empty() && !b_ending.empty() && !masculine(b_ending)) ||
        (b_ending.empty() && !a_ending.empty() && !masculine(a_ending))) {
      continue;
    }
    for (std::string_view ending : kRussianNameEndings) {
      if (ending == b_ending) return true;
    }
  }
  return false;
}

class DocumentPass {
 public:
  DocumentPass(const Gazetteer& gazetteer,
               const EntityExtractorOptions& options, std::string_view language)
      : gazetteer_(gazetteer),
        options_(options),
        language_(language),
        dictionary_(options.dictionaries != nullptr
                        ? options.dictionaries->ForLanguage(language)
                        : nullptr) {}

  // Replaces *mentions' contents with the mentions of `texts`, each
  // created in place (on *mentions' arena, if any).
  void Run(const std::vector<TextToExtract>& texts,
           google::protobuf::RepeatedPtrField<EntityMention>* mentions);

 private:
  void Label(Part* part);
  void CountCountries(const Part& part);
  void FindPeople(Part* part);
  void FindShortReferences(Part* part);
  // A role attached to nothing, of a person in a sentence that says a
  // delegation named by its country or organization is led by someone
  // ("The Vietnamese delegation was led by Deputy Minister of Foreign
  // Affairs Tran Van Khoa"): attached to that country or organization.
  // Not when the sentence names two delegations, or none is led.
  void AttachByDelegation(const Part& part);
  void AddEntityMentions(Part* part);

  // A person mention over tokens [begin, end) of `part`; returns its index
  // in mentions_.
  size_t AddPerson(Part* part, size_t begin, size_t end,
                   accord::v1::Mechanism mechanism, std::string_view rule,
                   const Labeled* known);
  // Walks a role chain from token `from`: roles, what they attach to,
  // connectors. Appends the roles to *roles. Returns the token where the
  // chain stopped (a name may start there). With `ends_in_abbreviation`,
  // says whether the chain's last element is a role or honorific, whose
  // period is its abbreviation's ("Sen. Lt. Gen.", "M.") and not a
  // sentence's end.
  size_t WalkRoles(Part* part, size_t from, std::vector<RoleMention>* roles,
                   bool after_abbreviation,
                   bool* ends_in_abbreviation = nullptr);
  RoleMention MakeRole(const Part& part, const Labeled& role) const;
  // True when token `i` opens its text or follows a sentence's end.
  static bool StartsSentence(const Part& part, size_t i);
  // StartsSentence, except after the period of an abbreviated role, rank
  // or honorific ("Sen. Lt. Gen. Nguyen", "led by Dr. Meier"), which
  // WalkRoles reads through too.
  static bool StartsSentenceAfterTitles(const Part& part, size_t i);
  // True when the document's language spells token `i` in lowercase (the
  // dictionaries know the lowercase form and not only the capitalized).
  bool IsLowercaseWord(const Part& part, size_t i) const;
  void Attach(const Part& part, const Labeled& target, RoleMention* role);
  // A role whose entry is recorded as another (GazetteerEntry::
  // recorded_as_role, "Deputy Foreign Minister"): that role
  // (role/deputy-minister) of the ministry of the country it attaches to.
  // Unchanged when it attaches to no country, or the data has no such
  // ministry for it.
  void RecordAs(RoleMention* role) const;
  // `role` attaches to `entity`, named by tokens up to `target_end`: its
  // span and surface grow to cover them.
  static void SetOfEntity(const Part& part, const GazetteerEntry& entity,
                          size_t target_end, RoleMention* role);
  // A role attached to a country, then a portfolio ("ministre vietnamien
  // de la Sécurité publique"): attached instead to that country's ministry
  // of the portfolio, when the data has it; unchanged otherwise.
  void AttachToMinistryOf(const Part& part, const Labeled& portfolio,
                          RoleMention* role);
  // ", Gabriel Boric," after a role chain ("El presidente de Chile, Gabriel
  // Boric, dijo"): at `begin`, after a comma, a name of two words or more
  // (or a known person) that a comma or the sentence's end closes.
  bool NameBetweenCommas(const Part& part, size_t begin) const;
  // True when the titles (a role, rank or honorific) at token `titles`
  // follow the comma before token `after_comma`, at most two lowercase
  // words (articles) between: ", le général", ", Mme", ", Sen. Lt. Gen.".
  static bool TitlesFollowComma(const Part& part, size_t after_comma,
                                size_t titles);
  // In English and German, the organization or country a name is "of"
  // right after it ("Jens Hoffmann of the Federal Foreign Office", "Anna
  // Berg vom Auswärtigen Amt", "von der", "aus"); null when none follows
  // at token `at`.
  const Labeled* BodyAfterName(const Part& part, size_t at) const;
  // True when a role follows token `at` after a comma (", Direktor der
  // ..."): an apposition of the name that ends there.
  static bool RoleInApposition(const Part& part, size_t at);
  // From a capitalized token after a role's "of": a unit no data names (up
  // to four capitalized words), an affiliation word ("at", "auprès de",
  // "bei"), an article or two, then an organization or country. Returns
  // where that organization begins, or `from` when the words are not so.
  size_t UnitThenOrganization(const Part& part, size_t from,
                              size_t limit) const;
  // A capitalized one-letter token: an initial ("V." of "V. Putin").
  static bool IsInitial(const Part& part, size_t t);
  // True when the name run [begin, end) goes on after token end - 1's
  // period: an initial glued to the next word, or one of initials only.
  static bool InitialGoesOn(const Part& part, size_t begin, size_t end);
  // True when tokens [begin, end) are all initials.
  static bool AreInitials(const Part& part, size_t begin, size_t end);
  // The end of the capitalized name run starting at `begin`; an initial's
  // period does not end it.
  size_t NameEnd(const Part& part, size_t begin) const;
  // True when word `written` (a fold) is `known`, a word of a person's
  // name, in this document: the same, or in Russian the same name in
  // another case ("Шона" for "Шон", "Кузнецовой" for "Кузнецова").
  bool SameNameWord(std::string_view known, std::string_view written) const {
    return known == written ||
           (language_ == "ru" && SameRussianName(known, written));
  }
  // The person whose name ends in `fold` (its canonical last word or its
  // last word as the document wrote it): by the same word first, then, in
  // Russian, by the same name in another case, which must name one
  // person ("Петров" is Иван Петров beside Анна Петрова; "Петрову"
  // beside both is neither). With `unique`, null when the same word names
  // two people too; otherwise the last of them.
  const KnownPerson* PersonByLastWord(std::string_view fold, bool unique) const;
  // Russian writes a name in the case of its place in the sentence, and
  // the first one read may be any ("встретился с Буй Тхань Шоном"): each
  // person found by name alone takes the shortest of the forms the
  // document writes in full ("Буй Тхань Шон"), the nearest to the
  // nominative, as its name and id, so that documents that wrote the name
  // in other cases name one entity.
  void NameByShortestForm();
  accord::v1::TextSpan Span(const Part& part, size_t begin, size_t end) const;

  const Gazetteer& gazetteer_;
  const EntityExtractorOptions& options_;
  std::string_view language_;
  // The language's spelling dictionary; null when there is none.
  const normalize::WordList* const dictionary_;
  // Run's output.
  google::protobuf::RepeatedPtrField<EntityMention>* mentions_ = nullptr;
  std::vector<KnownPerson> people_;
  absl::flat_hash_map<std::string, int> country_mentions_;
};

void DocumentPass::Label(Part* part) {
  std::vector<GazetteerMatch> matches =
      gazetteer_.Find(part->input.text, part->tokens, language_);
  part->label_at.assign(part->tokens.size(), -1);
  part->used.assign(part->tokens.size(), false);
  for (GazetteerMatch& match : matches) {
    Labeled labeled;
    labeled.begin = match.begin;
    labeled.end = match.end;
    int best = 8;
    for (const AliasRef& ref : match.alternatives) {
      const extract::Label label = LabelOf(ref);
      const int priority = Priority(label);
      if (priority < best) {
        best = priority;
        labeled.label = label;
        labeled.refs.clear();
      }
      if (priority == best) {
        // Several entries under one name: keep each once.
        bool seen = false;
        for (const AliasRef& r : labeled.refs) seen |= r.entry == ref.entry;
        if (!seen) labeled.refs.push_back(ref);
      }
    }
    part->label_at[labeled.begin] = static_cast<int>(part->labeled.size());
    part->labeled.push_back(std::move(labeled));
  }
}

void DocumentPass::CountCountries(const Part& part) {
  for (const Labeled& l : part.labeled) {
    if ((l.label == Label::kEntity || l.label == Label::kAdjective) &&
        l.refs[0].entry->kind == EntryKind::kCountry) {
      ++country_mentions_[l.refs[0].entry->id];
    }
  }
}

accord::v1::TextSpan DocumentPass::Span(const Part& part, size_t begin,
                                        size_t end) const {
  accord::v1::TextSpan span;
  span.set_part(part.input.part);
  span.set_begin(part.tokens[begin].begin);
  span.set_end(part.tokens[end - 1].end);
  return span;
}

RoleMention DocumentPass::MakeRole(const Part& part,
                                   const Labeled& role) const {
  RoleMention out;
  const GazetteerEntry& entry = *role.refs[0].entry;
  out.set_role_id(entry.id);
  out.set_role_name(entry.canonical_name);
  out.set_surface(std::string(part.Surface(role.begin, role.end)));
  *out.mutable_span() = Span(part, role.begin, role.end);
  accord::v1::Derivation* d = out.mutable_derivation();
  d->set_mechanism(accord::v1::MECHANISM_ROLE_PATTERN);
  d->set_rule(entry.id);
  d->set_source(role.refs[0].name->source);
  return out;
}

void DocumentPass::Attach(const Part& part, const Labeled& target,
                          RoleMention* role) {
  const GazetteerEntry* entity = target.refs[0].entry;
  std::string how;
  if (target.label == Label::kPortfolio) {
    // A portfolio names a ministry of some country: the one whose country
    // the document mentions most (data order breaks ties).
    int best = -1;
    for (const AliasRef& ref : target.refs) {
      auto it =
          country_mentions_.find(absl::StrCat("country/", ref.entry->country));
      const int count = it == country_mentions_.end() ? 0 : it->second;
      if (count > best) {
        best = count;
        entity = ref.entry;
      }
    }
    how = absl::StrCat("portfolio '",
                       std::string(part.Surface(target.begin, target.end)),
                       "' of the country the document names most");
  } else if (target.label == Label::kAdjective) {
    how =
        absl::StrCat("adjective '",
                     std::string(part.Surface(target.begin, target.end)), "'");
  }
  if (entity->kind == EntryKind::kPerson || entity->kind == EntryKind::kRole ||
      entity->kind == EntryKind::kRank ||
      entity->kind == EntryKind::kHonorific) {
    return;
  }
  SetOfEntity(part, *entity, target.end, role);
  if (!how.empty()) {
    role->mutable_derivation()->set_detail(absl::StrCat("attached by ", how));
  }
}

void DocumentPass::SetOfEntity(const Part& part, const GazetteerEntry& entity,
                               size_t target_end, RoleMention* role) {
  role->set_of_entity_id(entity.id);
  role->set_of_entity_name(entity.canonical_name);
  // The role's span grows to cover what it attaches to.
  role->mutable_span()->set_end(
      std::max(role->span().end(), part.tokens[target_end - 1].end));
  role->set_surface(std::string(part.input.text.substr(
      role->span().begin(), role->span().end() - role->span().begin())));
}

void DocumentPass::AttachToMinistryOf(const Part& part,
                                      const Labeled& portfolio,
                                      RoleMention* role) {
  absl::string_view country = role->of_entity_id();
  if (!absl::ConsumePrefix(&country, "country/")) return;
  for (const AliasRef& ref : portfolio.refs) {
    if (ref.entry->country != country) continue;
    const std::string named = role->of_entity_name();
    SetOfEntity(part, *ref.entry, portfolio.end, role);
    accord::v1::Derivation* d = role->mutable_derivation();
    d->set_detail(absl::StrCat(
        d->detail(), d->detail().empty() ? "" : "; ", "attached by portfolio '",
        std::string(part.Surface(portfolio.begin, portfolio.end)), "' of ",
        named));
    return;
  }
}

void DocumentPass::RecordAs(RoleMention* role) const {
  const GazetteerEntry* entry = gazetteer_.FindEntry(role->role_id());
  if (entry == nullptr || entry->recorded_as_role.empty()) return;
  // Only with the country stated: which country's ministry is not guessed.
  absl::string_view country = role->of_entity_id();
  if (!absl::ConsumePrefix(&country, "country/")) return;
  const GazetteerEntry* ministry = nullptr;
  for (const GazetteerEntry* candidate :
       gazetteer_.Ministries(entry->recorded_in_portfolio)) {
    if (candidate->country == country) {
      ministry = candidate;
      break;
    }
  }
  if (ministry == nullptr) return;
  const GazetteerEntry* as = gazetteer_.FindEntry(entry->recorded_as_role);
  role->set_role_id(as->id);
  role->set_role_name(as->canonical_name);
  role->set_of_entity_id(ministry->id);
  role->set_of_entity_name(ministry->canonical_name);
  accord::v1::Derivation* d = role->mutable_derivation();
  d->set_detail(absl::StrCat(
      d->detail(), d->detail().empty() ? "" : "; ", entry->canonical_name,
      " recorded as ", as->canonical_name, " of ", ministry->canonical_name));
}

bool DocumentPass::StartsSentence(const Part& part, size_t i) {
  if (i == 0) return true;
  for (char c : part.Gap(i)) {
    if (c == '.' || c == '!' || c == '?' || c == '\n') return true;
  }
  return false;
}

bool DocumentPass::StartsSentenceAfterTitles(const Part& part, size_t i) {
  if (i == 0) return true;
  if (!StartsSentence(part, i)) return false;
  for (char c : part.Gap(i)) {
    if (c == '!' || c == '?' || c == '\n') return true;
  }
  // The label token i - 1 is part of: the nearest one starting before i
  // (a title is a few words; looking further would only find labels that
  // end before i).
  constexpr size_t kMaxTitleWords = 8;
  size_t start = i;
  while (start > 0 && i - start < kMaxTitleWords &&
         part.label_at[start - 1] < 0) {
    --start;
  }
  if (start == 0 || part.label_at[start - 1] < 0) return true;
  const Labeled& title =
      part.labeled[static_cast<size_t>(part.label_at[start - 1])];
  if (title.end < i ||
      (title.label != Label::kRole && title.label != Label::kHonorific)) {
    return true;
  }
  // Inside one title ("Lt." of "Lt. Gen."), or after its last word when
  // that is short enough to be an abbreviation, as WalkRoles decides.
  return title.end == i && CodePoints(part.tokens[i - 1].fold) > 4;
}

bool DocumentPass::IsLowercaseWord(const Part& part, size_t i) const {
  if (dictionary_ == nullptr) return false;
  return dictionary_->Contains(temporal::Lower(part.Surface(i, i + 1)));
}

size_t DocumentPass::WalkRoles(Part* part, size_t from,
                               std::vector<RoleMention>* roles,
                               bool after_abbreviation,
                               bool* ends_in_abbreviation) {
  size_t i = from;
  size_t connectors = 0;
  const size_t limit =
      std::min(part->tokens.size(), from + options_.max_chain_words);
  bool abbreviation = after_abbreviation;
  bool unused;
  if (ends_in_abbreviation == nullptr) ends_in_abbreviation = &unused;
  // Set at every return below.
  *ends_in_abbreviation = false;
  while (i < limit) {
    if (i > from && GapBreaks(part->Gap(i), abbreviation)) break;
    const int at = part->label_at[i];
    if (at >= 0) {
      const Labeled& l = part->labeled[static_cast<size_t>(at)];
      if (l.label == Label::kRole || l.label == Label::kHonorific) {
        // A role after a connector is what the previous role attaches to
        // ("Sonderbeauftragter des Präsidenten der Russischen Föderation",
        // "envoy of the President"), not another role of the person.
        const bool attached = connectors > 0 && !roles->empty();
        if (l.label == Label::kRole && !attached) {
          roles->push_back(MakeRole(*part, l));
        }
        for (size_t t = l.begin; t < l.end; ++t) part->used[t] = true;
        i = l.end;
        abbreviation = true;
        // "Gen.", "Dr.", "M." are abbreviations; "l'ambassadeur." ends
        // a sentence.
        *ends_in_abbreviation = CodePoints(part->tokens[l.end - 1].fold) <= 4;
        connectors = 0;
        continue;
      }
      if (l.label == Label::kEntity || l.label == Label::kAdjective ||
          l.label == Label::kPortfolio) {
        if (!roles->empty() && roles->back().of_entity_id().empty()) {
          Attach(*part, l, &roles->back());
        } else if (!roles->empty() && l.label == Label::kPortfolio) {
          // "ministre vietnamien de la Sécurité publique": the ministry of
          // that portfolio in the country the role already names.
          AttachToMinistryOf(*part, l, &roles->back());
        }
        if (l.label == Label::kPortfolio) {
          for (size_t t = l.begin; t < l.end; ++t) part->used[t] = true;
        }
        i = l.end;
        abbreviation = false;
        *ends_in_abbreviation = false;
        connectors = 0;
        continue;
      }
      return i;  // a known person: the name
    }
    const alias::NameToken& token = part->tokens[i];
    if (IsCapitalized(token)) {
      // "Director of Cybercrime at INTERPOL": a unit the data does not
      // know, then the organization it belongs to, which the role attaches
      // to at the next step.
      const size_t organization = connectors > 0 && !roles->empty() &&
                                          roles->back().of_entity_id().empty()
                                      ? UnitThenOrganization(*part, i, limit)
                                      : i;
      if (organization == i) return i;
      for (size_t t = i; t < organization; ++t) part->used[t] = true;
      i = organization;
      *ends_in_abbreviation = false;
      connectors = 0;
      continue;
    }
    if (!token.has_letter || ++connectors > 3 ||
        IsPrepositionOfAnotherPerson(token.fold, language_, true) ||
        (language_ == "en" && connectors == 1 &&
         !IsEnglishChainWord(token.fold))) {
      break;
    }
    if (IsCoordinator(token.fold)) connectors = 0;
    abbreviation = false;
    *ends_in_abbreviation = false;
    ++i;
  }
  return limit == part->tokens.size() && i >= limit ? i : std::min(i, limit);
}

const Labeled* DocumentPass::BodyAfterName(const Part& part, size_t at) const {
  static constexpr std::string_view kOf[] = {"of", "from"};
  static constexpr std::string_view kVon[] = {"vom", "von", "aus", "beim"};
  static constexpr std::string_view kArticles[] = {"the", "der", "dem", "den"};
  const bool english = language_ == "en";
  if ((!english && language_ != "de") || at >= part.tokens.size() ||
      part.label_at[at] >= 0 || GapBreaks(part.Gap(at), false) ||
      !(english ? OneOf(kOf, part.tokens[at].fold)
                : OneOf(kVon, part.tokens[at].fold))) {
    return nullptr;
  }
  size_t t = at + 1;
  if (t < part.tokens.size() && part.label_at[t] < 0 &&
      !GapBreaks(part.Gap(t), false) && OneOf(kArticles, part.tokens[t].fold)) {
    ++t;
  }
  if (t >= part.tokens.size() || part.label_at[t] < 0 ||
      GapBreaks(part.Gap(t), false)) {
    return nullptr;
  }
  const Labeled& body = part.labeled[static_cast<size_t>(part.label_at[t])];
  if (body.label != Label::kEntity || body.begin != t) return nullptr;
  const EntryKind kind = body.refs[0].entry->kind;
  return kind == EntryKind::kOrganization || kind == EntryKind::kCountry
             ? &body
             : nullptr;
}

bool DocumentPass::RoleInApposition(const Part& part, size_t at) {
  if (at >= part.tokens.size() || part.label_at[at] < 0 ||
      part.Gap(at).find(',') == std::string_view::npos ||
      part.Gap(at).size() > 3) {
    return false;
  }
  return part.labeled[static_cast<size_t>(part.label_at[at])].label ==
         Label::kRole;
}

bool DocumentPass::TitlesFollowComma(const Part& part, size_t after_comma,
                                     size_t titles) {
  // At most two articles between ("le", "la", "el", "the", "der"); any
  // other word ("said Ambassador X", "a indiqué le général X") makes the
  // name after it the subject of another clause.
  if (titles < after_comma || titles - after_comma > 2) return false;
  for (size_t t = after_comma; t < titles; ++t) {
    if (part.label_at[t] >= 0 || !IsArticle(part.tokens[t].fold) ||
        (t > after_comma && GapBreaks(part.Gap(t), false))) {
      return false;
    }
  }
  return titles == after_comma || !GapBreaks(part.Gap(titles), false);
}

bool DocumentPass::NameBetweenCommas(const Part& part, size_t begin) const {
  std::string_view gap = part.Gap(begin);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  if (gap != ",") return false;
  size_t end = begin;
  const int at = part.label_at[begin];
  if (at >= 0) {
    const Labeled& l = part.labeled[static_cast<size_t>(at)];
    if (l.label != Label::kPerson) return false;
    end = l.end;
  } else {
    end = NameEnd(part, begin);
    if (end - begin < 2) return false;
  }
  return end == part.tokens.size() || GapBreaks(part.Gap(end), false);
}

size_t DocumentPass::UnitThenOrganization(const Part& part, size_t from,
                                          size_t limit) const {
  constexpr size_t kMaxUnitWords = 4;
  size_t i = from;
  while (i < limit && i - from < kMaxUnitWords && part.label_at[i] < 0 &&
         IsCapitalized(part.tokens[i]) &&
         (i == from || !GapBreaks(part.Gap(i), false))) {
    ++i;
  }
  if (i == from || i >= limit || part.label_at[i] >= 0 ||
      GapBreaks(part.Gap(i), false) || !IsAffiliation(part.tokens[i].fold)) {
    return from;
  }
  ++i;
  // An article or two: "the", "de la", "der", "l'".
  for (int k = 0;
       k < 2 && i < limit && part.label_at[i] < 0 &&
       !IsCapitalized(part.tokens[i]) && !GapBreaks(part.Gap(i), false);
       ++k) {
    ++i;
  }
  if (i >= limit || part.label_at[i] < 0 || GapBreaks(part.Gap(i), false)) {
    return from;
  }
  const Labeled& l = part.labeled[static_cast<size_t>(part.label_at[i])];
  const EntryKind kind = l.refs[0].entry->kind;
  if (l.label != Label::kEntity ||
      (kind != EntryKind::kOrganization && kind != EntryKind::kCountry)) {
    return from;
  }
  return i;
}

bool DocumentPass::IsInitial(const Part& part, size_t t) {
  return IsCapitalized(part.tokens[t]) && CodePoints(part.tokens[t].fold) == 1;
}

bool DocumentPass::InitialGoesOn(const Part& part, size_t begin, size_t end) {
  // An initial's period does not end the name when the next word is glued
  // to it ("С.В.Лавров", "Иванов А.Б.") or when only initials came before
  // ("J. R. Holloway"); "Иванов А. Стороны ..." ends at the period.
  if (!IsInitial(part, end - 1)) return false;
  return part.Gap(end).find(' ') == std::string_view::npos ||
         AreInitials(part, begin, end);
}

bool DocumentPass::AreInitials(const Part& part, size_t begin, size_t end) {
  for (size_t t = begin; t < end; ++t) {
    if (!IsInitial(part, t)) return false;
  }
  return true;
}

size_t DocumentPass::NameEnd(const Part& part, size_t begin) const {
  // A short form of a known person inside a longer run is a word of this
  // name ("Tran Quang Vinh" where "Quang" is Tran Dai Quang's), not a
  // reference.
  const auto free_or_short = [&](size_t t) {
    const int at = part.label_at[t];
    return at < 0 ||
           (t > begin &&
            part.labeled[static_cast<size_t>(at)].label == Label::kShort);
  };
  const auto joins = [&](size_t t) {
    return !GapBreaks(part.Gap(t), InitialGoesOn(part, begin, t)) &&
           part.Gap(t).size() <= 2;
  };
  size_t end = begin;
  while (end < part.tokens.size() && end - begin < options_.max_name_words &&
         free_or_short(end) && (end == begin || joins(end))) {
    if (IsCapitalized(part.tokens[end])) {
      ++end;
      continue;
    }
    // A particle after a given name ("Frans van den Berg", "Hans von
    // Geyr", "Pedro da Silva"): one or two, then a word the gazetteer does
    // not know. Only after one word, which the dictionary does not spell
    // in lowercase ("Banco de Santander"): after a full name it begins
    // what follows ("Hans Müller von Siemens", "Jens Hoffmann zu
    // Gesprächen"). In the languages whose names have such particles
    // (Vietnamese folds "đã", "do" to particles' letters).
    if (end != begin + 1 ||
        (language_ != "en" && language_ != "fr" && language_ != "de" &&
         language_ != "es") ||
        !IsNameParticle(part.tokens[end].fold, true) ||
        IsLowercaseWord(part, begin)) {
      break;
    }
    size_t next = end + 1;
    if (next < part.tokens.size() && part.label_at[next] < 0 && joins(next) &&
        IsNameParticle(part.tokens[next].fold, false)) {
      ++next;
    }
    if (next >= part.tokens.size() || part.label_at[next] >= 0 ||
        !joins(next) || !IsCapitalized(part.tokens[next]) ||
        next + 1 - begin > options_.max_name_words) {
      break;
    }
    end = next + 1;
  }
  return end;
}

size_t DocumentPass::AddPerson(Part* part, size_t begin, size_t end,
                               accord::v1::Mechanism mechanism,
                               std::string_view rule, const Labeled* known) {
  EntityMention& mention = *mentions_->Add();
  *mention.mutable_span() = Span(*part, begin, end);
  const std::string surface(part->Surface(begin, end));
  mention.set_surface(surface);
  mention.set_kind(accord::v1::ENTITY_KIND_PERSON);
  accord::v1::Derivation* d = mention.mutable_derivation();
  d->set_mechanism(mechanism);
  d->set_rule(std::string(rule));
  std::string last_word = part->tokens[end - 1].fold;
  if (known != nullptr) {
    const GazetteerEntry& entry = *known->refs[0].entry;
    mention.set_entity_id(entry.id);
    mention.set_canonical_name(entry.canonical_name);
    d->set_source(known->refs[0].name->source);
    alias::NameToken last;
    std::vector<alias::NameToken> name_tokens;
    alias::TokenizeNames(entry.canonical_name, &name_tokens);
    if (!name_tokens.empty()) last_word = name_tokens.back().fold;
  } else {
    // A one-word name may be a short reference to someone named in full.
    const KnownPerson* referent = nullptr;
    if (end - begin == 1) {
      referent = PersonByLastWord(part->tokens[begin].fold, false);
    }
    // So may any part of one person's full name after a title or an
    // honorific: a given name ("M. Vilay" for Vilay Sisavath, "Mme Lan
    // Anh" for Nguyen Thi Lan Anh), a surname written first ("Mr.
    // Nakamura" for Nakamura Kenji), a double surname ("Bogdan-Martin").
    if (referent == nullptr) {
      std::vector<std::string> run;
      for (size_t t = begin; t < end; ++t) run.push_back(part->tokens[t].fold);
      // The same words first, then (Russian) in another case.
      for (const bool exact : {true, false}) {
        if (!exact && language_ != "ru") break;
        int matches = 0;
        for (const KnownPerson& p : people_) {
          if (IsPartOfName(run, p.words,
                           [&](std::string_view known, std::string_view word) {
                             return exact ? known == word
                                          : SameNameWord(known, word);
                           })) {
            referent = &p;
            ++matches;
          }
        }
        if (matches != 1) referent = nullptr;
        if (matches > 0) break;
      }
    }
    // The whole name again in another case ("Буй Тхань Шоном" after "Буй
    // Тхань Шон").
    const KnownPerson* declined = nullptr;
    if (referent == nullptr && end - begin > 1) {
      for (const KnownPerson& p : people_) {
        if (p.words.size() != end - begin) continue;
        bool same = true;
        bool equal = true;
        for (size_t k = 0; k < p.words.size() && same; ++k) {
          const std::string& word = part->tokens[begin + k].fold;
          same = SameNameWord(p.words[k], word);
          equal = equal && p.words[k] == word;
        }
        if (same && !equal) declined = &p;
      }
    }
    if (referent != nullptr) {
      mention.set_entity_id(referent->id);
      mention.set_canonical_name(referent->name);
      mention.set_resolution(
          absl::StrCat("short reference to '", referent->name, "'"));
    } else if (declined != nullptr) {
      mention.set_entity_id(declined->id);
      mention.set_canonical_name(declined->name);
      mention.set_resolution(
          absl::StrCat("the name '", declined->name, "' in another case"));
      d->set_source("text");
    } else {
      mention.set_entity_id(EntityExtractor::UnknownPersonId(surface));
      mention.set_canonical_name(surface);
      d->set_source("text");
    }
  }
  for (size_t t = begin; t < end; ++t) part->used[t] = true;
  if (end - begin > 1 || known != nullptr) {
    bool seen = false;
    for (const KnownPerson& p : people_) seen |= p.id == mention.entity_id();
    if (!seen) {
      std::vector<std::string> words;
      for (size_t t = begin; t < end; ++t) {
        words.push_back(part->tokens[t].fold);
      }
      people_.push_back({mention.entity_id(), mention.canonical_name(),
                         std::move(last_word), std::move(words)});
    }
  }
  return static_cast<size_t>(mentions_->size() - 1);
}

void DocumentPass::FindPeople(Part* part) {
  const size_t n = part->tokens.size();
  // The roles of a chain that a comma ended before any name, and the
  // token after that comma: "Le vice-ministre de la Sécurité publique, le
  // général Nguyen Duc Long, a souligné" gives them to the person the
  // titles after the comma name (TitlesFollowComma).
  std::vector<RoleMention> before_comma;
  size_t after_comma = n;
  for (size_t i = 0; i < n; ++i) {
    if (part->used[i]) continue;
    const int at = part->label_at[i];
    std::vector<RoleMention> roles;
    // Set when this chain's titles follow the comma that ended
    // before_comma's chain.
    bool after_roles_and_comma = false;
    size_t name_begin = n;
    accord::v1::Mechanism mechanism = accord::v1::MECHANISM_GAZETTEER;
    std::string rule;
    const Labeled* known = nullptr;
    AliasRef short_choice;
    if (at >= 0) {
      const Labeled& l = part->labeled[static_cast<size_t>(at)];
      if (l.label == Label::kRole || l.label == Label::kHonorific) {
        // "Russian President ...": an adjective or country just before.
        std::optional<size_t> before;
        if (l.begin > 0 && !GapBreaks(part->Gap(l.begin), false)) {
          for (const Labeled& prev : part->labeled) {
            if (prev.end == l.begin &&
                (prev.label == Label::kAdjective ||
                 (prev.label == Label::kEntity &&
                  prev.refs[0].entry->kind == EntryKind::kCountry))) {
              before = static_cast<size_t>(&prev - part->labeled.data());
            }
          }
        }
        mechanism = l.label == Label::kRole ? accord::v1::MECHANISM_ROLE_PATTERN
                                            : accord::v1::MECHANISM_HONORIFIC;
        rule = l.refs[0].entry->id;
        bool ends_in_abbreviation = false;
        const size_t stop =
            WalkRoles(part, i, &roles, false, &ends_in_abbreviation);
        // The country before the titles goes to the first office among
        // them ("Vietnamese Sen. Lt. Gen. ... Deputy Minister"), to the
        // rank when there is none ("a Russian colonel general").
        RoleMention* described = FirstOffice(roles);
        if (described == nullptr && !roles.empty()) described = &roles.front();
        if (before && described != nullptr &&
            described->of_entity_id().empty()) {
          Attach(*part, part->labeled[*before], described);
        }
        // "... l'ambassadeur du Vietnam. Selon Kourbatov": a period after
        // what a role attaches to ends the sentence, and no name follows;
        // after a rank, an honorific or a one-letter token ("U.S.") it is
        // an abbreviation's.
        if (stop > 0 && part->tokens[stop - 1].fold.size() == 1) {
          ends_in_abbreviation = true;
        }
        const bool breaks = stop > 0 && stop < n &&
                            GapBreaks(part->Gap(stop), ends_in_abbreviation);
        if (stop >= n || part->used[stop] ||
            (breaks && (roles.empty() || !NameBetweenCommas(*part, stop)))) {
          if (breaks && !roles.empty() && IsComma(part->Gap(stop))) {
            before_comma = std::move(roles);
            after_comma = stop;
          }
          continue;
        }
        after_roles_and_comma =
            !before_comma.empty() && TitlesFollowComma(*part, after_comma, i);
        // No name takes an elided article: after "l’", "d’" the chain
        // reached a place or body the data does not know ("représentant de
        // l’ONUDC pour l’Asie du Sud-Est"), not a person.
        if (stop > i && part->label_at[stop - 1] < 0 &&
            !IsCapitalized(part->tokens[stop - 1]) &&
            IsApostrophe(part->Gap(stop))) {
          continue;
        }
        const int name_at = part->label_at[stop];
        // Nor a preposition or article: after "ministro de", "ministre
        // des", "Director of" the chain reached the name of a portfolio
        // or unit the data does not know ("de Seguridad Pública", "des
        // Technologies"), not a person's.
        if (name_at < 0 && stop > i && part->label_at[stop - 1] < 0 &&
            (language_ == "en" || language_ == "fr" || language_ == "es") &&
            !IsCapitalized(part->tokens[stop - 1]) &&
            IsPrepositionOrArticle(part->tokens[stop - 1].fold)) {
          continue;
        }
        if (stop > i && part->label_at[stop - 1] < 0 &&
            !IsCapitalized(part->tokens[stop - 1]) &&
            IsPrepositionOfAnotherPerson(part->tokens[stop - 1].fold, language_,
                                         false)) {
          continue;
        }
        if (name_at >= 0) {
          const Labeled& name = part->labeled[static_cast<size_t>(name_at)];
          if (name.label != Label::kPerson && name.label != Label::kShort)
            continue;
          known = &name;
          name_begin = stop;
        } else {
          name_begin = stop;
        }
      } else if (l.label == Label::kPerson || l.label == Label::kShort) {
        known = &l;
        name_begin = i;
      } else {
        continue;
      }
    } else {
      continue;
    }
    // A short form names someone already mentioned, or the only person it
    // can be; null when neither.
    const auto choose_short = [&](const Labeled& short_form) {
      const AliasRef* chosen =
          short_form.refs.size() == 1 ? &short_form.refs[0] : nullptr;
      for (const AliasRef& ref : short_form.refs) {
        for (const KnownPerson& p : people_) {
          if (p.id == ref.entry->id) chosen = &ref;
        }
      }
      return chosen;
    };
    Labeled initials_and_short;
    size_t name_end;
    if (known != nullptr) {
      if (known->label == Label::kShort) {
        const AliasRef* chosen = choose_short(*known);
        if (chosen == nullptr) continue;
        short_choice = *chosen;
      }
      name_end = known->end;
    } else {
      name_end = NameEnd(*part, name_begin);
      if (name_end == name_begin) continue;
      // Initials, then a known person's short form ("С.В.Лавров", "V. V.
      // Putin"): that person, as the short form alone would be.
      const int last = part->label_at[name_end - 1];
      if (name_end - name_begin >= 2 && last >= 0 &&
          part->labeled[static_cast<size_t>(last)].label == Label::kShort &&
          AreInitials(*part, name_begin, name_end - 1)) {
        initials_and_short = part->labeled[static_cast<size_t>(last)];
        initials_and_short.begin = name_begin;
        const AliasRef* chosen = choose_short(initials_and_short);
        if (chosen != nullptr) {
          short_choice = *chosen;
          known = &initials_and_short;
        }
      }
      // Vietnamese names a person after a title in full, every syllable
      // capitalized ("Thứ trưởng Bùi Văn Nam"); one capitalized syllable
      // there that is nobody's short form begins a body's name the data
      // does not know ("Tổng Giám đốc Cảnh sát Liên bang", "cấp Nhà nước").
      if (language_ == "vi" &&
          mechanism == accord::v1::MECHANISM_ROLE_PATTERN &&
          name_end - name_begin == 1 &&
          std::none_of(people_.begin(), people_.end(),
                       [&](const KnownPerson& p) {
                         return p.last_word == part->tokens[name_begin].fold;
                       })) {
        continue;
      }
      // German capitalizes every noun: one capitalized word after a
      // lowercase word of the chain ("Vertreter zahlreicher Staaten",
      // "Botschafter für Cyberfragen", "Vertreter des Ministeriums") is
      // what the title is of, not a surname, which follows the title
      // itself ("Bundeskanzler Scholz").
      if (language_ == "de" && name_end - name_begin == 1 && name_begin > i &&
          part->label_at[name_begin - 1] < 0 &&
          !IsCapitalized(part->tokens[name_begin - 1])) {
        continue;
      }
      // English capitalizes ranks, and bodies named after them: "the
      // General Assembly", "General Staff". One word after a rank that the
      // dictionary spells in lowercase is such a body; a surname that is
      // also a word ("General Miller") is lost to this, and found after
      // the rank with a first name or honorific.
      if (language_ == "en" && name_end - name_begin == 1 && !roles.empty() &&
          IsRankId(roles.back().role_id()) &&
          IsLowercaseWord(*part, name_begin)) {
        continue;
      }
    }
    // "…, le général Nguyen Duc Long, …": the roles before the comma are
    // this person's when the titles after it are ranks or honorifics (an
    // office there, "the President of Laos, Foreign Minister Bui Thanh
    // Son", is another person's), a break (comma, the sentence's end,
    // semicolon, colon, parenthesis, quote or dash) closes the name, and no
    // role of their own follows it: in "the opinion of the Deputy Minister
    // of X, Ms. Rebecca Bryant, Interim Representative of Y," the comma
    // lists two people.
    if (after_roles_and_comma && FirstOffice(roles) == nullptr &&
        (name_end == n || GapBreaks(part->Gap(name_end), false)) &&
        !RoleInApposition(*part, name_end)) {
      for (RoleMention& role : before_comma) {
        accord::v1::Derivation* d = role.mutable_derivation();
        d->set_detail(absl::StrCat(d->detail(), d->detail().empty() ? "" : "; ",
                                   "apposition: the title before a comma, of "
                                   "the titled name after it"));
      }
      roles.insert(roles.begin(), std::make_move_iterator(before_comma.begin()),
                   std::make_move_iterator(before_comma.end()));
      before_comma.clear();
    }
    Labeled chosen_short;
    if (known != nullptr && known->label == Label::kShort) {
      chosen_short = *known;
      chosen_short.refs = {short_choice};
      known = &chosen_short;
    }
    const size_t index =
        AddPerson(part, name_begin, name_end, mechanism, rule, known);
    // What the office is of, after the name: "State Secretary Jens Hoffmann
    // of the Federal Foreign Office", "Staatssekretär Jens Hoffmann vom
    // Auswärtigen Amt".
    if (RoleMention* office = FirstOffice(roles);
        office != nullptr && office->of_entity_id().empty()) {
      if (const Labeled* body = BodyAfterName(*part, name_end)) {
        Attach(*part, *body, office);
      }
    }
    // Apposition: ", Direktor der ... und Sonderbeauftragter des ...".
    if (RoleInApposition(*part, name_end)) {
      size_t j = name_end;
      for (int rounds = 0; rounds < 3 && j < n; ++rounds) {
        const size_t before_walk = roles.size();
        j = WalkRoles(part, j, &roles, false);
        if (roles.size() == before_walk) break;
        // "... und Sonderbeauftragter": the chain goes on after "and".
        if (j < n && part->label_at[j] < 0 && !IsCapitalized(part->tokens[j])) {
          ++j;
        } else {
          break;
        }
        if (j >= n || part->label_at[j] < 0 ||
            part->labeled[static_cast<size_t>(part->label_at[j])].label !=
                Label::kRole) {
          break;
        }
      }
    }
    for (RoleMention& role : roles) {
      RecordAs(&role);
      *mentions_->Mutable(static_cast<int>(index))->add_roles() =
          std::move(role);
    }
    i = name_end - 1;
  }
  // Capitalized runs of two or more words right before ", <role>".
  for (size_t i = 0; i < n; ++i) {
    if (part->used[i] || part->label_at[i] >= 0 ||
        !IsCapitalized(part->tokens[i]))
      continue;
    const size_t end = NameEnd(*part, i);
    if (end - i < 2 || end >= n || part->label_at[end] < 0) {
      i = std::max(i, end == i ? i : end - 1);
      continue;
    }
    const Labeled& next =
        part->labeled[static_cast<size_t>(part->label_at[end])];
    if (next.label != Label::kRole ||
        part->Gap(end).find(',') == std::string_view::npos ||
        part->Gap(end).size() > 3) {
      i = end - 1;
      continue;
    }
    std::vector<RoleMention> roles;
    WalkRoles(part, end, &roles, false);
    const size_t index =
        AddPerson(part, i, end, accord::v1::MECHANISM_ROLE_PATTERN,
                  next.refs[0].entry->id, nullptr);
    for (RoleMention& role : roles) {
      RecordAs(&role);
      *mentions_->Mutable(static_cast<int>(index))->add_roles() =
          std::move(role);
    }
    i = end - 1;
  }
}

void DocumentPass::AttachByDelegation(const Part& part) {
  const size_t n = part.tokens.size();
  auto is_place_or_body = [&](int at) {
    const auto label = part.labeled[static_cast<size_t>(at)].label;
    return label == Label::kEntity || label == Label::kAdjective;
  };
  // The country, adjective or organization right before a delegation word
  // or at most three tokens after it ("delegation of Vietnam's Ministry of
  // Public Security"); -1 when none, -2 when the words before name two
  // ("the Russian and the Chinese delegation").
  auto delegation_of = [&](size_t d, size_t first, size_t last) -> int {
    if (d > first && part.label_at[d - 1] >= 0 &&
        is_place_or_body(part.label_at[d - 1])) {
      const int at = part.label_at[d - 1];
      const size_t from = d - first > 5 ? d - 5 : first;
      for (size_t t = from; t + 1 < d; ++t) {
        const int other = part.label_at[t];
        if (other >= 0 && is_place_or_body(other) &&
            part.labeled[static_cast<size_t>(other)].refs[0].entry !=
                part.labeled[static_cast<size_t>(at)].refs[0].entry) {
          return -2;
        }
      }
      return at;
    }
    for (size_t t = d + 1; t < std::min(last, d + 4); ++t) {
      const int at = part.label_at[t];
      if (at >= 0 && is_place_or_body(at)) return at;
    }
    return -1;
  };
  // Only the sentences with a delegation word: most documents have none,
  // and this runs on every document's tokens.
  size_t next = 0;
  while (next < n) {
    while (next < n && !IsDelegation(part.tokens[next].fold)) ++next;
    if (next == n) break;
    size_t first = next;
    while (!StartsSentenceAfterTitles(part, first)) --first;
    size_t last = next + 1;
    while (last < n && !StartsSentenceAfterTitles(part, last)) ++last;
    next = last;
    int target = -1;
    bool several = false;
    std::vector<size_t> leads;  // the lead words' tokens
    for (size_t t = first; t < last; ++t) {
      const std::string_view fold = part.tokens[t].fold;
      if (IsLeadWord(fold, t > first ? std::string_view(part.tokens[t - 1].fold)
                                     : std::string_view())) {
        leads.push_back(t);
      }
      if (!IsDelegation(fold)) continue;
      const int of = delegation_of(t, first, last);
      if (of == -2) several = true;
      if (of < 0) continue;
      if (target >= 0 &&
          part.labeled[static_cast<size_t>(target)].refs[0].entry !=
              part.labeled[static_cast<size_t>(of)].refs[0].entry) {
        several = true;
      }
      target = of;
    }
    const GazetteerEntry* entity =
        target >= 0 ? part.labeled[static_cast<size_t>(target)].refs[0].entry
                    : nullptr;
    if (!leads.empty() && !several && entity != nullptr &&
        (entity->kind == EntryKind::kCountry ||
         entity->kind == EntryKind::kOrganization)) {
      // The leader: of the people in the sentence with a role attached to
      // nothing, the one whose name and roles come nearest a lead word,
      // no further than a preposition and an article from it ("led by
      // Deputy Minister ...", "conduite par la vice-ministre ...",
      // "... Phạm Thanh Bình dẫn đầu"); not one who receives the
      // delegation further off.
      constexpr uint32_t kMaxLeaderGap = 16;  // bytes
      const uint32_t begin = part.tokens[first].begin;
      const uint32_t end = part.tokens[last - 1].end;
      RoleMention* leader_role = nullptr;
      uint32_t nearest = kMaxLeaderGap + 1;
      for (EntityMention& mention : *mentions_) {
        // A rank is held in no delegation's body: the office is what
        // the delegation attaches ("Lt. Gen. ..., Deputy Minister").
        RoleMention* office = FirstOffice(*mention.mutable_roles());
        if (mention.span().part() != part.input.part ||
            mention.span().begin() < begin || mention.span().end() > end ||
            office == nullptr || !office->of_entity_id().empty()) {
          continue;
        }
        uint32_t from = mention.span().begin();
        uint32_t to = mention.span().end();
        for (const RoleMention& role : mention.roles()) {
          from = std::min(from, role.span().begin());
          to = std::max(to, role.span().end());
        }
        for (size_t lead : leads) {
          const uint32_t at = part.tokens[lead].begin;
          const uint32_t after = part.tokens[lead].end;
          const uint32_t distance = after <= from ? from - after
                                    : at >= to    ? at - to
                                                  : 0;
          if (distance < nearest) {
            nearest = distance;
            leader_role = office;
          }
        }
      }
      if (leader_role != nullptr) {
        const Labeled& l = part.labeled[static_cast<size_t>(target)];
        leader_role->set_of_entity_id(entity->id);
        leader_role->set_of_entity_name(entity->canonical_name);
        leader_role->mutable_derivation()->set_detail(
            absl::StrCat("attached by the delegation the person leads ('",
                         std::string(part.Surface(l.begin, l.end)), "')"));
        RecordAs(leader_role);
      }
    }
  }
}

void DocumentPass::FindShortReferences(Part* part) {
  const size_t n = part->tokens.size();
  for (size_t i = 0; i < n; ++i) {
    if (part->used[i] || part->label_at[i] >= 0) continue;
    const alias::NameToken& token = part->tokens[i];
    if (token.token_case != alias::TokenCase::kCapitalized) continue;
    // "Selon Kourbatov, ...": a sentence's first word that the language
    // writes in lowercase is capitalized only by its place; the next word
    // may be the reference.
    if (NameEnd(*part, i) == i + 2 && StartsSentence(*part, i) &&
        IsLowercaseWord(*part, i)) {
      continue;
    }
    // Part of a longer capitalized run: another name, not a reference.
    if (NameEnd(*part, i) != i + 1) {
      i = NameEnd(*part, i) - 1;
      continue;
    }
    if (i > 0 && !part->used[i - 1] && IsCapitalized(part->tokens[i - 1]) &&
        !GapBreaks(part->Gap(i), false) &&
        !(StartsSentence(*part, i - 1) && IsLowercaseWord(*part, i - 1))) {
      continue;
    }
    const KnownPerson* referent = PersonByLastWord(token.fold, true);
    if (referent == nullptr) continue;
    EntityMention& mention = *mentions_->Add();
    *mention.mutable_span() = Span(*part, i, i + 1);
    mention.set_surface(std::string(part->Surface(i, i + 1)));
    mention.set_kind(accord::v1::ENTITY_KIND_PERSON);
    mention.set_entity_id(referent->id);
    mention.set_canonical_name(referent->name);
    mention.set_resolution(
        absl::StrCat("short reference to '", referent->name, "'"));
    mention.mutable_derivation()->set_mechanism(
        accord::v1::MECHANISM_SHORT_REFERENCE);
    mention.mutable_derivation()->set_rule("last-word");
    part->used[i] = true;
  }
}

const KnownPerson* DocumentPass::PersonByLastWord(std::string_view fold,
                                                  bool unique) const {
  for (const bool exact : {true, false}) {
    if (!exact && language_ != "ru") break;
    const auto same = [&](std::string_view word) {
      return exact ? word == fold : SameRussianName(word, fold);
    };
    const KnownPerson* found = nullptr;
    int matches = 0;
    for (const KnownPerson& p : people_) {
      if (same(p.last_word) || (!p.words.empty() && same(p.words.back()))) {
        found = &p;
        ++matches;
      }
    }
    if (matches == 0) continue;
    return matches == 1 || (exact && !unique) ? found : nullptr;
  }
  return nullptr;
}

void DocumentPass::NameByShortestForm() {
  // Each such person's first mention named it; the others in full are
  // declined ones (AddPerson).
  absl::flat_hash_map<std::string, std::string> shortest;  // id -> name
  for (const EntityMention& m : *mentions_) {
    if (m.kind() != accord::v1::ENTITY_KIND_PERSON ||
        m.derivation().source() != "text") {
      continue;
    }
    auto [it, added] = shortest.try_emplace(m.entity_id(), m.surface());
    // Equally long, the one whose words do not end as oblique cases do:
    // "Мария Кузнецова", not "Марию Кузнецову".
    if (added) continue;
    const size_t length = CodePoints(m.surface());
    const size_t best = CodePoints(it->second);
    if (length < best || (length == best && ObliqueEndings(m.surface()) <
                                                ObliqueEndings(it->second))) {
      it->second = m.surface();
    }
  }
  for (EntityMention& m : *mentions_) {
    const auto it = shortest.find(m.entity_id());
    if (it == shortest.end() || it->second == m.canonical_name()) continue;
    const std::string& name = it->second;
    m.set_entity_id(EntityExtractor::UnknownPersonId(name));
    m.set_canonical_name(name);
    if (m.derivation().source() == "text") {
      m.set_resolution(m.surface() == name ? ""
                                           : absl::StrCat("the name '", name,
                                                          "' in another case"));
    } else {
      m.set_resolution(absl::StrCat("short reference to '", name, "'"));
    }
  }
}

void DocumentPass::AddEntityMentions(Part* part) {
  for (const Labeled& l : part->labeled) {
    if (part->used[l.begin]) continue;
    const bool adjective = l.label == Label::kAdjective;
    if (l.label != Label::kEntity && !adjective) continue;
    const AliasRef& ref = l.refs[0];
    EntityMention& mention = *mentions_->Add();
    *mention.mutable_span() = Span(*part, l.begin, l.end);
    mention.set_surface(std::string(part->Surface(l.begin, l.end)));
    mention.set_kind(ProtoKind(ref.entry->kind));
    mention.set_entity_id(ref.entry->id);
    mention.set_canonical_name(ref.entry->canonical_name);
    accord::v1::Derivation* d = mention.mutable_derivation();
    d->set_mechanism(adjective ? accord::v1::MECHANISM_ADJECTIVE
                     : part->input.part == accord::v1::TEXT_PART_DATELINE
                         ? accord::v1::MECHANISM_DATELINE
                         : accord::v1::MECHANISM_GAZETTEER);
    d->set_rule(ref.entry->id);
    d->set_source(ref.name->source);
  }
}

void DocumentPass::Run(
    const std::vector<TextToExtract>& texts,
    google::protobuf::RepeatedPtrField<EntityMention>* mentions) {
  mentions->Clear();
  mentions_ = mentions;
  // Parts reused from document to document on this thread: their token
  // and label arrays are written where the last document's were
  // (allocated and cached), not in new memory. A part that held more than
  // kMaxKeptTokens tokens gives its arrays back.
  constexpr size_t kMaxKeptTokens = size_t{1} << 16;
  thread_local std::vector<Part> kept;
  if (kept.size() < texts.size()) kept.resize(texts.size());
  struct Trim {
    ~Trim() {
      for (Part& part : *parts) {
        if (part.tokens.capacity() > kMaxKeptTokens) part = Part();
      }
    }
    std::vector<Part>* parts;
  } trim{&kept};
  const absl::Span<Part> parts = absl::MakeSpan(kept).subspan(0, texts.size());
  for (size_t p = 0; p < texts.size(); ++p) {
    parts[p].input = texts[p];
    parts[p].tokens.clear();
    parts[p].labeled.clear();
    alias::TokenizeNames(texts[p].text, &parts[p].tokens);
    Label(&parts[p]);
    CountCountries(parts[p]);
  }
  for (Part& part : parts) FindPeople(&part);
  for (const Part& part : parts) AttachByDelegation(part);
  for (Part& part : parts) FindShortReferences(&part);
  for (Part& part : parts) AddEntityMentions(&part);
  if (language_ == "ru") NameByShortestForm();
  // The pointers sorted, not the messages: moving a message in and out of
  // a temporary copies it when the field is on an arena.
  std::stable_sort(mentions->pointer_begin(), mentions->pointer_end(),
                   [](const EntityMention* a, const EntityMention* b) {
                     if (a->span().part() != b->span().part()) {
                       return a->span().part() < b->span().part();
                     }
                     return a->span().begin() < b->span().begin();
                   });
}

}  // namespace

EntityExtractor::EntityExtractor(const Gazetteer* gazetteer,
                                 EntityExtractorOptions options)
    : gazetteer_(gazetteer), options_(options) {}

std::string EntityExtractor::UnknownPersonId(std::string_view name) {
  const std::string key = alias::PersonKey(name);
  return absl::StrCat(
      "person/h",
      Sha256Hex(absl::string_view(key.data(), key.size())).substr(0, 16));
}

void EntityExtractor::Extract(
    const std::vector<TextToExtract>& texts, std::string_view language,
    google::protobuf::RepeatedPtrField<EntityMention>* mentions) const {
  DocumentPass pass(*gazetteer_, options_, language);
  pass.Run(texts, mentions);
}

std::vector<EntityMention> EntityExtractor::Extract(
    const std::vector<TextToExtract>& texts, std::string_view language) const {
  google::protobuf::RepeatedPtrField<EntityMention> mentions;
  Extract(texts, language, &mentions);
  return std::vector<EntityMention>(std::make_move_iterator(mentions.begin()),
                                    std::make_move_iterator(mentions.end()));
}

}  // namespace accord::extract
