// Structured differences between two models of the same report: what a round trip changed.
// Origins, findings and set-aside material are not compared (they describe the source file).
#pragma once

#include <string>
#include <vector>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl::roundtrip {

struct Difference {
  std::string part;    // "元数据", "表格", "绩效目标表", "正文"
  std::string item;    // "表3", "绩效5 …", "第三部分 …"
  std::string row;     // row label or block number
  std::string column;  // column id or field path
  std::string before;
  std::string after;
};

std::vector<Difference> diff_reports(const Report& before, const Report& after, const Layouts& layouts = Layouts::builtin());
std::string to_string(const Difference& d);

}  // namespace budgetxl::roundtrip
