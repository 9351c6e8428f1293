// A finding: something a reader, writer or check wants a person to look at, with a stable rule id.
#pragma once

#include <string>
#include <vector>

#include "budgetxl/origin.hpp"

namespace budgetxl {

enum class Severity { info, warning, error };

struct Finding {
  std::string rule;      // stable id, e.g. "text.unplaced-line"
  Severity severity = Severity::warning;
  std::string message;   // Chinese, for the people who publish and check reports
  Origin where;
};

const char* severity_name(Severity s);  // "info" / "warning" / "error"

class Findings {
 public:
  // `rule` must be in the rule table (budgetxl/rules.hpp), whose severity wins; a debug build
  // stops when the id is unknown or `severity` disagrees with the table.
  void add(std::string rule, Severity severity, std::string message, Origin where = {});
  const std::vector<Finding>& items() const { return items_; }
  std::vector<Finding>& items() { return items_; }
  std::size_t count(const std::string& rule) const;
  bool has_errors() const;

 private:
  std::vector<Finding> items_;
};

}  // namespace budgetxl
