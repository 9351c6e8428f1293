// A decoded text report as numbered lines, the unit every text reader works on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace budgetxl::text {

struct Line {
  std::uint32_t number = 0;  // 1-based line number in the input file
  std::string text;          // UTF-8, no line ending; watermarks and glued page footers removed
};

using Lines = std::vector<Line>;

}  // namespace budgetxl::text
