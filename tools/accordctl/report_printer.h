// Human-readable renderings of Accord replies for the terminal.
#ifndef ACCORD_TOOLS_ACCORDCTL_REPORT_PRINTER_H_
#define ACCORD_TOOLS_ACCORDCTL_REPORT_PRINTER_H_

#include <string>

#include "accord/v1/bundle.pb.h"
#include "accord/v1/document.pb.h"
#include "accord/v1/query_service.pb.h"

namespace accord::ctl {

// One line per document ("CREATED   <id>  <ref>"), then a summary line.
std::string FormatBundle(const accord::v1::Bundle& bundle);

// Title, language, dateline, publication, paragraphs and removed fragments.
std::string FormatDocument(const accord::v1::Document& document);

// Ranked hits with their best snippet; matched words in bold on a terminal
// (`ansi`), else between « and ».
std::string FormatSearch(const accord::v1::SearchDocumentsResponse& response,
                         bool ansi);

// "NOT_FOUND: document ... not found [DOCUMENT_NOT_FOUND]" from a gRPC
// status code, message and serialized google.rpc.Status details.
std::string FormatRpcError(int code, const std::string& message,
                           const std::string& details);

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_REPORT_PRINTER_H_
