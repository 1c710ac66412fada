// The accord.v1.QueryService gRPC adapter: calls the readers and converts
// statuses. No query logic lives here.
#ifndef ACCORD_QUERY_SERVICE_QUERY_SERVICE_H_
#define ACCORD_QUERY_SERVICE_QUERY_SERVICE_H_

#include "accord/v1/query_service.grpc.pb.h"
#include "common/store/follower.h"
#include "query-service/document_reader.h"
#include "query-service/entity_reader.h"
#include "query-service/relations_reader.h"
#include "query-service/search/searcher.h"
#include "query-service/story_reader.h"
#include "query-service/timeline_reader.h"

namespace accord::query {

class QueryServiceImpl final : public accord::v1::QueryService::Service {
 public:
  // The pointers must outlive the service.
  QueryServiceImpl(const store::Follower* follower,
                   const DocumentReader* documents, const Searcher* searcher,
                   const EntityReader* entities, const StoryReader* stories,
                   const TimelineReader* timeline,
                   const RelationsReader* relations)
      : follower_(follower),
        documents_(documents),
        searcher_(searcher),
        entities_(entities),
        stories_(stories),
        timeline_(timeline),
        relations_(relations) {}

  grpc::Status GetDocument(grpc::ServerContext* context,
                           const accord::v1::GetDocumentRequest* request,
                           accord::v1::GetDocumentResponse* response) override;
  grpc::Status BatchGetDocuments(
      grpc::ServerContext* context,
      const accord::v1::BatchGetDocumentsRequest* request,
      accord::v1::BatchGetDocumentsResponse* response) override;
  grpc::Status SearchDocuments(
      grpc::ServerContext* context,
      const accord::v1::SearchDocumentsRequest* request,
      accord::v1::SearchDocumentsResponse* response) override;
  grpc::Status GetStoreStatus(
      grpc::ServerContext* context,
      const accord::v1::GetStoreStatusRequest* request,
      accord::v1::GetStoreStatusResponse* response) override;
  grpc::Status GetEntity(grpc::ServerContext* context,
                         const accord::v1::GetEntityRequest* request,
                         accord::v1::GetEntityResponse* response) override;
  grpc::Status SearchEntities(
      grpc::ServerContext* context,
      const accord::v1::SearchEntitiesRequest* request,
      accord::v1::SearchEntitiesResponse* response) override;
  grpc::Status GetEvent(grpc::ServerContext* context,
                        const accord::v1::GetEventRequest* request,
                        accord::v1::GetEventResponse* response) override;
  grpc::Status ListEvents(grpc::ServerContext* context,
                          const accord::v1::ListEventsRequest* request,
                          accord::v1::ListEventsResponse* response) override;
  grpc::Status GetRelations(
      grpc::ServerContext* context,
      const accord::v1::GetRelationsRequest* request,
      accord::v1::GetRelationsResponse* response) override;
  grpc::Status GetStory(grpc::ServerContext* context,
                        const accord::v1::GetStoryRequest* request,
                        accord::v1::GetStoryResponse* response) override;

 private:
  const store::Follower* const follower_;
  const DocumentReader* const documents_;
  const Searcher* const searcher_;
  const EntityReader* const entities_;
  const StoryReader* const stories_;
  const TimelineReader* const timeline_;
  const RelationsReader* const relations_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_QUERY_SERVICE_H_
