// Performance target forms (绩效目标表): the five kinds met in real reports, sharing what they share.
// Amounts are fixed-point like table amounts: 元 in the Shanxi forms, 万元 in the other province's
// layout (Form::amount_unit says which). Text is kept as written; indicator labels are kept as
// written and also mapped to the standard hierarchy (产出/效益/满意度 → 数量/质量/…).
#pragma once

#include <source_location>
#include <string>
#include <variant>
#include <vector>

#include "budgetxl/amount.hpp"
#include "budgetxl/origin.hpp"

namespace budgetxl {

enum class FormKind {
  project,             // 项目支出绩效目标申报表 / 项目支出绩效目标表 (Shanxi)
  department_overall,  // 整体支出绩效目标申报表
  project_hebei,       // 项目绩效目标表 of the other province's layout (report 004)
  department_text,     // 部门整体绩效目标 written as text (report 004)
  project_shanghai     // 财政项目支出绩效目标填报表 (Shanghai family)
};
const char* form_kind_name(FormKind k);   // "project", "department_overall", "project_hebei", "department_text", "project_shanghai"
const char* form_kind_title(FormKind k);  // "项目支出绩效目标表", "整体支出绩效目标表", "项目绩效目标表", "部门整体绩效目标", "财政项目支出绩效目标填报表"
bool form_kind_from_name(const std::string& name, FormKind& out);
// A form for one project (Shanxi, Hebei, Shanghai): it has a 项目名称 and is linked to 表十二.
bool form_kind_is_project(FormKind k);

// The standard indicator hierarchy.
enum class IndicatorClass { unknown, output, benefit, satisfaction };  // 一级: 产出 / 效益 / 满意度
enum class IndicatorType {                                            // 二级
  unknown,
  quantity,      // 数量指标
  quality,       // 质量指标
  timeliness,    // 时效指标
  cost,          // 成本指标
  economic,      // 经济效益指标
  social,        // 社会效益指标
  ecological,    // 生态效益指标
  sustainable,   // 可持续影响指标
  satisfaction   // 服务对象满意度指标
};
const char* indicator_class_name(IndicatorClass c);  // "output" …, "" for unknown
const char* indicator_class_title(IndicatorClass c); // "产出指标" …, "" for unknown
const char* indicator_type_name(IndicatorType t);    // "quantity" …
const char* indicator_type_title(IndicatorType t);   // "数量指标" …
IndicatorClass indicator_type_class(IndicatorType t);  // cost -> output, social -> benefit …

// One indicator: one half of a Shanxi indicator row, or one row of the other tables.
struct Indicator {
  std::string level1;       // 一级 label in effect for this row, as written ("" when none was printed)
  std::string level2;       // 二级 label in effect, as written
  std::string name;         // 三级指标
  std::string value;        // 指标值, as written ("≥95%", "27个")
  std::string description;  // 绩效指标描述 (Hebei layout only)
  std::string basis;        // 指标值确定依据 (Hebei layout only)
  IndicatorClass standard_class = IndicatorClass::unknown;
  IndicatorType standard_type = IndicatorType::unknown;
  Origin origin;

  // A row that has a 二级 label but no 三级 text and no value does not count as an indicator.
  bool empty() const { return name.empty() && value.empty(); }
  bool operator==(const Indicator&) const = default;
};

// A row of the Shanxi project form's indicator table: the 实施期 half and the 年度 half side by side.
struct IndicatorRow {
  Indicator period;  // 实施期
  Indicator annual;  // 年度
  Origin origin;
  bool operator==(const IndicatorRow&) const = default;
};

// 项目资金 of a Shanxi project form, one per half (元).
struct Funding {
  Amount total;        // 实施期资金总额 / 年度资金总额
  Amount central;      // 中央财政资金
  Amount provincial;   // 省级财政资金
  Amount local;        // 市县（区）财政资金
  Amount self_raised;  // 单位自筹
  Amount other;        // 其他资金
  bool operator==(const Funding&) const = default;
};

// A labelled amount line of the overall form's 年度预算情况 ("其中:一般公共预算资金 12243.99").
struct BudgetLine {
  std::string label;  // as written
  Amount amount;      // 万元
  Origin origin;
  bool operator==(const BudgetLine&) const = default;
};

// 年度重点任务 of the overall form: a 核心职能 and its 重点任务.
struct KeyTask {
  std::string function;  // 核心职能
  std::string task;      // 重点任务
  Origin origin;
  bool operator==(const KeyTask&) const = default;
};

// 资金支出计划（%）of the Hebei layout: "3月底" -> "30%".
struct SpendingStep {
  std::string label;  // as written ("3 月底")
  std::string value;  // as written ("30%"), may be empty
  Origin origin;
  bool operator==(const SpendingStep&) const = default;
};

// A 分项绩效目标 of the department text (report 004).
struct SubGoal {
  std::string heading;     // "（一）全民所有自然资源资产所有者职责得以行使"
  std::string goal;        // 绩效目标 paragraph (without the "绩效目标：" prefix)
  std::string indicators;  // 绩效指标 paragraph (without the "绩效指标：" prefix)
  Origin origin;
  bool operator==(const SubGoal&) const = default;
};

// 项目支出绩效目标申报表 / 项目支出绩效目标表 (Shanxi): labelled fields, both funding halves, the
// indicator table with its 实施期 and 年度 halves, the footer.
struct ProjectForm {
  std::string project_name;     // 项目名称
  std::string department;       // 主管部门及代码 as written: "210-临汾市规划和自然资源局"
  std::string department_code;  // "210"
  std::string department_name;  // "临汾市规划和自然资源局"
  std::string unit;             // 实施单位
  std::string attribute;        // 项目属性
  std::string duration;         // 项目期: "1年", "99年"
  Funding period_funds;         // 实施期
  Funding annual_funds;         // 年度
  std::string overview;         // 项目概况
  std::string basis;            // 立项依据
  std::string necessity;        // 项目设立必要性
  std::string measures;         // 保证项目实施的制度、措施
  std::string plan;             // 项目实施计划
  std::string goal_period;      // 总体目标, 实施期
  std::string goal_annual;      // 总体目标, 年度
  std::vector<IndicatorRow> indicator_rows;
  bool has_footer = false;
  std::string responsible;      // 负责人
  std::string handler;          // 经办人
  std::string phone;            // 联系电话
  std::string filled_date;      // 填报日期 as written
  bool operator==(const ProjectForm&) const = default;
};

// 整体支出绩效目标申报表: the department's basic information, budget, key tasks and indicators.
struct OverallForm {
  std::string department;            // 部门名称 as written
  std::string department_code;
  std::string department_name;
  std::string internal_departments;  // 内设机构部门数 ("9个")
  std::string budget_units;          // 所属预算单位数
  std::string staff_quota;           // 核定的人员编制数
  std::string staff_actual;          // 实际在职人员总数
  std::string staff_on_quota;        // 其中:在编人员数
  std::string staff_other;           // 其他人员数
  std::string duties;                // 部门职责
  std::string strategy;              // 部门战略目标
  std::vector<BudgetLine> budget_by_source;     // 按资金来源划分 (万元)
  std::vector<BudgetLine> budget_by_direction;  // 按资金方向划分 (万元)
  std::vector<KeyTask> key_tasks;               // 年度重点任务
  std::string goal;                             // 年度绩效目标
  std::vector<Indicator> indicators;            // 年度绩效指标
  bool operator==(const OverallForm&) const = default;
};

// 项目绩效目标表 of the Hebei layout (万元): unit line, money rows, spending plan, six-column indicators.
struct HebeiForm {
  std::string unit_code;        // "543001"
  std::string unit;             // the unit name line
  std::string project_code;     // 项目编号 / 项目编码
  std::string project_name;     // 项目名称
  Amount budget;                // 预算数 (万元)
  Amount fiscal_funds;          // 其中：财政资金
  Amount other_funds;           // 其他资金
  std::string fund_use;         // 资金用途
  std::vector<SpendingStep> spending_plan;  // 资金支出计划（%）
  std::string goal;             // 绩效目标
  std::vector<Indicator> indicators;        // with 绩效指标描述 and 指标值确定依据
  bool operator==(const HebeiForm&) const = default;
};

// 部门整体绩效目标 written as text (report 004).
struct DepartmentText {
  std::string overall_goal;             // 总体绩效目标
  std::vector<SubGoal> sub_goals;       // 分项绩效目标
  std::vector<std::string> safeguards;  // 工作保障措施, one paragraph each
  bool operator==(const DepartmentText&) const = default;
};

// 财政项目支出绩效目标填报表 of the Shanghai family (元): labelled fields, the money of the whole
// project and of the year with their breakdowns, the two goals, one indicator table whose 一级 and
// 二级 cells are left empty when they repeat.
struct ShanghaiProjectForm {
  std::string project_name;  // 项目名称
  std::string nature;        // 项目性质 ("经常性项目")
  std::string category;      // 项目类别 ("特定目标类")
  std::string department;    // 主管部门
  std::string unit;          // 实施单位
  std::string start_date;    // 计划开始日期, as written ("2023-01-01")
  std::string end_date;      // 计划完成日期, as written
  Amount total;              // 项目资金总额
  Amount fiscal;             // 其中：财政资金
  Amount other;              // 其他资金 (of the project)
  Amount annual_total;       // 年度资金申请总额
  Amount appropriation;      // 其中：当年财政拨款
  Amount carryover;          // 上年结转资金
  Amount annual_other;       // 其他资金 (of the year)
  std::string goal_total;    // 项目总目标
  std::string goal_annual;   // 年度总体目标
  std::vector<Indicator> indicators;  // 一级/二级/三级指标, 年度(/项目)指标值
  bool operator==(const ShanghaiProjectForm&) const = default;
};

// One form: what every kind has (title, year, unit, how it was read and linked), and the body of
// its kind. The variant's alternatives are in FormKind order.
struct Form {
  std::string title;       // as written: "临汾市市级预算部门（单位）项目支出绩效目标申报表", Hebei heading
  std::string year_line;   // as written: "(2024年度)"
  int year = 0;
  std::string amount_unit = "元";  // "元" (Shanxi) or "万元" (Hebei, overall form budget)
  std::variant<ProjectForm, OverallForm, HebeiForm, DepartmentText, ShanghaiProjectForm> body;

  // --- Set by the finishing pass ---
  // What is missing ("footer", "indicators", "annual_total" …); stable ids.
  std::vector<std::string> missing;
  int duplicate_of = -1;        // index in Report::forms of the earlier form for the same project
  int table12_row = -1;         // index into 表十二's rows of the linked project, -1 when none
  std::string link;             // "name", "amount" or "" (how table12_row was found)
  std::string linked_project;   // 表十二 project name of that row (may differ from project_name)
  Origin origin;                // the title line

  FormKind kind() const { return static_cast<FormKind>(body.index()); }
  // The body as kind T; a wrong kind is a programming error, reported with the caller's place.
  template <class T> T& as(std::source_location at = std::source_location::current()) {
    if (T* p = std::get_if<T>(&body)) return *p;
    wrong_kind(at);
  }
  template <class T> const T& as(std::source_location at = std::source_location::current()) const {
    if (const T* p = std::get_if<T>(&body)) return *p;
    wrong_kind(at);
  }
  template <class T> const T* get_if() const { return std::get_if<T>(&body); }
  // 项目名称 of a project form (Shanxi or Hebei), "" for the other kinds.
  const std::string& project_name() const;
  // The single indicator table of the overall, Hebei and Shanghai forms; nullptr for the other kinds.
  const std::vector<Indicator>* indicator_list() const;

  // Indicators that count (rows with 三级 text): of the 年度 half, of the 实施期 half, and rows with
  // 三级 text in either half. For the single-table kinds all three count the indicator list.
  std::size_t annual_indicator_count() const;
  std::size_t period_indicator_count() const;
  std::size_t indicator_count() const;

  bool operator==(const Form&) const = default;  // origins compare equal (budgetxl/origin.hpp)

 private:
  [[noreturn]] void wrong_kind(const std::source_location& at) const;
};

}  // namespace budgetxl
