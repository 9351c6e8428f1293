// Reads a workbook (budgetxl's own, or one a person edited and saved in Excel, WPS or LibreOffice)
// back into the canonical model, through the same templates/ as the text reader. Every doubt
// becomes a finding with its sheet and cell ("表3!C12").
#pragma once

#include <string>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"
#include "xlsx/workbook_reader.hpp"

namespace budgetxl::xlsx {

// Throws WorkbookError when the file is not a readable workbook.
Report read_workbook_report(const std::string& path, const Layouts& layouts);
Report workbook_to_report(const Workbook& workbook, const std::string& name, const Layouts& layouts);

// The text of a prose sheet row that stands for a table or form block ("见表1 预算收支总表").
inline constexpr const char* kBlockLinkPrefix = "见";
// The cover's entity row is labelled with report.json's first entity label of the document's kind
// ("部门名称"), which says the kind when read back; this one, when the kind is unknown.
inline constexpr const char* kCoverEntityLabelUnknownKind = "单位/部门名称";

}  // namespace budgetxl::xlsx
