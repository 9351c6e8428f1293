// Row kinds and levels of a table, decided the same way whatever format the rows came from.
#include "finish/table_rows.hpp"

#include <algorithm>
#include <set>

#include "util/normalize.hpp"

namespace budgetxl {

using util::label_key;

bool key_in(const std::string& key, const std::vector<std::string>& list) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return label_key(s) == key; });
}

// Decides organisation rows of 表十二/十三: the leading rows that each repeat the total of all
// project rows below them (department, then unit; real reports print the unit twice).
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
    if (org_names.count(label_key(row.cells[name_col].text)) && block > 0) {
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
