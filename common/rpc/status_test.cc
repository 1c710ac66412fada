#include "common/rpc/status.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"

namespace accord::rpc {
namespace {

google::rpc::ErrorInfo InfoOf(const grpc::Status& status) {
  google::rpc::Status details;
  EXPECT_TRUE(details.ParseFromString(status.error_details()));
  EXPECT_EQ(details.code(), status.error_code());
  EXPECT_EQ(details.details_size(), 1);
  google::rpc::ErrorInfo info;
  EXPECT_TRUE(details.details(0).UnpackTo(&info));
  return info;
}

TEST(ToGrpcStatusTest, OkStaysOk) {
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

TEST(ToGrpcStatusTest, CarriesCodeMessageAndAttachedReason) {
  absl::Status status =
      WithErrorInfo(absl::NotFoundError("document abc not found"),
                    "DOCUMENT_NOT_FOUND", {{"document_id", "abc"}});
  grpc::Status converted = ToGrpcStatus(status);
  EXPECT_EQ(converted.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(converted.error_message(), "document abc not found");
  google::rpc::ErrorInfo info = InfoOf(converted);
  EXPECT_EQ(info.reason(), "DOCUMENT_NOT_FOUND");
  EXPECT_EQ(info.domain(), "accord.v1");
  EXPECT_EQ(info.metadata().at("document_id"), "abc");
}

TEST(ErrorReasonOfTest, ReadsTheAttachedReason) {
  EXPECT_EQ(ErrorReasonOf(WithErrorInfo(absl::InternalError("x"), "BOOM")),
            "BOOM");
  EXPECT_EQ(ErrorReasonOf(absl::InternalError("x")), "");
}

TEST(ToGrpcStatusTest, DefaultsReasonToCodeName) {
  grpc::Status converted =
      ToGrpcStatus(absl::ResourceExhaustedError("disk full"));
  EXPECT_EQ(converted.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(InfoOf(converted).reason(), "RESOURCE_EXHAUSTED");
}

TEST(ToGrpcStatusTest, CarriesTheRetryDelayAfterTheReason) {
  absl::Status status = WithRetryDelay(
      WithErrorInfo(absl::ResourceExhaustedError("busy"), "INGEST_BUSY"),
      absl::Milliseconds(2500));
  EXPECT_EQ(RetryDelayOf(status), absl::Milliseconds(2500));
  EXPECT_EQ(ErrorReasonOf(status), "INGEST_BUSY");
  grpc::Status converted = ToGrpcStatus(status);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(converted.error_details()));
  ASSERT_EQ(details.details_size(), 2);
  google::rpc::ErrorInfo info;
  ASSERT_TRUE(details.details(0).UnpackTo(&info));
  EXPECT_EQ(info.reason(), "INGEST_BUSY");
  google::rpc::RetryInfo retry;
  ASSERT_TRUE(details.details(1).UnpackTo(&retry));
  EXPECT_EQ(retry.retry_delay().seconds(), 2);
  EXPECT_EQ(retry.retry_delay().nanos(), 500000000);
}

TEST(ToGrpcStatusTest, NoRetryInfoUnlessAttached) {
  EXPECT_EQ(RetryDelayOf(absl::ResourceExhaustedError("full")), std::nullopt);
  EXPECT_EQ(InfoOf(ToGrpcStatus(absl::ResourceExhaustedError("full"))).reason(),
            "RESOURCE_EXHAUSTED");  // InfoOf checks there is one detail
}

TEST(ToGrpcStatusTest, MessageAndDetailsAreValidUtf8OnOneLine) {
  // A library that quoted raw request bytes must not produce details that
  // protobuf refuses to serialize, nor a message that breaks a log line.
  absl::Status status =
      WithErrorInfo(absl::InvalidArgumentError("id \"x\n\xE2\x82\" is bad"),
                    "BAD_ID", {{"id", "x\n\xE2\x82"}});
  grpc::Status converted = ToGrpcStatus(status);
  EXPECT_EQ(converted.error_message(), "id \"x\\n\\xE2\\x82\" is bad");
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(converted.error_details()));
  EXPECT_EQ(details.message(), converted.error_message());
  google::rpc::ErrorInfo info;
  ASSERT_TRUE(details.details(0).UnpackTo(&info));
  EXPECT_EQ(info.metadata().at("id"), "x\\n\\xE2\\x82");
}

}  // namespace
}  // namespace accord::rpc
