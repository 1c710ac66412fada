// A minimal HTTP/1.0 GET for tests of the servers' /metrics endpoints.
#ifndef ACCORD_COMMON_TESTING_HTTP_GET_H_
#define ACCORD_COMMON_TESTING_HTTP_GET_H_

#include <string>

namespace accord::testing {

// GETs `path` from 127.0.0.1:`port` and returns the whole reply, status
// line and headers included; "" when the connection fails.
std::string HttpGet(int port, const std::string& path);

}  // namespace accord::testing

#endif  // ACCORD_COMMON_TESTING_HTTP_GET_H_
