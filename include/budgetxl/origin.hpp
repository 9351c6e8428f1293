// Where a piece of the model came from: a line (and tab field) of a text report, or a sheet cell.
#pragma once

#include <cstdint>
#include <string>

namespace budgetxl {

struct Origin {
  std::uint32_t line = 0;    // 1-based line in a text report; 0 = not from text
  std::uint32_t field = 0;   // 1-based tab field on that line; 0 = whole line
  std::string sheet;         // sheet name in a workbook; empty = not from a workbook
  std::uint32_t row = 0;     // 1-based row in that sheet
  std::uint32_t column = 0;  // 1-based column in that sheet; 0 = whole row

  static Origin at_line(std::uint32_t line, std::uint32_t field = 0) {
    Origin o;
    o.line = line;
    o.field = field;
    return o;
  }
  static Origin at_cell(std::string sheet, std::uint32_t row, std::uint32_t column) {
    Origin o;
    o.sheet = std::move(sheet);
    o.row = row;
    o.column = column;
    return o;
  }
  bool empty() const { return line == 0 && sheet.empty(); }
  // Where a thing came from is not part of what it is: two equal values read from different places
  // (a text line and a sheet cell) are equal, so the model's types compare with `= default`.
  bool operator==(const Origin&) const { return true; }
  // "第12行" style is for messages; this is the neutral form: "line 12", "line 12 field 3", "表3!C12".
  std::string str() const;
  // The place as people read it in findings: "第12行" for a line of a text report, "表3!C12" for
  // a cell.
  std::string place() const;
};

// "A1" style reference for 1-based row and column.
std::string cell_reference(std::uint32_t row, std::uint32_t column);

}  // namespace budgetxl
