#include "query-service/query_service.h"

#include "absl/time/clock.h"
#include "common/rpc/call.h"
#include "common/rpc/status.h"
#include "query-service/store_status.h"

namespace accord::query {
namespace {

// Moves a successful result into *response, or converts the error.
template <typename Response>
grpc::Status Reply(absl::StatusOr<Response> result, Response* response) {
  if (!result.ok()) return rpc::ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status QueryServiceImpl::GetDocument(
    grpc::ServerContext* /*context*/,
    const accord::v1::GetDocumentRequest* request,
    accord::v1::GetDocumentResponse* response) {
  return Reply(documents_->GetDocument(*request), response);
}

grpc::Status QueryServiceImpl::BatchGetDocuments(
    grpc::ServerContext* /*context*/,
    const accord::v1::BatchGetDocumentsRequest* request,
    accord::v1::BatchGetDocumentsResponse* response) {
  return Reply(documents_->BatchGetDocuments(*request), response);
}

grpc::Status QueryServiceImpl::SearchDocuments(
    grpc::ServerContext* context,
    const accord::v1::SearchDocumentsRequest* request,
    accord::v1::SearchDocumentsResponse* response) {
  return Reply(searcher_->Search(*request, rpc::DeadlineOf(*context)),
               response);
}

grpc::Status QueryServiceImpl::GetStoreStatus(
    grpc::ServerContext* /*context*/,
    const accord::v1::GetStoreStatusRequest* /*request*/,
    accord::v1::GetStoreStatusResponse* response) {
  return Reply(query::GetStoreStatus(*follower_, absl::Now()), response);
}

grpc::Status QueryServiceImpl::GetEntity(
    grpc::ServerContext* context, const accord::v1::GetEntityRequest* request,
    accord::v1::GetEntityResponse* response) {
  return Reply(entities_->GetEntity(*request, rpc::DeadlineOf(*context)),
               response);
}

grpc::Status QueryServiceImpl::SearchEntities(
    grpc::ServerContext* context,
    const accord::v1::SearchEntitiesRequest* request,
    accord::v1::SearchEntitiesResponse* response) {
  return Reply(entities_->SearchEntities(*request, rpc::DeadlineOf(*context)),
               response);
}

grpc::Status QueryServiceImpl::GetEvent(
    grpc::ServerContext* context, const accord::v1::GetEventRequest* request,
    accord::v1::GetEventResponse* response) {
  return Reply(stories_->GetEvent(*request, rpc::DeadlineOf(*context)),
               response);
}

grpc::Status QueryServiceImpl::ListEvents(
    grpc::ServerContext* context, const accord::v1::ListEventsRequest* request,
    accord::v1::ListEventsResponse* response) {
  return Reply(timeline_->ListEvents(*request, rpc::DeadlineOf(*context)),
               response);
}

grpc::Status QueryServiceImpl::GetRelations(
    grpc::ServerContext* context,
    const accord::v1::GetRelationsRequest* request,
    accord::v1::GetRelationsResponse* response) {
  return Reply(relations_->GetRelations(*request, rpc::DeadlineOf(*context)),
               response);
}

grpc::Status QueryServiceImpl::GetStory(
    grpc::ServerContext* context, const accord::v1::GetStoryRequest* request,
    accord::v1::GetStoryResponse* response) {
  return Reply(stories_->GetStory(*request, rpc::DeadlineOf(*context)),
               response);
}

grpc::Status QueryServiceImpl::ListStories(
    grpc::ServerContext* context, const accord::v1::ListStoriesRequest* request,
    accord::v1::ListStoriesResponse* response) {
  return Reply(story_lister_->ListStories(*request, rpc::DeadlineOf(*context)),
               response);
}

grpc::Status QueryServiceImpl::GetStats(
    grpc::ServerContext* /*context*/,
    const accord::v1::GetStatsRequest* request,
    accord::v1::GetStatsResponse* response) {
  return Reply(searcher_->Stats(*request), response);
}

grpc::Status QueryServiceImpl::WatchDocuments(
    grpc::ServerContext* context,
    const accord::v1::WatchDocumentsRequest* request,
    grpc::ServerWriter<accord::v1::WatchDocumentsResponse>* writer) {
  return rpc::ToGrpcStatus(watcher_->Watch(
      *request,
      [writer](const accord::v1::WatchDocumentsResponse& response) {
        return writer->Write(response);
      },
      rpc::DeadlineOf(*context)));
}

}  // namespace accord::query
