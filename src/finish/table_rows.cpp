// Row kinds and levels of a table, decided the same way whatever format the rows came from.
#include "finish/table_rows.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>

#include "util/normalize.hpp"

namespace budgetxl {

using util::label_key;

bool key_in(const std::string& key, const std::vector<std::string>& list) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return label_key(s) == key; });
}

namespace {

// A department of several units, by the figures: after the department's row (printed once or
// twice), each unit's row (once or twice) is followed by its projects, which add up to it, and the
// units add up to the department. Returns the positions of the unit rows, empty when the rows do
// not have that shape (one unit, or figures that do not add up); `department_rows` is the number of
// leading department rows.
std::vector<std::size_t> unit_rows_by_figures(const std::vector<Amount>& totals, const std::vector<std::string>& keys,
                                              std::size_t& department_rows) {
  const std::size_t n = totals.size();
  if (n == 0 || totals[0].is_blank()) return {};
  std::size_t r = 1;
  while (r < n && totals[r] == totals[0] && keys[r] == keys[0]) ++r;
  department_rows = r;
  std::vector<std::size_t> units;
  std::int64_t units_sum = 0;
  std::size_t unit_count = 0;
  while (r < n) {
    const Amount unit = totals[r];
    if (unit.is_blank() || unit.minor() <= 0) return {};
    const std::size_t unit_row = r;
    while (r < n && totals[r] == unit && keys[r] == keys[unit_row]) units.push_back(r++);
    std::int64_t projects = 0;
    const std::size_t first_project = r;
    while (r < n && projects < unit.minor()) projects += totals[r++].minor();
    if (r == first_project || projects != unit.minor()) return {};
    units_sum += unit.minor();
    ++unit_count;
  }
  if (unit_count < 2 || units_sum != totals[0].minor()) return {};
  return units;
}

}  // namespace

// Decides organisation rows of 表十二/十三: the leading rows that each repeat the total of all
// project rows below them (department, then unit; real reports print the unit twice), or, in a
// department of several units, the department row and each unit's row heading the projects that
// add up to it.
void classify_project_rows(Table& table, const TableLayout& layout, const Report& report, const Layouts& layouts) {
  const int total_col = layout.column_index("total");
  std::vector<std::size_t> items;
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    if (table.rows[r].kind == RowKind::item) items.push_back(r);
  if (items.empty() || total_col < 0) return;
  auto total_of = [&](std::size_t r) { return table.rows[r].cells[static_cast<std::size_t>(total_col)].amount; };
  const auto name_col = static_cast<std::size_t>(layout.first_text_column());  // checked when the set loaded
  std::size_t block = 0;
  for (std::size_t k = items.size() - 1; k >= 1; --k) {
    Amount rest;
    for (std::size_t r = k; r < items.size(); ++r) rest += total_of(items[r]);
    bool same = true;
    for (std::size_t r = 0; r < k; ++r) same = same && total_of(items[r]) == total_of(items[0]);
    if (same && !rest.is_blank() && rest == total_of(items[0])) {
      block = k;
      break;
    }
  }
  // Several units: the department and the first unit lead; the other units' rows come further down.
  std::set<std::size_t> units_below;  // positions in `items`
  if (block == 0) {
    std::vector<Amount> totals;
    std::vector<std::string> keys;
    for (std::size_t r : items) {
      totals.push_back(total_of(r));
      keys.push_back(label_key(table.rows[r].cells[name_col].text));
    }
    std::size_t department_rows = 0;
    const std::vector<std::size_t> units = unit_rows_by_figures(totals, keys, department_rows);
    if (!units.empty()) {
      block = department_rows;
      std::size_t u = 0;
      for (; u < units.size() && units[u] == block; ++u) ++block;
      units_below.insert(units.begin() + static_cast<std::ptrdiff_t>(u), units.end());
    }
  }
  // Where the figures do not add up, fall back to names: the entity and the units of the
  // organisation tables (表十一).
  std::set<std::string> org_names{label_key(report.meta.entity), label_key(table.entity)};
  for (const TableLayout& l : layouts.tables())
    if (l.shape == TableShape::organisation)
      if (const Table* units = report.table(l.number)) {
        const auto unit_col = static_cast<std::size_t>(l.first_text_column());
        for (const auto& row : units->rows)
          if (row.kind == RowKind::organisation) org_names.insert(label_key(row.cells[unit_col].text));
      }
  org_names.erase("");
  if (block == 0)
    while (block < items.size() - 1 && org_names.count(label_key(table.rows[items[block]].cells[name_col].text))) ++block;
  for (std::size_t r = 0; r < block; ++r) {
    table.rows[items[r]].kind = RowKind::organisation;
    table.rows[items[r]].level = static_cast<int>(r) + 1;
  }
  for (std::size_t r = block; r < items.size(); ++r) {
    Row& row = table.rows[items[r]];
    if ((org_names.count(label_key(row.cells[name_col].text)) || units_below.count(r)) && block > 0) {
      row.kind = RowKind::organisation;  // a unit row further down, in a multi-unit department
      row.level = static_cast<int>(block);
    } else {
      row.level = static_cast<int>(block) + 1;
    }
  }
}

void classify_row(Row& row, const TableLayout& layout) {
  std::vector<int> text_cols;
  for (std::size_t c = 0; c < layout.columns.size(); ++c)
    if (layout.columns[c].kind != ColumnKind::amount) text_cols.push_back(static_cast<int>(c));
  auto text_at = [&](int col) { return col < 0 ? std::string() : label_key(row.cells[static_cast<std::size_t>(col)].text); };
  for (int col : text_cols)
    if (key_in(text_at(col), layout.total_labels)) {
      row.kind = RowKind::total;
      return;
    }
  switch (layout.shape) {
    case TableShape::code: {
      const CodeLevel level = code_level(row.cells[static_cast<std::size_t>(layout.first_column(ColumnKind::code))].text);
      row.kind = RowKind::item;
      row.level = static_cast<int>(level);
      return;
    }
    case TableShape::economic:
      row.kind = row.cells[static_cast<std::size_t>(layout.column_index(layout.item_name_column))].text.empty() ? RowKind::group : RowKind::item;
      row.level = row.kind == RowKind::group ? 1 : 2;
      return;
    case TableShape::organisation:
      row.kind = RowKind::organisation;
      row.level = 2;
      return;
    default:
      row.kind = RowKind::item;
      return;
  }
}

}  // namespace budgetxl
