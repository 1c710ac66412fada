// Timing bounds in tests, stretched for slow builds.
//
// A test that asserts "within 1 s" checks a real property in an optimized
// build, but sanitizer builds run 3 to 10 times slower. Such bounds go
// through Scaled(), which multiplies them by $ACCORD_TEST_TIME_SCALE (a
// positive number; 1 when unset). scripts/test.sh sets it for its
// sanitizer legs. Only bounds scale: what a test waits for stays the same.
#ifndef ACCORD_COMMON_TESTING_TIME_SCALE_H_
#define ACCORD_COMMON_TESTING_TIME_SCALE_H_

#include "absl/time/time.h"

namespace accord::testing {

// $ACCORD_TEST_TIME_SCALE, or 1 when unset or not a positive number.
double TimeScale();

// `bound` * TimeScale().
absl::Duration Scaled(absl::Duration bound);

}  // namespace accord::testing

#endif  // ACCORD_COMMON_TESTING_TIME_SCALE_H_
