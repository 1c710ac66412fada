// PostgreSQL 15 full-text search (postgresql-15, libpq) as a benchmark
// peer: a throwaway cluster (initdb + pg_ctl, as the postgres OS user when
// run as root) in a temporary directory, reached over its Unix socket only,
// stopped and deleted with the engine.
//
// Configuration, and why it is fair
//   Table: docs(id bigint, lang regconfig, body text), loaded with COPY.
//     lang is the document's text search configuration: english, french,
//     german, spanish, russian, and simple for Vietnamese (PostgreSQL has no
//     Vietnamese configuration). Then a GIN index on to_tsvector(lang, body)
//     (kExpressionIndex), or on a stored generated column tsv =
//     to_tsvector(lang, body) (kStoredColumn, the default: the setup
//     PostgreSQL's manual recommends for speed; about twice the size, but
//     ranking reads stored vectors instead of re-parsing every match, 10 to
//     100 times faster). The registry offers both ("postgres",
//     "postgres-expr"), so each figure can be compared with PostgreSQL's best.
//     Load = CREATE TABLE + COPY + CREATE INDEX + ANALYZE in one transaction
//     (timed together), committed with fsync on: durable when Load returns.
//   Server settings: PostgreSQL's own bulk-load advice ("Populating a
//     Database"): wal_level=minimal (COPY into a table created in the same
//     transaction skips WAL; the files are synced at commit instead),
//     maintenance_work_mem=1GB for the GIN build, max_wal_size=8GB;
//     shared_buffers=512MB; jit=off (JIT compilation only adds latency to
//     short queries). fsync and synchronous_commit stay on.
//   Query: queries have no language, so the tsquery is the OR of
//     websearch_to_tsquery over the six configurations: a word matches its
//     stem in any corpus language, as Accord's analyzer does. Bare words are
//     joined with "or" (Accord ORs them; websearch's default is AND);
//     "quoted" phrases stay phrases (<->). Ranked by ts_rank, LIMIT k:
//       SELECT id FROM docs WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC
//       LIMIT k      (tsv: the column, or to_tsvector(lang, body))
//     prepared once, with plan_cache_mode=force_custom_plan so each query is
//     planned for its own words.
//   Size: pg_total_relation_size('docs') (heap, TOAST and the GIN index).
// Not thread-safe (see engine.h).
#ifndef ACCORD_BENCH_ENGINES_POSTGRES_ENGINE_H_
#define ACCORD_BENCH_ENGINES_POSTGRES_ENGINE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "bench/engines/engine.h"

namespace accord::bench {

struct PostgresOptions {
  enum class Layout { kExpressionIndex, kStoredColumn };
  // Where the tsvector lives. Default: kStoredColumn.
  Layout layout = Layout::kStoredColumn;
  // The server binaries (initdb, pg_ctl). Default: Debian's PostgreSQL 15.
  std::string bin_dir = "/usr/lib/postgresql/15/bin";
};

// Starts a cluster under a new directory in `work_dir`. Fails when the
// binaries are missing or the server does not start (its log is quoted).
absl::StatusOr<std::unique_ptr<Engine>> NewPostgresEngine(
    const std::string& work_dir, const PostgresOptions& options = {});

}  // namespace accord::bench

#endif  // ACCORD_BENCH_ENGINES_POSTGRES_ENGINE_H_
