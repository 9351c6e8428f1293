// Reads a workbook (budgetxl's own, or one a person edited and saved in Excel, WPS or LibreOffice)
// back into the canonical model, through the same templates/ as the text reader. Every doubt
// becomes a finding with its sheet and cell ("表3!C12").
#pragma once

#include <string>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"
#include "xlsx/schema.hpp"
#include "xlsx/workbook_reader.hpp"

namespace budgetxl::xlsx {

// Throws WorkbookError when the file is not a readable workbook.
Report read_workbook_report(const std::string& path, const Layouts& layouts);
Report workbook_to_report(const Workbook& workbook, const std::string& name, const Layouts& layouts);
// A workbook that holds nothing of a report (no table, form or prose part of the family) is not a
// report: throws InputError naming the sheets it has.
void require_workbook_content(const Report& report, const Workbook& book, const Layouts& layouts);
// The layout family a budgetxl workbook names on its cover ("shanxi"); "" when it names none.
std::string cover_family(const Workbook& workbook);
// The family whose tables the workbook's sheets hold most of (by sheet name or by a title in a
// sheet's first rows); the first family when none fits.
const Layouts& best_family(const Workbook& workbook, const LayoutFamilies& families);

// The prefix of a prose sheet row that stands for a table or form block (see xlsx/schema.hpp).
using schema::kBlockLinkPrefix;

}  // namespace budgetxl::xlsx
