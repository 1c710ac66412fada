// TokenAutomaton: an Aho-Corasick automaton over folded name tokens
// (common/alias/name_tokens.h). Every gazetteer name is one pattern; one
// pass over a document's tokens reports every pattern that occurs, whatever
// the number of patterns: the cost is the number of tokens plus the number
// of matches, never a scan per entry.
//
// Build with Add() then Compile(); after Compile() the automaton is
// immutable and Match() may run on any number of threads.
//
//   TokenAutomaton automaton;
//   automaton.Add({"united", "nations"}, 7);
//   automaton.Compile();
//   automaton.Match(folds, [](size_t begin, size_t end, uint32_t value) {...});
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_TOKEN_AUTOMATON_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_TOKEN_AUTOMATON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"

namespace accord::extract {

class TokenAutomaton {
 public:
  TokenAutomaton();

  // Adds a pattern of folded tokens with a caller's value. The same
  // pattern may be added with several values; each is reported.
  // REQUIRES: not compiled; `tokens` is not empty.
  void Add(const std::vector<std::string>& tokens, uint32_t value);

  // Builds the failure and output links.
  void Compile();

  // Calls found(begin, end, value) for every occurrence of every pattern
  // in `folds`, as token indexes [begin, end), in order of `end`.
  // REQUIRES: compiled.
  void Match(const std::vector<std::string_view>& folds,
             absl::FunctionRef<void(size_t begin, size_t end, uint32_t value)>
                 found) const;

  size_t pattern_count() const { return pattern_count_; }
  size_t state_count() const { return states_.size(); }

 private:
  struct State {
    uint32_t failure = 0;
    // Next state on the failure chain that ends a pattern (0: none).
    uint32_t output_link = 0;
    uint32_t depth = 0;
    // Values of the patterns ending exactly here.
    std::vector<uint32_t> values;
  };

  // 0 when the token is in no pattern.
  uint32_t TokenId(std::string_view token) const;
  // The goto function; 0 (the root) when there is no edge.
  uint32_t Edge(uint32_t state, uint32_t token) const;
  static uint64_t EdgeKey(uint32_t state, uint32_t token) {
    return (uint64_t{state} << 32) | token;
  }

  absl::flat_hash_map<std::string, uint32_t> token_ids_;
  absl::flat_hash_map<uint64_t, uint32_t> edges_;
  // The root's edges by token id, filled by Compile(): most tokens of a
  // text are read at the root (no pattern under way), and an array index
  // costs less than a hash lookup there.
  std::vector<uint32_t> root_edges_;
  std::vector<State> states_;
  size_t pattern_count_ = 0;
  bool compiled_ = false;
};

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_TOKEN_AUTOMATON_H_
