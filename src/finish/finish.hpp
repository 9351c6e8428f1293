// The finishing pass: what every reader does once it has mapped its input into the model, so that
// a report and its own workbook give the same model and the same findings about their content.
// Readers only map and report what they could not read; this decides row kinds and levels,
// checks codes and labels against the layout, finds duplicate and missing tables, fills and
// checks the forms (what is missing, funding sums, duplicates) and links them to 表十二.
#pragma once

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl {

void finish_report(Report& report, const Layouts& layouts);

}  // namespace budgetxl
