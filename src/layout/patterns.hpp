// The regular expressions of a layout set, compiled once when it is loaded, so that a bad pattern
// is a template error naming its file and key, not a failure in the middle of a report.
#pragma once

#include <regex>
#include <string>
#include <vector>

#include "budgetxl/form_layout.hpp"
#include "budgetxl/layout.hpp"

namespace budgetxl {

struct LinePattern {
  std::string source;  // as written in the template
  std::regex re;
};

struct ReportPatterns {
  std::vector<LinePattern> page_footers;  // report.json page_footer_patterns
  std::vector<LinePattern> page_numbers;  // report.json page_number_patterns
};

// Compiles `pattern`; throws TemplateError("FILE: KEY: …") when it is not a valid ECMAScript regex.
LinePattern compile_pattern(const std::string& pattern, const std::string& file, const std::string& key);

}  // namespace budgetxl
