// The workbook's own names: what budgetxl's writer puts into a workbook and its reader looks for,
// beyond the official layouts of templates/ (table titles, headers, form labels). The writer
// (writer.cpp, prose_sheets.cpp, form_sheets.cpp) and the reader (model_reader.cpp,
// form_sheet_reader.cpp) both use these, so a name is changed in one place.
#pragma once

#include <cstddef>
#include <string_view>

#include "util/normalize.hpp"

namespace budgetxl::xlsx::schema {

// --- Sheet names ---------------------------------------------------------------------------------

inline constexpr const char* kCoverSheet = "封面";             // metadata, counts, sheet list, findings
inline constexpr const char* kCheckSheet = "校验结果";        // the rule catalogue's findings (not read back)
inline constexpr const char* kSetAsideSheet = "其他材料";      // everything the reader set aside
inline constexpr const char* kFormSummarySheet = "绩效目标汇总";  // one row per form, linked
inline constexpr const char* kCoverTextSheet = "封面文字";     // the prose of the cover part
// Form sheets are named "绩效N 名称" (N = 1, 2 … in form order).
inline constexpr const char* kFormSheetPrefix = "绩效";

// --- Cover sheet labels (column A; the value stands in column B) ----------------------------------

inline constexpr const char* kCoverDepartmentName = "部门名称";       // the entity of a 部门 report
inline constexpr const char* kCoverUnitName = "单位名称";             // the entity of a 单位 report
inline constexpr const char* kCoverEntityName = "单位/部门名称";      // the entity, kind unknown
inline constexpr const char* kCoverDocumentKind = "文件类型";         // "部门预算" / "单位预算"
inline constexpr const char* kCoverYear = "年度";
inline constexpr const char* kCoverAmountUnit = "金额单位";
inline constexpr const char* kCoverTitle = "标题";
// The layout family the workbook follows: "山西省（shanxi）", the family's id in the brackets.
inline constexpr const char* kCoverFamily = "报表格式";

// --- 其他材料: one set-aside item a row; a row without 类别 and 位置 continues the text above ---------

inline constexpr const char* kSetAsideKind = "类别";
inline constexpr const char* kSetAsidePlace = "位置";
inline constexpr const char* kSetAsideText = "内容";

// --- Prose sheets --------------------------------------------------------------------------------

// The text of a prose sheet row that stands for a table or form block: the prefix, then the
// target sheet's name ("见表1 预算收支总表"), linked to that sheet.
inline constexpr const char* kBlockLinkPrefix = "见";

// --- Form sheets ---------------------------------------------------------------------------------

// The columns budgetxl adds to the official indicator tables: the standard level of each indicator
// ("产出指标-数量指标"). The project form has one per half.
inline constexpr const char* kPeriodStandardLevelColumn = "实施期标准层级";
inline constexpr const char* kAnnualStandardLevelColumn = "年度标准层级";
inline constexpr const char* kStandardLevelColumn = "标准层级";

// --- Long text -----------------------------------------------------------------------------------

// Excel keeps at most 32767 UTF-16 units in a cell. A longer text is written in pieces of this many
// code points down the rows, in the same columns (prose and form sheets). In a form sheet every
// piece but the last holds exactly kCellTextMax code points and the last fewer (an empty last piece
// when the text divides evenly): a full cell is continued by the cell right below it (below its
// merged range) that spans the same columns, and the form sheet reader joins them.
inline constexpr std::size_t kCellTextMax = 32000;
// A cell text that is continued in the cell below it (exactly kCellTextMax code points).
inline bool is_full_piece(std::string_view t) { return t.size() >= kCellTextMax && util::code_points(t) == kCellTextMax; }

}  // namespace budgetxl::xlsx::schema
