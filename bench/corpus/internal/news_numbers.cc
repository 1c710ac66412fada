#include "bench/corpus/internal/news_numbers.h"

#include <iterator>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace accord::bench::internal {
namespace {

// Amounts up to 4 billion, each doubling of magnitude 7/8 as likely in
// all as the one before: a little steeper than 1/n.
const PowerLawSampler& AmountSampler() {
  static const PowerLawSampler* const sampler =
      new PowerLawSampler(uint64_t{1} << 32, 8, 7, 8);
  return *sampler;
}

// CVE sequence numbers and case numbers, 1..10^5: low numbers recur.
const PowerLawSampler& SerialSampler() {
  static const PowerLawSampler* const sampler =
      new PowerLawSampler(100000, 32, 3, 4);
  return *sampler;
}

// Amounts printed to the unit; the others are rounded to 1-2 significant
// digits.
constexpr int kExactAmountPercent = 15;

uint64_t Pow10(int n) {
  uint64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Press amounts are mostly round: "1,200", "350,000", "2.5 million". Keeps
// `digits` significant digits.
uint64_t RoundTo(uint64_t value, int digits) {
  uint64_t scale = 1;
  while (value / scale >= Pow10(digits)) scale *= 10;
  return value / scale * scale;
}

// "4.2" with the language's decimal separator, from tenths.
std::string Tenths(uint64_t tenths, absl::string_view decimal_separator) {
  if (tenths % 10 == 0) return absl::StrCat(tenths / 10);
  return absl::StrCat(tenths / 10, decimal_separator, tenths % 10);
}

// A lower-case ASCII name for domains: "ravoki", "tesmun".
std::string AsciiStem(SplitMix64& rng) {
  static constexpr absl::string_view kOnsets = "bcdfghklmnprstvz";
  static constexpr absl::string_view kVowels = "aeiou";
  static constexpr absl::string_view kCodas = "nrsx";
  std::string out;
  const int syllables = static_cast<int>(rng.Between(2, 3));
  for (int i = 0; i < syllables; ++i) {
    out.push_back(kOnsets[rng.Below(kOnsets.size())]);
    out.push_back(kVowels[rng.Below(kVowels.size())]);
    if (rng.Percent(30)) out.push_back(kCodas[rng.Below(kCodas.size())]);
  }
  return out;
}

int CountryCallingCode(absl::string_view language) {
  if (language == "en") return 44;
  if (language == "fr") return 33;
  if (language == "de") return 49;
  if (language == "es") return 34;
  if (language == "ru") return 7;
  return 84;
}

}  // namespace

std::string GroupDigits(uint64_t value, absl::string_view separator) {
  const std::string digits = absl::StrCat(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) absl::StrAppend(&out, separator);
    out.push_back(digits[i]);
  }
  return out;
}

std::string Amount(const LanguagePack& pack, SplitMix64& rng) {
  uint64_t value = 1 + AmountSampler().Draw(rng);
  if (!rng.Percent(kExactAmountPercent)) {
    value = RoundTo(value, rng.Percent(50) ? 1 : 2);
  }
  if (value >= 1000000 && rng.Percent(60)) {
    if (value >= 1000000000) {
      return absl::StrCat(Tenths(value / 100000000, pack.decimal_separator),
                          " ", pack.billion);
    }
    return absl::StrCat(Tenths(value / 100000, pack.decimal_separator), " ",
                        pack.million);
  }
  // Four-digit numbers go unseparated in most house styles ("2500").
  return value < 10000 ? absl::StrCat(value)
                       : GroupDigits(value, pack.thousands_separator);
}

std::string Count(const LanguagePack& pack, SplitMix64& rng) {
  if (rng.Percent(65)) return absl::StrCat(rng.Between(2, 30));
  const uint64_t raw = 31 + AmountSampler().Draw(rng) % 200000;
  const uint64_t value = RoundTo(raw, static_cast<int>(rng.Between(1, 3)));
  return value < 10000 ? absl::StrCat(value)
                       : GroupDigits(value, pack.thousands_separator);
}

std::string Percentage(const LanguagePack& pack, SplitMix64& rng) {
  const uint64_t tenths =
      rng.Percent(50) ? 10 * rng.Between(1, 99) : rng.Between(1, 999);
  return absl::StrCat(Tenths(tenths, pack.decimal_separator),
                      pack.percent_suffix);
}

std::string DateText(const Vocabulary& v, const CivilTime& t) {
  const absl::string_view lang = v.pack.code;
  const absl::string_view month = v.months.entries()[t.month - 1];
  if (lang == "en") return absl::StrFormat("%s %d, %d", month, t.day, t.year);
  if (lang == "de") return absl::StrFormat("%d. %s %d", t.day, month, t.year);
  if (lang == "es") {
    return absl::StrFormat("%d de %s de %d", t.day, month, t.year);
  }
  if (lang == "ru") {
    return absl::StrFormat("%d %s %d года", t.day, month, t.year);
  }
  if (lang == "vi") {
    return absl::StrFormat("ngày %d/%d/%d", t.day, t.month, t.year);
  }
  return absl::StrFormat("%d %s %d", t.day, month, t.year);  // fr
}

// Draws are sequenced one statement each: the order in which a function's
// arguments are evaluated differs between compilers, and the corpus must
// not.
std::string Identifier(const LanguagePack& pack, SplitMix64& rng, int year) {
  static constexpr absl::string_view kTopLevel[] = {
      "com", "net", "org", "info", "ru", "vn", "de", "fr", "es", "io", "xyz"};
  // Case numbers and CVEs are the common identifiers of wires; indicators
  // of compromise (IP addresses, domains) appear in specialist reports.
  const uint64_t kind = rng.Below(100);
  if (kind < 35) {
    const int64_t cve_year = rng.Between(year - 3, year);
    const uint64_t serial = 1000 + SerialSampler().Draw(rng);
    return absl::StrCat("CVE-", cve_year, "-", serial);
  }
  if (kind < 45) {
    uint64_t octets[4];
    octets[0] = rng.Between(1, 223);
    for (int i = 1; i < 4; ++i) octets[i] = rng.Below(256);
    return absl::StrCat(octets[0], ".", octets[1], ".", octets[2], ".",
                        octets[3]);
  }
  if (kind < 60) {
    const std::string name = AsciiStem(rng);
    return absl::StrCat(name, ".", kTopLevel[rng.Below(std::size(kTopLevel))]);
  }
  if (kind < 90) {
    const uint64_t serial = 1 + SerialSampler().Draw(rng);
    return absl::StrCat(pack.number_label, " ", serial, "/",
                        rng.Between(year - 3, year));
  }
  int64_t parts[3];
  parts[0] = rng.Between(10, 99);
  parts[1] = rng.Between(100, 9999);
  parts[2] = rng.Between(1000, 9999);
  return absl::StrCat("+", CountryCallingCode(pack.code), " ", parts[0], " ",
                      parts[1], " ", parts[2]);
}

}  // namespace accord::bench::internal
