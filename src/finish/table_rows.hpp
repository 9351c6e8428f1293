// Row kinds and levels of a table (total, 功能分类 level, 表六 groups, organisation rows of
// 表十一/十二/十三), shared by every reader so that all formats classify rows alike.
#pragma once

#include <string>
#include <vector>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl {

// True when `key` (a label_key) equals the key of one of `list`.
bool key_in(const std::string& key, const std::vector<std::string>& list);
// Kind and level of one row from its own cells.
void classify_row(Row& row, const TableLayout& layout);
// 表十二/十三: marks the leading organisation rows (they repeat the total of the projects below),
// or in a department of several units the department row and each unit's row (its projects add up
// to it, the units to the department); the units named in the set's organisation tables (表十一)
// are organisation rows too.
void classify_project_rows(Table& table, const TableLayout& layout, const Report& report, const Layouts& layouts);

}  // namespace budgetxl
