// Numbers, dates and identifiers as each language's press writes them, for
// the news profile. In real news they are a large share of the distinct
// terms: amounts and counts, percentages, dates, and in this domain CVE
// ids, IP addresses, domains and case numbers. Magnitudes are drawn with a
// heavy tail (P(n) about 1/n, Benford-like), so small numbers recur and
// large ones are mostly new.
//
// Thread-safe: free functions; draws use the caller's SplitMix64.
#ifndef ACCORD_BENCH_CORPUS_INTERNAL_NEWS_NUMBERS_H_
#define ACCORD_BENCH_CORPUS_INTERNAL_NEWS_NUMBERS_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "bench/corpus/internal/article_parts.h"
#include "bench/corpus/internal/language_pack.h"
#include "bench/corpus/internal/random.h"
#include "bench/corpus/internal/vocabulary.h"

namespace accord::bench::internal {

// 1234567 -> "1,234,567" with separator ",".
std::string GroupDigits(uint64_t value, absl::string_view separator);

// An amount: "1,234,567", "4.2 million" / "4,2 millions" / "4,2 млн".
std::string Amount(const LanguagePack& pack, SplitMix64& rng);

// A count of things: mostly 2..30, sometimes hundreds or thousands.
std::string Count(const LanguagePack& pack, SplitMix64& rng);

// "12.5%", "12,5 %", "12 Prozent".
std::string Percentage(const LanguagePack& pack, SplitMix64& rng);

// "March 5, 2024", "5 mars 2024", "5. März 2024", "5 de marzo de 2024",
// "5 марта 2024 года", "ngày 5/3/2024".
std::string DateText(const Vocabulary& v, const CivilTime& t);

// A CVE id, IPv4 address, domain, case number or phone number, of the
// years up to `year`.
std::string Identifier(const LanguagePack& pack, SplitMix64& rng, int year);

}  // namespace accord::bench::internal

#endif  // ACCORD_BENCH_CORPUS_INTERNAL_NEWS_NUMBERS_H_
