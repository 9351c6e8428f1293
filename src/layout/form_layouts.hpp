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

// The text field and the amount of a Shanghai project form that a label id ("nature", "carryover" …)
// fills, nullptr for other ids; `annual`: the label stands in the year's half (only 其他资金 is
// printed in both). One mapping for the text and workbook readers.
std::string* shanghai_text_field(ShanghaiProjectForm& form, const std::string& id);
Amount* shanghai_amount_field(ShanghaiProjectForm& form, const std::string& id, bool annual);

}  // namespace budgetxl
