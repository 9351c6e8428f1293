// Links each project form to its row of 表十二 (项目支出预算表（本年预算）): by name, or, when the
// names drift, by amount (round(年度资金总额 / 10000, 2) equals the row's 合计). Projects without a
// form and forms without a project become findings.
#pragma once

#include <cstdint>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl {

void link_forms_to_projects(Report& report, const Layouts& layouts);
// 元 (hundredths) -> 万元 (hundredths), rounded half away from zero: how a form's money compares
// with 表十二's 合计.
std::int64_t yuan_to_wan(std::int64_t minor_yuan);
// The table of the year's projects (role "projects_current": Shanxi's 表十二) the forms link to;
// nullptr when the family has none or the report does not print it.
const Table* projects_table(const Report& report, const Layouts& layouts);

}  // namespace budgetxl
