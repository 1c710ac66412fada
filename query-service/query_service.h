// The accord.v1.QueryService gRPC adapter: calls the readers and converts
// statuses. No query logic lives here.
#ifndef ACCORD_QUERY_SERVICE_QUERY_SERVICE_H_
#define ACCORD_QUERY_SERVICE_QUERY_SERVICE_H_

#include "accord/v1/query_service.grpc.pb.h"
#include "query-service/document_reader.h"

namespace accord::query {

class QueryServiceImpl final : public accord::v1::QueryService::Service {
 public:
  // `documents` must outlive the service.
  explicit QueryServiceImpl(const DocumentReader* documents)
      : documents_(documents) {}

  grpc::Status GetDocument(grpc::ServerContext* context,
                           const accord::v1::GetDocumentRequest* request,
                           accord::v1::GetDocumentResponse* response) override;
  grpc::Status BatchGetDocuments(
      grpc::ServerContext* context,
      const accord::v1::BatchGetDocumentsRequest* request,
      accord::v1::BatchGetDocumentsResponse* response) override;

 private:
  const DocumentReader* const documents_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_QUERY_SERVICE_H_
