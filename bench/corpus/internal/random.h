// Deterministic randomness for the corpus generator: the same seed gives the
// same corpus with every compiler, standard library and machine. Only integer
// arithmetic is used (no <random> distributions, no floating point), because
// libstdc++ and libc++ distributions, and libm, differ between versions.
//
// Not thread-safe per object; objects are cheap, make one per thread.
#ifndef ACCORD_BENCH_CORPUS_INTERNAL_RANDOM_H_
#define ACCORD_BENCH_CORPUS_INTERNAL_RANDOM_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace accord::bench::internal {

// splitmix64 (Steele, Lea, Flood 2014): tiny, full period 2^64, good mixing.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n); n > 0. The modulo bias (< n / 2^64) is irrelevant here.
  uint64_t Below(uint64_t n) { return Next() % n; }

  // Uniform in [lo, hi]; lo <= hi.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // True with probability percent / 100.
  bool Percent(int percent) {
    return Below(100) < static_cast<uint64_t>(percent);
  }

 private:
  uint64_t state_;
};

// One 64-bit seed from two, so document i of seed s has its own stream.
inline uint64_t MixSeed(uint64_t seed, uint64_t index) {
  SplitMix64 mix(seed ^ (index * 0xD1B54A32D192ED03ULL));
  mix.Next();
  return mix.Next();
}

// Draws ranks 0..n-1 with P(rank r) proportional to 1 / (r + 1): Zipf's law
// with exponent 1, the shape of word frequencies in natural text. Weights are
// integers (2^32 / (r + 1)), so draws are exact and portable.
class ZipfSampler {
 public:
  explicit ZipfSampler(size_t n) : cumulative_(n) {
    uint64_t total = 0;
    for (size_t r = 0; r < n; ++r) {
      total += (uint64_t{1} << 32) / (r + 1);
      cumulative_[r] = total;
    }
  }

  size_t size() const { return cumulative_.size(); }

  // REQUIRES: size() > 0.
  size_t Draw(SplitMix64& rng) const {
    const uint64_t x = rng.Below(cumulative_.back());
    size_t lo = 0, hi = cumulative_.size() - 1;
    while (lo < hi) {  // first r with cumulative_[r] > x
      const size_t mid = (lo + hi) / 2;
      if (cumulative_[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

 private:
  std::vector<uint64_t> cumulative_;
};

// Draws ranks 0..n-1 from a piecewise power law, for lists far too long to
// hold a weight per rank (generated names: a billion ranks). Ranks are cut
// into levels that double in size: level k holds the ranks
// [b * (2^k - 1), b * (2^(k+1) - 1)), all equally likely, and level k + 1 as
// a whole is q = q_num / q_den times as likely as level k. With q = 1 this
// is Zipf's law with exponent 1 offset by b, P(r) ~ 1 / (r + b), the shape
// of the long tail of a vocabulary; with q < 1 the tail is steeper
// (exponent 1 - log2 q), so fewer new ranks come up per draw. The offset
// b keeps the first ranks from taking most draws, as the head of a
// language's vocabulary is drawn elsewhere.
//
// A Zipf-like draw over an unbounded list makes the number of distinct
// ranks seen grow like a power of the number of draws (Heaps' law) instead
// of saturating. Integer weights only, like ZipfSampler.
class PowerLawSampler {
 public:
  // REQUIRES: n > 0, first_level > 0, 0 < q_num <= q_den <= 1024,
  // n <= 2^32.
  PowerLawSampler(uint64_t n, uint64_t first_level, uint64_t q_num,
                  uint64_t q_den) {
    uint64_t weight = uint64_t{1} << 30;  // of a whole level
    uint64_t total = 0;
    for (uint64_t start = 0, size = first_level; start < n; size *= 2) {
      const uint64_t in_list = std::min(size, n - start);
      // A level cut short by n keeps the per-rank weight of a full one.
      total += std::max<uint64_t>(1, weight * in_list / size);
      levels_.push_back({start, in_list, total});
      start += in_list;
      weight = std::max<uint64_t>(1, weight * q_num / q_den);
    }
  }

  uint64_t Draw(SplitMix64& rng) const {
    const uint64_t x = rng.Below(levels_.back().cumulative);
    size_t k = 0;
    while (levels_[k].cumulative <= x) ++k;
    return levels_[k].start + rng.Below(levels_[k].size);
  }

 private:
  struct Level {
    uint64_t start, size, cumulative;
  };
  std::vector<Level> levels_;
};

}  // namespace accord::bench::internal

#endif  // ACCORD_BENCH_CORPUS_INTERNAL_RANDOM_H_
