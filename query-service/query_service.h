// The accord.v1.QueryService gRPC adapter: calls the readers and converts
// statuses. No query logic lives here.
#ifndef ACCORD_QUERY_SERVICE_QUERY_SERVICE_H_
#define ACCORD_QUERY_SERVICE_QUERY_SERVICE_H_

#include "accord/v1/query_service.grpc.pb.h"
#include "common/store/follower.h"
#include "query-service/document_reader.h"
#include "query-service/document_watcher.h"
#include "query-service/entity_reader.h"
#include "query-service/relations_reader.h"
#include "query-service/search/searcher.h"
#include "query-service/story_lister.h"
#include "query-service/story_reader.h"
#include "query-service/timeline_reader.h"

namespace accord::query {

// The readers the service calls; every pointer must outlive the service.
struct QueryServiceReaders {
  const store::Follower* follower = nullptr;
  const DocumentReader* documents = nullptr;
  const Searcher* searcher = nullptr;
  const EntityReader* entities = nullptr;
  const StoryReader* stories = nullptr;
  const TimelineReader* timeline = nullptr;
  const RelationsReader* relations = nullptr;
  const DocumentWatcher* watcher = nullptr;
  const StoryLister* story_lister = nullptr;
};

// Every reader the service calls, built with their default options over
// one follower: what accord-query's main and the knowledge benchmark
// assemble.
class QueryReaderSet {
 public:
  // The pointers must outlive the set.
  QueryReaderSet(const store::Follower* follower,
                 const analysis::Analyzer* analyzer)
      : follower_(follower),
        documents_(follower),
        searcher_(follower, analyzer),
        entities_(follower),
        stories_(follower),
        timeline_(follower),
        relations_(follower),
        watcher_(follower, &searcher_),
        story_lister_(follower, &searcher_) {}
  QueryReaderSet(const QueryReaderSet&) = delete;
  QueryReaderSet& operator=(const QueryReaderSet&) = delete;

  QueryServiceReaders readers() const {
    return {.follower = follower_,
            .documents = &documents_,
            .searcher = &searcher_,
            .entities = &entities_,
            .stories = &stories_,
            .timeline = &timeline_,
            .relations = &relations_,
            .watcher = &watcher_,
            .story_lister = &story_lister_};
  }
  const Searcher& searcher() const { return searcher_; }
  const EntityReader& entities() const { return entities_; }
  const StoryReader& stories() const { return stories_; }
  const TimelineReader& timeline() const { return timeline_; }
  const RelationsReader& relations() const { return relations_; }
  const StoryLister& story_lister() const { return story_lister_; }
  // Stop() it when shutdown begins.
  DocumentWatcher& watcher() { return watcher_; }

 private:
  const store::Follower* const follower_;
  DocumentReader documents_;
  Searcher searcher_;
  EntityReader entities_;
  StoryReader stories_;
  TimelineReader timeline_;
  RelationsReader relations_;
  DocumentWatcher watcher_;
  StoryLister story_lister_;
};

class QueryServiceImpl final : public accord::v1::QueryService::Service {
 public:
  explicit QueryServiceImpl(const QueryServiceReaders& readers)
      : follower_(readers.follower),
        documents_(readers.documents),
        searcher_(readers.searcher),
        entities_(readers.entities),
        stories_(readers.stories),
        timeline_(readers.timeline),
        relations_(readers.relations),
        watcher_(readers.watcher),
        story_lister_(readers.story_lister) {}

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
  grpc::Status ListStories(grpc::ServerContext* context,
                           const accord::v1::ListStoriesRequest* request,
                           accord::v1::ListStoriesResponse* response) override;
  grpc::Status GetStats(grpc::ServerContext* context,
                        const accord::v1::GetStatsRequest* request,
                        accord::v1::GetStatsResponse* response) override;
  grpc::Status WatchDocuments(
      grpc::ServerContext* context,
      const accord::v1::WatchDocumentsRequest* request,
      grpc::ServerWriter<accord::v1::WatchDocumentsResponse>* writer) override;

 private:
  const store::Follower* const follower_;
  const DocumentReader* const documents_;
  const Searcher* const searcher_;
  const EntityReader* const entities_;
  const StoryReader* const stories_;
  const TimelineReader* const timeline_;
  const RelationsReader* const relations_;
  const DocumentWatcher* const watcher_;
  const StoryLister* const story_lister_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_QUERY_SERVICE_H_
