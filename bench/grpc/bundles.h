// The benchmark corpus's generated documents as what the gRPC benchmarks
// send the ingest-service: plain text with the agency and publication time
// as metadata, as a crawler would.
#ifndef ACCORD_BENCH_GRPC_BUNDLES_H_
#define ACCORD_BENCH_GRPC_BUNDLES_H_

#include "accord/v1/ingest_service.pb.h"
#include "bench/corpus/generator.h"

namespace accord::bench {

// Appends `doc` to `request`'s documents.
void AddGeneratedDocument(const GeneratedDoc& doc,
                          accord::v1::IngestBundleRequest* request);

}  // namespace accord::bench

#endif  // ACCORD_BENCH_GRPC_BUNDLES_H_
