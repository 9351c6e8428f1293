#include "xlsx/sheet_tables.hpp"

#include <algorithm>

#include "budgetxl/amount.hpp"
#include "budgetxl/report.hpp"
#include "layout/match.hpp"
#include "util/normalize.hpp"
#include "xlsx/header_match.hpp"

namespace budgetxl::xlsx {

using util::label_key;

std::string cell_text(const Sheet& sheet, std::uint32_t row, std::uint32_t col) {
  const CellValue* v = sheet.at(row, col);
  if (!v) return "";
  if (v->type == CellValue::Type::number) {
    // A code typed as a number comes back as "208" or "208.0"; keep the digits a person typed.
    auto p = parse_amount_rounded(v->text);
    if (p.value && p.value->minor() % Amount::kScale == 0) return std::to_string(p.value->minor() / Amount::kScale);
    return v->text;
  }
  return util::trim(v->text);
}

CellRange row_cells(const Sheet& sheet, std::uint32_t row) {
  const auto first = std::lower_bound(sheet.cells.begin(), sheet.cells.end(), row,
                                      [](const SheetCell& c, std::uint32_t r) { return c.row < r; });
  const auto last = std::upper_bound(first, sheet.cells.end(), row, [](std::uint32_t r, const SheetCell& c) { return r < c.row; });
  return {first, last};
}

std::vector<std::string> row_texts(const Sheet& sheet, std::uint32_t row) {
  const auto [first, last] = row_cells(sheet, row);
  if (first == last) return {};
  std::vector<std::string> out(std::prev(last)->col);  // up to the row's last stored cell
  for (auto it = first; it != last; ++it) out[it->col - 1] = cell_text(sheet, row, it->col);
  return out;
}

bool row_empty(const Sheet& sheet, std::uint32_t row) {
  const auto [first, last] = row_cells(sheet, row);
  for (auto it = first; it != last; ++it)
    if (!cell_text(sheet, row, it->col).empty()) return false;
  return true;
}

int table_number_from_name(const std::string& name) {
  if (!util::starts_with(name, "表")) return 0;
  int n = 0;
  std::size_t i = 3;
  while (i < name.size() && name[i] >= '0' && name[i] <= '9' && n < 100) n = n * 10 + (name[i++] - '0');
  if (i == 3 || i >= name.size() || name[i] != ' ') return 0;
  return n;
}

namespace {

bool is_code_text(const std::string& t) {
  return t.size() >= 3 && t.size() <= 7 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The table a title or label line in this row names; nullptr when the row is no title. A title
// stands almost alone in its row (a unit may share it); a row of many cells is a table's row.
const TableLayout* title_in_row(const Sheet& sheet, std::uint32_t row, const Layouts& layouts) {
  std::vector<std::string> texts;
  for (std::uint32_t c = 1; c <= std::min<std::uint32_t>(sheet.max_col, 30); ++c) {
    const CellValue* v = sheet.at(row, c);
    if (v && v->type == CellValue::Type::string && !util::is_blank(v->text)) texts.push_back(util::trim(v->text));
  }
  if (texts.empty() || texts.size() > 3) return nullptr;
  for (const auto& t : texts) {
    if (auto m = layout::match_table_title(t, layouts)) return m->layout;
    if (const int n = layout::match_label_line(t, layouts)) return layouts.find_table(n);
  }
  for (const auto& t : texts)
    if (auto m = layout::match_table_title_loose(t, layouts)) return m->layout;
  return nullptr;
}

// The header block of a table without a title: the first rows of the sheet up to its first row
// of figures (at most six).
HeaderBlock leading_header(const Sheet& sheet, std::uint32_t from_row, const TableLayout& layout, const ReportLayout& report,
                           std::uint32_t* data_row) {
  HeaderBlock block;
  std::uint32_t r = from_row;
  while (r <= sheet.max_row && row_empty(sheet, r)) ++r;
  block.first_row = r;
  for (; r <= sheet.max_row && block.rows.size() < 6; ++r) {
    if (looks_like_data(sheet, r, layout, report)) break;
    block.rows.push_back(row_texts(sheet, r));
  }
  *data_row = r;
  return block;
}

// The fields of a layout a header block names by their header text.
int named_fields(const Sheet& sheet, const HeaderBlock& block, const TableLayout& layout, const Layouts& layouts) {
  const HeaderMatch m = match_header_columns(sheet, block, layout, layouts.vocabulary(), Table{}, {});
  int named = 0;
  for (const auto& f : m.fields)
    if (f.how == FieldMatch::How::header || f.how == FieldMatch::How::name) ++named;
  return named;
}

}  // namespace

bool looks_like_data(const Sheet& sheet, std::uint32_t row, const TableLayout& layout, const ReportLayout& report) {
  std::string first;
  const auto [from, to] = row_cells(sheet, row);
  for (auto it = from; it != to; ++it) {
    const CellValue* v = &it->value;
    if (v->type == CellValue::Type::number) return true;
    const std::string t = util::trim(v->text);
    if (t.empty()) continue;
    if (first.empty()) first = t;
    if (is_code_text(t)) return true;
    if (const auto a = parse_amount(t); a.value && !a.value->is_blank() && t.size() >= 2) return true;
    if (std::find(report.blank_markers.begin(), report.blank_markers.end(), t) != report.blank_markers.end()) return true;
  }
  if (first.empty()) return false;
  const std::string key = label_key(first);
  if (util::chinese_ordinal(key) != 0) return true;
  for (const auto& l : layout.total_labels)
    if (key == label_key(l)) return true;
  for (const auto& f : layout.fixed_labels) {
    if (key == label_key(f.text)) return true;
    for (const auto& v : f.variants)
      if (key == label_key(v)) return true;
  }
  return false;
}

std::vector<SheetTable> find_sheet_tables(const Sheet& sheet, const Layouts& layouts) {
  std::vector<SheetTable> found;
  std::vector<std::uint32_t> rows;  // the rows that hold a cell, in order
  for (const SheetCell& cell : sheet.cells)
    if (rows.empty() || rows.back() != cell.row) rows.push_back(cell.row);
  for (std::uint32_t r : rows) {
    const TableLayout* layout = title_in_row(sheet, r, layouts);
    if (!layout) continue;
    // A label line and the title under it start one table.
    if (!found.empty() && found.back().layout == layout && r - found.back().first_row <= 3) continue;
    found.push_back({layout, r, 0, false});
  }
  if (found.empty()) {
    // No title: the sheet's name says which table ("表3 预算支出总表", or a name the title matchers
    // know), else a header that matches.
    const TableLayout* layout = nullptr;
    for (const TableLayout& l : layouts.tables())
      if (l.sheet == sheet.name) layout = &l;
    if (!layout) layout = layouts.find_table(table_number_from_name(sheet.name));
    if (!layout)
      if (auto m = layout::match_table_title_loose(sheet.name, layouts)) layout = m->layout;
    bool by_header = false;
    int fit = 0;
    if (!layout) {
      // The layout whose header this sheet's first rows match best, by the share of its fields
      // their header text names; the first of equals (the summary table before its details).
      double best = 0.0;
      for (const TableLayout& l : layouts.tables()) {
        std::uint32_t data_row = 0;
        const HeaderBlock block = leading_header(sheet, 1, l, layouts.report(), &data_row);
        if (block.rows.empty() || data_row > sheet.max_row) continue;
        const int named = named_fields(sheet, block, l, layouts);
        const double share = static_cast<double>(named) / static_cast<double>(l.fields.size());
        if (named >= 3 && share >= 0.6 && share > best) {
          best = share;
          layout = &l;
          fit = named;
        }
      }
      by_header = layout != nullptr;
    }
    if (!layout) return {};
    found.push_back({layout, 1, 0, by_header, fit});
  }
  for (SheetTable& t : found) {
    if (t.by_header) continue;
    std::uint32_t data_row = 0;
    const HeaderBlock block = leading_header(sheet, t.first_row + 1, *t.layout, layouts.report(), &data_row);
    t.header_fit = named_fields(sheet, block, *t.layout, layouts);
  }
  found.front().first_row = 1;  // what stands above the first title (an entity line) is its own
  for (std::size_t i = 0; i < found.size(); ++i)
    found[i].last_row = i + 1 < found.size() ? found[i + 1].first_row - 1 : sheet.max_row;
  return found;
}

}  // namespace budgetxl::xlsx
