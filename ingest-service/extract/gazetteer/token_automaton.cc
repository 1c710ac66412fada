#include "ingest-service/extract/gazetteer/token_automaton.h"

#include <cassert>
#include <deque>

namespace accord::extract {

TokenAutomaton::TokenAutomaton() { states_.emplace_back(); }

uint32_t TokenAutomaton::TokenId(std::string_view token) const {
  auto it = token_ids_.find(absl::string_view(token.data(), token.size()));
  return it == token_ids_.end() ? 0 : it->second;
}

uint32_t TokenAutomaton::Edge(uint32_t state, uint32_t token) const {
  if (state == 0 && !root_edges_.empty()) return root_edges_[token];
  auto it = edges_.find(EdgeKey(state, token));
  return it == edges_.end() ? 0 : it->second;
}

void TokenAutomaton::Add(const std::vector<std::string>& tokens,
                         uint32_t value) {
  assert(!compiled_ && !tokens.empty());
  uint32_t state = 0;
  for (const std::string& token : tokens) {
    auto [id, inserted] = token_ids_.try_emplace(
        token, static_cast<uint32_t>(token_ids_.size() + 1));
    const uint64_t key = EdgeKey(state, id->second);
    auto edge = edges_.find(key);
    if (edge == edges_.end()) {
      const uint32_t next = static_cast<uint32_t>(states_.size());
      states_.emplace_back();
      states_.back().depth = states_[state].depth + 1;
      edges_.emplace(key, next);
      state = next;
    } else {
      state = edge->second;
    }
  }
  states_[state].values.push_back(value);
  ++pattern_count_;
}

void TokenAutomaton::Compile() {
  // Children of each state, for the breadth-first pass.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> children(
      states_.size());
  for (const auto& [key, next] : edges_) {
    children[key >> 32].emplace_back(static_cast<uint32_t>(key), next);
  }
  std::deque<uint32_t> queue;
  for (const auto& [token, child] : children[0]) {
    states_[child].failure = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const uint32_t state = queue.front();
    queue.pop_front();
    for (const auto& [token, child] : children[state]) {
      uint32_t fallback = states_[state].failure;
      uint32_t target = Edge(fallback, token);
      while (target == 0 && fallback != 0) {
        fallback = states_[fallback].failure;
        target = Edge(fallback, token);
      }
      states_[child].failure = target == child ? 0 : target;
      const uint32_t failure = states_[child].failure;
      states_[child].output_link = states_[failure].values.empty()
                                       ? states_[failure].output_link
                                       : failure;
      queue.push_back(child);
    }
  }
  root_edges_.assign(token_ids_.size() + 1, 0);
  for (const auto& [token, child] : children[0]) root_edges_[token] = child;
  compiled_ = true;
}

void TokenAutomaton::Match(
    const std::vector<std::string_view>& folds,
    absl::FunctionRef<void(size_t, size_t, uint32_t)> found) const {
  assert(compiled_);
  uint32_t state = 0;
  for (size_t i = 0; i < folds.size(); ++i) {
    const uint32_t token = TokenId(folds[i]);
    if (token == 0) {
      state = 0;
      continue;
    }
    uint32_t next = Edge(state, token);
    while (next == 0 && state != 0) {
      state = states_[state].failure;
      next = Edge(state, token);
    }
    state = next;
    for (uint32_t out = state; out != 0;) {
      const State& s = states_[out];
      for (uint32_t value : s.values) found(i + 1 - s.depth, i + 1, value);
      out = s.output_link;
    }
  }
}

}  // namespace accord::extract
