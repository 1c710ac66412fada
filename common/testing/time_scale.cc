#include "common/testing/time_scale.h"

#include <cstdlib>

#include "absl/strings/numbers.h"

namespace accord::testing {

double TimeScale() {
  const char* text = std::getenv("ACCORD_TEST_TIME_SCALE");
  double scale = 1;
  if (text == nullptr || !absl::SimpleAtod(text, &scale) || !(scale > 0)) {
    return 1;
  }
  return scale;
}

absl::Duration Scaled(absl::Duration bound) { return bound * TimeScale(); }

}  // namespace accord::testing
