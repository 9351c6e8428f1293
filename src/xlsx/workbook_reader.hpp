// A generic .xlsx reader: turns every worksheet of a workbook into a sparse grid of cell values.
// It knows nothing about budgets. Values are kept as the text the file stores (numbers too, so
// callers can parse fixed-point without going through double). Streaming (expat over libzip), with
// caps on cells and text so that hostile files fail with WorkbookError instead of exhausting
// memory.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "budgetxl/errors.hpp"
#include "budgetxl/limits.hpp"

namespace budgetxl::xlsx {

struct CellValue {
  enum class Type { empty, string, number, boolean, error };
  Type type = Type::empty;
  // string: the value (_xHHHH_ escapes decoded); number: the literal text of <v> as stored
  // ("1694.52", "1694.5199999999998", "1E-3"); boolean: "TRUE"/"FALSE"; error: "#N/A" etc.
  // A t="d" date cell is a string holding its ISO 8601 text.
  std::string text;
  bool formula = false;  // the cell had an <f>; the value is the cached <v> (empty when none)
};

struct MergedRange {
  std::uint32_t first_row = 0, first_col = 0, last_row = 0, last_col = 0;  // 1-based, inclusive
  bool contains(std::uint32_t row, std::uint32_t col) const {
    return row >= first_row && row <= last_row && col >= first_col && col <= last_col;
  }
};

// Not "Cell": that would shadow budgetxl::Cell (the report model) inside budgetxl::xlsx.
struct SheetCell {
  std::uint32_t row = 0, col = 0;  // 1-based
  CellValue value;
};

struct Sheet {
  std::string name;
  std::string part;     // e.g. "xl/worksheets/sheet3.xml"
  bool hidden = false;  // state="hidden" or "veryHidden"
  // From the cells actually stored; never from <dimension>, which WPS writes wrong. Merges do not
  // extend it.
  std::uint32_t max_row = 0, max_col = 0;
  std::vector<MergedRange> merges;  // in file order
  // Sorted by (row, col), one per position. Only cells with a value or a formula are stored: a
  // styled but empty <c/> is absent.
  std::vector<SheetCell> cells;

  const CellValue* at(std::uint32_t row, std::uint32_t col) const;  // 1-based; nullptr when absent
  std::string_view text(std::uint32_t row, std::uint32_t col) const;        // "" when absent
  const MergedRange* merge_at(std::uint32_t row, std::uint32_t col) const;  // nullptr when none
};

struct Workbook {
  std::vector<Sheet> sheets;  // worksheets in workbook order; chartsheets etc. are skipped
  const Sheet* find(std::string_view name) const;  // exact name; nullptr when none
};

class WorkbookError : public InputError {
 public:
  using InputError::InputError;
};

// Bounds that keep hostile input from exhausting memory or time (budgetxl/limits.hpp: the zip
// package, the XML of each part, cells, rows, merges and strings).
using ReadLimits = budgetxl::ReadLimits;

// Throws WorkbookError naming the file and the part ("book.xlsx: xl/worksheets/sheet2.xml: ...").
Workbook read_workbook(const std::string& path, const ReadLimits& limits = {});

// "C12" -> {12, 3} (row, column; 1-based). Upper or lower case letters; no '$'. Throws
// WorkbookError on anything else or beyond XFD1048576.
std::pair<std::uint32_t, std::uint32_t> parse_cell_reference(std::string_view ref);

inline constexpr std::uint32_t kMaxRows = 1'048'576;
inline constexpr std::uint32_t kMaxCols = 16'384;

}  // namespace budgetxl::xlsx
