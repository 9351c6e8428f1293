// The performance target forms as JSON (embedded under "forms" in `budgetxl json` output).
// Schema: docs/forms-json.md.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "budgetxl/forms.hpp"

namespace budgetxl::json {

nlohmann::json forms_to_json(const std::vector<Form>& forms);

}  // namespace budgetxl::json
