// The workbook writer: turns the canonical model into an .xlsx workbook (libxlsxwriter) that looks
// like the official tables: a cover sheet, one sheet per table, the form sheets, the prose parts.
#pragma once

#include <string>
#include <vector>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl::xlsx {

struct WriteOptions {
  bool include_set_aside = true;  // a `其他材料` sheet listing what the reader kept aside
  // The rule catalogue's findings (budgetxl check): a `校验结果` sheet, when given.
  const std::vector<Finding>* checks = nullptr;
};

// Writes the workbook to `path` directly (the CLI wraps this in util::write_atomically). Throws
// std::runtime_error naming the path when libxlsxwriter reports an error.
void write_workbook(const Report& report, const std::string& path, const Layouts& layouts,
                    const WriteOptions& options = {});

// A workbook of one list: rows[0] is the header; in `numeric_columns` a cell that reads as an
// amount is written as a number.
void write_list_workbook(const std::string& path, const std::string& sheet_name, const std::vector<std::vector<std::string>>& rows,
                         const std::vector<bool>& numeric_columns);

}  // namespace budgetxl::xlsx
