// The 校验结果 sheet: the rule catalogue's findings, one a row, each linking to the first table
// cell it concerns; every cell concerned carries a comment with the findings about it.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <map>
#include <tuple>

#include "util/normalize.hpp"
#include "xlsx/schema.hpp"
#include "xlsx/styles.hpp"

namespace budgetxl::xlsx::detail {

namespace {

// The sheet cell of an evidence figure, when it is a table cell that was written.
std::optional<std::tuple<const TablePlacement*, std::uint32_t, std::uint16_t>> cell_of(const Evidence& e,
                                                                                        const std::vector<TablePlacement>& placements) {
  if (e.table < 0 || e.row < 0 || e.column < 0 || static_cast<std::size_t>(e.table) >= placements.size()) return std::nullopt;
  const TablePlacement& p = placements[static_cast<std::size_t>(e.table)];
  if (static_cast<std::size_t>(e.column) >= p.sheet_column.size() || p.sheet_column[static_cast<std::size_t>(e.column)] < 0)
    return std::nullopt;
  return std::tuple{&p, p.data_top + static_cast<std::uint32_t>(e.row), static_cast<std::uint16_t>(p.sheet_column[static_cast<std::size_t>(e.column)])};
}

std::string cell_name(std::uint32_t row, std::uint16_t col) {
  char buf[16];
  lxw_rowcol_to_cell(buf, row, col);
  return buf;
}

}  // namespace

void write_check_sheet(lxw_workbook* wb, Styles& styles, const std::vector<Finding>& checks,
                       const std::vector<TablePlacement>& placements, std::vector<std::string>& used) {
  std::string name;
  lxw_worksheet* ws = add_sheet(wb, schema::kCheckSheet, used, name);
  SheetWriter out(ws, name, styles);
  write_list_heading(out, {"序号", "级别", "规则", "位置", "说明", "涉及数字"}, {6, 6, 22, 24, 60, 60});
  Style cell;
  cell.border = true;
  cell.wrap = true;
  std::map<std::tuple<lxw_worksheet*, std::uint32_t, std::uint16_t>, std::string> notes;  // comments on the cells concerned
  std::uint32_t row = 1;
  if (checks.empty()) out.text(row++, 0, "未发现问题", cell);
  for (const Finding& f : checks) {
    out.number(row, 0, static_cast<double>(row), cell);
    out.text(row, 1, severity_title(f.severity), cell);
    out.text(row, 2, f.rule, cell);
    std::string figures;
    std::optional<std::tuple<const TablePlacement*, std::uint32_t, std::uint16_t>> first;
    for (const Evidence& e : f.evidence) {
      figures += (figures.empty() ? "" : "\n") + e.label + " = " + e.value + (e.where.empty() ? "" : "（" + e.where.place() + "）");
      if (const auto at = cell_of(e, placements)) {
        if (!first) first = at;
        auto& note = notes[{std::get<0>(*at)->sheet, std::get<1>(*at), std::get<2>(*at)}];
        note += (note.empty() ? "" : "\n") + fmt::format("{}：{} [{}]", severity_title(f.severity), f.message, f.rule);
      }
    }
    if (first) {
      const auto& [placed, r, c] = *first;
      const std::string url = "internal:'" + util::replace_all(placed->name, "'", "''") + "'!" + cell_name(r, c);
      check(worksheet_write_url_opt(ws, row, 3, url.c_str(), styles.get(cell), (placed->name + "!" + cell_name(r, c)).c_str(), nullptr),
            out.where(row, 3));
    } else {
      out.text(row, 3, f.where.place(), cell);
    }
    out.text(row, 4, f.message, cell);
    out.text(row, 5, figures, cell);
    ++row;
  }
  for (const auto& [at, text] : notes) {
    const auto& [sheet, r, c] = at;
    check(worksheet_write_comment(sheet, r, c, text.c_str()), name);
  }
}

}  // namespace budgetxl::xlsx::detail
