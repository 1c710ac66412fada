#include "ingest-service/extract/dates/internal/lexicon.h"

#include <cstdlib>
#include <initializer_list>
#include <memory>

#include "ingest-service/extract/dates/internal/tokens.h"

namespace accord::extract::dates {
namespace {

using temporal::Grain;

Phrase P(std::string_view text, int value = 0, Grain grain = Grain::kDay,
         std::string_view name = {}) {
  Phrase phrase;
  const Tokens tokenized = Tokenize(text);
  for (const Token& t : tokenized.tokens) phrase.tokens.emplace_back(t.lower);
  phrase.value = value;
  phrase.grain = grain;
  phrase.name = std::string(name);
  return phrase;
}

PhraseList L(std::initializer_list<std::string_view> texts) {
  PhraseList list;
  for (std::string_view text : texts) list.phrases.push_back(P(text));
  return list;
}

// Number words "one".."twenty" etc.: texts[i] has value values[i].
PhraseList Numbers(std::initializer_list<std::pair<std::string_view, int>> n) {
  PhraseList list;
  for (const auto& [text, value] : n) list.phrases.push_back(P(text, value));
  return list;
}

struct Unit {
  std::string_view text;
  Grain grain;
  int multiplier;
};
PhraseList Units(std::initializer_list<Unit> units) {
  PhraseList list;
  for (const Unit& u : units)
    list.phrases.push_back(P(u.text, u.multiplier, u.grain));
  return list;
}

struct Rel {
  std::string_view text;
  Grain grain;
  int offset;
  std::string_view name;
};
PhraseList Relative(std::initializer_list<Rel> rel) {
  PhraseList list;
  for (const Rel& r : rel)
    list.phrases.push_back(P(r.text, r.offset, r.grain, r.name));
  return list;
}

constexpr Grain kD = Grain::kDay;
constexpr Grain kW = Grain::kWeek;
constexpr Grain kM = Grain::kMonth;
constexpr Grain kY = Grain::kYear;

Lexicon English() {
  Lexicon l;
  l.language = "en";
  l.month_first = true;
  l.range_from = L({"from", "between"});
  l.range_to = L({"-", "to", "through", "and", "until", "till"});
  l.year_preps = L({"in", "in the year", "during"});
  l.year_cues = L({"since", "until", "by", "before", "after"});
  l.month_preps = L({"in", "during", "since", "until", "by"});
  l.period_modifiers = L({"early", "mid", "late", "mid -"});
  l.relative =
      Relative({{"the day before yesterday", kD, -2, "day-before-yesterday"},
                {"yesterday", kD, -1, "yesterday"},
                {"today", kD, 0, "today"},
                {"tomorrow", kD, 1, "tomorrow"},
                {"last week", kW, -1, "last-week"},
                {"this week", kW, 0, "this-week"},
                {"next week", kW, 1, "next-week"},
                {"last month", kM, -1, "last-month"},
                {"this month", kM, 0, "this-month"},
                {"next month", kM, 1, "next-month"},
                {"last year", kY, -1, "last-year"},
                {"this year", kY, 0, "this-year"},
                {"next year", kY, 1, "next-year"}});
  l.ago_after = L({"ago"});
  l.duration_cues =
      L({"for", "for the past", "for the last", "over", "over the past",
         "over the last", "during", "in the past", "in the last", "within"});
  l.duration_modifiers = L({"more than", "nearly", "almost", "about", "over",
                            "at least", "some", "around"});
  l.units = Units({{"year", kY, 1},
                   {"years", kY, 1},
                   {"month", kM, 1},
                   {"months", kM, 1},
                   {"week", kW, 1},
                   {"weeks", kW, 1},
                   {"day", kD, 1},
                   {"days", kD, 1},
                   {"decade", kY, 10},
                   {"decades", kY, 10}});
  l.numbers = Numbers({{"one", 1},
                       {"two", 2},
                       {"three", 3},
                       {"four", 4},
                       {"five", 5},
                       {"six", 6},
                       {"seven", 7},
                       {"eight", 8},
                       {"nine", 9},
                       {"ten", 10},
                       {"eleven", 11},
                       {"twelve", 12},
                       {"fifteen", 15},
                       {"twenty", 20},
                       {"thirty", 30},
                       {"forty", 40},
                       {"fifty", 50},
                       {"hundred", 100}});
  l.sets = Relative({{"every year", kY, 1, ""},
                     {"each year", kY, 1, ""},
                     {"annually", kY, 1, ""},
                     {"yearly", kY, 1, ""},
                     {"every month", kM, 1, ""},
                     {"monthly", kM, 1, ""},
                     {"every week", kW, 1, ""},
                     {"weekly", kW, 1, ""},
                     {"every day", kD, 1, ""},
                     {"daily", kD, 1, ""},
                     {"twice a year", kM, 6, ""}});
  l.set_cues = L({"every"});
  l.future_cues = L({"will", "scheduled", "next", "upcoming", "planned",
                     "plans to", "is to be", "are to be", "shall"});
  l.ordinals = L({"st", "nd", "rd", "th"});
  return l;
}

Lexicon French() {
  Lexicon l;
  l.language = "fr";
  l.day_markers = L({"le", "les"});
  l.weekday_preps = L({"le", "ce"});
  l.range_from = L({"du", "entre le", "entre les", "entre", "de"});
  l.range_to = L({"au", "-", "et", "à"});
  l.year_preps = L({"en", "en l'an", "l'année", "courant"});
  l.year_cues = L({"depuis", "jusqu'en", "avant", "après", "dès"});
  l.month_preps = L({"en", "début", "fin", "mi -", "courant", "depuis"});
  l.period_modifiers = L({"début", "fin", "mi -"});
  l.relative = Relative({{"avant-hier", kD, -2, "day-before-yesterday"},
                         {"hier", kD, -1, "yesterday"},
                         {"aujourd'hui", kD, 0, "today"},
                         {"demain", kD, 1, "tomorrow"},
                         {"après-demain", kD, 2, "day-after-tomorrow"},
                         {"la semaine dernière", kW, -1, "last-week"},
                         {"la semaine passée", kW, -1, "last-week"},
                         {"cette semaine", kW, 0, "this-week"},
                         {"la semaine prochaine", kW, 1, "next-week"},
                         {"le mois dernier", kM, -1, "last-month"},
                         {"le mois passé", kM, -1, "last-month"},
                         {"ce mois-ci", kM, 0, "this-month"},
                         {"le mois prochain", kM, 1, "next-month"},
                         {"l'année dernière", kY, -1, "last-year"},
                         {"l'an dernier", kY, -1, "last-year"},
                         {"l'année passée", kY, -1, "last-year"},
                         {"l'an passé", kY, -1, "last-year"},
                         {"cette année", kY, 0, "this-year"},
                         {"l'année prochaine", kY, 1, "next-year"},
                         {"l'an prochain", kY, 1, "next-year"}});
  l.ago_before = L({"il y a"});
  l.duration_cues = L({"depuis", "pendant", "durant", "en", "au cours des",
                       "depuis près de", "depuis plus de"});
  l.duration_modifiers =
      L({"plus de", "près de", "presque", "environ", "au moins", "quelque"});
  l.units = Units({{"an", kY, 1},
                   {"ans", kY, 1},
                   {"année", kY, 1},
                   {"années", kY, 1},
                   {"mois", kM, 1},
                   {"semaine", kW, 1},
                   {"semaines", kW, 1},
                   {"jour", kD, 1},
                   {"jours", kD, 1},
                   {"décennie", kY, 10},
                   {"décennies", kY, 10}});
  l.numbers = Numbers({{"un", 1},
                       {"une", 1},
                       {"deux", 2},
                       {"trois", 3},
                       {"quatre", 4},
                       {"cinq", 5},
                       {"six", 6},
                       {"sept", 7},
                       {"huit", 8},
                       {"neuf", 9},
                       {"dix", 10},
                       {"onze", 11},
                       {"douze", 12},
                       {"quinze", 15},
                       {"vingt", 20},
                       {"trente", 30},
                       {"quarante", 40},
                       {"cinquante", 50},
                       {"cent", 100}});
  l.sets = Relative({{"chaque année", kY, 1, ""},
                     {"tous les ans", kY, 1, ""},
                     {"annuellement", kY, 1, ""},
                     {"chaque mois", kM, 1, ""},
                     {"tous les mois", kM, 1, ""},
                     {"mensuellement", kM, 1, ""},
                     {"chaque semaine", kW, 1, ""},
                     {"chaque jour", kD, 1, ""},
                     {"tous les jours", kD, 1, ""},
                     {"quotidiennement", kD, 1, ""},
                     {"deux fois par an", kM, 6, ""}});
  l.set_cues = L({"tous les", "toutes les"});
  l.future_cues = L({"prochaine", "prochain", "prochains", "aura lieu",
                     "se tiendra", "se tiendront", "prévu", "prévue", "prévus",
                     "prévues", "devrait", "devraient"});
  l.ordinals = L({"er"});
  return l;
}

Lexicon German() {
  Lexicon l;
  l.language = "de";
  l.day_dot = true;
  l.day_markers = L({"am", "den", "dem", "vom"});
  l.weekday_preps = L({"am"});
  l.weekday_articles = L({"den", "dem"});
  l.range_from = L({"vom", "von", "zwischen dem", "zwischen", "am"});
  l.range_to = L({"bis", "bis zum", "-", "und", "und dem"});
  l.year_preps = L({"im jahr", "im jahre", "in", "anno"});
  l.year_cues = L({"seit", "bis", "ab", "vor", "nach"});
  l.month_preps = L({"im", "seit", "bis", "ab", "anfang", "ende", "mitte"});
  l.period_modifiers = L({"anfang", "ende", "mitte"});
  l.relative = Relative({{"vorgestern", kD, -2, "day-before-yesterday"},
                         {"gestern", kD, -1, "yesterday"},
                         {"heute", kD, 0, "today"},
                         {"übermorgen", kD, 2, "day-after-tomorrow"},
                         {"letzte woche", kW, -1, "last-week"},
                         {"vergangene woche", kW, -1, "last-week"},
                         {"in der vergangenen woche", kW, -1, "last-week"},
                         {"in der letzten woche", kW, -1, "last-week"},
                         {"diese woche", kW, 0, "this-week"},
                         {"nächste woche", kW, 1, "next-week"},
                         {"kommende woche", kW, 1, "next-week"},
                         {"letzten monat", kM, -1, "last-month"},
                         {"vergangenen monat", kM, -1, "last-month"},
                         {"im vergangenen monat", kM, -1, "last-month"},
                         {"diesen monat", kM, 0, "this-month"},
                         {"nächsten monat", kM, 1, "next-month"},
                         {"kommenden monat", kM, 1, "next-month"},
                         {"letztes jahr", kY, -1, "last-year"},
                         {"vergangenes jahr", kY, -1, "last-year"},
                         {"im vergangenen jahr", kY, -1, "last-year"},
                         {"im letzten jahr", kY, -1, "last-year"},
                         {"dieses jahr", kY, 0, "this-year"},
                         {"in diesem jahr", kY, 0, "this-year"},
                         {"nächstes jahr", kY, 1, "next-year"},
                         {"im nächsten jahr", kY, 1, "next-year"},
                         {"im kommenden jahr", kY, 1, "next-year"}});
  // "morgen" is tomorrow only in lowercase: "der Morgen" is the morning.
  Phrase morgen = P("morgen", 1, kD, "tomorrow");
  morgen.lowercase_only = true;
  l.relative.phrases.push_back(morgen);
  l.ago_before = L({"vor"});
  l.duration_cues = L({"seit", "für", "während", "in den vergangenen",
                       "in den letzten", "über"});
  l.duration_modifiers = L({"mehr als", "fast", "knapp", "über", "rund", "etwa",
                            "gut", "fast schon"});
  l.duration_suffixes = L({"lang"});
  l.units = Units({{"jahr", kY, 1},
                   {"jahre", kY, 1},
                   {"jahren", kY, 1},
                   {"jahres", kY, 1},
                   {"monat", kM, 1},
                   {"monate", kM, 1},
                   {"monaten", kM, 1},
                   {"woche", kW, 1},
                   {"wochen", kW, 1},
                   {"tag", kD, 1},
                   {"tage", kD, 1},
                   {"tagen", kD, 1},
                   {"jahrzehnt", kY, 10},
                   {"jahrzehnte", kY, 10},
                   {"jahrzehnten", kY, 10}});
  l.numbers = Numbers(
      {{"ein", 1},       {"eine", 1},     {"einem", 1},    {"einen", 1},
       {"einer", 1},     {"zwei", 2},     {"drei", 3},     {"vier", 4},
       {"fünf", 5},      {"sechs", 6},    {"sieben", 7},   {"acht", 8},
       {"neun", 9},      {"zehn", 10},    {"elf", 11},     {"zwölf", 12},
       {"fünfzehn", 15}, {"zwanzig", 20}, {"dreißig", 30}, {"vierzig", 40},
       {"fünfzig", 50},  {"hundert", 100}});
  l.sets = Relative({{"jedes jahr", kY, 1, ""},
                     {"jährlich", kY, 1, ""},
                     {"alljährlich", kY, 1, ""},
                     {"jeden monat", kM, 1, ""},
                     {"monatlich", kM, 1, ""},
                     {"jede woche", kW, 1, ""},
                     {"wöchentlich", kW, 1, ""},
                     {"jeden tag", kD, 1, ""},
                     {"täglich", kD, 1, ""},
                     {"zweimal im jahr", kM, 6, ""}});
  l.set_cues = L({"alle"});
  l.future_cues = L({"soll", "sollen", "nächste", "nächsten", "nächster",
                     "wird", "werden", "geplant", "geplante", "geplanten"});
  return l;
}

Lexicon Spanish() {
  Lexicon l;
  l.language = "es";
  l.day_markers = L({"el", "el día", "los días", "del"});
  l.weekday_preps = L({"el"});
  l.day_month_glue = L({"de"});
  l.month_year_glue = L({"de", "del"});
  l.range_from =
      L({"del", "entre el", "entre los días", "entre", "desde el", "los días"});
  l.range_to = L({"al", "-", "y", "y el", "hasta el", "a"});
  l.year_preps = L({"en", "en el año", "desde", "durante"});
  l.year_cues = L({"hasta", "antes de", "después de"});
  l.month_preps = L({"en", "desde", "hasta", "a principios de", "a finales de",
                     "a mediados de"});
  l.period_modifiers = L({"principios de", "finales de", "mediados de"});
  l.relative = Relative({{"anteayer", kD, -2, "day-before-yesterday"},
                         {"antier", kD, -2, "day-before-yesterday"},
                         {"ayer", kD, -1, "yesterday"},
                         {"hoy", kD, 0, "today"},
                         {"pasado mañana", kD, 2, "day-after-tomorrow"},
                         {"la semana pasada", kW, -1, "last-week"},
                         {"esta semana", kW, 0, "this-week"},
                         {"la próxima semana", kW, 1, "next-week"},
                         {"la semana próxima", kW, 1, "next-week"},
                         {"la semana que viene", kW, 1, "next-week"},
                         {"el mes pasado", kM, -1, "last-month"},
                         {"este mes", kM, 0, "this-month"},
                         {"el próximo mes", kM, 1, "next-month"},
                         {"el mes próximo", kM, 1, "next-month"},
                         {"el mes que viene", kM, 1, "next-month"},
                         {"el año pasado", kY, -1, "last-year"},
                         {"este año", kY, 0, "this-year"},
                         {"el próximo año", kY, 1, "next-year"},
                         {"el año próximo", kY, 1, "next-year"},
                         {"el año que viene", kY, 1, "next-year"}});
  l.ago_before = L({"hace"});
  l.duration_cues = L({"durante", "desde hace", "en los últimos", "por"});
  l.duration_modifiers = L({"más de", "casi", "cerca de", "unos", "unas"});
  l.units = Units({{"año", kY, 1},
                   {"años", kY, 1},
                   {"mes", kM, 1},
                   {"meses", kM, 1},
                   {"semana", kW, 1},
                   {"semanas", kW, 1},
                   {"día", kD, 1},
                   {"días", kD, 1},
                   {"década", kY, 10},
                   {"décadas", kY, 10}});
  l.numbers = Numbers(
      {{"un", 1},       {"uno", 1},       {"una", 1},        {"dos", 2},
       {"tres", 3},     {"cuatro", 4},    {"cinco", 5},      {"seis", 6},
       {"siete", 7},    {"ocho", 8},      {"nueve", 9},      {"diez", 10},
       {"once", 11},    {"doce", 12},     {"quince", 15},    {"veinte", 20},
       {"treinta", 30}, {"cuarenta", 40}, {"cincuenta", 50}, {"cien", 100}});
  l.sets = Relative({{"cada año", kY, 1, ""},
                     {"todos los años", kY, 1, ""},
                     {"anualmente", kY, 1, ""},
                     {"cada mes", kM, 1, ""},
                     {"mensualmente", kM, 1, ""},
                     {"cada semana", kW, 1, ""},
                     {"semanalmente", kW, 1, ""},
                     {"cada día", kD, 1, ""},
                     {"todos los días", kD, 1, ""},
                     {"diariamente", kD, 1, ""},
                     {"dos veces al año", kM, 6, ""}});
  l.set_cues = L({"cada"});
  l.future_cues = L({"próxima", "próximo", "próximas", "próximos",
                     "se celebrará", "se celebrarán", "tendrá lugar",
                     "prevista", "previsto", "previstas", "previstos"});
  l.ordinals = L({"º", "°"});
  return l;
}

Lexicon Russian() {
  Lexicon l;
  l.language = "ru";
  l.bare_month = true;
  l.weekday_preps = L({"в", "во"});
  l.range_from = L({"с", "со", "между"});
  l.range_to = L({"по", "-", "и", "до"});
  l.year_preps = L({"в"});
  l.year_cues = L({"с", "до", "к", "после"});
  l.year_suffixes = L({"года", "году", "год", "г", "г .", "годы", "годах"});
  l.month_preps = L({"в", "с", "до", "к", "начале", "конце"});
  l.relative = Relative({{"позавчера", kD, -2, "day-before-yesterday"},
                         {"вчера", kD, -1, "yesterday"},
                         {"сегодня", kD, 0, "today"},
                         {"завтра", kD, 1, "tomorrow"},
                         {"послезавтра", kD, 2, "day-after-tomorrow"},
                         {"на прошлой неделе", kW, -1, "last-week"},
                         {"на этой неделе", kW, 0, "this-week"},
                         {"на следующей неделе", kW, 1, "next-week"},
                         {"в прошлом месяце", kM, -1, "last-month"},
                         {"в этом месяце", kM, 0, "this-month"},
                         {"в следующем месяце", kM, 1, "next-month"},
                         {"в прошлом году", kY, -1, "last-year"},
                         {"в этом году", kY, 0, "this-year"},
                         {"в следующем году", kY, 1, "next-year"},
                         {"в будущем году", kY, 1, "next-year"}});
  l.ago_after = L({"назад"});
  l.duration_cues =
      L({"в течение", "на протяжении", "за последние", "уже", "за"});
  l.duration_modifiers = L({"более", "более чем", "почти", "около", "свыше"});
  l.units = Units({{"год", kY, 1},
                   {"года", kY, 1},
                   {"лет", kY, 1},
                   {"месяц", kM, 1},
                   {"месяца", kM, 1},
                   {"месяцев", kM, 1},
                   {"неделя", kW, 1},
                   {"недели", kW, 1},
                   {"недель", kW, 1},
                   {"неделю", kW, 1},
                   {"день", kD, 1},
                   {"дня", kD, 1},
                   {"дней", kD, 1},
                   {"десятилетие", kY, 10},
                   {"десятилетия", kY, 10},
                   {"десятилетий", kY, 10}});
  l.numbers = Numbers({{"один", 1},        {"одного", 1},    {"одной", 1},
                       {"два", 2},         {"две", 2},       {"двух", 2},
                       {"три", 3},         {"трёх", 3},      {"трех", 3},
                       {"четыре", 4},      {"четырёх", 4},   {"пять", 5},
                       {"пяти", 5},        {"шесть", 6},     {"шести", 6},
                       {"семь", 7},        {"семи", 7},      {"восемь", 8},
                       {"восьми", 8},      {"девять", 9},    {"девяти", 9},
                       {"десять", 10},     {"десяти", 10},   {"двадцать", 20},
                       {"двадцати", 20},   {"тридцать", 30}, {"тридцати", 30},
                       {"сорок", 40},      {"сорока", 40},   {"пятьдесят", 50},
                       {"пятидесяти", 50}, {"сто", 100}});
  l.sets = Relative({{"ежегодно", kY, 1, ""},
                     {"каждый год", kY, 1, ""},
                     {"ежемесячно", kM, 1, ""},
                     {"каждый месяц", kM, 1, ""},
                     {"еженедельно", kW, 1, ""},
                     {"каждую неделю", kW, 1, ""},
                     {"ежедневно", kD, 1, ""},
                     {"каждый день", kD, 1, ""},
                     {"дважды в год", kM, 6, ""},
                     {"каждые полгода", kM, 6, ""}});
  l.set_cues = L({"каждые"});
  l.future_cues =
      L({"следующая", "следующей", "следующий", "следующего", "следующую",
         "пройдет", "пройдёт", "состоится", "планируется", "будет", "будут",
         "готова принять", "готов принять", "предстоящая", "предстоящей",
         "предстоящий", "предстоящем"});
  return l;
}

Lexicon Vietnamese() {
  Lexicon l;
  l.language = "vi";
  l.slash_month = true;
  l.bare_month = true;
  l.day_markers = L({"ngày", "hôm"});
  l.month_year_glue = L({"năm"});
  l.range_from = L({"từ", "từ ngày", "ngày", "trong hai ngày"});
  l.range_to = L({"đến", "đến ngày", "tới", "-", "và"});
  l.year_preps = L({"năm", "vào năm", "trong năm"});
  l.year_cues = L({"từ", "đến", "trước", "sau"});
  l.month_preps = L({"vào", "đầu", "cuối", "giữa"});
  l.period_modifiers = L({"đầu", "cuối", "giữa"});
  l.relative = Relative({{"hôm kia", kD, -2, "day-before-yesterday"},
                         {"hôm qua", kD, -1, "yesterday"},
                         {"hôm nay", kD, 0, "today"},
                         {"ngày mai", kD, 1, "tomorrow"},
                         {"tuần trước", kW, -1, "last-week"},
                         {"tuần qua", kW, -1, "last-week"},
                         {"tuần này", kW, 0, "this-week"},
                         {"tuần sau", kW, 1, "next-week"},
                         {"tuần tới", kW, 1, "next-week"},
                         {"tháng trước", kM, -1, "last-month"},
                         {"tháng này", kM, 0, "this-month"},
                         {"tháng sau", kM, 1, "next-month"},
                         {"tháng tới", kM, 1, "next-month"},
                         {"năm ngoái", kY, -1, "last-year"},
                         {"năm trước", kY, -1, "last-year"},
                         {"năm nay", kY, 0, "this-year"},
                         {"năm sau", kY, 1, "next-year"},
                         {"năm tới", kY, 1, "next-year"}});
  l.ago_after = L({"trước"});
  l.duration_cues = L({"trong", "trong suốt", "suốt", "trong vòng"});
  l.duration_modifiers = L({"hơn", "gần", "khoảng"});
  l.duration_suffixes = L({"qua"});
  l.units = Units({{"năm", kY, 1},
                   {"tháng", kM, 1},
                   {"tuần", kW, 1},
                   {"ngày", kD, 1},
                   {"thập kỷ", kY, 10},
                   {"thập niên", kY, 10}});
  l.numbers = Numbers({{"một", 1},
                       {"hai", 2},
                       {"ba", 3},
                       {"bốn", 4},
                       {"năm", 5},
                       {"sáu", 6},
                       {"bảy", 7},
                       {"tám", 8},
                       {"chín", 9},
                       {"mười", 10},
                       {"hai mươi", 20},
                       {"ba mươi", 30},
                       {"bốn mươi", 40},
                       {"năm mươi", 50},
                       {"một trăm", 100}});
  l.sets = Relative({{"hằng năm", kY, 1, ""},
                     {"hàng năm", kY, 1, ""},
                     {"mỗi năm", kY, 1, ""},
                     {"hằng tháng", kM, 1, ""},
                     {"hàng tháng", kM, 1, ""},
                     {"mỗi tháng", kM, 1, ""},
                     {"hằng tuần", kW, 1, ""},
                     {"hàng tuần", kW, 1, ""},
                     {"mỗi tuần", kW, 1, ""},
                     {"hằng ngày", kD, 1, ""},
                     {"hàng ngày", kD, 1, ""},
                     {"mỗi ngày", kD, 1, ""}});
  l.set_cues = L({"mỗi"});
  l.future_cues = L({"sẽ", "sắp tới", "dự kiến", "tiếp theo"});
  return l;
}

// Every phrase list of `l`, as PhraseLists orders them, writable or not.
template <typename LexiconType>
auto ListsOf(LexiconType& l) {
  return std::vector<decltype(&l.day_markers)>{&l.day_markers,
                                               &l.weekday_preps,
                                               &l.weekday_articles,
                                               &l.day_month_glue,
                                               &l.month_year_glue,
                                               &l.range_from,
                                               &l.range_to,
                                               &l.year_preps,
                                               &l.year_cues,
                                               &l.year_suffixes,
                                               &l.month_preps,
                                               &l.period_modifiers,
                                               &l.relative,
                                               &l.ago_before,
                                               &l.ago_after,
                                               &l.duration_cues,
                                               &l.duration_modifiers,
                                               &l.duration_suffixes,
                                               &l.units,
                                               &l.numbers,
                                               &l.sets,
                                               &l.set_cues,
                                               &l.ordinals,
                                               &l.future_cues};
}

// The lexicon with its index of first tokens. A phrase the tokenizer makes
// nothing of is a mistake in the lists above: it would match everywhere.
Lexicon Indexed(Lexicon l) {
  const auto lists = ListsOf(l);
  if (lists.size() > sizeof(PhraseList::bit) * 8) std::abort();
  for (size_t k = 0; k < lists.size(); ++k) {
    lists[k]->bit = uint32_t{1} << k;
    for (const Phrase& phrase : *lists[k]) {
      if (phrase.tokens.empty()) std::abort();
      l.lists_by_first_token[phrase.tokens[0]] |= lists[k]->bit;
    }
  }
  for (const PhraseList* list : StartPhraseLists(l)) {
    l.start_lists |= list->bit;
  }
  return l;
}

}  // namespace

std::vector<const PhraseList*> PhraseLists(const Lexicon& l) {
  return ListsOf(l);
}

std::vector<const PhraseList*> StartPhraseLists(const Lexicon& l) {
  // Numeric, DayMonth: day_markers, weekday_preps, range_from; MonthDay:
  // range_from; MonthYear: range_from, month_preps, period_modifiers;
  // YearRule: year_preps; RelativeRule: relative, ago_before, numbers;
  // DurationRule: duration_cues, duration_modifiers, numbers; SetRule:
  // sets, set_cues.
  return {&l.day_markers,   &l.weekday_preps,      &l.range_from,
          &l.month_preps,   &l.period_modifiers,   &l.year_preps,
          &l.relative,      &l.ago_before,         &l.numbers,
          &l.duration_cues, &l.duration_modifiers, &l.sets,
          &l.set_cues};
}

const Lexicon* LexiconFor(std::string_view language) {
  static const auto* const kLexicons = new std::vector<Lexicon>{
      Indexed(English()), Indexed(French()),  Indexed(German()),
      Indexed(Spanish()), Indexed(Russian()), Indexed(Vietnamese())};
  for (const Lexicon& lexicon : *kLexicons) {
    if (lexicon.language == language) return &lexicon;
  }
  return nullptr;
}

}  // namespace accord::extract::dates
