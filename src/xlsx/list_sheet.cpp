// A workbook of one list (a header row, then one row per item): the summary `budgetxl check
// --summary FILE.xlsx` writes, one row per report. Cells that read as amounts are numbers.
#include <xlsxwriter.h>

#include <memory>

#include "budgetxl/amount.hpp"
#include "budgetxl/errors.hpp"
#include "util/normalize.hpp"
#include "xlsx/writer.hpp"

namespace budgetxl::xlsx {

void write_list_workbook(const std::string& path, const std::string& sheet_name, const std::vector<std::vector<std::string>>& rows,
                         const std::vector<bool>& numeric_columns) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw OutputError(path + ": 无法创建工作簿");
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_border(head, LXW_BORDER_THIN);
  lxw_format* text = workbook_add_format(wb);
  format_set_border(text, LXW_BORDER_THIN);
  lxw_format* number = workbook_add_format(wb);
  format_set_border(number, LXW_BORDER_THIN);
  format_set_num_format(number, "#,##0.00");
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const std::string& v = rows[r][c];
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      const AmountParse a = r > 0 && c < numeric_columns.size() && numeric_columns[c] ? parse_amount(v) : AmountParse{};
      if (a.value && !a.value->is_blank()) worksheet_write_number(ws, row, col, a.value->to_double(), number);
      else worksheet_write_string(ws, row, col, v.c_str(), r == 0 ? head : text);
    }
  if (!rows.empty())
    for (std::size_t c = 0; c < rows[0].size(); ++c) {
      int width = 8;
      for (const auto& row : rows)
        if (c < row.size()) width = std::max(width, std::min(60, util::display_width(row[c]) + 2));
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
    }
  worksheet_freeze_panes(ws, 1, 0);
  if (workbook_close(wb) != LXW_NO_ERROR) throw OutputError(path + ": 无法写入工作簿");
}

}  // namespace budgetxl::xlsx
