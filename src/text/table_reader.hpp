// Reading one of the 13 official tables from a text report, driven by its TableLayout.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"
#include "text/lines.hpp"

namespace budgetxl::text {

// The table whose title this line is ("2024年预算收支总表", "表一 2024年预算收支总表"), with its year.
struct TitleMatch {
  const TableLayout* layout = nullptr;
  int year = 0;
};
std::optional<TitleMatch> match_table_title(std::string_view line, const Layouts& layouts);

// "预算公开表1", "部门公开表9": the table number, or 0.
int match_label_line(std::string_view line, const Layouts& layouts);

// Strips markdown heading marks: "## 第一部分" -> "第一部分", count = 2.
std::string_view strip_markup(std::string_view trimmed, int* count);

struct TableReadContext {
  const Layouts* layouts = nullptr;
  const ReportLayout* report_layout = nullptr;
  // True when line i starts something that is not part of this table (a part heading, a form …).
  std::function<bool(const Lines&, std::size_t)> starts_other;
};

// Reads the table whose title is at lines[title]; returns the index of the first line after it.
// Rows that cannot be placed become findings (and set-aside noise) with their line number.
std::size_t read_table(const Lines& lines, std::size_t title, const TitleMatch& match, const TableReadContext& ctx,
                       Table& table, Report& report);

// Splits a "单位名称：X 单位：万元" line; returns false when the line is not an entity line.
bool parse_entity_line(std::string_view line, const ReportLayout& layout, std::string* label, std::string* entity,
                       std::string* unit);

}  // namespace budgetxl::text
