// Prose lines as blocks: one rule for every format, so a paragraph read from text and the same
// paragraph read from a workbook become the same Block.
#pragma once

#include <string>
#include <string_view>

#include "budgetxl/report.hpp"

namespace budgetxl {

// A heading or paragraph from one line as written ("## 部门整体绩效目标", "一、收入预算情况说明",
// "2024年度…"): markdown '#' marks become Block::markup, headings get their level.
Block prose_block(std::string_view line_as_written, Origin origin = {});
// The line as written again: '#' marks, a space, the text.
std::string prose_line(const Block& block);
// "第一部分 概况" (whitespace and width ignored).
bool is_part_heading_text(std::string_view text);
// Level of a heading: 1 for "第一部分…", 2 for "一、…", 3 for "（一）…"; 0 for a sentence.
int prose_heading_level(std::string_view text);

}  // namespace budgetxl
