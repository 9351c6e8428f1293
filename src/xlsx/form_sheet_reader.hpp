// Reads a performance target form sheet (绩效N …) as written by xlsx/form_sheets.cpp back into a
// Form. Fields are found by their label cells, not by fixed positions, so blank rows and columns a
// person inserted are tolerated; numbers typed as text are read with a finding; every doubt becomes a
// finding naming the sheet and cell.
#pragma once

#include "budgetxl/form_layout.hpp"
#include "budgetxl/report.hpp"
#include "xlsx/workbook_reader.hpp"

namespace budgetxl::xlsx {

// Appends the form read from `sheet` to report.forms (nothing when the sheet is no form, with a
// finding). duplicate_of is set like the text reader does; table12_row/link are left to
// link_forms_to_projects().
void read_form_sheet(const budgetxl::xlsx::Sheet& sheet, const budgetxl::FormLayouts& layouts, budgetxl::Report& report);

// A sheet under any name that holds a form, as people keep them: a title about 绩效目标 in its
// first rows and the labels of one kind of form.
bool is_form_sheet(const budgetxl::xlsx::Sheet& sheet, const budgetxl::FormLayouts& layouts);

}  // namespace budgetxl::xlsx
