// The 功能分类 code hierarchy: 类 (3 digits), 款 (5), 项 (7); each level subtotals its children.
#pragma once

#include <string>
#include <string_view>

namespace budgetxl {

enum class CodeLevel { none = 0, lei = 1, kuan = 2, xiang = 3 };

// The level of a function code from its digit count; none for anything else (e.g. "2101").
CodeLevel code_level(std::string_view code);
// The parent code ("2080505" -> "20805", "20805" -> "208", "208" -> "").
std::string parent_code(std::string_view code);
const char* code_level_name(CodeLevel level);  // "类" / "款" / "项" / ""

}  // namespace budgetxl
