// Values that both form readers (text and workbook) take apart the same way: the year line and the
// 主管部门及代码 field.
#pragma once

#include <string>
#include <string_view>

namespace budgetxl {

// "(2024年度)", "（2024年度）", "(2024) 年度": the year, else 0.
int year_of_line(std::string_view text);
// "210-临汾市规划和自然资源局" -> code "210", name "临汾市规划和自然资源局".
void split_code_name(const std::string& s, std::string& code, std::string& name);

}  // namespace budgetxl
