// accordctl backup, backups: AdminService on the ingest-service.
#include <iostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "accord/v1/admin_service.grpc.pb.h"
#include "tools/accordctl/client.h"
#include "tools/accordctl/commands.h"
#include "tools/accordctl/report_printer.h"

namespace accord::ctl {
namespace {

std::string BackupLine(const accord::v1::Backup& backup) {
  const absl::Time created =
      absl::FromUnixSeconds(backup.create_time().seconds());
  return absl::StrFormat(
      "backup %d  %s  %d documents  %d files  %.1f MiB\n", backup.backup_id(),
      absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", created, absl::UTCTimeZone()),
      backup.document_count(), backup.file_count(),
      static_cast<double>(backup.size_bytes()) / (1 << 20));
}

}  // namespace

int RunBackup(const CtlOptions& options) {
  auto stub =
      accord::v1::AdminService::NewStub(Connect(options, options.ingest_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::CreateBackupRequest request;
  request.set_keep_backups(static_cast<uint32_t>(options.keep_backups));
  accord::v1::CreateBackupResponse response;
  grpc::Status status = stub->CreateBackup(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.json) {
    std::cout << FormatJson(response) << "\n";
    return kExitOk;
  }
  std::cout << BackupLine(response.backup());
  if (response.removed_backup_ids_size() > 0) {
    std::cout << "removed backups "
              << absl::StrJoin(response.removed_backup_ids(), ", ") << "\n";
  }
  return kExitOk;
}

int RunBackups(const CtlOptions& options) {
  auto stub =
      accord::v1::AdminService::NewStub(Connect(options, options.ingest_addr));
  grpc::ClientContext context;
  SetUpCall(options, &context);
  accord::v1::ListBackupsRequest request;
  request.set_page_size(options.page_size);
  request.set_page_token(options.page_token);
  accord::v1::ListBackupsResponse response;
  grpc::Status status = stub->ListBackups(&context, request, &response);
  if (!status.ok()) return FailRpc(status);
  if (options.json) {
    std::cout << FormatJson(response) << "\n";
    return kExitOk;
  }
  if (response.backups().empty()) std::cout << "no backups\n";
  for (const accord::v1::Backup& backup : response.backups()) {
    std::cout << BackupLine(backup);
  }
  if (!response.next_page_token().empty()) {
    std::cout << "more: --page_token=" << response.next_page_token() << "\n";
  }
  return kExitOk;
}

}  // namespace accord::ctl
