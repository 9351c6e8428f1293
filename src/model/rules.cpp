// The rule table. Add a rule here before emitting it; README.md's "Finding rules" lists the same
// rows (a test compares them).
#include "budgetxl/rules.hpp"

#include <algorithm>

namespace budgetxl {

namespace {

using enum Severity;
constexpr RuleScope in = RuleScope::input;
constexpr RuleScope co = RuleScope::content;

constexpr Rule kRules[] = {
    // The report as a whole and its tables (the finishing pass, every format).
    {"report.no-entity", warning, co, "the 部门/单位 name was not found"},
    {"report.no-year", warning, co, "the budget year was not found"},
    {"report.mixed-units", warning, co, "tables in different units (a table the template gives its own unit aside); nothing converted"},
    {"report.no-tables", warning, co, "the report holds no table (a text part published without its tables)"},
    {"table.missing", warning, co, "one of the layout's tables is absent"},
    {"table.duplicate", warning, co, "a table printed twice"},
    {"table.bad-code", warning, co, "a 科目编码 that is not 3, 5 or 7 digits"},
    {"table.code-zero-restored", warning, in, "a code printed in parts (类, 款, 项) lost a leading zero (`301`, `7`); read as 30107"},
    {"table.unknown-label", info, co, "a row label that is not among the layout's fixed labels"},
    // The rule catalogue (`budgetxl check`, src/check/): figures against each other, exactly.
    {"sum.row", error, co, "a row whose total (合计) is not the sum of its parts (基本 + 项目, 人员 + 公用, the funding sources) as the template's sums say"},
    {"sum.children", error, co, "a 类/款 (or group, department, unit) row that is not the sum of the rows one level below it"},
    {"sum.total-row", error, co, "a table's 合计 row that is not the sum of its top-level rows"},
    {"sum.rounding", warning, co, "a sum off by rounding only (尾数误差: 0.01 万元, under 1 元 in a table in 元)"},
    {"balance.subtotal", error, co, "a two-sided table's 本年收入/支出合计 not the sum of its numbered rows, or its 总计 not 合计 + 结转"},
    {"balance.income-expense", error, co, "a two-sided table whose 收入总计 and 支出总计 differ"},
    {"code.malformed", error, co, "a 科目编码 of the wrong length (功能分类 3/5/7 digits, 经济分类 3/5)"},
    {"code.parent-missing", warning, co, "a 款 or 项 code whose 类 or 款 the table does not print"},
    {"code.name-differs", warning, co, "the same 科目编码 named differently in two tables"},
    {"cross.income-summary", error, co, "收支总表 本年收入合计 ≠ 收入总表 合计"},
    {"cross.expenditure-summary", error, co, "收支总表 本年支出合计 ≠ 支出总表 合计"},
    {"cross.expense-classes", error, co, "a 支出 class of the 收支总表 ≠ that class's row in the 支出总表"},
    {"cross.basic-economic", error, co, "一般公共预算支出表 基本支出 ≠ 基本支出经济分类表 合计"},
    {"cross.projects", error, co, "支出总表 项目支出 ≠ the project tables' 合计 (本年预算 + 上年结转)"},
    {"cross.project-general", error, co, "一般公共预算支出表 项目支出 ≠ 项目支出表（本年预算） 一般公共预算"},
    {"form.amount-differs", error, co, "a form's 年度资金总额 (元, to the hundredth of 万元) ≠ its 表十二 project's 合计"},
    {"form.cost-above-funds", warning, co, "a cost indicator (成本指标) above the money of its form (实施期, 年度, 预算数)"},
    {"form.plan-incomplete", warning, co, "a 资金支出计划 (Hebei) whose last step is below 100%"},
    {"wording.placeholder", warning, co, "a placeholder left in the text (XX, ××, 待补充, 待填写, ……)"},
    {"wording.other-year", warning, co, "a table title naming another year than the report's"},
    {"wording.kind-mismatch", warning, co, "部门 wording in a 单位 report or the reverse: a table's 部门名称/单位名称 line, or 本部门/本单位 in a sentence with figures"},
    {"wording.empty-table-unnoted", warning, co, "an empty table without the note that says so (in a family that prints one)"},
    {"wording.note-other-table", warning, co, "a table's note that speaks of another table (政府性基金 under the 国有资本经营 table)"},
    {"wording.note-with-figures", warning, co, "a note saying the table is empty (无数据, 空表) under a table that has figures"},
    {"narrative.amount-differs", error, co, "a figure of the 情况说明 (收入/支出总计, a source, 基本/项目, a class, 人员/公用, 三公, 机关运行经费, the projects) that differs from the table figure it restates"},
    {"narrative.amount-rounding", warning, co, "a figure of the 情况说明 off its table figure by one unit of its last printed digit (尾数误差)"},
    {"narrative.share-differs", error, co, "a share (占X%) in the 情况说明 that the table figures, rounded to the printed precision, do not give"},
    {"narrative.change-contradicts", error, co, "a year-on-year change (比上年增加/减少 X，增长/下降 Y%) whose direction or percentage its sentence's figures contradict"},
    {"narrative.percent-rounding", warning, co, "a share or a year-on-year percentage off by one unit of its last printed digit (尾数误差)"},
    // Performance target forms: content (the finishing pass) …
    {"form.missing-project-name", error, co, "a project form without 项目名称"},
    {"form.missing-year", info, co, "a form without its year line"},
    {"form.missing-amount", warning, co, "a project form without 实施期 or 年度资金总额 (Shanghai: 项目资金总额 or 年度资金申请总额)"},
    {"form.missing-goal", warning, co, "a project form without 总体目标 (Shanghai: 项目总目标 and 年度总体目标)"},
    {"form.missing-indicators", warning, co, "a form without indicators"},
    {"form.missing-footer", info, co, "a form without 负责人/经办人/联系电话/填报日期"},
    {"form.overall-missing", warning, co, "an overall form without 部门名称, 年度预算情况 or 年度绩效指标"},
    {"form.hebei-missing", warning, co, "a 项目绩效目标表 without 项目名称, 项目编码, 预算数 or indicators"},
    {"form.text-missing", warning, co, "the 部门整体绩效目标 text without 总体 or 分项绩效目标"},
    {"form.funds-sum", warning, co, "a form whose funding sources do not add up to its total"},
    {"form.duplicate", warning, co, "a second form for the same project"},
    {"form.linked-by-amount", info, co, "a form linked to its 表十二 project by amount, the names differ"},
    {"form.unlinked", warning, co, "a project form with no 表十二 project"},
    {"form.project-without-form", warning, co, "a 表十二 project without a form (at the 表十二 row)"},
    // … and how a form was written in a text report.
    {"form.unplaced-line", warning, in, "a line inside a form that could not be placed"},
    {"form.unplaced-cell", warning, in, "a cell inside a form that could not be placed"},
    {"form.repeated-line", warning, in, "the same line repeated inside a form (an extraction loop)"},
    {"form.extra-cell", warning, in, "an indicator row with more cells than an indicator holds"},
    {"form.repeated-header", info, in, "the indicator header printed again inside a form"},
    {"form.orphan-year-line", info, in, "a year line left over after a form"},
    {"form.bad-amount", warning, in, "a form amount that is not a number"},
    {"form.single-header", info, in, "an indicator header without 实施期/年度 halves"},
    {"form.annual-values-missing", info, in, "an indicator header without the 年度 指标值 column"},
    {"form.shifted-row", info, in, "an indicator row shifted by a column"},
    {"form.missing-goal-prefix", info, in, "a 分项绩效目标 paragraph without its 绩效目标： prefix"},
    {"form.not-a-form", error, in, "a form was expected where none starts (internal)"},
    // Text reports.
    {"text.unplaced-line", warning, in, "a line inside a table that is not a row"},
    {"text.extra-cells", warning, in, "a row with more non-empty cells than the header; the extra text is kept aside"},
    {"text.row-joined", warning, in, "a table row a page break cut in two, joined back"},
    {"text.line-joined", info, in, "a table title or entity name printed over two lines, joined"},
    {"text.row-realigned", info, in, "a row that lost its leading empty fields on a narrower continuation page, put back by its amounts or its numbering"},
    {"text.bad-amount", error, in, "an amount cell that is not a number; kept as text"},
    {"text.header-variant", info, in, "a header row worded differently from the template"},
    {"text.label-mismatch", info, in, "a 表号 line that names another table"},
    {"text.unexpected-column-numbers", info, in, "a 1→2→3 column-number row the layout does not print"},
    {"text.appendix", info, in, "an appended document (财政厅文件 …) set aside"},
    // Workbooks.
    {"xlsx.bad-amount", error, in, "an amount cell that is not a number; kept as text"},
    {"xlsx.formula-without-value", warning, in, "an amount cell holding a formula that was never calculated; read as blank"},
    {"xlsx.none-as-blank", info, in, "an amount cell saying none (—, -, /, 无) read as blank"},
    {"xlsx.number-as-text", info, in, "an amount typed as text (thousands separators, full-width digits) read as a number"},
    {"xlsx.extra-cell", warning, in, "a cell outside every column of the table"},
    {"xlsx.unplaced-cell", warning, in, "content above a table's header that is not its title, entity or unit"},
    {"xlsx.no-title", warning, in, "a table sheet without its title"},
    {"xlsx.no-header", error, in, "a table (or 其他材料) whose header matches nothing, or mostly not, of its layout; every row kept, read by the closest columns"},
    {"xlsx.header-similar", info, in, "a table column read under a header in other words (名称 for 科目名称, 预算数 for 合计)"},
    {"xlsx.header-guessed", warning, in, "a table column whose header matches no column of the layout, read by its position"},
    {"xlsx.column-missing", warning, in, "a column of the layout that the table's header does not have; read as blank"},
    {"xlsx.table-by-header", info, in, "a sheet without a table title, taken as the table its header matches"},
    {"xlsx.table-note", info, in, "a note (注：…) under a table, read as prose after the table, as a text report has it"},
    {"xlsx.no-cover", info, in, "a workbook without its 封面 sheet"},
    {"xlsx.unknown-sheet", warning, in, "a sheet that is not part of the report"},
    {"xlsx.unknown-set-aside-kind", warning, in, "a 其他材料 row whose 类别 is unknown; kept as unplaced"},
    {"xlsx.form-unknown", warning, in, "a 绩效 sheet that is no form"},
    {"xlsx.form-no-header", warning, in, "a form sheet without its indicator header"},
    {"xlsx.form-missing-field", warning, in, "a form sheet without one of its label cells"},
    {"xlsx.form-repeated-field", warning, in, "a form sheet with a label cell twice"},
    {"xlsx.form-unplaced-cell", warning, in, "a cell of a form sheet under no label"},
    {"xlsx.form-bad-amount", warning, in, "a form amount cell that is not a number"},
    {"xlsx.form-number-as-text", info, in, "a form amount typed as text, read as a number"},
};

}  // namespace

std::span<const Rule> rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
  const auto it = std::find_if(std::begin(kRules), std::end(kRules), [&](const Rule& r) { return r.id == id; });
  return it == std::end(kRules) ? nullptr : &*it;
}

}  // namespace budgetxl
