// Writes the model as the official text report, in the layout of the corpus: parts in order, each
// table with its label line, title, entity and unit lines, header rows and tab-separated rows, the
// 本表无数据 note, every form, the prose paragraphs. read_text() reads it back to the same model.
#pragma once

#include <string>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl::text {

std::string write_text_report(const Report& report, const Layouts& layouts);
// One table as text (also used for tests and diagnostics).
std::string write_table_text(const Table& table, int year, const Layouts& layouts);

}  // namespace budgetxl::text
