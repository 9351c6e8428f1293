// Placeholder until the forms work (issue 3) lands: replace freely.
#pragma once
#include <nlohmann/json.hpp>
#include <vector>
#include "budgetxl/forms.hpp"
namespace budgetxl::json {
nlohmann::json forms_to_json(const std::vector<Form>& forms);
}
