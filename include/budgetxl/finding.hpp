// A finding: something a reader, writer or check wants a person to look at, with a stable rule id.
#pragma once

#include <string>
#include <vector>

#include "budgetxl/origin.hpp"

namespace budgetxl {

enum class Severity { info, warning, error };

// One figure a check rests on: what it is, its value as printed, and where it came from.
struct Evidence {
  std::string label;  // "表3 20805 合计", "下级之和"
  std::string value;  // "323.04"
  Origin where;       // empty for a computed figure (a sum)
  // The cell in the model (Report::tables index, row, layout column); -1 when the figure is no
  // table cell. A workbook written from the report links to it.
  int table = -1, row = -1, column = -1;
};

struct Finding {
  std::string rule;      // stable id, e.g. "text.unplaced-line"
  Severity severity = Severity::warning;
  std::string message;   // Chinese, for the people who publish and check reports
  Origin where;
  std::vector<Evidence> evidence;  // the figures a `check` rule compared; empty for reading findings
};

const char* severity_name(Severity s);   // "info" / "warning" / "error"
const char* severity_title(Severity s);  // "提示" / "警告" / "错误", as people read them

class Findings {
 public:
  // `rule` must be in the rule table (budgetxl/rules.hpp), whose severity wins; a debug build
  // stops when the id is unknown or `severity` disagrees with the table.
  void add(std::string rule, Severity severity, std::string message, Origin where = {});
  // A check's finding: the severity is the rule table's; the figures compared go with it.
  void add_checked(std::string rule, std::string message, Origin where, std::vector<Evidence> evidence);
  const std::vector<Finding>& items() const { return items_; }
  std::vector<Finding>& items() { return items_; }
  std::size_t count(const std::string& rule) const;
  bool has_errors() const;

 private:
  std::vector<Finding> items_;
};

}  // namespace budgetxl
