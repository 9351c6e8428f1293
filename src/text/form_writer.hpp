// Writes a performance target form (绩效目标表) in the text layout of the corpus: tab-separated rows
// under the title and year lines (Shanxi project and overall forms), the Hebei project form with its
// unit line, money rows, spending plan and six-column indicator table, and the department text with
// its markdown headings. The form readers (text/form_*.cpp) read the output back to an equal Form.
#pragma once

#include <string>

#include "budgetxl/form_layout.hpp"
#include "budgetxl/forms.hpp"

namespace budgetxl::text {

// The form's lines, each ending with '\n'.
std::string write_form_text(const budgetxl::Form& form, const budgetxl::FormLayouts& layouts);

}  // namespace budgetxl::text
