#include "budgetxl/forms.hpp"

#include <algorithm>
#include <stdexcept>

namespace budgetxl {

const char* form_kind_name(FormKind k) {
  switch (k) {
    case FormKind::project: return "project";
    case FormKind::department_overall: return "department_overall";
    case FormKind::project_hebei: return "project_hebei";
    case FormKind::department_text: return "department_text";
    case FormKind::project_shanghai: return "project_shanghai";
  }
  return "";
}

const char* form_kind_title(FormKind k) {
  switch (k) {
    case FormKind::project: return "项目支出绩效目标表";
    case FormKind::department_overall: return "整体支出绩效目标表";
    case FormKind::project_hebei: return "项目绩效目标表";
    case FormKind::department_text: return "部门整体绩效目标";
    case FormKind::project_shanghai: return "财政项目支出绩效目标填报表";
  }
  return "";
}

bool form_kind_from_name(const std::string& name, FormKind& out) {
  for (FormKind k : {FormKind::project, FormKind::department_overall, FormKind::project_hebei, FormKind::department_text,
                     FormKind::project_shanghai})
    if (name == form_kind_name(k)) {
      out = k;
      return true;
    }
  return false;
}

bool form_kind_is_project(FormKind k) {
  return k == FormKind::project || k == FormKind::project_hebei || k == FormKind::project_shanghai;
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

void Form::wrong_kind(const std::source_location& at) const {
  throw std::logic_error(std::string("Form::as: a ") + form_kind_name(kind()) + " form used as another kind at " + at.file_name() +
                         ":" + std::to_string(at.line()));
}

const std::string& Form::project_name() const {
  static const std::string none;
  if (const auto* p = get_if<ProjectForm>()) return p->project_name;
  if (const auto* h = get_if<HebeiForm>()) return h->project_name;
  if (const auto* s = get_if<ShanghaiProjectForm>()) return s->project_name;
  return none;
}

const std::vector<Indicator>* Form::indicator_list() const {
  if (const auto* o = get_if<OverallForm>()) return &o->indicators;
  if (const auto* h = get_if<HebeiForm>()) return &h->indicators;
  if (const auto* s = get_if<ShanghaiProjectForm>()) return &s->indicators;
  return nullptr;
}

namespace {

std::size_t named(const std::vector<Indicator>& list) {
  return static_cast<std::size_t>(std::count_if(list.begin(), list.end(), [](const Indicator& i) { return !i.name.empty(); }));
}

}  // namespace

std::size_t Form::annual_indicator_count() const {
  const auto* p = get_if<ProjectForm>();
  if (!p) return indicator_count();
  return static_cast<std::size_t>(
      std::count_if(p->indicator_rows.begin(), p->indicator_rows.end(), [](const IndicatorRow& r) { return !r.annual.name.empty(); }));
}

std::size_t Form::period_indicator_count() const {
  const auto* p = get_if<ProjectForm>();
  if (!p) return indicator_count();
  return static_cast<std::size_t>(
      std::count_if(p->indicator_rows.begin(), p->indicator_rows.end(), [](const IndicatorRow& r) { return !r.period.name.empty(); }));
}

std::size_t Form::indicator_count() const {
  if (const auto* p = get_if<ProjectForm>())
    return static_cast<std::size_t>(std::count_if(p->indicator_rows.begin(), p->indicator_rows.end(), [](const IndicatorRow& r) {
      return !r.period.name.empty() || !r.annual.name.empty();
    }));
  if (const auto* list = indicator_list()) return named(*list);
  return 0;
}

}  // namespace budgetxl
