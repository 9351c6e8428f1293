// The canonical model as JSON (`budgetxl json`); the schema is documented in README.md.
#pragma once

#include <nlohmann/json.hpp>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl::json {

nlohmann::ordered_json report_to_json(const Report& report, const Layouts& layouts);
nlohmann::json amount_to_json(const Amount& a);  // "1694.52" string, or null when blank
nlohmann::json origin_to_json(const Origin& o);  // {"line":12,"field":3} or {"sheet":"表3","cell":"C12"}

}  // namespace budgetxl::json
