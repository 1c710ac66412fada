#include "ingest-service/extract/entities/entity_extractor.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::extract {
namespace {

using testing::Contains;
using testing::Not;

const Gazetteer& TheGazetteer() {
  static const Gazetteer* const kGazetteer = [] {
    absl::StatusOr<std::unique_ptr<Gazetteer>> g =
        Gazetteer::Load(GazetteerOptions());
    EXPECT_TRUE(g.ok()) << g.status();
    return g->release();
  }();
  return *kGazetteer;
}

std::vector<accord::v1::EntityMention> Extract(const std::string& body,
                                               std::string_view language) {
  EntityExtractor extractor(&TheGazetteer(), EntityExtractorOptions());
  return extractor.Extract({{body, accord::v1::TEXT_PART_BODY}}, language);
}

// Extract with the hunspell dictionaries, as ingest runs it.
std::vector<accord::v1::EntityMention> ExtractWithDictionaries(
    const std::string& body, std::string_view language) {
  static const normalize::WordLists* const kDictionaries =
      new normalize::WordLists("/usr/share/hunspell", 1024);
  EntityExtractorOptions options;
  options.dictionaries = kDictionaries;
  const EntityExtractor extractor(&TheGazetteer(), options);
  return extractor.Extract({{body, accord::v1::TEXT_PART_BODY}}, language);
}

// "surface=canonical" for every mention; people also "[role_id@of_id ...]".
std::vector<std::string> Describe(
    const std::vector<accord::v1::EntityMention>& mentions,
    const std::string& body) {
  std::vector<std::string> out;
  for (const auto& m : mentions) {
    EXPECT_EQ(body.substr(m.span().begin(), m.span().end() - m.span().begin()),
              m.surface());
    std::string d = absl::StrCat(m.surface(), "=", m.canonical_name());
    for (const auto& r : m.roles()) {
      absl::StrAppend(&d, " [", r.role_id(), "@", r.of_entity_id(), "]");
    }
    out.push_back(d);
  }
  return out;
}

// One body, and a line Describe() gives for it.
struct DescribedCase {
  std::string language;
  std::string body;
  std::string expected;
};

// The roles of `c`'s mentions, after checking that Describe() gives
// c.expected.
std::vector<accord::v1::RoleMention> RolesOfCase(const DescribedCase& c) {
  const std::vector<accord::v1::EntityMention> mentions =
      Extract(c.body, c.language);
  EXPECT_THAT(Describe(mentions, c.body), Contains(c.expected)) << c.body;
  std::vector<accord::v1::RoleMention> roles;
  for (const accord::v1::EntityMention& m : mentions) {
    roles.insert(roles.end(), m.roles().begin(), m.roles().end());
  }
  return roles;
}

TEST(EntityExtractorTest, EnglishRoleChainsAndShortReferences) {
  const std::string body =
      "Vietnamese Deputy Minister of Public Security Sen. Lt. Gen. Hoang Van "
      "Minh met Russian President Vladimir Putin in Moscow on Tuesday. Minh "
      "said the two countries would work with the United Nations.";
  const std::vector<std::string> found = Describe(Extract(body, "en"), body);
  EXPECT_THAT(
      found,
      Contains(testing::StartsWith(
          "Hoang Van Minh=Hoang Van Minh [role/deputy-minister@org/vn-")));
  EXPECT_THAT(
      found,
      Contains("Vladimir Putin=Vladimir Putin [role/president@country/RU]"));
  EXPECT_THAT(found, Contains("Minh=Hoang Van Minh"));
  EXPECT_THAT(found, Contains("Moscow=Moscow"));
  EXPECT_THAT(found, Contains("United Nations=United Nations"));
  EXPECT_THAT(found, Contains("Vietnamese=Vietnam"));
}

// A role chain stops at a sentence's end: the capitalized word that opens
// the next sentence is no name. A period after a rank, an honorific or an
// acronym's letter does not end the sentence.
TEST(EntityExtractorTest, ARoleChainStopsAtTheEndOfASentence) {
  const std::string fr =
      "Le vice-ministre a reçu mardi l'ambassadeur du Vietnam. Selon "
      "Kourbatov, les consultations auront lieu en avril. M. Dmitri "
      "Kourbatov l'a confirmé.";
  const std::vector<std::string> found_fr = Describe(Extract(fr, "fr"), fr);
  EXPECT_THAT(found_fr, Not(Contains(testing::HasSubstr("Selon"))));
  EXPECT_THAT(found_fr, Contains("Dmitri Kourbatov=Dmitri Kourbatov"));

  const std::string en =
      "He met the ambassador of Vietnam. Then Kurbatov left. Later, the "
      "ambassador of the U.S. John Harlow and Maj. Gen. Peter Lindqvist "
      "arrived.";
  const std::vector<std::string> found_en = Describe(Extract(en, "en"), en);
  EXPECT_THAT(found_en, Not(Contains(testing::HasSubstr("Then"))));
  EXPECT_THAT(found_en,
              Contains("John Harlow=John Harlow [role/ambassador@country/US]"));
  EXPECT_THAT(
      found_en,
      Contains(testing::StartsWith("Peter Lindqvist=Peter Lindqvist [rank/")));

  const std::string de =
      "Er traf den Botschafter Vietnams. Danach sprach Kurbatow.";
  EXPECT_THAT(Describe(Extract(de, "de"), de),
              Not(Contains(testing::HasSubstr("Danach"))));
}

// A sentence's first word that the language writes in lowercase does not
// start a name: the word after it may be a short reference. A first name
// the dictionary does not know still starts one.
TEST(EntityExtractorTest, ShortReferenceAfterASentencesFirstWord) {
  auto extract = [&](const std::string& body, std::string_view language) {
    return Describe(ExtractWithDictionaries(body, language), body);
  };

  const std::string fr =
      "M. Dmitri Kourbatov a reçu l'ambassadeur. Selon Kourbatov, les "
      "consultations auront lieu en avril.";
  EXPECT_THAT(extract(fr, "fr"), Contains("Kourbatov=Dmitri Kourbatov"));
  // Without the dictionaries, "Selon Kourbatov" is a run of two
  // capitalized words and no reference.
  EXPECT_THAT(Describe(Extract(fr, "fr"), fr),
              Not(Contains("Kourbatov=Dmitri Kourbatov")));

  const std::string en =
      "Ambassador John Harlow arrived on Monday. Then Harlow met the "
      "minister.";
  EXPECT_THAT(extract(en, "en"), Contains("Harlow=John Harlow"));

  const std::string de =
      "Herr Artem Volkow traf den Minister. Danach sagte Volkow, die "
      "Gespräche gingen weiter.";
  EXPECT_THAT(extract(de, "de"), Contains("Volkow=Artem Volkow"));

  // "Andrei" is no French word: "Andrei Kourbatov" is another person's
  // name, not a reference to Dmitri.
  const std::string other =
      "M. Dmitri Kourbatov a parlé. Andrei Kourbatov n'a rien dit.";
  EXPECT_THAT(extract(other, "fr"),
              Not(Contains("Kourbatov=Dmitri Kourbatov")));
}

// A role of a unit the data does not know attaches to the organization the
// unit belongs to; without the affiliation word it attaches to nothing.
TEST(EntityExtractorTest, RoleOfAUnitAtAnOrganization) {
  const std::string en =
      "Mr. Carlos Mendes, Director of Cybercrime at INTERPOL, met reporters. "
      "Ms. Ana Lopes, Head of Legal Affairs, said nothing.";
  EXPECT_THAT(Describe(Extract(en, "en"), en),
              Contains("Carlos Mendes=Carlos Mendes [role/director@org/"
                       "interpol]"));
  EXPECT_THAT(
      Describe(Extract(en, "en"), en),
      Contains(testing::StartsWith("Ana Lopes=Ana Lopes [role/head@]")));
  const std::string fr =
      "M. Luc Girard, directeur de la Cybersécurité auprès de l'ONU, a "
      "parlé.";
  EXPECT_THAT(Describe(Extract(fr, "fr"), fr),
              Contains("Luc Girard=Luc Girard [role/director@org/un]"));
  const std::string de =
      "Herr Jan Weber, Leiter der Abteilung Cyberabwehr bei der UNO, sprach.";
  EXPECT_THAT(Describe(Extract(de, "de"), de),
              Contains(testing::StartsWith("Jan Weber=Jan Weber [role/")));
  EXPECT_THAT(Describe(Extract(de, "de"), de),
              Contains(testing::HasSubstr("@org/un]")));
  // Not a unit: the capitalized words are the person's name.
  const std::string name_first =
      "Director of Cybercrime Carlos Mendes spoke at INTERPOL.";
  EXPECT_THAT(Describe(Extract(name_first, "en"), name_first),
              Not(Contains(testing::HasSubstr("@org/interpol]"))));
}

// "The president of Chile, Gabriel Boric, said": the name between commas
// after the role chain, in each language; not a list of places, not a name
// the sentence goes on after.
TEST(EntityExtractorTest, NameBetweenCommasAfterTheRole) {
  const std::string es =
      "El presidente de Chile, Gabriel Boric, destacó el interés de su país.";
  EXPECT_THAT(Describe(Extract(es, "es"), es),
              Contains("Gabriel Boric=Gabriel Boric [role/president@country/"
                       "CL]"));
  const std::string fr = "L’ambassadrice de France, Claire Martin, a parlé.";
  EXPECT_THAT(Describe(Extract(fr, "fr"), fr),
              Contains("Claire Martin=Claire Martin [role/ambassador@country/"
                       "FR]"));
  const std::string en =
      "The Deputy Minister of Foreign Affairs of Peru, Ana Maria Rojas.";
  EXPECT_THAT(Describe(Extract(en, "en"), en),
              Contains(testing::StartsWith("Ana Maria Rojas=Ana Maria Rojas "
                                           "[role/")));
  // A one-word name, or a name the sentence goes on after without a comma:
  // not taken.
  const std::string one_word = "El presidente de Chile, Boric, habló.";
  EXPECT_THAT(Describe(Extract(one_word, "es"), one_word),
              Not(Contains(testing::StartsWith("Boric="))));
  const std::string list =
      "Los ministros de Chile, Peru y Brasil, Santiago Lopez dijo.";
  EXPECT_THAT(
      Describe(Extract(list, "es"), list),
      Not(Contains(testing::HasSubstr("Santiago Lopez=Santiago Lopez ["))));
}

// "The Deputy Minister of X, Sen. Lt. Gen. Y, said": the roles before the
// comma belong to the titled name after it, when a comma or the sentence's
// end closes the name and no role of its own follows.
TEST(EntityExtractorTest, RolesBeforeACommaGoToTheTitledNameAfterIt) {
  const std::string en =
      "Vietnam's Deputy Minister of Public Security, Sen. Lt. Gen. Pham The "
      "Tung, said the talks went well.";
  EXPECT_THAT(Describe(Extract(en, "en"), en),
              Contains("Pham The Tung=Pham The Tung [role/deputy-minister@org/"
                       "vn-ministry-of-public-security] "
                       "[rank/senior-lieutenant-general@]"));
  const std::string fr =
      "L’ambassadrice de France au Vietnam, Mme Claire Roux, a rappelé les "
      "accords.";
  EXPECT_THAT(Describe(Extract(fr, "fr"), fr),
              Contains("Claire Roux=Claire Roux [role/ambassador@country/FR]"));
  // An article between the comma and the rank.
  const std::string fr_rank =
      "Le vice-ministre de la Sécurité publique, le général Hoang Van Minh, "
      "a parlé.";
  EXPECT_THAT(Describe(Extract(fr_rank, "fr"), fr_rank),
              Contains("Hoang Van Minh=Hoang Van Minh [role/deputy-minister@"
                       "org/vn-ministry-of-public-security] [rank/general@]"));
  // Two people: the name after the comma has an apposition of its own.
  const std::string two =
      "Sharing the view of the Deputy Minister of Public Security, Ms. Anna "
      "Berg, Representative of Sweden, spoke.";
  const std::vector<std::string> found = Describe(Extract(two, "en"), two);
  EXPECT_THAT(found, Contains(testing::StartsWith("Anna Berg=Anna Berg")));
  EXPECT_THAT(found, Not(Contains(testing::HasSubstr("deputy-minister"))));
  // Another clause ("said Ambassador X"), or an office after the comma:
  // another person's roles.
  const std::string said =
      "Vietnam will welcome the Prime Minister of Laos, said Ambassador Jane "
      "Doe.";
  EXPECT_THAT(Describe(Extract(said, "en"), said),
              Not(Contains(testing::HasSubstr("prime-minister"))));
  const std::string office =
      "Attending were the President of Laos, Foreign Minister Karl Berg, "
      "and others.";
  EXPECT_THAT(Describe(Extract(office, "en"), office),
              Not(Contains(testing::HasSubstr("Karl Berg=Karl Berg "
                                              "[role/president"))));
  // A name the sentence goes on after: not an apposition.
  const std::string list =
      "Le ministre de la Justice, M. Paul Roux et Mme Anne Lenoir ont parlé.";
  EXPECT_THAT(Describe(Extract(list, "fr"), list),
              Not(Contains(testing::HasSubstr("role/minister"))));
}

// A typographic apostrophe elides as "'" does: "de l’ONU" goes on with the
// chain; and no name takes an elided article ("pour l’Asie").
TEST(EntityExtractorTest, TypographicApostrophesAndElidedArticles) {
  const std::string fr =
      "La convention a été signée en présence du secrétaire général de "
      "l’ONU, António Guterres.";
  EXPECT_THAT(Describe(Extract(fr, "fr"), fr),
              Contains("António Guterres=António Guterres "
                       "[role/secretary-general@org/un]"));
  const std::string region =
      "M. Dung a rencontré le représentant de l’ONUDC pour l’Afrique du "
      "Nord et le Sahel, M. Omar Haddad.";
  const std::vector<std::string> found =
      Describe(Extract(region, "fr"), region);
  EXPECT_THAT(found, Not(Contains(testing::StartsWith("Afrique="))));
  EXPECT_THAT(found, Contains(testing::StartsWith("Omar Haddad=Omar Haddad")));
}

// "ministre vietnamien de la Sécurité publique": the country's ministry of
// the portfolio, not the country alone.
TEST(EntityExtractorTest, ACountryThenAPortfolioIsThatCountrysMinistry) {
  const std::string fr =
      "Le ministre vietnamien de la Sécurité publique, le général Le Van "
      "Hai, est arrivé.";
  EXPECT_THAT(Describe(Extract(fr, "fr"), fr),
              Contains("Le Van Hai=Le Van Hai [role/minister@org/"
                       "vn-ministry-of-public-security] [rank/general@]"));
  const std::string es =
      "El ministro vietnamita de Seguridad Pública, el general Le Van Hai, "
      "llegó.";
  EXPECT_THAT(Describe(Extract(es, "es"), es),
              Contains("Le Van Hai=Le Van Hai [role/minister@org/"
                       "vn-ministry-of-public-security] [rank/general@]"));
}

// "Quang" is Tran Dai Quang's short form, but inside a longer name it is a
// word of that name.
TEST(EntityExtractorTest, AShortFormInsideALongerNameIsPartOfIt) {
  const std::string en =
      "President Tran Dai Quang received Sen. Lt. Gen. Hoang Van Quang in "
      "Hanoi. Quang thanked him.";
  const std::vector<std::string> found = Describe(Extract(en, "en"), en);
  EXPECT_THAT(
      found,
      Contains(testing::StartsWith("Hoang Van Quang=Hoang Van Quang [rank/")));
  EXPECT_THAT(found, Not(Contains(testing::StartsWith("Hoang Van="))));
  const std::string fr =
      "Le président Trần Đại Quang a reçu le général Lê Quang Minh, "
      "vice-ministre.";
  EXPECT_THAT(Describe(Extract(fr, "fr"), fr),
              Contains(testing::StartsWith("Lê Quang Minh=Lê Quang Minh [")));
}

// Vietnamese names a person after a title in full: one capitalized
// syllable there that is nobody's short form is a body's name, not a
// person. Other languages name people by surname after a title.
TEST(EntityExtractorTest, OneSyllableAfterAVietnameseTitleIsNoPerson) {
  const std::string vi =
      "Thứ trưởng Hoàng Văn Minh gặp Tổng Giám đốc Cảnh sát Liên bang. "
      "Thứ trưởng Minh cảm ơn Chủ tịch Hội đồng.";
  const std::vector<std::string> found = Describe(Extract(vi, "vi"), vi);
  EXPECT_THAT(found,
              Contains(testing::StartsWith(
                  "Hoàng Văn Minh=Hoàng Văn Minh [role/deputy-minister")));
  // A syllable that is a person's short form keeps the title's role.
  EXPECT_THAT(found, Contains("Minh=Hoàng Văn Minh [role/deputy-minister@]"));
  // "là" (is) folds to "la", no article here: the name after it stands.
  const std::string la = "Trưởng đoàn Việt Nam là Nguyễn Văn Thành.";
  EXPECT_THAT(
      Describe(Extract(la, "vi"), la),
      Contains(testing::StartsWith("Nguyễn Văn Thành=Nguyễn Văn Thành")));
  EXPECT_THAT(found, Not(Contains(testing::StartsWith("Cảnh="))));
  EXPECT_THAT(found, Not(Contains(testing::StartsWith("Hội="))));
  const std::string en = "President Lemaire said the talks went well.";
  EXPECT_THAT(Describe(Extract(en, "en"), en),
              Contains("Lemaire=Lemaire [role/president@]"));
}

// German capitalizes nouns: one capitalized word after a lowercase word of
// the chain is what the title is of; a surname follows the title itself.
TEST(EntityExtractorTest, AGermanNounAfterTheTitlesPrepositionIsNoPerson) {
  const std::string de =
      "Vertreter zahlreicher Staaten kamen. Der Botschafter für Cyberfragen "
      "sprach mit Vertretern des Ministeriums. Bundeskanzler Lemke sagte, "
      "Sonderbeauftragte Anna Roth sei da.";
  const std::vector<std::string> found = Describe(Extract(de, "de"), de);
  EXPECT_THAT(found, Not(Contains(testing::StartsWith("Staaten="))));
  EXPECT_THAT(found, Not(Contains(testing::StartsWith("Cyberfragen="))));
  EXPECT_THAT(found, Not(Contains(testing::StartsWith("Ministeriums="))));
  EXPECT_THAT(found, Contains("Lemke=Lemke [role/chancellor@]"));
  EXPECT_THAT(found, Contains(testing::StartsWith("Anna Roth=Anna Roth [")));
}

// Initials are part of the name ("С.В.Лавров", "J. R. Smith"); with a
// known person's short form they are that person.
TEST(EntityExtractorTest, InitialsBeforeASurname) {
  const std::string ru =
      "Министр иностранных дел России С.В.Лавров провёл встречу с "
      "Президентом В.В.Путиным.";
  const std::vector<std::string> found = Describe(Extract(ru, "ru"), ru);
  EXPECT_THAT(found, Contains(testing::StartsWith(
                         "С.В.Лавров=Sergei Lavrov [role/foreign-minister@")));
  EXPECT_THAT(found, Contains(testing::StartsWith(
                         "В.В.Путиным=Vladimir Putin [role/president@")));
  const std::string en = "Director J. R. Holloway said the lab had grown.";
  EXPECT_THAT(Describe(Extract(en, "en"), en),
              Contains(testing::StartsWith("J. R. Holloway=J. R. Holloway [")));
  // Initials after the surname end at the sentence's period.
  const std::string after =
      "Выступил министр Иванов А.Б. Стороны обсудили сотрудничество.";
  EXPECT_THAT(Describe(Extract(after, "ru"), after),
              Contains(testing::StartsWith("Иванов А.Б=Иванов А.Б [")));
}

// After an honorific, any part of one person's full name refers to them:
// a given name, a surname written first, a double surname.
TEST(EntityExtractorTest, AnyPartOfAFullNameAfterAnHonorific) {
  const std::string fr =
      "Mme Nguyen Thi Lan Anh a ouvert la séance. Mme Lan Anh a ajouté que "
      "M. Tanaka Hiro et Mme Ana Ruiz-Vega étaient présents. M. Tanaka et "
      "Mme Ruiz-Vega ont parlé.";
  const std::vector<std::string> found = Describe(Extract(fr, "fr"), fr);
  EXPECT_THAT(found, Contains("Lan Anh=Nguyen Thi Lan Anh"));
  EXPECT_THAT(found, Contains("Tanaka=Tanaka Hiro"));
  EXPECT_THAT(found, Contains("Ruiz-Vega=Ana Ruiz-Vega"));
  // Two people it could be: neither.
  const std::string en =
      "Mr. Kenji Sato met Mr. Kenji Ito. Later Mr. Kenji spoke.";
  EXPECT_THAT(Describe(Extract(en, "en"), en), Contains("Kenji=Kenji"));
}

// English capitalizes ranks and the bodies named after them: one word the
// dictionary spells in lowercase after a rank is no surname.
TEST(EntityExtractorTest, AnEnglishBodyNamedAfterARankIsNoPerson) {
  const std::string en =
      "The General Assembly of the agency met, and the General Staff "
      "reported. General Okonkwo and General Dario Lemos spoke.";
  const std::vector<std::string> found =
      Describe(ExtractWithDictionaries(en, "en"), en);
  EXPECT_THAT(found, Not(Contains(testing::StartsWith("Assembly="))));
  EXPECT_THAT(found, Not(Contains(testing::StartsWith("Staff="))));
  EXPECT_THAT(found, Contains("Okonkwo=Okonkwo [rank/general@]"));
  EXPECT_THAT(found, Contains("Dario Lemos=Dario Lemos [rank/general@]"));
}

// After "de", "des", "of" the chain reached a portfolio or unit the data
// does not know, not a person's name.
TEST(EntityExtractorTest, NoNameAfterTheTitlesPreposition) {
  const std::string es =
      "El ministro de Innovación Digital habló. El presidente Gabriel Soto "
      "llegó.";
  std::vector<std::string> found = Describe(Extract(es, "es"), es);
  EXPECT_THAT(found, Not(Contains(testing::StartsWith("Innovación"))));
  EXPECT_THAT(found, Contains("Gabriel Soto=Gabriel Soto [role/president@]"));
  const std::string fr =
      "Le ministre laotien des Technologies et des Communications a parlé.";
  EXPECT_THAT(Describe(Extract(fr, "fr"), fr),
              Not(Contains(testing::StartsWith("Technologies="))));
  const std::string en = "The Director of Cybercrime Programmes spoke.";
  EXPECT_THAT(Describe(Extract(en, "en"), en),
              Not(Contains(testing::StartsWith("Cybercrime"))));
}

TEST(EntityExtractorTest, GermanHonorificAndApposition) {
  const std::string body =
      "Herr Karl Weber, Direktor der Abteilung für Cybersicherheit des "
      "russischen Außenministeriums, traf in Hanoi Vertreter der Vereinten "
      "Nationen. Herr Weber betonte die Zusammenarbeit mit Vietnam.";
  const std::vector<std::string> found = Describe(Extract(body, "de"), body);
  EXPECT_THAT(
      found,
      Contains(testing::StartsWith("Karl Weber=Karl Weber [role/director@")));
  EXPECT_THAT(found, Contains("Weber=Karl Weber"));
  EXPECT_THAT(found, Contains("Vereinten Nationen=United Nations"));
  EXPECT_THAT(found, Contains("Vietnam=Vietnam"));
  EXPECT_THAT(found, Contains("Hanoi=Hanoi"));
}

TEST(EntityExtractorTest, FrenchAdjectiveAfterTheRole) {
  const std::string body =
      "Le président vietnamien Trần Đại Quang a reçu un envoyé de l'ONU. "
      "Un accord a été signé.";
  const std::vector<std::string> found = Describe(Extract(body, "fr"), body);
  EXPECT_THAT(
      found, Contains(testing::HasSubstr(
                 "Trần Đại Quang=Tran Dai Quang [role/president@country/VN]")));
  EXPECT_THAT(found, Contains("ONU=United Nations"));
  // "un" and "Un" are articles, never the UN.
  EXPECT_EQ(std::count_if(found.begin(), found.end(),
                          [](const std::string& s) {
                            return s.find("United Nations") !=
                                   std::string::npos;
                          }),
            1);
}

TEST(EntityExtractorTest, RussianAndVietnamese) {
  const std::string ru =
      "Секретарь Совета безопасности России Игорь Смирнов встретился с "
      "делегацией Вьетнама. Смирнов отметил роль ООН.";
  const std::vector<std::string> found_ru = Describe(Extract(ru, "ru"), ru);
  EXPECT_THAT(found_ru, Contains(testing::StartsWith(
                            "Игорь Смирнов=Игорь Смирнов [role/secretary@")));
  EXPECT_THAT(found_ru, Contains("Смирнов=Игорь Смирнов"));
  EXPECT_THAT(found_ru, Contains("ООН=United Nations"));
  EXPECT_THAT(found_ru, Contains("Вьетнама=Vietnam"));

  const std::string vi =
      "Thứ trưởng Bộ Công an Nguyễn Văn Long tiếp đoàn đại biểu Nga tại Hà "
      "Nội. Ông Long cho biết Việt Nam sẵn sàng hợp tác.";
  const std::vector<std::string> found_vi = Describe(Extract(vi, "vi"), vi);
  EXPECT_THAT(
      found_vi,
      Contains(testing::StartsWith(
          "Nguyễn Văn Long=Nguyễn Văn Long [role/deputy-minister@org/vn-")));
  EXPECT_THAT(found_vi, Contains("Long=Nguyễn Văn Long"));
  EXPECT_THAT(found_vi, Contains("Nga=Russia"));
  EXPECT_THAT(found_vi, Contains("Việt Nam=Vietnam"));
}

// A thread reuses its token and label arrays from document to document:
// what a document yields after others on one thread is what it yields on
// a thread of its own, with nothing left over from the documents before
// (longer ones, with more texts, in other languages and scripts).
// A deputy foreign minister is a deputy minister of their country's
// Ministry of Foreign Affairs (roles.txt recorded_as), in every language;
// the title's own entry stays the derivation's rule. Without a stated
// country, or for a country the data has no such ministry for, the role
// stays as matched.
TEST(EntityExtractorTest,
     ADeputyForeignMinisterIsADeputyMinisterOfTheMinistry) {
  const DescribedCase cases[] = {
      {"en",
       "Russian Deputy Foreign Minister Sergei Volkov met the delegation on "
       "Monday.",
       "Sergei Volkov=Sergei Volkov "
       "[role/deputy-minister@org/ru-ministry-of-foreign-affairs]"},
      {"de",
       "Der vietnamesische Vize-Außenminister Nguyen Van Tam empfing die "
       "Gäste.",
       "Nguyen Van Tam=Nguyen Van Tam "
       "[role/deputy-minister@org/vn-ministry-of-foreign-affairs]"},
      {"es",
       "El viceministro de Asuntos Exteriores chino Li Wenhua habló ayer.",
       "Li Wenhua=Li Wenhua "
       "[role/deputy-minister@org/cn-ministry-of-foreign-affairs]"},
      {"en", "Deputy Foreign Minister Nguyen Van Tam opened the talks.",
       "Nguyen Van Tam=Nguyen Van Tam [role/deputy-foreign-minister@]"},
  };
  for (const DescribedCase& c : cases) {
    for (const accord::v1::RoleMention& r : RolesOfCase(c)) {
      EXPECT_EQ(r.derivation().rule(), "role/deputy-foreign-minister")
          << c.body;
      if (r.role_id() == "role/deputy-minister") {
        EXPECT_THAT(
            r.derivation().detail(),
            testing::HasSubstr("Deputy Foreign Minister recorded as Deputy "
                               "Minister of Ministry of Foreign Affairs of"))
            << c.body;
      }
    }
  }
}

// A role attached to nothing takes the country or organization of the
// delegation its holder leads, in each language's way of saying so; the
// person who receives a delegation, or a sentence with two delegations or
// none led, attaches nothing.
TEST(EntityExtractorTest, TheLeaderOfADelegationIsAttachedToIt) {
  const DescribedCase cases[] = {
      {"en",
       "The Vietnamese delegation was led by Deputy Foreign Minister Nguyen "
       "Van Tam.",
       "Nguyen Van Tam=Nguyen Van Tam "
       "[role/deputy-minister@org/vn-ministry-of-foreign-affairs]"},
      {"en",
       "Deputy Foreign Minister Sergei Volkov led the Russian delegation to "
       "the talks.",
       "Sergei Volkov=Sergei Volkov "
       "[role/deputy-minister@org/ru-ministry-of-foreign-affairs]"},
      {"fr",
       "La délégation vietnamienne, conduite par le vice-ministre Tran Quoc "
       "Bao, est arrivée lundi.",
       "Tran Quoc Bao=Tran Quoc Bao [role/deputy-minister@country/VN]"},
      {"de",
       "Die vietnamesische Delegation wurde von Vize-Außenminister Le Van "
       "Hieu geleitet.",
       "Le Van Hieu=Le Van Hieu "
       "[role/deputy-minister@org/vn-ministry-of-foreign-affairs]"},
      {"ru",
       "Вьетнамскую делегацию возглавлял заместитель министра иностранных "
       "дел Нгуен Ван Там.",
       "Нгуен Ван Там=Нгуен Ван Там "
       "[role/deputy-minister@org/vn-ministry-of-foreign-affairs]"},
      {"vi", "Đoàn Việt Nam do Thứ trưởng Ngoại giao Phạm Văn Hải dẫn đầu.",
       "Phạm Văn Hải=Phạm Văn Hải "
       "[role/deputy-minister@org/vn-ministry-of-foreign-affairs]"},
      // The one who leads it, not the one who receives it.
      {"en",
       "INTERPOL Secretary General Jürgen Stock received a delegation of "
       "Vietnam's Ministry of Public Security led by Deputy Minister Luong "
       "Tam Quang.",
       "Luong Tam Quang=Luong Tam Quang "
       "[role/deputy-minister@org/vn-ministry-of-public-security]"},
      {"en",
       "INTERPOL Secretary General Jürgen Stock received a delegation of "
       "Vietnam's Ministry of Public Security led by Deputy Minister Luong "
       "Tam Quang.",
       "Jürgen Stock=Jürgen Stock [role/secretary-general@]"},
      // Received, not led: nothing attached.
      {"en",
       "Deputy Foreign Minister Sergei Volkov received the Chinese "
       "delegation on Monday.",
       "Sergei Volkov=Sergei Volkov [role/deputy-foreign-minister@]"},
      // Two delegations: which one is not said by position alone.
      {"en",
       "The Russian and the Chinese delegations, led by Deputy Foreign "
       "Minister Sergei Volkov and Li Wenhua, met in Beijing.",
       "Sergei Volkov=Sergei Volkov [role/deputy-foreign-minister@]"},
      {"de",
       "Die russische und die chinesische Delegation unter Leitung von "
       "Vize-Außenminister Andrej Rudenko trafen sich.",
       "Andrej Rudenko=Andrej Rudenko [role/deputy-foreign-minister@]"},
  };
  for (const DescribedCase& c : cases) {
    for (const accord::v1::RoleMention& r : RolesOfCase(c)) {
      if (r.of_entity_id().empty()) continue;
      EXPECT_THAT(
          r.derivation().detail(),
          testing::HasSubstr("attached by the delegation the person leads ('"))
          << c.body;
    }
  }
}

// A military or police rank is found like a role, in every language, and
// recorded with its own id ("rank/..."). It is no office: a delegation
// attaches its country or body to the leader's office, never to a rank,
// and a leader with a rank alone gets nothing attached; a country before
// the titles goes to the office.
TEST(EntityExtractorTest, RanksAreRecordedAsRanksNotAsOffices) {
  const DescribedCase cases[] = {
      {"en",
       "The Vietnamese delegation was led by Lt. Gen. Nguyen Van Tam, Deputy "
       "Foreign Minister.",
       "Nguyen Van Tam=Nguyen Van Tam [rank/lieutenant-general@] "
       "[role/deputy-minister@org/vn-ministry-of-foreign-affairs]"},
      {"en", "The Vietnamese delegation was led by Maj. Gen. Hoang Minh Duc.",
       "Hoang Minh Duc=Hoang Minh Duc [rank/major-general@]"},
      {"de", "Generalleutnant Le Van Hieu sprach mit den Gästen.",
       "Le Van Hieu=Le Van Hieu [rank/lieutenant-general@]"},
      {"fr", "Le colonel Tran Quoc Bao a reçu la délégation.",
       "Tran Quoc Bao=Tran Quoc Bao [rank/colonel@]"},
      {"es", "El teniente general Li Wenhua habló ayer.",
       "Li Wenhua=Li Wenhua [rank/lieutenant-general@]"},
      {"ru", "Генерал-полковник Иван Петров выступил на форуме.",
       "Иван Петров=Иван Петров [rank/senior-lieutenant-general@]"},
      {"vi", "Thiếu tướng Phạm Văn Hải phát biểu tại hội thảo.",
       "Phạm Văn Hải=Phạm Văn Hải [rank/major-general@]"},
      // A country before the titles describes the office, or the rank
      // when there is no office.
      {"en",
       "Vietnamese Sen. Lt. Gen. Deputy Minister of Public Security Nguyen Van "
       "Son spoke.",
       "Nguyen Van Son=Nguyen Van Son [rank/senior-lieutenant-general@] "
       "[role/deputy-minister@org/vn-ministry-of-public-security]"},
      {"de", "Der russische Generaloberst Iwan Petrow sprach.",
       "Iwan Petrow=Iwan Petrow [rank/senior-lieutenant-general@country/RU]"},
  };
  for (const DescribedCase& c : cases) {
    for (const accord::v1::RoleMention& r : RolesOfCase(c)) {
      if (r.role_id().starts_with("rank/")) {
        EXPECT_EQ(r.derivation().rule(), r.role_id()) << c.body;
      }
    }
  }
}

TEST(EntityExtractorTest, ADocumentAfterOthersYieldsWhatItYieldsAlone) {
  EntityExtractor extractor(&TheGazetteer(), EntityExtractorOptions());
  const std::string long_body =
      "Russian President Vladimir Putin met Vietnamese President Tran Dai "
      "Quang at the APEC summit in Da Nang. Putin said Russia and Vietnam "
      "would work with the United Nations, ASEAN and INTERPOL. ";
  const std::string russian =
      "Президент России Владимир Путин встретился с министром иностранных "
      "дел Вьетнама в Ханое. Путин заявил о сотрудничестве с ООН.";
  const std::string title = "Deputy Minister Nguyen Thanh Hung meets Herr Ott";
  const std::string body = "Nguyen Thanh Hung, Deputy Minister, met Ott.";
  const std::vector<TextToExtract> last = {{title, accord::v1::TEXT_PART_TITLE},
                                           {body, accord::v1::TEXT_PART_BODY}};
  auto serialized = [](const std::vector<accord::v1::EntityMention>& found) {
    std::string out;
    for (const auto& m : found) absl::StrAppend(&out, m.SerializeAsString());
    return out;
  };
  std::string alone;
  std::thread([&] {
    alone = serialized(extractor.Extract(last, "en"));
  }).join();
  ASSERT_FALSE(alone.empty());
  std::string after_others;
  std::thread([&] {
    extractor.Extract(
        {{long_body + long_body + long_body, accord::v1::TEXT_PART_BODY},
         {long_body, accord::v1::TEXT_PART_DATELINE},
         {long_body, accord::v1::TEXT_PART_TITLE}},
        "en");
    extractor.Extract({{russian, accord::v1::TEXT_PART_BODY}}, "ru");
    after_others = serialized(extractor.Extract(last, "en"));
  }).join();
  EXPECT_EQ(after_others, alone);
}

// Every member state has its adjectives and names in running text
// (countries.txt), so a role attaches to whichever state the text names.
TEST(EntityExtractorTest, RolesOfEveryState) {
  const std::vector<DescribedCase> cases = {
      {"en", "Kenyan Foreign Minister John Mwangi met the delegation.",
       "John Mwangi=John Mwangi [role/foreign-minister@country/KE]"},
      {"fr", "Le président sénégalais Amadou Fall a ouvert la conférence.",
       "Amadou Fall=Amadou Fall [role/president@country/SN]"},
      {"de", "Der jordanische Außenminister Karim Haddad traf Vertreter.",
       "Karim Haddad=Karim Haddad [role/foreign-minister@country/JO]"},
      {"es", "El presidente uruguayo Luis Pereira inauguró el foro.",
       "Luis Pereira=Luis Pereira [role/president@country/UY]"},
      {"ru", "Президент Сенегала Амаду Фалл выступил на форуме.",
       "Амаду Фалл=Амаду Фалл [role/president@country/SN]"},
      {"vi", "Tổng thống Kenya Samuel Otieno phát biểu tại hội nghị.",
       "Samuel Otieno=Samuel Otieno [role/president@country/KE]"},
  };
  for (const DescribedCase& c : cases) RolesOfCase(c);
}

// A role chain that reaches a name through "with", "с", "avec" ... is
// another person's: the title's holder is the subject.
TEST(EntityExtractorTest, NoRoleAcrossAPrepositionOfAnotherPerson) {
  struct Case {
    std::string language, body, name;  // the name must take no title
  };
  const std::vector<Case> cases = {
      {"en", "The minister held talks with John Mwangi in Nairobi.",
       "John Mwangi"},
      {"fr", "Le ministre s'est entretenu avec Amadou Fall à Dakar.",
       "Amadou Fall"},
      {"de", "Der Minister sprach mit Karim Haddad in Amman.", "Karim Haddad"},
      {"es", "El ministro se reunió con Luis Pereira en Montevideo.",
       "Luis Pereira"},
      {"es", "El ministro saludó a Luis Pereira en Montevideo.",
       "Luis Pereira"},
      {"ru", "Министр провёл переговоры с То Ламом в Москве.", "То Ламом"},
      {"vi", "Bộ trưởng đã hội đàm với Samuel Otieno tại Nairobi.",
       "Samuel Otieno"},
  };
  // Found or not, the name takes no title (the bug: "John Mwangi=John
  // Mwangi [role/minister@]").
  for (const Case& c : cases) {
    EXPECT_THAT(Describe(Extract(c.body, c.language), c.body),
                Not(Contains(testing::AllOf(testing::StartsWith(c.name + "="),
                                            testing::HasSubstr(" [")))))
        << c.body;
  }
  // English links a title to what it is of with a few lowercase words
  // only: any other ends the chain.
  const std::string thanked =
      "The minister thanked Ambassador Anna Berg. The president praised "
      "John Mwangi. Mr. Kenji Sato, Ambassador in charge of Cyber Policy at "
      "the Ministry of Foreign Affairs of Japan, spoke.";
  const std::vector<std::string> found_thanked =
      Describe(Extract(thanked, "en"), thanked);
  EXPECT_THAT(found_thanked,
              Contains("Anna Berg=Anna Berg [role/ambassador@]"));
  EXPECT_THAT(found_thanked,
              Not(Contains(testing::StartsWith("John Mwangi=John Mwangi ["))));
  EXPECT_THAT(found_thanked,
              Contains(testing::StartsWith("Kenji Sato=Kenji Sato "
                                           "[role/ambassador@org/jp-")));
  // After a linking word, a lowercase portfolio goes on.
  const std::string lowercase =
      "The deputy minister of public security Karl Lind spoke.";
  EXPECT_THAT(Describe(Extract(lowercase, "en"), lowercase),
              Contains(testing::StartsWith(
                  "Karl Lind=Karl Lind [role/deputy-minister@")));
  // To is also what a title is of; a title right before the name gives
  // it, not one before "with".
  const std::string en =
      "The minister held talks with Ambassador Anna Berg. Ambassador to the "
      "United Nations Karl Lind spoke.";
  const std::vector<std::string> found = Describe(Extract(en, "en"), en);
  EXPECT_THAT(found, Contains("Anna Berg=Anna Berg [role/ambassador@]"));
  EXPECT_THAT(found, Contains("Karl Lind=Karl Lind [role/ambassador@org/un]"));
  // The known person is still found.
  const std::string ru = "Министр провёл переговоры с То Ламом в Москве.";
  EXPECT_THAT(Describe(Extract(ru, "ru"), ru), Contains("То Ламом=To Lam"));
}

// Academic titles are honorifics: a name follows them, no office.
TEST(EntityExtractorTest, AcademicTitlesAreNoOffices) {
  const std::vector<DescribedCase> cases = {
      {"de", "Prof. Dr. Anna Roth sprach über Ransomware.",
       "Anna Roth=Anna Roth"},
      {"en", "Dr. Karen Holt, director of the institute, spoke.",
       "Karen Holt=Karen Holt [role/director@]"},
      {"vi", "PGS.TS Nguyễn Văn Hải phát biểu.",
       "Nguyễn Văn Hải=Nguyễn Văn Hải"},
  };
  for (const DescribedCase& c : cases) RolesOfCase(c);
}

// Particles inside a name ("de", "von der", "da", "van den") are words
// of it, between its capitalized words.
TEST(EntityExtractorTest, ParticlesInsideAName) {
  const std::vector<DescribedCase> cases = {
      {"en", "Commissioner Frans van den Berg opened the meeting.",
       "Frans van den Berg=Frans van den Berg [role/commissioner@]"},
      {"de", "Botschafter Hans von Geyr sagte, die Gespräche seien gut.",
       "Hans von Geyr=Hans von Geyr [role/ambassador@]"},
      {"fr", "Le ministre Jean de La Tour a parlé.",
       "Jean de La Tour=Jean de La Tour [role/minister@]"},
      {"es", "El embajador Pedro da Silva habló.",
       "Pedro da Silva=Pedro da Silva [role/ambassador@]"},
  };
  for (const DescribedCase& c : cases) RolesOfCase(c);
  // Not after a full name, where what follows is something else; not
  // after a word the dictionary spells in lowercase; not in Vietnamese,
  // whose folded "do" (by) reads as a particle.
  const std::vector<DescribedCase> apart = {
      {"de", "Staatssekretär Hans Müller von Siemens sprach.",
       "Hans Müller=Hans Müller [role/state-secretary@]"},
      {"fr", "Le ministre Jean Dupont de Renault a parlé.",
       "Jean Dupont=Jean Dupont [role/minister@]"},
      {"vi", "Ông Hải do Hội Nhà báo bầu đã phát biểu.", "Hải=Hải"},
  };
  for (const DescribedCase& c : apart) RolesOfCase(c);
  const std::string es =
      "El director Banco de Santander, presidente del foro, habló.";
  EXPECT_THAT(Describe(ExtractWithDictionaries(es, "es"), es),
              Not(Contains(testing::StartsWith("Banco de Santander="))));
}

// In English and German, what an office is of may follow the name.
TEST(EntityExtractorTest, WhatAnOfficeIsOfAfterTheName) {
  const std::vector<DescribedCase> cases = {
      {"en", "Ambassador Maria Lind of Sweden presented the report.",
       "Maria Lind=Maria Lind [role/ambassador@country/SE]"},
      {"en",
       "Giang called on State Secretary Jens Hoffmann of the Federal Foreign "
       "Office.",
       "Jens Hoffmann=Jens Hoffmann "
       "[role/state-secretary@org/de-federal-foreign-office]"},
      {"de",
       "Staatssekretärin Anna Berg vom Auswärtigen Amt eröffnete die "
       "Gespräche.",
       "Anna Berg=Anna Berg "
       "[role/state-secretary@org/de-federal-foreign-office]"},
      // Not after a comma, and not what the title already names.
      {"en", "Ambassador Maria Lind, of Sweden, spoke.",
       "Maria Lind=Maria Lind [role/ambassador@]"},
      {"en", "Swedish Ambassador Maria Lind of the United Nations spoke.",
       "Maria Lind=Maria Lind [role/ambassador@country/SE]"},
      // Other languages do not write it so.
      {"fr", "L'ambassadeur Maria Lind de Suède a parlé.",
       "Maria Lind=Maria Lind [role/ambassador@]"},
  };
  for (const DescribedCase& c : cases) RolesOfCase(c);
}

// Russian declines names: a person named in one case is the same person
// in another, whichever case the document wrote first, and takes the
// shortest form it wrote in full (the nominative when it is there).
TEST(EntityExtractorTest, RussianNamesInTheirCases) {
  const std::string ru =
      "Министр провёл переговоры с послом Игорем Мельниковым в Москве. "
      "Посол Игорь Мельников заявил о сотрудничестве. По словам Мельникова, "
      "стороны договорились. Министр Мария Кузнецова встретилась с "
      "делегацией. Затем награду вручили Кузнецовой.";
  const std::vector<accord::v1::EntityMention> mentions = Extract(ru, "ru");
  const std::vector<std::string> found = Describe(mentions, ru);
  EXPECT_THAT(
      found,
      Contains(testing::StartsWith("Игорем Мельниковым=Игорь Мельников")));
  EXPECT_THAT(found,
              Contains(testing::StartsWith("Игорь Мельников=Игорь Мельников")));
  EXPECT_THAT(found, Contains("Мельникова=Игорь Мельников"));
  EXPECT_THAT(found, Contains("Кузнецовой=Мария Кузнецова"));
  const std::string id = EntityExtractor::UnknownPersonId("Игорь Мельников");
  for (const accord::v1::EntityMention& m : mentions) {
    if (m.canonical_name() != "Игорь Мельников") continue;
    EXPECT_EQ(m.entity_id(), id) << m.surface();
    if (m.surface() == "Игорем Мельниковым") {
      EXPECT_EQ(m.resolution(), "the name 'Игорь Мельников' in another case");
    }
  }
  // Other names that begin alike are other people.
  const std::string two =
      "Посол Иван Петров встретился с послом Иваном Петренко. Петренко "
      "выступил первым.";
  const std::vector<std::string> found_two = Describe(Extract(two, "ru"), two);
  EXPECT_THAT(found_two,
              Contains(testing::StartsWith("Иван Петров=Иван Петров")));
  EXPECT_THAT(found_two,
              Contains(testing::StartsWith("Иваном Петренко=Иваном Петренко")));
  EXPECT_THAT(found_two, Contains("Петренко=Иваном Петренко"));
  // Only Russian documents read cases so.
  const std::string fr =
      "L'ambassadeur Иван Петров a parlé. Петрова a répondu.";
  EXPECT_THAT(Describe(Extract(fr, "fr"), fr),
              Not(Contains(testing::StartsWith("Петрова="))));
  // The same word first: "Петров" is Иван Петров beside Анна Петрова; a
  // case both could be is neither.
  const std::string couple =
      "Посол Иван Петров и посол Анна Петрова прибыли. Петров выступил. "
      "Затем слово дали Петровой. Благодарность выразили Петровым.";
  const std::vector<std::string> found_couple =
      Describe(Extract(couple, "ru"), couple);
  EXPECT_THAT(found_couple, Contains("Петров=Иван Петров"));
  EXPECT_THAT(found_couple, Contains("Петровой=Анна Петрова"));
  EXPECT_THAT(found_couple, Not(Contains(testing::StartsWith("Петровым="))));
  // Equally long forms: the one that does not end as an oblique case.
  const std::string tie =
      "Министр поблагодарил посла Марию Кузнецову. Посол Мария Кузнецова "
      "ответила.";
  EXPECT_THAT(Describe(Extract(tie, "ru"), tie),
              Contains(testing::StartsWith("Марию Кузнецову=Мария Кузнецова")));
}

// The gazetteer knows its people's Russian names in every case
// (russian_declension.h), and says which name each form comes from.
TEST(EntityExtractorTest, KnownPeopleInRussianCases) {
  const std::string ru =
      "Стороны провели переговоры с То Ламом. Визит Нгуен Мань Хунга "
      "продолжится. Ламу вручили награду.";
  const std::vector<accord::v1::EntityMention> mentions = Extract(ru, "ru");
  const std::vector<std::string> found = Describe(mentions, ru);
  EXPECT_THAT(found, Contains("То Ламом=To Lam"));
  EXPECT_THAT(found, Contains("Нгуен Мань Хунга=Nguyen Manh Hung"));
  EXPECT_THAT(found, Contains("Ламу=To Lam"));
  for (const accord::v1::EntityMention& m : mentions) {
    if (m.surface() == "То Ламом") {
      EXPECT_THAT(m.derivation().source(),
                  testing::MatchesRegex("team:people.txt:[0-9]+ declined"));
    }
  }
}

TEST(EntityExtractorTest, UnknownPeopleGetOneIdAcrossScripts) {
  EXPECT_EQ(EntityExtractor::UnknownPersonId("Igor Smirnov"),
            EntityExtractor::UnknownPersonId("Игорь Смирнов"));
  EXPECT_EQ(EntityExtractor::UnknownPersonId("Nguyễn Văn Long"),
            EntityExtractor::UnknownPersonId("Nguyen Van Long"));
  EXPECT_NE(EntityExtractor::UnknownPersonId("Nguyen Van Long"),
            EntityExtractor::UnknownPersonId("Nguyen Van Lam"));
  // A soft sign inside a word is left out as Latin spellings leave it.
  EXPECT_EQ(EntityExtractor::UnknownPersonId("Vladimir Kolokoltsev"),
            EntityExtractor::UnknownPersonId("Владимир Колокольцев"));
  EXPECT_THAT(EntityExtractor::UnknownPersonId("Nguyen Van Long"),
              testing::MatchesRegex("person/h[0-9a-f]{16}"));
}

}  // namespace
}  // namespace accord::extract
