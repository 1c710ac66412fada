// Understanding: the understanding layer's ingest step. For one normalized
// document it finds the entity mentions (entities/) and the temporal
// expressions (dates/), fixes a weekday date's year by the tenures of the
// office holders the document names in office, and says what the store
// must record of each entity (store::PendingEntity).
//
// Thread-safety: immutable after Create(); Understand() may run on any
// number of threads. Create once per process: it loads the gazetteer.
//
//   absl::StatusOr<std::unique_ptr<Understanding>> understanding =
//       Understanding::Create(UnderstandingOptions());
//   std::vector<store::PendingEntity> entities =
//       (*understanding)->Understand(&document);
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_UNDERSTANDING_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_UNDERSTANDING_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "accord/v1/document.pb.h"
#include "common/store/store.h"
#include "ingest-service/extract/dates/date_extractor.h"
#include "ingest-service/extract/entities/entity_extractor.h"
#include "ingest-service/extract/gazetteer/gazetteer.h"

namespace accord::extract {

struct UnderstandingOptions {
  GazetteerOptions gazetteer;
  EntityExtractorOptions entities;
  dates::DateExtractorOptions dates;
};

class Understanding {
 public:
  // Loads the gazetteer (see Gazetteer::Load for the errors).
  static absl::StatusOr<std::unique_ptr<Understanding>> Create(
      const UnderstandingOptions& options);

  // Sets document->entity_mentions and temporal_expressions (replacing
  // any) from its title, dateline and body, and returns one PendingEntity
  // per entity it mentions. REQUIRES: the document is normalized
  // (language, paragraphs, dateline, publication set as the normalizer and
  // the metadata leave them).
  std::vector<store::PendingEntity> Understand(
      accord::v1::Document* document) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  Understanding(std::unique_ptr<Gazetteer> gazetteer,
                const UnderstandingOptions& options);

  // Chooses among a weekday date's candidate years by the tenures of the
  // people the document names with a role.
  void ResolveYearsByTenure(accord::v1::Document* document) const;
  void AddDatelinePlace(accord::v1::Document* document) const;
  // A known office holder's role the text states without what it is of
  // ("President Vo Van Thuong") takes the office from the office holders
  // list when the list knows exactly one body for that role of that
  // person; the derivation says so.
  void AttachOfficesFromList(accord::v1::Document* document) const;
  std::vector<store::PendingEntity> PendingEntities(
      const accord::v1::Document& document) const;

  std::unique_ptr<Gazetteer> gazetteer_;
  EntityExtractor entities_;
  dates::DateExtractor dates_;
};

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_UNDERSTANDING_H_
