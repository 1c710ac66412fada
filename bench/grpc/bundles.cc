#include "bench/grpc/bundles.h"

namespace accord::bench {

void AddGeneratedDocument(const GeneratedDoc& doc,
                          accord::v1::IngestBundleRequest* request) {
  accord::v1::DocumentInput* input = request->add_documents();
  input->set_content(doc.text);
  input->set_content_type("text/plain");
  input->mutable_metadata()->set_agency(doc.agency);
  input->mutable_metadata()->mutable_publication_time()->set_seconds(
      doc.published_unix);
}

}  // namespace accord::bench
