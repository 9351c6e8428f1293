// Reading one of the official tables from a text report, driven by its TableLayout.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"
#include "layout/match.hpp"
#include "text/lines.hpp"

namespace budgetxl::text {

using layout::TitleMatch;
using layout::match_table_title;
using layout::match_label_line;

// Strips markdown heading marks: "## 第一部分" -> "第一部分", count = 2.
std::string_view strip_markup(std::string_view trimmed, int* count);

struct TableReadContext {
  const ReportLayout* report_layout = nullptr;
  const Layouts* layouts = nullptr;  // the family: label lines of the other tables
  // True when line i starts something that is not part of this table (a part heading, a form …).
  std::function<bool(const Lines&, std::size_t)> starts_other;
};

// Reads the table whose title is at lines[title]; returns the index of the first line after it.
// Rows that cannot be placed become findings (and set-aside noise) with their line number.
std::size_t read_table(const Lines& lines, std::size_t title, const TitleMatch& match, const TableReadContext& ctx,
                       Table& table, Report& report);

}  // namespace budgetxl::text
