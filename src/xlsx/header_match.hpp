// Matching the header of a table in a workbook a person made against the official layout, column
// by column: merged over several rows or not, split differently, with extra spaces, full-width
// brackets, years, an optional column left out, columns in another order, or the code typed as
// 类 | 款 | 项 in three columns where the layout prints one. Each printed field gets the sheet
// columns it is read from, and how sure that is; the caller turns doubt into findings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"
#include "xlsx/workbook_reader.hpp"

namespace budgetxl::xlsx {

struct FieldMatch {
  enum class How { none, header, name, similar, position };
  How how = How::none;
  // Sheet columns (1-based): one, or the 类 | 款 | 项 columns a code was typed in.
  std::vector<std::uint32_t> columns;
  std::string header;  // the sheet's header text over the column(s), for messages
};

struct HeaderMatch {
  std::vector<FieldMatch> fields;  // one per layout.fields
  int by_text = 0;                 // fields matched by their header text (not by position)
  int guessed = 0;                 // fields matched by position
  int unclaimed = 0;               // columns with a header and data that no field took
};

// The header block: its rows as text (row i is sheet row first_row + i) and the sheet's merges.
struct HeaderBlock {
  std::uint32_t first_row = 0;
  std::vector<std::vector<std::string>> rows;  // cells by column, 0-based
};

// `has_data[c]` (1-based sheet column) says whether any row below the header fills column c: a
// field matched by no header text may take an unclaimed column with data between its neighbours.
HeaderMatch match_header_columns(const Sheet& sheet, const HeaderBlock& block, const TableLayout& layout,
                                 const NationalVocabulary& vocabulary, const Table& table,
                                 const std::vector<bool>& has_data);

// The national 类 | 款 | 项 parts of a function-classification code (3, 2, 2 digits), for a code
// typed in three columns in a family that prints it in one.
const std::vector<ColumnLayout::Part>& national_code_parts();

}  // namespace budgetxl::xlsx
