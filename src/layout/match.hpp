// Matching report content against the official layouts (templates/): table titles, label lines,
// header rows, entity and unit lines, the 本表无数据 note. Shared by every reader.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "budgetxl/layout.hpp"

namespace budgetxl::layout {

// The table whose title this is ("2024年预算收支总表", "表一 2024年预算收支总表", "## …"), with its year.
struct TitleMatch {
  const TableLayout* layout = nullptr;
  int year = 0;
};
std::optional<TitleMatch> match_table_title(std::string_view text, const Layouts& layouts);
// A title in the wording people give the official table in their own workbooks: the national name
// ("2025年部门收支总表" for Shanxi's 预算收支总表), without 预算/部门/单位, or after the entity's
// name ("某某局2025年收入总表"). Only an unambiguous match counts; try match_table_title first.
std::optional<TitleMatch> match_table_title_loose(std::string_view text, const Layouts& layouts);
// "预算公开表1", "部门公开表9": the table number, or 0.
int match_label_line(std::string_view text, const Layouts& layouts);

// How well a text fits a family: the number of its tables whose title or label line stands on a
// line of its own; what each title matched, for messages.
struct FamilyFit {
  const Layouts* family = nullptr;
  int tables = 0;
};
// The family that fits best (the first listed on a tie); its `tables` is 0 when none fits.
FamilyFit best_family(const std::vector<std::string_view>& lines, const LayoutFamilies& families);

// Replaces 4-digit years (19xx/20xx) with "{year}" so header rows match any year.
std::string year_placeholder(const std::string& key);
// The label keys of the non-empty cells, years replaced.
std::vector<std::string> nonempty_keys(const std::vector<std::string>& cells);
// Header rows of a layout as key sequences, with and without its optional columns.
struct HeaderKeys {
  std::vector<std::vector<std::string>> full, without_optional;
  std::set<std::string> all_cells;
};
HeaderKeys header_keys(const TableLayout& layout);
// A "1→2→3…" column-number row.
bool is_column_numbers(const std::vector<std::string>& cells);
bool is_no_data_note(const std::string& key, const ReportLayout& layout);
// "单位名称：X 单位：万元" (unit optional); false when the text is not an entity line.
bool parse_entity_line(std::string_view text, const ReportLayout& layout, std::string* label, std::string* entity,
                       std::string* unit);
// "单位：万元".
bool parse_unit_line(const std::string& trimmed, const ReportLayout& layout, std::string* unit);

}  // namespace budgetxl::layout
