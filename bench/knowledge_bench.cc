// knowledge_bench: the knowledge queries of QueryService (issue 10) side by
// side with search, on one store, in one run.
//
//  1. Generates --docs news articles (bench/corpus, the news profile) and
//     ingests them with the understanding layer, as accord-ingest does, into
//     a store under --work_dir.
//  2. Reads it through a follower, as accord-query does, and times each
//     request --requests times in-process (the reader called directly) and
//     over gRPC (QueryServiceImpl on a loopback port, a real client stub),
//     printing p50 and p99: plain search, search with five facets, search
//     with an entity filter, a listing by filter with facets, SearchEntities,
//     GetEntity, ListEvents for a country pair, GetRelations, ListStories,
//     GetStory and GetStats. Parameters come from the store itself (its
//     most frequent countries, people and topics), round-robin.
//  3. WatchDocuments: one watch open over gRPC while --watch_docs more
//     documents are ingested one bundle at a time; for each, the time from
//     the ingest acknowledgement until the follower can read it (the
//     freshness bound) and until the watch client has it.
//
//   build-release/bench/knowledge_bench --docs=50000
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "accord/v1/query_service.grpc.pb.h"
#include "bench/corpus/generator.h"
#include "bench/corpus/query_set.h"
#include "common/analysis/analyzer.h"
#include "common/store/follower.h"
#include "grpcpp/grpcpp.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/ingester.h"
#include "ingest-service/normalize/normalizer.h"
#include "query-service/query_service.h"

ABSL_FLAG(uint64_t, docs, 50000, "Documents in the store.");
ABSL_FLAG(int, requests, 200, "Timed calls of each request kind and mode.");
ABSL_FLAG(int, watch_docs, 50, "Documents ingested while a watch is open.");
ABSL_FLAG(std::string, work_dir, "/tmp",
          "Where the store goes (a fresh directory under it, removed after).");
ABSL_FLAG(absl::Duration, catch_up_interval, absl::Milliseconds(100),
          "The follower's catch-up interval (accord-query's default).");

namespace {

using accord::bench::GeneratedDoc;
using Clock = std::chrono::steady_clock;

constexpr size_t kBundleDocuments = 500;

double Millis(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

struct Percentiles {
  double p50 = 0;
  double p99 = 0;
  double mean = 0;
};

Percentiles Of(std::vector<double> ms) {
  Percentiles p;
  if (ms.empty()) return p;
  std::sort(ms.begin(), ms.end());
  p.p50 = ms[ms.size() / 2];
  p.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  for (double m : ms) p.mean += m;
  p.mean /= static_cast<double>(ms.size());
  return p;
}

accord::v1::DocumentInput InputOf(const GeneratedDoc& doc) {
  accord::v1::DocumentInput input;
  input.set_content(doc.text);
  input.set_content_type("text/plain; charset=utf-8");
  input.mutable_metadata()->set_agency(doc.agency);
  input.mutable_metadata()->mutable_publication_time()->set_seconds(
      doc.published_unix);
  return input;
}

// Ingests docs [begin, end) in bundles; false (with a message) on failure.
bool IngestRange(accord::ingest::Ingester& ingester,
                 const std::vector<GeneratedDoc>& docs, size_t begin,
                 size_t end, size_t bundle_size) {
  for (size_t start = begin; start < end; start += bundle_size) {
    auto bundle = ingester.NewBundle("bench", "", "");
    if (!bundle.ok()) {
      std::cerr << bundle.status() << "\n";
      return false;
    }
    std::vector<accord::v1::DocumentInput> inputs;
    for (size_t i = start; i < std::min(end, start + bundle_size); ++i) {
      inputs.push_back(InputOf(docs[i]));
    }
    std::vector<const accord::v1::DocumentInput*> pointers;
    for (const auto& input : inputs) pointers.push_back(&input);
    if (absl::Status added = (*bundle)->AddAll(pointers); !added.ok()) {
      std::cerr << added << "\n";
      return false;
    }
    absl::StatusOr<accord::v1::Bundle> report = (*bundle)->Commit();
    if (!report.ok()) {
      std::cerr << report.status() << "\n";
      return false;
    }
  }
  return true;
}

// One request kind, run in-process and over gRPC.
struct Kind {
  std::string name;
  // Calls request number i; false on an error (printed).
  std::function<bool(int)> in_process;
  std::function<bool(int)> over_grpc;
};

template <typename T>
bool Ok(const absl::StatusOr<T>& result, const std::string& what) {
  if (!result.ok()) std::cerr << what << ": " << result.status() << "\n";
  return result.ok();
}

bool Ok(const grpc::Status& status, const std::string& what) {
  if (!status.ok()) std::cerr << what << ": " << status.error_message() << "\n";
  return status.ok();
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "The knowledge queries beside search, in-process and over gRPC.\n"
      "  knowledge_bench --docs=50000");
  absl::ParseCommandLine(argc, argv);
  const uint64_t n = absl::GetFlag(FLAGS_docs);
  const int requests = absl::GetFlag(FLAGS_requests);
  const int watch_docs = absl::GetFlag(FLAGS_watch_docs);

  const std::string dir =
      absl::StrCat(absl::GetFlag(FLAGS_work_dir), "/knowledge_bench-",
                   absl::ToUnixMicros(absl::Now()));
  std::filesystem::create_directories(dir);
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } cleanup{dir};

  auto corpus = accord::bench::CorpusGenerator::Create({});
  if (!corpus.ok()) {
    std::cerr << corpus.status() << "\n";
    return 1;
  }
  const std::vector<GeneratedDoc> docs =
      (*corpus)->Documents(n + watch_docs, /*threads=*/2);

  auto store = accord::store::Store::OpenPrimary(dir + "/db",
                                                 accord::store::StoreOptions());
  auto analyzer = accord::analysis::Analyzer::Create();
  auto understanding = accord::extract::Understanding::Create(
      accord::extract::UnderstandingOptions());
  if (!Ok(store, "store") || !Ok(analyzer, "analyzer") ||
      !Ok(understanding, "understanding")) {
    return 1;
  }
  accord::normalize::Normalizer normalizer;
  accord::ingest::IngesterOptions ingester_options;
  ingester_options.understanding = understanding->get();
  accord::ingest::Ingester ingester(store->get(), &normalizer, analyzer->get(),
                                    ingester_options);
  const auto load_start = Clock::now();
  if (!IngestRange(ingester, docs, 0, n, kBundleDocuments)) return 1;
  const double load_s = Millis(Clock::now() - load_start) / 1000;
  std::cout << absl::StrFormat(
      "knowledge_bench: %d documents ingested with understanding in %.1f s "
      "(%.0f docs/s)\n",
      n, load_s, n / load_s);

  accord::store::FollowerOptions follower_options;
  follower_options.primary_path = dir + "/db";
  follower_options.secondary_path = dir + "/secondary";
  follower_options.catch_up_interval = absl::GetFlag(FLAGS_catch_up_interval);
  accord::store::Follower follower(follower_options);
  follower.Start();
  while (follower.store() == nullptr ||
         follower.store()->DocumentCount().value_or(0) < n) {
    absl::SleepFor(absl::Milliseconds(20));
  }

  accord::query::QueryReaderSet set(&follower, analyzer->get());
  accord::query::QueryServiceImpl service(set.readers());
  const accord::query::Searcher& searcher = set.searcher();
  const accord::query::EntityReader& entities = set.entities();
  const accord::query::StoryReader& stories = set.stories();
  const accord::query::TimelineReader& timeline = set.timeline();
  const accord::query::RelationsReader& relations = set.relations();
  const accord::query::StoryLister& story_lister = set.story_lister();
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                           &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  auto stub = accord::v1::QueryService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));

  // Parameters from the store: its most frequent countries, people, topics
  // (GetStats, untimed: it also loads the document table).
  accord::v1::GetStatsRequest stats_request;
  for (auto field :
       {accord::v1::FACET_FIELD_COUNTRY, accord::v1::FACET_FIELD_PERSON,
        accord::v1::FACET_FIELD_TOPIC}) {
    stats_request.add_fields(field);
  }
  stats_request.set_max_values(20);
  auto stats = searcher.Stats(stats_request);
  if (!Ok(stats, "GetStats")) return 1;
  std::vector<std::string> countries, country_names, people, topics;
  for (const auto& v : stats->facets(0).values()) {
    countries.push_back(v.value());
    country_names.push_back(v.label().empty() ? v.value() : v.label());
  }
  for (const auto& v : stats->facets(1).values()) people.push_back(v.value());
  for (const auto& v : stats->facets(2).values()) topics.push_back(v.value());
  if (countries.size() < 2 || people.empty() || topics.empty()) {
    std::cerr << "the corpus has too few countries, people or topics\n";
    return 1;
  }
  std::vector<std::string> entity_ids = countries;
  entity_ids.insert(entity_ids.end(), people.begin(), people.end());
  const std::vector<accord::bench::BenchQuery> queries =
      accord::bench::GenerateQueries(**corpus, n, 100);
  // Names as people type them: whole, begun, one letter wrong.
  std::vector<std::string> names;
  for (const std::string& name : country_names) {
    names.push_back(name);
    names.push_back(name.substr(0, std::min<size_t>(4, name.size())));
    if (name.size() > 4) {
      std::string typo = name;
      typo[2] = typo[2] == 'x' ? 'y' : 'x';
      names.push_back(typo);
    }
  }
  accord::v1::ListStoriesRequest list_request;
  list_request.set_order_by(accord::v1::STORY_ORDER_LARGEST);
  list_request.set_page_size(100);
  auto listed = story_lister.ListStories(list_request);
  if (!Ok(listed, "ListStories")) return 1;
  std::vector<std::string> story_ids;
  for (const auto& s : listed->stories()) story_ids.push_back(s.story_id());
  if (story_ids.empty()) {
    std::cerr << "no stories\n";
    return 1;
  }

  auto search_request = [&](int i, bool facets, bool filter) {
    accord::v1::SearchDocumentsRequest r;
    r.set_query(queries[i % queries.size()].text);
    if (facets) {
      for (auto f :
           {accord::v1::FACET_FIELD_LANGUAGE, accord::v1::FACET_FIELD_TOPIC,
            accord::v1::FACET_FIELD_COUNTRY, accord::v1::FACET_FIELD_PERSON,
            accord::v1::FACET_FIELD_MONTH}) {
        r.add_facets(f);
      }
    }
    if (filter) r.add_entity_ids(countries[i % countries.size()]);
    return r;
  };
  auto browse_request = [&](int i) {
    accord::v1::SearchDocumentsRequest r;
    r.add_entity_ids(countries[i % countries.size()]);
    r.add_facets(accord::v1::FACET_FIELD_LANGUAGE);
    r.add_facets(accord::v1::FACET_FIELD_MONTH);
    return r;
  };
  auto entities_request = [&](int i) {
    accord::v1::SearchEntitiesRequest r;
    r.set_query(names[i % names.size()]);
    return r;
  };
  auto entity_request = [&](int i) {
    accord::v1::GetEntityRequest r;
    r.set_entity_id(entity_ids[i % entity_ids.size()]);
    return r;
  };
  auto events_request = [&](int i) {
    accord::v1::ListEventsRequest r;
    const size_t a = i % countries.size();
    const size_t b = (a + 1 + (i / countries.size()) % (countries.size() - 1)) %
                     countries.size();
    r.add_participant_ids(countries[a]);
    r.add_participant_ids(countries[b]);
    return r;
  };
  auto relations_request = [&](int i) {
    accord::v1::GetRelationsRequest r;
    r.set_entity_id(entity_ids[i % entity_ids.size()]);
    return r;
  };
  auto stories_request = [&](int i) {
    accord::v1::ListStoriesRequest r;
    if (i % 2 == 1) r.add_topic_ids(topics[i % topics.size()]);
    return r;
  };
  auto story_request = [&](int i) {
    accord::v1::GetStoryRequest r;
    r.set_story_id(story_ids[i % story_ids.size()]);
    return r;
  };

  const accord::CallDeadline none;
  std::vector<Kind> kinds = {
      {"SearchDocuments",
       [&](int i) {
         return Ok(searcher.Search(search_request(i, false, false)), "search");
       },
       [&](int i) {
         grpc::ClientContext c;
         accord::v1::SearchDocumentsResponse r;
         return Ok(
             stub->SearchDocuments(&c, search_request(i, false, false), &r),
             "search");
       }},
      {"  + 5 facets",
       [&](int i) {
         return Ok(searcher.Search(search_request(i, true, false)), "facets");
       },
       [&](int i) {
         grpc::ClientContext c;
         accord::v1::SearchDocumentsResponse r;
         return Ok(
             stub->SearchDocuments(&c, search_request(i, true, false), &r),
             "facets");
       }},
      {"  + entity filter",
       [&](int i) {
         return Ok(searcher.Search(search_request(i, false, true)), "filter");
       },
       [&](int i) {
         grpc::ClientContext c;
         accord::v1::SearchDocumentsResponse r;
         return Ok(
             stub->SearchDocuments(&c, search_request(i, false, true), &r),
             "filter");
       }},
      {"  filter only, 2 facets",
       [&](int i) { return Ok(searcher.Search(browse_request(i)), "browse"); },
       [&](int i) {
         grpc::ClientContext c;
         accord::v1::SearchDocumentsResponse r;
         return Ok(stub->SearchDocuments(&c, browse_request(i), &r), "browse");
       }},
      {"SearchEntities",
       [&](int i) {
         return Ok(entities.SearchEntities(entities_request(i), none),
                   "entities");
       },
       [&](int i) {
         grpc::ClientContext c;
         accord::v1::SearchEntitiesResponse r;
         return Ok(stub->SearchEntities(&c, entities_request(i), &r),
                   "entities");
       }},
      {"GetEntity",
       [&](int i) {
         return Ok(entities.GetEntity(entity_request(i), none), "entity");
       },
       [&](int i) {
         grpc::ClientContext c;
         accord::v1::GetEntityResponse r;
         return Ok(stub->GetEntity(&c, entity_request(i), &r), "entity");
       }},
      {"ListEvents (country pair)",
       [&](int i) {
         return Ok(timeline.ListEvents(events_request(i), none), "events");
       },
       [&](int i) {
         grpc::ClientContext c;
         accord::v1::ListEventsResponse r;
         return Ok(stub->ListEvents(&c, events_request(i), &r), "events");
       }},
      {"GetRelations",
       [&](int i) {
         return Ok(relations.GetRelations(relations_request(i), none),
                   "relations");
       },
       [&](int i) {
         grpc::ClientContext c;
         accord::v1::GetRelationsResponse r;
         return Ok(stub->GetRelations(&c, relations_request(i), &r),
                   "relations");
       }},
      {"ListStories",
       [&](int i) {
         return Ok(story_lister.ListStories(stories_request(i), none),
                   "stories");
       },
       [&](int i) {
         grpc::ClientContext c;
         accord::v1::ListStoriesResponse r;
         return Ok(stub->ListStories(&c, stories_request(i), &r), "stories");
       }},
      {"GetStory",
       [&](int i) {
         return Ok(stories.GetStory(story_request(i), none), "story");
       },
       [&](int i) {
         grpc::ClientContext c;
         accord::v1::GetStoryResponse r;
         return Ok(stub->GetStory(&c, story_request(i), &r), "story");
       }},
      {"GetStats",
       [&](int) {
         return Ok(searcher.Stats(accord::v1::GetStatsRequest()), "stats");
       },
       [&](int) {
         grpc::ClientContext c;
         accord::v1::GetStatsResponse r;
         return Ok(stub->GetStats(&c, accord::v1::GetStatsRequest(), &r),
                   "stats");
       }},
  };

  std::cout << absl::StrFormat(
      "\n%d documents, %d calls each in each mode (after an untimed pass); "
      "ms\n"
      "%-26s %9s %9s %9s   %9s %9s %9s\n",
      n, requests, "request", "in-proc p50", "p99", "mean", "gRPC p50", "p99",
      "mean");
  std::vector<Percentiles> in_process_figures;
  // Measured on a thread of its own, as a server thread calls the readers:
  // the main thread's allocator arena holds what the ingest left.
  bool failed = false;
  std::thread measuring([&] {
    for (const Kind& kind : kinds) {
      // One untimed pass over every request first, so that neither mode
      // pays the other's cold reads; then each request in both modes, the
      // mode that goes first alternating.
      for (int i = 0; i < requests; ++i) {
        if (!kind.in_process(i)) {
          failed = true;
          return;
        }
      }
      std::vector<double> local, remote;
      for (int i = 0; i < requests; ++i) {
        const bool local_first = i % 2 == 0;
        for (int mode = 0; mode < 2; ++mode) {
          const bool local_now = (mode == 0) == local_first;
          const auto t0 = Clock::now();
          if (!(local_now ? kind.in_process(i) : kind.over_grpc(i))) {
            failed = true;
            return;
          }
          (local_now ? local : remote).push_back(Millis(Clock::now() - t0));
        }
      }
      const Percentiles l = Of(local), r = Of(remote);
      in_process_figures.push_back(l);
      std::cout << absl::StrFormat(
                       "%-26s %9.2f %9.2f %9.2f   %9.2f %9.2f %9.2f\n",
                       kind.name, l.p50, l.p99, l.mean, r.p50, r.p99, r.mean)
                << std::flush;
    }
  });
  measuring.join();
  if (failed) return 1;
  std::cout << absl::StrFormat(
      "facets / plain search, in-process: p50 %.2fx, p99 %.2fx, mean %.2fx "
      "(target: at most 1.5x)\n",
      in_process_figures[1].p50 / in_process_figures[0].p50,
      in_process_figures[1].p99 / in_process_figures[0].p99,
      in_process_figures[1].mean / in_process_figures[0].mean);

  // WatchDocuments: delivery of documents ingested while a watch is open.
  grpc::ClientContext watch_context;
  accord::v1::WatchDocumentsRequest watch_request;  // every new document
  watch_request.mutable_heartbeat_interval()->set_seconds(1);
  auto reader = stub->WatchDocuments(&watch_context, watch_request);
  accord::v1::WatchDocumentsResponse message;
  if (!reader->Read(&message)) {  // the first progress message: running
    std::cerr << "watch: " << reader->Finish().error_message() << "\n";
    return 1;
  }
  absl::Mutex mu;
  std::vector<std::pair<uint64_t, Clock::time_point>> received;
  std::thread receiving([&] {
    accord::v1::WatchDocumentsResponse m;
    while (reader->Read(&m)) {
      if (!m.has_hit()) continue;
      absl::MutexLock lock(&mu);
      received.emplace_back(m.sequence(), Clock::now());
    }
  });
  std::vector<double> visible_ms, delivered_ms, overhead_ms;
  for (int i = 0; i < watch_docs; ++i) {
    const uint64_t sequence = n + i;
    const uint64_t seen = follower.catch_ups();
    if (!IngestRange(ingester, docs, sequence, sequence + 1, 1)) return 1;
    const auto t0 = Clock::now();
    uint64_t waited = seen;
    while (follower.store()->DocumentCount().value_or(0) <= sequence) {
      waited = follower.WaitForCatchUp(waited, absl::Seconds(1));
    }
    const auto visible = Clock::now();
    Clock::time_point delivered;
    for (bool got = false; !got;) {
      absl::SleepFor(absl::Microseconds(200));
      absl::MutexLock lock(&mu);
      for (const auto& [s, t] : received) {
        if (s == sequence) {
          got = true;
          delivered = t;
        }
      }
    }
    visible_ms.push_back(Millis(visible - t0));
    delivered_ms.push_back(Millis(delivered - t0));
    overhead_ms.push_back(Millis(delivered - visible));
    absl::SleepFor(absl::Milliseconds(37));  // not in step with catch-ups
  }
  watch_context.TryCancel();
  receiving.join();
  reader->Finish();
  const Percentiles v = Of(visible_ms), d = Of(delivered_ms),
                    o = Of(overhead_ms);
  std::cout << absl::StrFormat(
      "\nWatchDocuments, %d documents ingested one by one (catch-up interval "
      "%s), ms after the ingest acknowledgement:\n"
      "  readable by the follower (freshness): p50 %.1f  p99 %.1f  max %.1f\n"
      "  delivered to the watch client:        p50 %.1f  p99 %.1f  max %.1f\n"
      "  delivery after readable:              p50 %.2f  p99 %.2f  (target: "
      "within 10)\n",
      watch_docs, absl::FormatDuration(absl::GetFlag(FLAGS_catch_up_interval)),
      v.p50, v.p99, *std::max_element(visible_ms.begin(), visible_ms.end()),
      d.p50, d.p99, *std::max_element(delivered_ms.begin(), delivered_ms.end()),
      o.p50, o.p99);
  server->Shutdown();
  return 0;
}
