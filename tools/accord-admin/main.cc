// accord-admin: what an operator does to a store while no server holds it
// (offline), on the machine that has its files.
//
//   accord-admin backups --backup_dir=DIR
//       the backups in DIR, newest first
//   accord-admin verify-backup --backup_dir=DIR [--backup_id=N]
//       checks backup N's files (0, the default: every backup) against the
//       checksums taken with them
//   accord-admin restore --backup_dir=DIR [--backup_id=N] --data_dir=NEW
//       writes backup N (0, the default: the newest) as a store in NEW,
//       which must not exist or be empty; then stop the servers, move NEW
//       into place and start them
//
//   accord-admin verify --data_dir=DIR
//       checks a store: table checksums, documents acknowledged and
//       missing, and every document's id, record, raw content and search
//       attributes; exit 2 when it finds a problem
//   accord-admin repair --data_dir=DIR
//       opens a store that lost acknowledged documents (which the servers
//       refuse), keeps what is left and says what was lost
//
// Backups are taken online: `accordctl backup` (AdminService.CreateBackup).
// Exit status: 0 ok; 1 usage error or failure; 2 a backup or store is
// damaged.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "common/store/store.h"
#include "common/util/command_line.h"

ABSL_FLAG(std::string, backup_dir, "", "directory of the store's backups");
ABSL_FLAG(uint32_t, backup_id, 0,
          "backup to verify or restore; 0: every backup (verify-backup), "
          "the newest (restore)");
ABSL_FLAG(std::string, data_dir, "",
          "restore: the new store's directory (must not exist or be empty); "
          "verify, repair: the store's directory");

namespace {

constexpr int kExitDamaged = 2;

int Fail(const std::string& message) {
  std::cerr << "accord-admin: " << message << "\n";
  return EXIT_FAILURE;
}

std::string Describe(const accord::store::Store::BackupInfo& backup) {
  return absl::StrFormat(
      "backup %d  %s  %d documents  %d files  %.1f MiB", backup.id,
      absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", backup.create_time,
                       absl::UTCTimeZone()),
      backup.document_count, backup.file_count,
      static_cast<double>(backup.size_bytes) / (1 << 20));
}

int Verify(const std::string& data_dir) {
  absl::StatusOr<accord::store::Store::Check> check =
      accord::store::Store::Verify(data_dir);
  if (!check.ok()) {
    Fail(std::string(check.status().message()));
    return absl::IsDataLoss(check.status()) ? kExitDamaged : EXIT_FAILURE;
  }
  std::cout << data_dir << ": " << check->documents << " documents";
  if (check->acknowledged.has_value()) {
    std::cout << ", " << *check->acknowledged << " acknowledged";
  }
  std::cout << "\n";
  for (const std::string& problem : check->problems) {
    std::cout << "  " << problem << "\n";
  }
  std::cout << (check->problems.empty() ? "OK" : "DAMAGED") << "\n";
  return check->problems.empty() ? EXIT_SUCCESS : kExitDamaged;
}

int Repair(const std::string& data_dir) {
  // What the store acknowledged, read before the open resets the record.
  absl::StatusOr<std::optional<uint64_t>> acknowledged =
      accord::store::Store::AcknowledgedCount(data_dir);
  accord::store::StoreOptions options;
  options.accept_data_loss = true;
  absl::StatusOr<std::unique_ptr<accord::store::Store>> store =
      accord::store::Store::OpenPrimary(data_dir, options);
  if (!store.ok()) {
    return Fail(absl::StrCat("cannot repair ", data_dir, ": ",
                             store.status().message()));
  }
  absl::StatusOr<uint64_t> kept = (*store)->DocumentCount();
  if (!kept.ok()) return Fail(std::string(kept.status().message()));
  std::cout << data_dir << ": kept " << *kept << " documents";
  if (acknowledged.ok() && acknowledged->has_value() &&
      **acknowledged > *kept) {
    std::cout << "; lost documents " << *kept << " to " << **acknowledged - 1
              << " (" << **acknowledged - *kept
              << " acknowledged documents: ingest them again from their "
                 "sources, or restore a backup)";
  }
  std::cout << "\nthe servers open it again; run accord-admin verify to "
               "check what is left\n";
  return EXIT_SUCCESS;
}

}  // namespace

int main(int argc, char** argv) {
  using accord::store::Store;
  std::vector<char*> args = accord::ParseCommandLine(
      argc, argv,
      "accord-admin: offline operations on an Accord store and its "
      "backups.\n"
      "Usage: accord-admin backups|verify-backup|restore --backup_dir=DIR "
      "[--backup_id=N] [--data_dir=NEW]\n"
      "       accord-admin verify|repair --data_dir=DIR");
  if (args.size() != 2) {
    return Fail(
        "give one command: verify, repair, backups, verify-backup or restore");
  }
  const std::string command = args[1];
  if (command == "verify" || command == "repair") {
    const std::string data_dir = absl::GetFlag(FLAGS_data_dir);
    if (data_dir.empty()) return Fail(command + " needs --data_dir");
    return command == "verify" ? Verify(data_dir) : Repair(data_dir);
  }
  const std::string backup_dir = absl::GetFlag(FLAGS_backup_dir);
  if (backup_dir.empty()) return Fail("--backup_dir is required");
  const uint32_t id = absl::GetFlag(FLAGS_backup_id);

  if (command == "backups") {
    absl::StatusOr<std::vector<Store::BackupInfo>> backups =
        Store::ListBackups(backup_dir);
    if (!backups.ok()) return Fail(std::string(backups.status().message()));
    for (const Store::BackupInfo& backup : *backups) {
      std::cout << Describe(backup) << "\n";
    }
    return EXIT_SUCCESS;
  }
  if (command == "verify-backup") {
    absl::StatusOr<std::vector<Store::BackupInfo>> backups =
        Store::ListBackups(backup_dir);
    if (!backups.ok()) return Fail(std::string(backups.status().message()));
    int damaged = 0;
    bool found = false;
    for (const Store::BackupInfo& backup : *backups) {
      if (id != 0 && backup.id != id) continue;
      found = true;
      absl::Status verified = Store::VerifyBackup(backup_dir, backup.id);
      std::cout << Describe(backup) << "  "
                << (verified.ok() ? "OK" : std::string(verified.message()))
                << "\n";
      if (!verified.ok()) ++damaged;
    }
    if (!found)
      return Fail(absl::StrFormat("no backup %d in %s", id, backup_dir));
    return damaged == 0 ? EXIT_SUCCESS : kExitDamaged;
  }
  if (command == "restore") {
    const std::string data_dir = absl::GetFlag(FLAGS_data_dir);
    if (data_dir.empty()) return Fail("restore needs --data_dir");
    absl::StatusOr<Store::BackupInfo> restored =
        Store::RestoreBackup(backup_dir, id, data_dir);
    if (!restored.ok()) {
      Fail(std::string(restored.status().message()));
      return absl::IsDataLoss(restored.status()) ? kExitDamaged : EXIT_FAILURE;
    }
    std::cout << "restored " << Describe(*restored) << " into " << data_dir
              << "\n";
    return EXIT_SUCCESS;
  }
  return Fail("unknown command \"" + command +
              "\": backups, verify-backup or restore");
}
