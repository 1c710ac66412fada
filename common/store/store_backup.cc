// Store backups: RocksDB's BackupEngine, with the document count of each
// backup in its metadata.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "common/store/internal/rocks.h"
#include "common/store/rocks_status.h"
#include "common/store/store.h"
#include "rocksdb/env.h"
#include "rocksdb/utilities/backup_engine.h"

namespace accord::store {
namespace {

constexpr absl::string_view kDocumentsKey = "documents=";

Store::BackupInfo FromRocksInfo(const rocksdb::BackupInfo& info) {
  Store::BackupInfo out;
  out.id = info.backup_id;
  out.create_time = absl::FromUnixSeconds(info.timestamp);
  out.size_bytes = info.size;
  out.file_count = info.number_files;
  absl::string_view metadata = info.app_metadata;
  if (absl::ConsumePrefix(&metadata, kDocumentsKey)) {
    uint64_t documents = 0;
    if (absl::SimpleAtoi(metadata, &documents)) out.document_count = documents;
  }
  return out;
}

rocksdb::BackupEngineOptions EngineOptions(const std::string& backup_dir) {
  rocksdb::BackupEngineOptions options(backup_dir);
  // Table files named by their checksum and size, shared across backups of
  // this store and safe to share across stores.
  options.share_files_with_checksum = true;
  options.sync = true;
  return options;
}

absl::StatusOr<std::unique_ptr<rocksdb::BackupEngineReadOnly>> OpenReadOnly(
    const std::string& backup_dir) {
  if (!std::filesystem::is_directory(backup_dir)) {
    return absl::NotFoundError(
        absl::StrCat("backup directory ", backup_dir, " does not exist"));
  }
  rocksdb::BackupEngineReadOnly* engine = nullptr;
  if (absl::Status opened = FromRocks(
          rocksdb::BackupEngineReadOnly::Open(
              rocksdb::Env::Default(), EngineOptions(backup_dir), &engine),
          absl::StrCat("open backups in ", backup_dir));
      !opened.ok()) {
    return opened;
  }
  return std::unique_ptr<rocksdb::BackupEngineReadOnly>(engine);
}

}  // namespace

absl::StatusOr<Store::BackupInfo> Store::CreateBackup(
    const std::string& backup_dir, int keep, std::vector<uint32_t>* removed) {
  if (!primary_) {
    return absl::FailedPreconditionError("CreateBackup on a secondary store");
  }
  if (keep < 1) {
    return absl::InvalidArgumentError("a backup keeps at least itself");
  }
  std::error_code ec;
  std::filesystem::create_directories(backup_dir, ec);
  if (ec) {
    return absl::UnavailableError(absl::StrCat(
        "cannot create backup directory ", backup_dir, ": ", ec.message()));
  }
  rocksdb::BackupEngine* raw_engine = nullptr;
  if (absl::Status opened = FromRocks(
          rocksdb::BackupEngine::Open(EngineOptions(backup_dir),
                                      rocksdb::Env::Default(), &raw_engine),
          absl::StrCat("open backups in ", backup_dir));
      !opened.ok()) {
    return opened;
  }
  std::unique_ptr<rocksdb::BackupEngine> engine(raw_engine);
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  rocksdb::BackupID id = 0;
  {
    // No commit between the count and the flush the backup starts with.
    absl::MutexLock lock(&commit_mu_);
    rocksdb::CreateBackupOptions options;
    options.flush_before_backup = true;
    if (absl::Status created =
            FromRocks(engine->CreateNewBackupWithMetadata(
                          options, rocks->db.get(),
                          absl::StrCat(kDocumentsKey, next_sequence_), &id),
                      absl::StrCat("back up into ", backup_dir));
        !created.ok()) {
      return created;
    }
  }
  if (absl::Status verified =
          FromRocks(engine->VerifyBackup(id, /*verify_with_checksum=*/true),
                    absl::StrCat("verify backup ", id, " in ", backup_dir));
      !verified.ok()) {
    return verified;
  }
  std::vector<rocksdb::BackupInfo> before;
  engine->GetBackupInfo(&before);
  if (absl::Status purged =
          FromRocks(engine->PurgeOldBackups(static_cast<uint32_t>(keep)),
                    absl::StrCat("remove old backups in ", backup_dir));
      !purged.ok()) {
    return purged;
  }
  std::vector<rocksdb::BackupInfo> after;
  engine->GetBackupInfo(&after);
  for (const rocksdb::BackupInfo& old : before) {
    bool kept = false;
    for (const rocksdb::BackupInfo& info : after) {
      kept = kept || info.backup_id == old.backup_id;
    }
    if (!kept && removed != nullptr) removed->push_back(old.backup_id);
  }
  rocksdb::BackupInfo info;
  if (absl::Status read = FromRocks(engine->GetBackupInfo(id, &info),
                                    absl::StrCat("read backup ", id));
      !read.ok()) {
    return read;
  }
  return FromRocksInfo(info);
}

absl::StatusOr<std::vector<Store::BackupInfo>> Store::ListBackups(
    const std::string& backup_dir) {
  absl::StatusOr<std::unique_ptr<rocksdb::BackupEngineReadOnly>> engine =
      OpenReadOnly(backup_dir);
  if (!engine.ok()) return engine.status();
  std::vector<rocksdb::BackupInfo> infos;
  (*engine)->GetBackupInfo(&infos);
  if (infos.empty()) {
    return absl::NotFoundError(absl::StrCat("no backups in ", backup_dir));
  }
  std::vector<BackupInfo> backups;
  for (auto it = infos.rbegin(); it != infos.rend(); ++it) {
    backups.push_back(FromRocksInfo(*it));
  }
  return backups;
}

absl::Status Store::VerifyBackup(const std::string& backup_dir, uint32_t id) {
  absl::StatusOr<std::unique_ptr<rocksdb::BackupEngineReadOnly>> engine =
      OpenReadOnly(backup_dir);
  if (!engine.ok()) return engine.status();
  rocksdb::IOStatus verified =
      (*engine)->VerifyBackup(id, /*verify_with_checksum=*/true);
  if (verified.IsNotFound()) {
    return absl::NotFoundError(
        absl::StrCat("no backup ", id, " in ", backup_dir));
  }
  if (!verified.ok()) {
    return absl::DataLossError(
        absl::StrCat("backup ", id, " in ", backup_dir,
                     " is damaged: ", verified.ToString()));
  }
  return absl::OkStatus();
}

absl::StatusOr<Store::BackupInfo> Store::RestoreBackup(
    const std::string& backup_dir, uint32_t id, const std::string& data_dir) {
  std::error_code ec;
  if (std::filesystem::exists(data_dir, ec) &&
      !std::filesystem::is_empty(data_dir, ec)) {
    return absl::FailedPreconditionError(absl::StrCat(
        data_dir,
        " is not empty: restore into a new directory, then move it into "
        "place while the servers are stopped"));
  }
  absl::StatusOr<std::vector<BackupInfo>> backups = ListBackups(backup_dir);
  if (!backups.ok()) return backups.status();
  const BackupInfo* chosen = nullptr;
  for (const BackupInfo& backup : *backups) {
    if (id == 0 ? chosen == nullptr : backup.id == id) chosen = &backup;
  }
  if (chosen == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("no backup ", id, " in ", backup_dir));
  }
  if (absl::Status verified = VerifyBackup(backup_dir, chosen->id);
      !verified.ok()) {
    return verified;
  }
  absl::StatusOr<std::unique_ptr<rocksdb::BackupEngineReadOnly>> engine =
      OpenReadOnly(backup_dir);
  if (!engine.ok()) return engine.status();
  if (absl::Status restored = FromRocks(
          (*engine)->RestoreDBFromBackup(chosen->id, data_dir, data_dir),
          absl::StrCat("restore backup ", chosen->id, " into ", data_dir));
      !restored.ok()) {
    return restored;
  }
  return *chosen;
}

}  // namespace accord::store
