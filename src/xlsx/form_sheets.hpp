// The performance target forms as worksheets: a summary sheet 绩效目标汇总 linking to one sheet per
// form, each laid out like the official form (label/value grid with merged cells; the Shanxi
// indicator table with its 实施期 and 年度 halves side by side). Every field value stands right of
// (or below) its label cell, so a workbook reader can find it by the label.
#pragma once

#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "budgetxl/report.hpp"
#include "xlsx/schema.hpp"

namespace budgetxl {

// Adds the summary sheet, then one sheet per form in document order. Appends every sheet name it
// uses to used_sheet_names: first 绩效目标汇总 (when there are forms), then the form sheets, so the
// last report.forms.size() names are the form sheets in form order.
void write_form_sheets(lxw_workbook* wb, const budgetxl::Report& report, std::vector<std::string>& used_sheet_names);

// The sheet name for form number `sequence` (1-based): "绩效3 不动产机房机架", cut to 31 UTF-16
// units, without / \ ? * : [ ], unique against `used` (a suffix "(2)" … when needed).
std::string form_sheet_name(const Form& form, std::size_t sequence, const std::vector<std::string>& used);

using xlsx::schema::kFormSummarySheet;

}  // namespace budgetxl
