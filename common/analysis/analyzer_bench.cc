// Analyzer throughput, side by side with a peer: Xapian's TermGenerator
// (word splitting, lowercasing, Snowball stemming, positions) on the same
// generated articles. Run:
//   cmake --build build --target analyzer_bench &&
//   build/common/analysis/analyzer_bench
//
// The corpus is deterministic: news sentences per language (written for
// this benchmark), shuffled into ~4 KB articles, with 1 word in 12 replaced
// by a generated rare word (names, typos) so that the vocabulary has a long
// tail instead of repeating a few hundred words.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "common/analysis/analyzer.h"

#ifdef ACCORD_BENCH_WITH_XAPIAN
#include <xapian.h>
#endif

namespace accord::analysis {
namespace {

struct Language {
  const char* code;
  const char* snowball;  // Xapian's stemmer name; "none" for no stemming
  std::vector<const char*> sentences;
  std::vector<const char*> syllables;  // for rare words
};

const std::vector<Language>& Languages() {
  static const auto* languages = new std::vector<Language>{
      {"en",
       "english",
       {"Vietnam and Russia issued a joint statement on cooperation in "
        "ensuring international information security.",
        "The two presidents agreed to strengthen the fight against cybercrime "
        "and the use of information technologies for criminal purposes.",
        "Deputy Minister of Public Security met the Russian delegation in Da "
        "Nang on November 10, 2017, ahead of the APEC summit.",
        "Both sides stressed the central role of the United Nations in "
        "developing norms of responsible state behaviour in cyberspace.",
        "The ministries will exchange information on threats, incidents and "
        "best practices, and hold annual consultations.",
        "Officials said the Hanoi Convention against Cybercrime opens a new "
        "chapter of cooperation between law enforcement agencies.",
        "Experts from ASEAN member states attended a three-day training on "
        "digital forensics and critical infrastructure protection.",
        "\"We are committed to a safe, open and secure cyberspace,\" the "
        "minister told reporters at the press conference."},
       {"ka", "ro", "mi", "tan", "vel", "son", "dra", "ber", "lin", "gu"}},
      {"fr",
       "french",
       {"Le Vietnam et la Russie ont publié une déclaration conjointe sur la "
        "coopération en matière de sécurité de l’information internationale.",
        "Les deux présidents sont convenus de renforcer la lutte contre la "
        "cybercriminalité et l’utilisation des technologies à des fins "
        "criminelles.",
        "Le vice-ministre de la Sécurité publique a reçu la délégation russe "
        "à Dà Nang le vendredi 10 novembre, en marge du sommet de l’APEC.",
        "Les deux parties ont souligné le rôle central des Nations unies dans "
        "l’élaboration des normes de comportement responsable des États.",
        "Les ministères échangeront des informations sur les menaces, les "
        "incidents et les bonnes pratiques.",
        "Selon les responsables, la Convention de Hanoï contre la "
        "cybercriminalité ouvre un nouveau chapitre de la coopération "
        "judiciaire."},
       {"é", "ra", "mon", "ti", "que", "lè", "vi", "gné", "sur", "pa"}},
      {"de",
       "german",
       {"Vietnam und Russland haben eine gemeinsame Erklärung über die "
        "Zusammenarbeit bei der internationalen Informationssicherheit "
        "veröffentlicht.",
        "Die beiden Präsidenten vereinbarten, die Bekämpfung der "
        "Cyberkriminalität zu verstärken.",
        "Der stellvertretende Minister für öffentliche Sicherheit empfing die "
        "russische Delegation am 25. und 26. Oktober in Da Nang.",
        "Beide Seiten betonten die zentrale Rolle der Vereinten Nationen bei "
        "der Entwicklung von Normen für verantwortungsvolles Verhalten.",
        "Die Ministerien werden Informationen über Bedrohungen, Vorfälle und "
        "bewährte Verfahren austauschen.",
        "Nach Angaben der Behörden eröffnet das Übereinkommen von Hanoi ein "
        "neues Kapitel der Zusammenarbeit der Strafverfolgungsbehörden."},
       {"ge", "schä", "ber", "lin", "mü", "ter", "straß", "kon", "ül", "ach"}},
      {"ru",
       "russian",
       {"Вьетнам и Россия опубликовали совместное заявление о сотрудничестве "
        "в области обеспечения международной информационной безопасности.",
        "Президенты двух стран договорились усилить борьбу с "
        "киберпреступностью.",
        "Заместитель министра общественной безопасности встретился с "
        "российской делегацией в Дананге 10 ноября.",
        "Стороны подчеркнули центральную роль Организации Объединённых Наций "
        "в разработке норм ответственного поведения государств.",
        "Министерства будут обмениваться информацией об угрозах, инцидентах и "
        "передовом опыте."},
       {"ка", "ро", "ми", "тан", "вёл", "сон", "дра", "бер", "лин", "гу"}},
      {"vi",
       "none",
       {"Việt Nam và Nga ra Tuyên bố chung về hợp tác bảo đảm an ninh thông "
        "tin quốc tế.",
        "Chủ tịch nước Trần Đại Quang và Tổng thống Vladimir Putin nhất trí "
        "tăng cường hợp tác phòng, chống tội phạm mạng.",
        "Thứ trưởng Bộ Công an đã tiếp đoàn đại biểu Nga tại Đà Nẵng ngày 10 "
        "tháng 11 năm 2017.",
        "Hai bên nhấn mạnh vai trò trung tâm của Liên hợp quốc trong việc xây "
        "dựng các chuẩn mực hành xử có trách nhiệm của các quốc gia.",
        "Các bộ sẽ trao đổi thông tin về các mối đe dọa, sự cố và kinh nghiệm "
        "tốt."},
       {"nguy", "ễn", "thị", "hồ", "phạm", "lê", "hoàng", "đặng", "bùi", "võ"}},
      // All ICU (dictionary segmentation); Xapian indexes each run of Han
      // characters as one term unless FLAG_CJK_NGRAM is set.
      {"zh",
       "none",
       {"越南和俄罗斯发表了关于确保国际信息安全合作的联合声明。",
        "两国元首同意加强打击网络犯罪的合作。",
        "公安部副部长于11月10日在岘港会见了俄罗斯代表团。",
        "双方强调联合国在制定负责任国家行为规范方面的核心作用。",
        "各部委将就威胁、事件和最佳做法交流信息。"},
       {"阮", "陈", "黎", "范", "黄", "潘", "武", "邓", "裴", "杜"}},
  };
  return *languages;
}

// `count` articles of about `bytes` each, in `language`.
std::vector<std::string> Articles(const Language& language, int count,
                                  size_t bytes) {
  std::mt19937 random(7);
  std::vector<std::string> articles;
  for (int a = 0; a < count; ++a) {
    std::string article;
    while (article.size() < bytes) {
      std::string sentence =
          language.sentences[random() % language.sentences.size()];
      // Replace one word in 12 by a generated rare word.
      std::string out;
      size_t word_start = 0;
      for (size_t i = 0; i <= sentence.size(); ++i) {
        if (i < sentence.size() && sentence[i] != ' ') continue;
        if (random() % 12 == 0) {
          for (int s = 2 + random() % 3; s > 0; --s) {
            out += language.syllables[random() % language.syllables.size()];
          }
        } else {
          out.append(sentence, word_start, i - word_start);
        }
        if (i < sentence.size()) out += ' ';
        word_start = i + 1;
      }
      article += out;
      article += random() % 4 == 0 ? "\n\n" : " ";
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

constexpr int kArticles = 64;
constexpr size_t kArticleBytes = 4096;

size_t TotalBytes(const std::vector<std::string>& articles) {
  size_t total = 0;
  for (const std::string& article : articles) total += article.size();
  return total;
}

void RunAccord(benchmark::State& state, bool fast_word_breaks) {
  const Language& language = Languages()[state.range(0)];
  state.SetLabel(language.code);
  const std::vector<std::string> articles =
      Articles(language, kArticles, kArticleBytes);
  AnalyzerOptions options;
  options.fast_word_breaks = fast_word_breaks;
  std::unique_ptr<Analyzer> analyzer = *Analyzer::Create(options);
  std::vector<Token> tokens;
  size_t token_count = 0;
  for (auto _ : state) {
    for (const std::string& article : articles) {
      analyzer->Analyze(article, language.code, &tokens);
      token_count += tokens.size();
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(articles));
  state.counters["words/s"] =
      benchmark::Counter(token_count, benchmark::Counter::kIsRate);
}

void BM_Accord(benchmark::State& state) { RunAccord(state, true); }
void BM_AccordIcuOnly(benchmark::State& state) { RunAccord(state, false); }

BENCHMARK(BM_Accord)->DenseRange(0, 5);
BENCHMARK(BM_AccordIcuOnly)->DenseRange(0, 5);

#ifdef ACCORD_BENCH_WITH_XAPIAN
// The peer: what Xapian does per document before its database write.
void BM_XapianTermGenerator(benchmark::State& state) {
  const Language& language = Languages()[state.range(0)];
  state.SetLabel(language.code);
  const std::vector<std::string> articles =
      Articles(language, kArticles, kArticleBytes);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem(language.snowball));
  // Positional stemmed terms, like Accord's; STEM_ALL without a stemmer
  // would index nothing.
  generator.set_stemming_strategy(std::string_view(language.snowball) == "none"
                                      ? Xapian::TermGenerator::STEM_NONE
                                      : Xapian::TermGenerator::STEM_ALL);
  size_t token_count = 0;
  for (auto _ : state) {
    for (const std::string& article : articles) {
      Xapian::Document document;
      generator.set_document(document);
      generator.index_text(article);
      token_count += generator.get_termpos();
      benchmark::DoNotOptimize(document.termlist_count());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(articles));
  state.counters["words/s"] =
      benchmark::Counter(token_count, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_XapianTermGenerator)->DenseRange(0, 5);
#endif

}  // namespace
}  // namespace accord::analysis

BENCHMARK_MAIN();
