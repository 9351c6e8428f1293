// Links each project form to its row of 表十二 (项目支出预算表（本年预算）): by name, or, when the
// names drift, by amount (round(年度资金总额 / 10000, 2) equals the row's 合计). Projects without a
// form and forms without a project become findings.
#pragma once

#include "budgetxl/report.hpp"

namespace budgetxl {

void link_forms_to_projects(Report& report);

}  // namespace budgetxl
