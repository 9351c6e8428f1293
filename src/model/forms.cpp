#include "budgetxl/forms.hpp"

namespace budgetxl {

const char* form_kind_name(FormKind k) {
  switch (k) {
    case FormKind::project: return "project";
    case FormKind::department_overall: return "department_overall";
    case FormKind::project_hebei: return "project_hebei";
    case FormKind::department_text: return "department_text";
  }
  return "";
}

const char* form_kind_title(FormKind k) {
  switch (k) {
    case FormKind::project: return "项目支出绩效目标表";
    case FormKind::department_overall: return "整体支出绩效目标表";
    case FormKind::project_hebei: return "项目绩效目标表";
    case FormKind::department_text: return "部门整体绩效目标";
  }
  return "";
}

bool form_kind_from_name(const std::string& name, FormKind& out) {
  for (FormKind k : {FormKind::project, FormKind::department_overall, FormKind::project_hebei, FormKind::department_text})
    if (name == form_kind_name(k)) {
      out = k;
      return true;
    }
  return false;
}

const char* indicator_class_name(IndicatorClass c) {
  switch (c) {
    case IndicatorClass::output: return "output";
    case IndicatorClass::benefit: return "benefit";
    case IndicatorClass::satisfaction: return "satisfaction";
    case IndicatorClass::unknown: break;
  }
  return "";
}

const char* indicator_class_title(IndicatorClass c) {
  switch (c) {
    case IndicatorClass::output: return "产出指标";
    case IndicatorClass::benefit: return "效益指标";
    case IndicatorClass::satisfaction: return "满意度指标";
    case IndicatorClass::unknown: break;
  }
  return "";
}

const char* indicator_type_name(IndicatorType t) {
  switch (t) {
    case IndicatorType::quantity: return "quantity";
    case IndicatorType::quality: return "quality";
    case IndicatorType::timeliness: return "timeliness";
    case IndicatorType::cost: return "cost";
    case IndicatorType::economic: return "economic";
    case IndicatorType::social: return "social";
    case IndicatorType::ecological: return "ecological";
    case IndicatorType::sustainable: return "sustainable";
    case IndicatorType::satisfaction: return "satisfaction";
    case IndicatorType::unknown: break;
  }
  return "";
}

const char* indicator_type_title(IndicatorType t) {
  switch (t) {
    case IndicatorType::quantity: return "数量指标";
    case IndicatorType::quality: return "质量指标";
    case IndicatorType::timeliness: return "时效指标";
    case IndicatorType::cost: return "成本指标";
    case IndicatorType::economic: return "经济效益指标";
    case IndicatorType::social: return "社会效益指标";
    case IndicatorType::ecological: return "生态效益指标";
    case IndicatorType::sustainable: return "可持续影响指标";
    case IndicatorType::satisfaction: return "服务对象满意度指标";
    case IndicatorType::unknown: break;
  }
  return "";
}

IndicatorClass indicator_type_class(IndicatorType t) {
  switch (t) {
    case IndicatorType::quantity:
    case IndicatorType::quality:
    case IndicatorType::timeliness:
    case IndicatorType::cost: return IndicatorClass::output;
    case IndicatorType::economic:
    case IndicatorType::social:
    case IndicatorType::ecological:
    case IndicatorType::sustainable: return IndicatorClass::benefit;
    case IndicatorType::satisfaction: return IndicatorClass::satisfaction;
    case IndicatorType::unknown: break;
  }
  return IndicatorClass::unknown;
}

std::size_t Form::annual_indicator_count() const {
  if (kind != FormKind::project) return indicator_count();
  std::size_t n = 0;
  for (const auto& r : indicator_rows)
    if (!r.annual.name.empty()) ++n;
  return n;
}

std::size_t Form::period_indicator_count() const {
  if (kind != FormKind::project) return indicator_count();
  std::size_t n = 0;
  for (const auto& r : indicator_rows)
    if (!r.period.name.empty()) ++n;
  return n;
}

std::size_t Form::indicator_count() const {
  std::size_t n = 0;
  if (kind == FormKind::project) {
    for (const auto& r : indicator_rows)
      if (!r.period.name.empty() || !r.annual.name.empty()) ++n;
  } else {
    for (const auto& i : indicators)
      if (!i.name.empty()) ++n;
  }
  return n;
}

bool Form::operator==(const Form& o) const {
  return kind == o.kind && title == o.title && year_line == o.year_line && year == o.year &&
         amount_unit == o.amount_unit && project_name == o.project_name && department == o.department &&
         department_code == o.department_code && department_name == o.department_name && unit == o.unit &&
         attribute == o.attribute && duration == o.duration && period_funds == o.period_funds &&
         annual_funds == o.annual_funds && overview == o.overview && basis == o.basis && necessity == o.necessity &&
         measures == o.measures && plan == o.plan && goal_period == o.goal_period && goal_annual == o.goal_annual &&
         indicator_rows == o.indicator_rows && has_footer == o.has_footer && responsible == o.responsible &&
         handler == o.handler && phone == o.phone && filled_date == o.filled_date && unit_code == o.unit_code &&
         project_code == o.project_code && budget == o.budget && fiscal_funds == o.fiscal_funds &&
         other_funds == o.other_funds && fund_use == o.fund_use && spending_plan == o.spending_plan && goal == o.goal &&
         internal_departments == o.internal_departments && budget_units == o.budget_units &&
         staff_quota == o.staff_quota && staff_actual == o.staff_actual && staff_on_quota == o.staff_on_quota &&
         staff_other == o.staff_other && duties == o.duties && strategy == o.strategy &&
         budget_by_source == o.budget_by_source && budget_by_direction == o.budget_by_direction &&
         key_tasks == o.key_tasks && indicators == o.indicators && overall_goal == o.overall_goal &&
         sub_goals == o.sub_goals && safeguards == o.safeguards && duplicate_of == o.duplicate_of &&
         table12_row == o.table12_row && link == o.link && linked_project == o.linked_project;
}

}  // namespace budgetxl
