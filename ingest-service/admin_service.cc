#include "ingest-service/admin_service.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/rpc/status.h"
#include "common/util/log.h"
#include "common/util/untrusted_text.h"
#include "google/protobuf/util/time_util.h"

namespace accord::ingest {
namespace {

constexpr int kMaxKeepBackups = 1000;
constexpr int kDefaultPageSize = 20;
constexpr int kMaxPageSize = 100;

void ToProto(const store::Store::BackupInfo& info, accord::v1::Backup* out) {
  out->set_backup_id(info.id);
  *out->mutable_create_time() =
      google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
          absl::ToUnixMicros(info.create_time));
  out->set_document_count(info.document_count);
  out->set_size_bytes(info.size_bytes);
  out->set_file_count(info.file_count);
}

absl::Status BackupsDisabled() {
  return rpc::WithErrorInfo(
      absl::FailedPreconditionError(
          "this ingest-service keeps no backups: start it with --backup_dir"),
      "BACKUPS_DISABLED");
}

}  // namespace

grpc::Status AdminServiceImpl::CreateBackup(
    grpc::ServerContext* /*context*/,
    const accord::v1::CreateBackupRequest* request,
    accord::v1::CreateBackupResponse* response) {
  if (options_.backup_dir.empty()) return rpc::ToGrpcStatus(BackupsDisabled());
  if (request->keep_backups() > kMaxKeepBackups) {
    return rpc::ToGrpcStatus(rpc::WithErrorInfo(
        absl::InvalidArgumentError(
            absl::StrCat("keep_backups must be 0 (the server's, ",
                         options_.keep_backups, ") to ", kMaxKeepBackups)),
        "INVALID_ARGUMENT", {{"field", "keep_backups"}}));
  }
  const int keep = request->keep_backups() == 0
                       ? options_.keep_backups
                       : static_cast<int>(request->keep_backups());
  absl::MutexLock lock(&backup_mu_);
  const absl::Time started = absl::Now();
  std::vector<uint32_t> removed;
  absl::StatusOr<store::Store::BackupInfo> backup =
      store_->CreateBackup(options_.backup_dir, keep, &removed);
  if (!backup.ok()) {
    LogError("backup into %s failed: %s", options_.backup_dir,
             backup.status().ToString());
    return rpc::ToGrpcStatus(
        rpc::WithErrorInfo(backup.status(), "BACKUP_FAILED"));
  }
  LogInfo("backup %d into %s: %d documents, %d files, %d bytes, %s", backup->id,
          options_.backup_dir, backup->document_count, backup->file_count,
          backup->size_bytes, absl::FormatDuration(absl::Now() - started));
  ToProto(*backup, response->mutable_backup());
  for (uint32_t id : removed) response->add_removed_backup_ids(id);
  return grpc::Status::OK;
}

grpc::Status AdminServiceImpl::ListBackups(
    grpc::ServerContext* /*context*/,
    const accord::v1::ListBackupsRequest* request,
    accord::v1::ListBackupsResponse* response) {
  if (options_.backup_dir.empty()) return rpc::ToGrpcStatus(BackupsDisabled());
  if (request->page_size() < 0 || request->page_size() > kMaxPageSize) {
    return rpc::ToGrpcStatus(rpc::WithErrorInfo(
        absl::InvalidArgumentError(absl::StrCat("page_size must be 0 (default ",
                                                kDefaultPageSize, ") to ",
                                                kMaxPageSize)),
        "INVALID_ARGUMENT", {{"field", "page_size"}}));
  }
  // The token is the id of the next (older) backup to list.
  uint32_t below = 0;
  if (!request->page_token().empty() &&
      (!absl::SimpleAtoi(request->page_token(), &below) || below == 0)) {
    return rpc::ToGrpcStatus(rpc::WithErrorInfo(
        absl::InvalidArgumentError(
            absl::StrCat("page_token ", EscapeUntrusted(request->page_token()),
                         " is not one this method returned")),
        "INVALID_PAGE_TOKEN", {{"field", "page_token"}}));
  }
  const int page_size =
      request->page_size() == 0 ? kDefaultPageSize : request->page_size();
  absl::MutexLock lock(&backup_mu_);
  absl::StatusOr<std::vector<store::Store::BackupInfo>> backups =
      store::Store::ListBackups(options_.backup_dir);
  if (absl::IsNotFound(backups.status())) return grpc::Status::OK;
  if (!backups.ok()) return rpc::ToGrpcStatus(backups.status());
  for (const store::Store::BackupInfo& backup : *backups) {
    if (below != 0 && backup.id > below) continue;
    if (response->backups_size() == page_size) {
      response->set_next_page_token(absl::StrCat(backup.id));
      break;
    }
    ToProto(backup, response->add_backups());
  }
  return grpc::Status::OK;
}

}  // namespace accord::ingest
