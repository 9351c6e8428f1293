// What the form readers share beyond the public form layout (budgetxl/form_layout.hpp).
#pragma once

#include <map>
#include <string>

#include "budgetxl/form_layout.hpp"
#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl {

// Reads templates/forms/*.json (path -> text) into the form layouts; throws TemplateError naming
// "ORIGIN/forms/FILE.json" and the key. Called once by Layouts when a set is loaded.
FormLayouts load_form_layouts(const std::map<std::string, std::string>& files, const std::string& origin);

// The field of an overall form that a 部门基本信息 label id ("department", "staff_quota" …) fills;
// nullptr for ids outside the basic information. One mapping for the text and workbook readers.
std::string* overall_info_field(OverallForm& form, const std::string& id);

}  // namespace budgetxl
