// Where the official tables stand in a sheet, whatever the sheet is called: found by a title
// (the family's wording, with any year, or the national name people use), a label line, or, on a
// sheet with neither, by a header that matches. Several tables stacked in one sheet are found one
// by one. Shared by the workbook reader and by family detection.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "budgetxl/layout.hpp"
#include "xlsx/workbook_reader.hpp"

namespace budgetxl::xlsx {

// The value of a cell as text, for labels and codes ("208" whether typed as text or as a number).
std::string cell_text(const Sheet& sheet, std::uint32_t row, std::uint32_t col);
// The stored cells of one row (Sheet::cells is sorted by row, then column): work grows with the
// cells that exist, never with the sheet's extent.
using CellRange = std::pair<std::vector<SheetCell>::const_iterator, std::vector<SheetCell>::const_iterator>;
CellRange row_cells(const Sheet& sheet, std::uint32_t row);
// Row r's cells as text, by column (0-based, up to the row's last stored cell).
std::vector<std::string> row_texts(const Sheet& sheet, std::uint32_t row);
bool row_empty(const Sheet& sheet, std::uint32_t row);
// "表3 …" -> 3; 0 when the name does not start so.
int table_number_from_name(const std::string& name);

// Does row r read as a row of figures rather than a header: a number or an amount, a code, a
// none marker, an ordinal ("一、") or one of the layout's total or fixed labels?
bool looks_like_data(const Sheet& sheet, std::uint32_t row, const TableLayout& layout, const ReportLayout& report);

struct SheetTable {
  const TableLayout* layout = nullptr;
  std::uint32_t first_row = 1, last_row = 0;  // 1-based, inclusive
  bool by_header = false;                      // no title: the header said which table
  int header_fit = 0;                          // fields its header names (to tell families apart)
};
// The tables of one sheet, top to bottom; empty when the sheet holds none of the family's.
std::vector<SheetTable> find_sheet_tables(const Sheet& sheet, const Layouts& layouts);

}  // namespace budgetxl::xlsx
