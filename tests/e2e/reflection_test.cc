// Server reflection lists and describes every service, as grpcurl needs.
#include <set>

#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

namespace reflection = grpc::reflection::v1alpha;

class Reflector {
 public:
  explicit Reflector(const std::string& address)
      : stub_(reflection::ServerReflection::NewStub(grpc::CreateChannel(
            address, grpc::InsecureChannelCredentials()))) {}

  std::set<std::string> ListServices() {
    reflection::ServerReflectionRequest request;
    request.set_list_services("*");
    reflection::ServerReflectionResponse response = Ask(request);
    std::set<std::string> names;
    for (const auto& service : response.list_services_response().service()) {
      names.insert(service.name());
    }
    return names;
  }

  // True when the server can describe `symbol`.
  bool Describes(const std::string& symbol) {
    reflection::ServerReflectionRequest request;
    request.set_file_containing_symbol(symbol);
    reflection::ServerReflectionResponse response = Ask(request);
    return response.has_file_descriptor_response() &&
           response.file_descriptor_response().file_descriptor_proto_size() > 0;
  }

 private:
  reflection::ServerReflectionResponse Ask(
      const reflection::ServerReflectionRequest& request) {
    grpc::ClientContext context;
    auto stream = stub_->ServerReflectionInfo(&context);
    reflection::ServerReflectionResponse response;
    EXPECT_TRUE(stream->Write(request));
    EXPECT_TRUE(stream->Read(&response));
    stream->WritesDone();
    EXPECT_TRUE(stream->Finish().ok());
    return response;
  }

  std::unique_ptr<reflection::ServerReflection::Stub> stub_;
};

TEST(ReflectionTest, ListsAndDescribesEveryService) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  Reflector ingest((*cluster)->ingest().address());
  std::set<std::string> services = ingest.ListServices();
  EXPECT_TRUE(services.count("accord.v1.IngestService"));
  EXPECT_TRUE(services.count("grpc.health.v1.Health"));
  EXPECT_TRUE(services.count("grpc.reflection.v1alpha.ServerReflection"));
  EXPECT_TRUE(ingest.Describes("accord.v1.IngestService"));
  EXPECT_TRUE(ingest.Describes("grpc.health.v1.Health"));
  EXPECT_TRUE(ingest.Describes("google.rpc.ErrorInfo"));

  Reflector query((*cluster)->query().address());
  services = query.ListServices();
  EXPECT_TRUE(services.count("accord.v1.QueryService"));
  EXPECT_TRUE(services.count("grpc.health.v1.Health"));
  EXPECT_TRUE(query.Describes("accord.v1.QueryService"));
  EXPECT_TRUE(query.Describes("accord.v1.Document"));
  EXPECT_FALSE(query.Describes("accord.v1.NoSuchThing"));
}

}  // namespace
}  // namespace accord::e2e
