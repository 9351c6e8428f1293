#include "json/forms_json.hpp"

#include "json/report_json.hpp"

namespace budgetxl::json {

namespace {

using nlohmann::ordered_json;

// Amounts are strings with two decimals ("865000.00"), null when blank: exact, no float rounding.
// One encoding of amounts and origins for the whole JSON document.
ordered_json amount(const Amount& a) { return amount_to_json(a); }
ordered_json origin(const Origin& o) { return origin_to_json(o); }

ordered_json indicator(const Indicator& i, bool hebei) {
  ordered_json j;
  j["level1"] = i.level1;
  j["level2"] = i.level2;
  j["name"] = i.name;
  if (hebei) j["description"] = i.description;
  j["value"] = i.value;
  if (hebei) j["basis"] = i.basis;
  j["standard_level1"] = indicator_class_name(i.standard_class);
  j["standard_level2"] = indicator_type_name(i.standard_type);
  j["origin"] = origin(i.origin);
  return j;
}

ordered_json funding(const Funding& f) {
  ordered_json j;
  j["total"] = amount(f.total);
  j["central"] = amount(f.central);
  j["provincial"] = amount(f.provincial);
  j["local"] = amount(f.local);
  j["self_raised"] = amount(f.self_raised);
  j["other"] = amount(f.other);
  return j;
}

ordered_json budget_lines(const std::vector<BudgetLine>& lines) {
  ordered_json a = ordered_json::array();
  for (const auto& b : lines) a.push_back({{"label", b.label}, {"amount", amount(b.amount)}, {"origin", origin(b.origin)}});
  return a;
}

ordered_json form_json(const Form& f, std::size_t index) {
  ordered_json j;
  j["index"] = index;
  j["kind"] = form_kind_name(f.kind);
  j["kind_title"] = form_kind_title(f.kind);
  j["title"] = f.title;
  if (f.kind == FormKind::project || f.kind == FormKind::department_overall) {
    j["year_line"] = f.year_line;
    j["year"] = f.year;
  }
  j["amount_unit"] = f.amount_unit;
  switch (f.kind) {
    case FormKind::project: {
      j["project_name"] = f.project_name;
      j["department"] = {{"text", f.department}, {"code", f.department_code}, {"name", f.department_name}};
      j["unit"] = f.unit;
      j["attribute"] = f.attribute;
      j["duration"] = f.duration;
      j["funds"] = {{"period", funding(f.period_funds)}, {"annual", funding(f.annual_funds)}};
      j["overview"] = f.overview;
      j["basis"] = f.basis;
      j["necessity"] = f.necessity;
      j["measures"] = f.measures;
      j["plan"] = f.plan;
      j["goal"] = {{"period", f.goal_period}, {"annual", f.goal_annual}};
      ordered_json rows = ordered_json::array();
      for (const auto& r : f.indicator_rows)
        rows.push_back({{"period", indicator(r.period, false)}, {"annual", indicator(r.annual, false)},
                        {"origin", origin(r.origin)}});
      j["indicator_rows"] = rows;
      j["indicator_count"] = {{"period", f.period_indicator_count()},
                              {"annual", f.annual_indicator_count()},
                              {"rows", f.indicator_count()}};
      j["footer"] = {{"present", f.has_footer},
                     {"responsible", f.responsible},
                     {"handler", f.handler},
                     {"phone", f.phone},
                     {"filled_date", f.filled_date}};
      break;
    }
    case FormKind::department_overall: {
      j["department"] = {{"text", f.department}, {"code", f.department_code}, {"name", f.department_name}};
      j["basic"] = {{"internal_departments", f.internal_departments}, {"budget_units", f.budget_units},
                    {"staff_quota", f.staff_quota},     {"staff_actual", f.staff_actual},
                    {"staff_on_quota", f.staff_on_quota}, {"staff_other", f.staff_other}};
      j["duties"] = f.duties;
      j["strategy"] = f.strategy;
      j["budget"] = {{"by_source", budget_lines(f.budget_by_source)},
                     {"by_direction", budget_lines(f.budget_by_direction)}};
      ordered_json tasks = ordered_json::array();
      for (const auto& t : f.key_tasks)
        tasks.push_back({{"function", t.function}, {"task", t.task}, {"origin", origin(t.origin)}});
      j["key_tasks"] = tasks;
      j["goal"] = f.goal;
      ordered_json inds = ordered_json::array();
      for (const auto& i : f.indicators) inds.push_back(indicator(i, false));
      j["indicators"] = inds;
      j["indicator_count"] = f.indicator_count();
      break;
    }
    case FormKind::project_hebei: {
      j["unit_code"] = f.unit_code;
      j["unit"] = f.unit;
      j["project_code"] = f.project_code;
      j["project_name"] = f.project_name;
      j["budget"] = amount(f.budget);
      j["fiscal_funds"] = amount(f.fiscal_funds);
      j["other_funds"] = amount(f.other_funds);
      j["fund_use"] = f.fund_use;
      ordered_json plan = ordered_json::array();
      for (const auto& s : f.spending_plan) plan.push_back({{"label", s.label}, {"value", s.value}});
      j["spending_plan"] = plan;
      j["goal"] = f.goal;
      ordered_json inds = ordered_json::array();
      for (const auto& i : f.indicators) inds.push_back(indicator(i, true));
      j["indicators"] = inds;
      j["indicator_count"] = f.indicator_count();
      break;
    }
    case FormKind::department_text: {
      j["overall_goal"] = f.overall_goal;
      ordered_json subs = ordered_json::array();
      for (const auto& g : f.sub_goals)
        subs.push_back({{"heading", g.heading}, {"goal", g.goal}, {"indicators", g.indicators}, {"origin", origin(g.origin)}});
      j["sub_goals"] = subs;
      j["safeguards"] = f.safeguards;
      break;
    }
  }
  if (f.kind == FormKind::project || f.kind == FormKind::project_hebei) {
    ordered_json link = nullptr;
    if (f.table12_row >= 0)
      link = {{"table", 12}, {"row", f.table12_row}, {"project_name", f.linked_project}, {"by", f.link}};
    j["table12"] = link;
    j["duplicate_of"] = f.duplicate_of >= 0 ? ordered_json(f.duplicate_of) : ordered_json(nullptr);
  }
  j["missing"] = f.missing;
  j["origin"] = origin(f.origin);
  return j;
}

}  // namespace

nlohmann::json forms_to_json(const std::vector<Form>& forms) {
  ordered_json out = ordered_json::array();
  for (std::size_t k = 0; k < forms.size(); ++k) out.push_back(form_json(forms[k], k));
  // ordered_json keeps the documented key order; convert through its text form.
  return nlohmann::json::parse(out.dump());
}

}  // namespace budgetxl::json
