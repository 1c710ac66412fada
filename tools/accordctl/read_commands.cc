// accordctl get, bundle, search, entity, entities, event and story: one
// call each, the reply printed.
#include <unistd.h>

#include <iostream>

#include "accord/v1/ingest_service.grpc.pb.h"
#include "accord/v1/query_service.grpc.pb.h"
#include "tools/accordctl/client.h"
#include "tools/accordctl/commands.h"
#include "tools/accordctl/report_printer.h"

namespace accord::ctl {

int RunGet(const CtlOptions& options, const std::string& id) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::GetDocumentRequest request;
  request.set_document_id(id);
  request.set_include_raw_content(options.raw);
  accord::v1::GetDocumentResponse response;
  grpc::Status status = stub->GetDocument(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.raw) {
    std::cout << response.raw_content();
  } else if (options.json) {
    std::cout << FormatJson(response.document()) << "\n";
  } else {
    std::cout << FormatDocument(response.document());
  }
  return kExitOk;
}

int RunBundle(const CtlOptions& options, const std::string& id) {
  auto stub =
      accord::v1::IngestService::NewStub(Connect(options, options.ingest_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::GetBundleRequest request;
  request.set_bundle_id(id);
  accord::v1::GetBundleResponse response;
  grpc::Status status = stub->GetBundle(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.json) {
    std::cout << FormatJson(response.bundle()) << "\n";
  } else {
    std::cout << FormatBundle(response.bundle(),
                              options.quiet ? BundleDetail::kRejectionsOnly
                                            : BundleDetail::kEveryDocument);
  }
  // The bundle was read; its rejections are history, not this call's.
  return kExitOk;
}

int RunStories(const CtlOptions& options) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::ListStoriesRequest request;
  for (const std::string& id : options.topic_ids) request.add_topic_ids(id);
  request.set_min_documents(options.min_documents);
  request.set_order_by(options.story_order);
  request.set_page_size(options.page_size);
  request.set_page_token(options.page_token);
  accord::v1::ListStoriesResponse response;
  grpc::Status status = stub->ListStories(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  std::cout << (options.json ? FormatJson(response) + "\n"
                             : FormatStories(response));
  return kExitOk;
}

int RunStats(const CtlOptions& options) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::GetStatsRequest request;
  for (accord::v1::FacetField field : options.facets) request.add_fields(field);
  request.set_max_values(options.facet_size);
  accord::v1::GetStatsResponse response;
  grpc::Status status = stub->GetStats(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  std::cout << (options.json ? FormatJson(response) + "\n"
                             : FormatStats(response));
  return kExitOk;
}

int RunWatch(const CtlOptions& options, const std::string& query) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  // A watch runs until interrupted unless a timeout was asked for.
  if (options.timeout_given) {
    SetUpCall(options, &context);
  } else {
    AddToken(options, &context);
  }
  accord::v1::WatchDocumentsRequest request;
  request.set_query(query);
  for (const std::string& language : options.languages) {
    request.add_languages(language);
  }
  for (const std::string& source : options.sources) request.add_sources(source);
  for (const std::string& id : options.entity_ids) request.add_entity_ids(id);
  for (const std::string& id : options.topic_ids) request.add_topic_ids(id);
  for (accord::v1::EventType type : options.event_types) {
    request.add_event_types(type);
  }
  request.set_resume_token(options.resume_token);
  std::unique_ptr<grpc::ClientReader<accord::v1::WatchDocumentsResponse>>
      reader = stub->WatchDocuments(&context, request);
  accord::v1::WatchDocumentsResponse response;
  std::string last_token = options.resume_token;
  int64_t documents = 0;
  while (reader->Read(&response)) {
    last_token = response.resume_token();
    if (options.json) {
      std::cout << FormatJsonLine(response) << std::endl;
    } else if (response.has_hit()) {
      std::cout << FormatWatched(response) << std::flush;
    }
    if (response.has_hit() && options.limit > 0 &&
        ++documents >= options.limit) {
      context.TryCancel();
      reader->Finish();
      return kExitOk;
    }
  }
  grpc::Status status = reader->Finish();
  if (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED &&
      options.timeout_given) {
    std::cerr << "accordctl: watch ended at --timeout"
              << (last_token.empty()
                      ? std::string()
                      : "; continue with --resume_token=" + last_token)
              << "\n";
    return kExitOk;
  }
  if (!last_token.empty()) {
    std::cerr << "accordctl: continue with --resume_token=" << last_token
              << "\n";
  }
  return FailRpc(status);
}

int RunSearch(const CtlOptions& options, const std::string& query) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::SearchDocumentsRequest request;
  request.set_query(query);
  for (const std::string& language : options.languages) {
    request.add_languages(language);
  }
  for (const std::string& source : options.sources) request.add_sources(source);
  request.set_page_size(options.page_size);
  request.set_page_token(options.page_token);
  for (const std::string& id : options.entity_ids) request.add_entity_ids(id);
  for (const std::string& id : options.topic_ids) request.add_topic_ids(id);
  for (accord::v1::EventType type : options.event_types) {
    request.add_event_types(type);
  }
  request.set_story_id(options.story_id);
  for (accord::v1::FacetField field : options.facets) {
    request.add_facets(field);
  }
  request.set_facet_size(options.facet_size);
  accord::v1::SearchDocumentsResponse response;
  grpc::Status status = stub->SearchDocuments(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.json) {
    std::cout << FormatJson(response) << "\n";
    return kExitOk;
  }
  // Like grep --color: auto is bold on a terminal and plain text in a
  // pipe or file, where escape codes would be noise.
  const bool bold =
      options.color == ColorMode::kAlways ||
      (options.color == ColorMode::kAuto && isatty(STDOUT_FILENO));
  std::cout << FormatSearch(response,
                            bold ? MarkStyle::kBold : MarkStyle::kPlain);
  return kExitOk;
}

int RunEntity(const CtlOptions& options, const std::string& id) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::GetEntityRequest request;
  request.set_entity_id(id);
  request.set_max_documents(options.max_documents);
  accord::v1::GetEntityResponse response;
  grpc::Status status = stub->GetEntity(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.json) {
    std::cout << FormatJson(response.entity()) << "\n";
  } else {
    std::cout << FormatEntity(response.entity());
  }
  return kExitOk;
}

int RunEntities(const CtlOptions& options, const std::string& name) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::SearchEntitiesRequest request;
  request.set_query(name);
  for (accord::v1::EntityKind kind : options.kinds) request.add_kinds(kind);
  request.set_page_size(options.page_size);
  request.set_page_token(options.page_token);
  request.set_max_documents(options.max_documents);
  accord::v1::SearchEntitiesResponse response;
  grpc::Status status = stub->SearchEntities(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.json) {
    std::cout << FormatJson(response) << "\n";
  } else {
    std::cout << FormatEntityMatches(response);
  }
  return kExitOk;
}

int RunEvents(const CtlOptions& options) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::ListEventsRequest request;
  for (const std::string& id : options.participants) {
    request.add_participant_ids(id);
  }
  request.set_place_id(options.place);
  for (accord::v1::EventType type : options.event_types) {
    request.add_types(type);
  }
  request.set_start_date(options.start_date);
  request.set_end_date(options.end_date);
  request.set_page_size(options.page_size);
  request.set_page_token(options.page_token);
  request.set_max_reports(options.max_reports);
  accord::v1::ListEventsResponse response;
  grpc::Status status = stub->ListEvents(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.json) {
    std::cout << FormatJson(response) << "\n";
  } else {
    std::cout << FormatTimeline(response);
  }
  return kExitOk;
}

int RunRelations(const CtlOptions& options, const std::string& id) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::GetRelationsRequest request;
  request.set_entity_id(id);
  for (accord::v1::EntityKind kind : options.kinds) request.add_kinds(kind);
  request.set_page_size(options.page_size);
  request.set_page_token(options.page_token);
  accord::v1::GetRelationsResponse response;
  grpc::Status status = stub->GetRelations(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.json) {
    std::cout << FormatJson(response) << "\n";
  } else {
    std::cout << FormatRelations(response);
  }
  return kExitOk;
}

int RunEvent(const CtlOptions& options, const std::string& id) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::GetEventRequest request;
  request.set_event_id(id);
  request.set_max_reports(options.max_reports);
  accord::v1::GetEventResponse response;
  grpc::Status status = stub->GetEvent(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.json) {
    std::cout << FormatJson(response.event()) << "\n";
  } else {
    std::cout << FormatEvent(response.event());
  }
  return kExitOk;
}

int RunStory(const CtlOptions& options, const std::string& id) {
  auto stub =
      accord::v1::QueryService::NewStub(Connect(options, options.query_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::GetStoryRequest request;
  // A story id starts with "st-"; anything else is taken for a document.
  if (id.rfind("st-", 0) == 0) {
    request.set_story_id(id);
  } else {
    request.set_document_id(id);
  }
  request.set_max_members(options.max_members);
  accord::v1::GetStoryResponse response;
  grpc::Status status = stub->GetStory(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.json) {
    std::cout << FormatJson(response.story()) << "\n";
  } else {
    std::cout << FormatStory(response.story());
  }
  return kExitOk;
}

}  // namespace accord::ctl
