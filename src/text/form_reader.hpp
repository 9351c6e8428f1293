// Performance target forms in a text report (issue 3). The report reader calls these while it
// walks the prose parts: when starts_form() says a form begins at line i, read_form() reads it into
// report.forms and returns the index of the first line after it; the reader then records a
// BlockKind::form block pointing at the new form(s).
#pragma once

#include <cstddef>

#include "budgetxl/form_layout.hpp"
#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"
#include "text/lines.hpp"

namespace budgetxl::text {

bool starts_form(const Lines& lines, std::size_t i, const FormLayouts& layouts);
// Appends one or more forms to report.forms (and findings to report.findings; page numbers inside
// them to report.set_aside, with the set's report patterns); returns the index of the first line
// after them (> i).
std::size_t read_form(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report);

}  // namespace budgetxl::text
