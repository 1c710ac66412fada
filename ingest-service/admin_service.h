// The accord.v1.AdminService gRPC adapter: online backups of the store the
// ingest-service writes (Store::CreateBackup) into its --backup_dir.
#ifndef ACCORD_INGEST_SERVICE_ADMIN_SERVICE_H_
#define ACCORD_INGEST_SERVICE_ADMIN_SERVICE_H_

#include <string>

#include "absl/synchronization/mutex.h"
#include "accord/v1/admin_service.grpc.pb.h"
#include "common/store/store.h"

namespace accord::ingest {

struct AdminOptions {
  // Where backups go; empty: CreateBackup answers FAILED_PRECONDITION
  // (BACKUPS_DISABLED). Default: none.
  std::string backup_dir;
  // Backups kept when a request does not say. Default: 7.
  int keep_backups = 7;
};

class AdminServiceImpl final : public accord::v1::AdminService::Service {
 public:
  // `store` must outlive the service.
  AdminServiceImpl(store::Store* store, AdminOptions options)
      : store_(store), options_(std::move(options)) {}

  grpc::Status CreateBackup(
      grpc::ServerContext* context,
      const accord::v1::CreateBackupRequest* request,
      accord::v1::CreateBackupResponse* response) override;
  grpc::Status ListBackups(grpc::ServerContext* context,
                           const accord::v1::ListBackupsRequest* request,
                           accord::v1::ListBackupsResponse* response) override;

 private:
  store::Store* const store_;
  const AdminOptions options_;
  // One backup at a time: two engines on one directory would corrupt it.
  absl::Mutex backup_mu_;
};

}  // namespace accord::ingest

#endif  // ACCORD_INGEST_SERVICE_ADMIN_SERVICE_H_
