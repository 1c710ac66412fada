#include "tools/eval_extract/report.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"

namespace accord::eval_extract {
namespace {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

void PrintTable(const EvalResult& result, std::ostream& out) {
  out << absl::StrFormat("%-15s %-6s %6s %6s %6s %8s %8s %8s\n", "field",
                         "lang", "P", "R", "F1", "correct", "pred", "gold");
  for (int f = 0; f < kFieldCount; ++f) {
    for (const GroupResult& g : result.groups) {
      const Counts& c = g.tally.fields[f];
      out << absl::StrFormat("%-15s %-6s %6.3f %6.3f %6.3f %8d %8d %8d\n",
                             FieldName(static_cast<Field>(f)), g.group,
                             c.Precision(), c.Recall(), c.F1(), c.correct,
                             c.predicted, c.gold);
    }
  }
  out << "\ndocuments:";
  for (const GroupResult& g : result.groups) {
    out << " " << g.group << "=" << g.documents;
  }
  out << "\nlanguage detected other than the folder's: "
      << result.groups.back().language_mismatches << " documents\n";
  out << "gold annotations in text the normalizer removed (counted as misses): "
      << result.unmapped.size() << "\n";
  for (const Unmapped& u : result.unmapped) {
    out << "  " << u.file << ":" << u.line << "  " << u.surface << " #"
        << u.occurrence << "\n";
  }
  out << "parts not aligned with their file: " << result.unaligned_parts
      << "\n";
  out << "predictions in publication stamps (not scored): "
      << result.stamp_items_skipped << "\n";
  out << "documents the normalizer rejected: " << result.rejected.size()
      << "\n";
  for (const std::string& r : result.rejected) out << "  " << r << "\n";
}

void PrintErrors(const EvalResult& result, std::ostream& out) {
  for (int f = 0; f < kFieldCount; ++f) {
    out << "\n== " << FieldName(static_cast<Field>(f)) << "\n";
    for (const GroupResult& g : result.groups) {
      for (const Error& e : g.tally.errors) {
        if (static_cast<int>(e.field) != f) continue;
        out << (e.miss ? "MISS " : "FP   ") << e.file << "  \"" << e.surface
            << "\"  " << e.detail << "\n";
      }
    }
  }
}

void PrintJson(const EvalResult& result, bool errors, std::ostream& out) {
  out << "{\"groups\":[";
  for (size_t i = 0; i < result.groups.size(); ++i) {
    const GroupResult& g = result.groups[i];
    out << (i ? "," : "") << "{\"group\":" << JsonString(g.group)
        << ",\"documents\":" << g.documents
        << ",\"language_mismatches\":" << g.language_mismatches
        << ",\"fields\":{";
    for (int f = 0; f < kFieldCount; ++f) {
      const Counts& c = g.tally.fields[f];
      out << (f ? "," : "") << JsonString(FieldName(static_cast<Field>(f)))
          << absl::StrFormat(
                 ":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,"
                 "\"correct\":%d,\"predicted\":%d,\"gold\":%d}",
                 c.Precision(), c.Recall(), c.F1(), c.correct, c.predicted,
                 c.gold);
    }
    out << "}}";
  }
  out << "],\"unmapped\":[";
  for (size_t i = 0; i < result.unmapped.size(); ++i) {
    const Unmapped& u = result.unmapped[i];
    out << (i ? "," : "") << "{\"file\":" << JsonString(u.file)
        << ",\"line\":" << u.line << ",\"surface\":" << JsonString(u.surface)
        << ",\"occurrence\":" << u.occurrence << "}";
  }
  out << "],\"unaligned_parts\":" << result.unaligned_parts
      << ",\"stamp_items_skipped\":" << result.stamp_items_skipped
      << ",\"rejected\":" << result.rejected.size();
  if (errors) {
    out << ",\"errors\":[";
    bool first = true;
    for (const GroupResult& g : result.groups) {
      for (const Error& e : g.tally.errors) {
        out << (first ? "" : ",")
            << "{\"field\":" << JsonString(FieldName(e.field))
            << ",\"kind\":" << (e.miss ? "\"miss\"" : "\"false_positive\"")
            << ",\"file\":" << JsonString(e.file)
            << ",\"surface\":" << JsonString(e.surface)
            << ",\"detail\":" << JsonString(e.detail) << "}";
        first = false;
      }
    }
    out << "]";
  }
  out << "}\n";
}

void PrintStories(const StoryEvalResult& result, bool verbose,
                  std::ostream& out) {
  out << absl::StrFormat(
      "\nstories (BCubed over %d documents, one bundle each; gold: %d "
      "stories, %d of two or more documents; predicted: %d, %d of two or "
      "more)\n",
      result.documents, result.gold_stories, result.gold_multi,
      result.predicted_stories, result.predicted_multi);
  out << absl::StrFormat("  precision %.3f  recall %.3f  F1 %.3f\n",
                         result.score.precision, result.score.recall,
                         result.score.f1);
  if (!verbose) return;
  // Clusters of two or more, predicted then gold, with each member's other
  // label.
  auto print = [&](const char* title, bool by_predicted) {
    std::map<std::string, std::vector<const StoryEvalResult::Row*>> clusters;
    for (const StoryEvalResult::Row& row : result.rows) {
      clusters[by_predicted ? row.predicted : row.gold].push_back(&row);
    }
    out << "\n" << title << "\n";
    for (const auto& [label, rows] : clusters) {
      if (rows.size() < 2) continue;
      out << "  " << label << "\n";
      for (const StoryEvalResult::Row* row : rows) {
        out << "    " << row->file << "  ("
            << (by_predicted ? row->gold : row->predicted) << ")\n";
      }
    }
  };
  print("predicted stories of two or more documents (gold story):", true);
  print("gold stories of two or more documents (predicted story):", false);
}

}  // namespace accord::eval_extract
