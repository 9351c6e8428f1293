// The table sheets: one per official table, laid out like the printed table (label line when the
// report prints one, title, entity and unit line, the multi-row header with its merged cells, the
// column numbers, the rows, the 本表无数据 note).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "util/normalize.hpp"
#include "xlsx/styles.hpp"

namespace budgetxl::xlsx::detail {

namespace {

constexpr double kTitleRowHeight = 24;
constexpr int kIndentWidth = 2;  // display columns one indent level takes

struct Range {
  int first_row, first_col, last_row, last_col;
};

// The year that replaces "{year}" in the header: the table title's own year, else the report's.
std::string header_year(const Report& report, const Table& table) {
  const int year = util::leading_year(util::label_key(table.title));
  if (year > 0) return std::to_string(year);
  if (report.meta.year > 0) return std::to_string(report.meta.year);
  return "";
}

// The printed columns of a table (one per printed field: a code of several parts takes one sheet
// column per part), its header text and its merges, with the columns the report does not print
// left out and the merges clipped to what remains.
struct PrintedHeader {
  std::vector<int> columns;                     // index into layout.fields of each printed column
  std::vector<PrintedField> fields;             // the printed field of each printed column
  std::vector<std::vector<std::string>> cells;  // [header row][printed column]
  std::vector<Range> merges;                    // printed coordinates, header-relative rows
  std::vector<std::vector<int>> owner;          // merge index covering a cell, -1 when none
};

PrintedHeader printed_header(const Table& table, const TableLayout& layout, const std::string& year) {
  PrintedHeader h;
  for (std::size_t k = 0; k < layout.fields.size(); ++k)
    if (table.has_column(layout.columns[static_cast<std::size_t>(layout.fields[k].column)].id)) {
      h.columns.push_back(static_cast<int>(k));
      h.fields.push_back(layout.fields[k]);
    }
  const int n = static_cast<int>(h.columns.size());
  const int rows = static_cast<int>(layout.header.size());
  auto layout_text = [&](int r, int c) -> std::string {
    if (r < 0 || r >= rows || c < 0 || c >= static_cast<int>(layout.header[r].size())) return "";
    return util::replace_all(layout.header[r][c], "{year}", year);
  };
  h.cells.assign(rows, std::vector<std::string>(n));
  for (int r = 0; r < rows; ++r)
    for (int j = 0; j < n; ++j) h.cells[r][j] = layout_text(r, h.columns[j]);
  h.owner.assign(rows, std::vector<int>(n, -1));
  for (const HeaderMerge& m : layout.merges) {
    const int r0 = std::max(m.first_row, 0), r1 = std::min(m.last_row, rows - 1);
    if (r0 > r1) continue;
    int j0 = -1, j1 = -1;
    for (int j = 0; j < n; ++j)
      if (h.columns[j] >= m.first_col && h.columns[j] <= m.last_col) {
        if (j0 < 0) j0 = j;
        j1 = j;
      }
    if (j0 < 0) continue;  // every column of the merge is absent
    bool overlaps = false;
    for (int r = r0; r <= r1; ++r)
      for (int j = j0; j <= j1; ++j) overlaps = overlaps || h.owner[r][j] >= 0;
    if (overlaps) continue;  // a layout error; keep the first merge
    // The text of the merged cell: its top-left cell, or the first text inside it when the
    // top-left column is not printed.
    std::string value;
    for (int r = r0; r <= r1 && value.empty(); ++r)
      for (int c = m.first_col; c <= m.last_col && value.empty(); ++c) value = layout_text(r, c);
    const int index = static_cast<int>(h.merges.size());
    h.merges.push_back({r0, j0, r1, j1});
    for (int r = r0; r <= r1; ++r)
      for (int j = j0; j <= j1; ++j) {
        h.owner[r][j] = index;
        h.cells[r][j] = (r == r0 && j == j0) ? value : "";
      }
  }
  return h;
}

// How far the name or label cell of a row is indented: by 功能分类 level when a code stands in the
// column before it, else by the row's level for the hierarchical shapes.
int indent_for(const Table& table, const TableLayout& layout, const Row& row, int layout_col, bool first_text_col) {
  if (row.kind == RowKind::total) return 0;
  const ColumnLayout& col = layout.columns[layout_col];
  if (col.kind != ColumnKind::name && col.kind != ColumnKind::label) return 0;
  if (layout_col > 0 && layout.columns[layout_col - 1].kind == ColumnKind::code &&
      table.has_column(layout.columns[layout_col - 1].id)) {
    const std::size_t code_col = static_cast<std::size_t>(layout_col - 1);
    if (code_col < row.cells.size()) {
      const CodeLevel level = code_level(util::trim(row.cells[code_col].text));
      if (level != CodeLevel::none) return static_cast<int>(level) - 1;
    }
    return 0;
  }
  if (!first_text_col) return 0;
  switch (layout.shape) {
    case TableShape::economic:
    case TableShape::organisation:
    case TableShape::projects:
    case TableShape::fixed_rows:
      return std::max(row.level - 1, 0);
    default:
      return 0;
  }
}

Style header_style() {
  Style s;
  s.bold = true;
  s.border = true;
  s.wrap = true;
  s.align = Align::center;
  return s;
}

std::string write_table_sheet(lxw_workbook* wb, Styles& styles, const Report& report, const Table& table,
                              const TableLayout& layout, const ReportLayout& report_layout, std::vector<std::string>& used,
                              TablePlacement& placed) {
  std::string name;
  lxw_worksheet* ws = add_sheet(wb, layout.sheet.empty() ? fmt::format("表{}", table.number) : layout.sheet, used, name);
  SheetWriter out(ws, name, styles);

  const PrintedHeader header = printed_header(table, layout, header_year(report, table));
  const int n = std::max(static_cast<int>(header.columns.size()), 1);
  const auto last_col = static_cast<std::uint16_t>(n - 1);
  const int header_rows = static_cast<int>(header.cells.size());
  // The label line (预算公开表1), when the report prints one, stands on its own row above the title,
  // as in the official table.
  const std::uint32_t title_row = table.label_line.empty() ? 0 : 1;
  const std::uint32_t entity_row = title_row + 1;
  const std::uint32_t header_top = entity_row + 1;
  const std::uint32_t data_top = header_top + static_cast<std::uint32_t>(header_rows) + (layout.column_numbers ? 1 : 0);

  // Widest display width seen in each printed column (header cells of one column, data cells).
  std::vector<int> widths(static_cast<std::size_t>(n), 0);
  auto note_width = [&](int j, int w) { widths[static_cast<std::size_t>(j)] = std::max(widths[static_cast<std::size_t>(j)], w); };

  Style left;
  Style right;
  right.align = Align::right;
  if (!table.label_line.empty()) out.text(0, 0, table.label_line, left);

  // The title, centred across the table.
  Style title;
  title.bold = true;
  title.size = kTitleFontSize;
  title.align = Align::center;
  out.merge(title_row, 0, title_row, last_col, table.title, title);
  out.row_height(title_row, kTitleRowHeight);

  // 单位名称：… on the left, 单位：万元 (report.json's first unit label) in the last column.
  std::string entity_line;
  if (!table.entity_label.empty() || !table.entity.empty()) entity_line = table.entity_label + "：" + table.entity;
  const std::string unit_line = table.unit.empty() ? "" : report_layout.unit_labels.front() + "：" + table.unit;
  if (n >= 3) {
    out.merge(entity_row, 0, entity_row, static_cast<std::uint16_t>(n - 2), entity_line, left);
    out.text(entity_row, last_col, unit_line, right);
  } else if (n == 2) {
    out.text(entity_row, 0, entity_line, left);
    out.text(entity_row, 1, unit_line, right);
  } else {
    out.text(entity_row, 0, entity_line.empty() ? unit_line : entity_line + "  " + unit_line, left);
  }

  // The header block, with its merged cells.
  const Style head = header_style();
  for (int r = 0; r < header_rows; ++r) {
    const auto row = header_top + static_cast<std::uint32_t>(r);
    for (int j = 0; j < static_cast<int>(header.columns.size()); ++j) {
      const int owner = header.owner[r][j];
      const std::string& value = header.cells[r][j];
      if (owner >= 0) {
        const Range& m = header.merges[static_cast<std::size_t>(owner)];
        if (m.first_row != r || m.first_col != j) continue;
        out.merge(row, static_cast<std::uint16_t>(j), header_top + static_cast<std::uint32_t>(m.last_row),
                  static_cast<std::uint16_t>(m.last_col), value, head);
        if (m.first_col == m.last_col) note_width(j, util::display_width(value));
      } else {
        out.text(row, static_cast<std::uint16_t>(j), value, head);
        note_width(j, util::display_width(value));
      }
    }
  }
  if (layout.column_numbers) {
    Style numbers;
    numbers.border = true;
    numbers.align = Align::center;
    for (int j = 0; j < static_cast<int>(header.columns.size()); ++j)
      out.text(header_top + static_cast<std::uint32_t>(header_rows), static_cast<std::uint16_t>(j), std::to_string(j + 1), numbers);
  }

  // Where the rows go, for links to their cells (校验结果).
  placed.sheet = ws;
  placed.data_top = data_top;
  placed.sheet_column.assign(layout.columns.size(), -1);
  for (int j = static_cast<int>(header.columns.size()); j-- > 0;)
    placed.sheet_column[static_cast<std::size_t>(header.fields[static_cast<std::size_t>(j)].column)] = j;

  // The rows, each cell in the column the layout gives it.
  int first_text_col = -1;
  for (int j = 0; j < static_cast<int>(header.columns.size()) && first_text_col < 0; ++j) {
    const ColumnKind k = layout.columns[static_cast<std::size_t>(header.fields[static_cast<std::size_t>(j)].column)].kind;
    if (k == ColumnKind::name || k == ColumnKind::label) first_text_col = j;
  }
  struct Wrapped {
    std::uint32_t row;
    int col;
    std::string text;
    int indent;
  };
  std::vector<Wrapped> wrapped;  // text cells that may need more than one line
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const Row& row = table.rows[i];
    const auto r = data_top + static_cast<std::uint32_t>(i);
    const bool bold = row.kind == RowKind::total ||
                      (row.kind == RowKind::organisation && layout.shape == TableShape::projects);
    for (int j = 0; j < static_cast<int>(header.columns.size()); ++j) {
      const PrintedField& field = header.fields[static_cast<std::size_t>(j)];
      const int c = field.column;
      const ColumnLayout& col = layout.columns[static_cast<std::size_t>(c)];
      static const Cell kEmpty;
      const Cell& cell = static_cast<std::size_t>(c) < row.cells.size() ? row.cells[static_cast<std::size_t>(c)] : kEmpty;
      const auto cc = static_cast<std::uint16_t>(j);
      Style s;
      s.border = true;
      s.bold = bold;
      if (col.kind == ColumnKind::amount) {
        s.align = Align::right;
        if (!cell.text.empty()) {
          out.text(r, cc, cell.text, s);  // not an amount in the source: kept as written
          note_width(j, util::display_width(cell.text));
        } else if (cell.amount.is_blank()) {
          out.blank(r, cc, s);
        } else {
          s.number = NumberFormat::amount;
          out.number(r, cc, cell.amount.to_double(), s);
          note_width(j, static_cast<int>(cell.amount.to_string(Amount::kDecimals, true).size()));
        }
      } else {
        // A code printed in parts: its part in this column ("201" | "06" | "01").
        const std::string text =
            field.part >= 0 ? col.split_parts(cell.text)[static_cast<std::size_t>(field.part)] : cell.text;
        s.indent = indent_for(table, layout, row, c, j == first_text_col);
        if (col.kind != ColumnKind::code) s.wrap = true;
        out.text(r, cc, text, s);
        const int w = util::display_width(text) + s.indent * kIndentWidth;
        note_width(j, std::min(w, 60));
        if (s.wrap && w > 60) wrapped.push_back({r, j, text, s.indent});
      }
    }
  }
  // The 本表无数据 note below the rows.
  if (!table.no_data_note.empty())
    out.merge(data_top + static_cast<std::uint32_t>(table.rows.size()), 0, data_top + static_cast<std::uint32_t>(table.rows.size()),
              last_col, table.no_data_note, left);

  // Column widths from the East-Asian display width; a title wider than the table widens it.
  std::vector<double> column(static_cast<std::size_t>(n));
  double total = 0;
  for (int j = 0; j < n; ++j) total += column[static_cast<std::size_t>(j)] = column_width_for(widths[static_cast<std::size_t>(j)]);
  const double title_width = util::display_width(table.title) * kTitleFontSize / kFontSize + 4;
  if (title_width > total)
    for (double& w : column) w *= title_width / total;
  for (int j = 0; j < n; ++j) out.column_width(static_cast<std::uint16_t>(j), column[static_cast<std::size_t>(j)]);

  // Rows whose header or name cells wrap get the height they need.
  std::map<std::uint32_t, int> lines;
  for (int r = 0; r < header_rows; ++r)
    for (int j = 0; j < static_cast<int>(header.columns.size()); ++j) {
      const std::string& value = header.cells[r][j];
      if (value.empty()) continue;
      int j1 = j, rows_spanned = 1;
      if (header.owner[r][j] >= 0) {
        const Range& m = header.merges[static_cast<std::size_t>(header.owner[r][j])];
        j1 = m.last_col;
        rows_spanned = m.last_row - m.first_row + 1;
      }
      double w = 0;
      for (int k = j; k <= j1; ++k) w += column[static_cast<std::size_t>(k)];
      const int need = static_cast<int>(std::ceil(static_cast<double>(wrapped_lines(value, w)) / rows_spanned));
      auto& l = lines[header_top + static_cast<std::uint32_t>(r)];
      l = std::max(l, need);
    }
  for (const Wrapped& c : wrapped) {
    auto& l = lines[c.row];
    l = std::max(l, wrapped_lines(c.text, column[static_cast<std::size_t>(c.col)] - c.indent * kIndentWidth));
  }
  for (const auto& [row, count] : lines)
    if (count > 1) out.row_height(row, count * kLineHeight);

  // Header frozen and repeated on every printed page, which are numbered.
  worksheet_freeze_panes(ws, data_top, 0);
  check(worksheet_repeat_rows(ws, 0, data_top - 1), name);
  set_page(out, {.centered = true, .left = 0.5, .right = 0.5, .top = 0.6, .bottom = 0.6, .page_numbers = true});
  return name;
}

}  // namespace

std::vector<std::string> write_table_sheets(lxw_workbook* wb, Styles& styles, const Report& report,
                                            const Layouts& layouts, std::vector<std::string>& used,
                                            std::vector<TablePlacement>* placements) {
  std::vector<std::string> names;
  names.reserve(report.tables.size());
  for (const Table& table : report.tables) {
    const TableLayout* layout = layouts.find_table(table.number);
    if (!layout) throw TemplateError(fmt::format("表{}：模板中没有这张表的格式", table.number));
    TablePlacement placed;
    names.push_back(write_table_sheet(wb, styles, report, table, *layout, layouts.report(), used, placed));
    placed.name = names.back();
    if (placements) placements->push_back(std::move(placed));
  }
  return names;
}

}  // namespace budgetxl::xlsx::detail
