// Rules on the performance target forms against their money and their project: the year's money
// against the 表十二 row the form is linked to, cost indicators above the form's money, and a
// 资金支出计划 (Hebei) that never reaches 100 %.
#include <fmt/format.h>

#include <optional>

#include "check/checker.hpp"
#include "finish/form_links.hpp"
#include "util/normalize.hpp"

namespace budgetxl::check {

namespace {

// The money a cost indicator's value names ("≤299.16万元", "81万元", "200000元"), in hundredths of
// `unit`; nullopt when the value names no money or sets a floor ("≥").
std::optional<std::int64_t> cost_value(const std::string& value, const std::string& unit) {
  std::string v = util::label_key(value);
  if (util::starts_with(v, "≥") || util::starts_with(v, ">")) return std::nullopt;
  for (const char* sign : {"≤", "<", "=", "约", "不超过", "不高于", "控制在"})
    while (util::starts_with(v, sign)) v.erase(0, std::string(sign).size());
  std::string number;
  std::size_t i = 0;
  while (i < v.size() && ((v[i] >= '0' && v[i] <= '9') || v[i] == '.' || v[i] == ',')) number += v[i++];
  const std::string rest = v.substr(i);
  const bool wan = util::starts_with(rest, "万元"), yuan = util::starts_with(rest, "元");
  if (number.empty() || (!wan && !yuan) || (rest != "万元" && rest != "元")) return std::nullopt;
  const AmountParse p = parse_amount(number);
  if (!p.value) return std::nullopt;
  std::int64_t m = p.value->minor();
  if (wan && unit == "元") m *= 10000;
  if (yuan && unit == "万元") m = yuan_to_wan(p.value->minor());
  return m;
}

const Table* projects(const Checker& c) { return c.table("projects_current"); }

}  // namespace

void check_forms(Checker& c) {
  const Report& r = c.report();
  const Table* t12 = projects(c);
  for (const Form& form : r.forms) {
    const std::string& name = form.project_name();
    if (const ProjectForm* p = form.get_if<ProjectForm>()) {
      // The year's money (元) is the linked 表十二 project's 合计 (万元, to the hundredth).
      if (t12 && form.link == "name" && form.table12_row >= 0 && static_cast<std::size_t>(form.table12_row) < t12->rows.size() &&
          !p->annual_funds.total.is_blank()) {
        const Row& row = t12->rows[static_cast<std::size_t>(form.table12_row)];
        const int total = c.column(*t12, "total");
        if (total >= 0 && !row.cells[static_cast<std::size_t>(total)].amount.is_blank()) {
          const Amount wan = form.amount_unit == "元" && t12->unit == "万元" ? Amount::from_minor(yuan_to_wan(p->annual_funds.total.minor())) : p->annual_funds.total;
          const Figure table = c.cell(*t12, row, total);
          if (wan.minor() != table.value.minor())
            c.add("form.amount-differs",
                  fmt::format("绩效目标表“{}”年度资金总额 {}{}（{}{}）≠ {} {}", name, p->annual_funds.total.to_string(0, true), form.amount_unit,
                              wan.to_string(), t12->unit, table.label, table.value.to_string()),
                  form.origin,
                  {{fmt::format("绩效目标表“{}”年度资金总额", name), p->annual_funds.total.to_string(), form.origin},
                   table.evidence()});
        }
      }
      // A cost indicator above the money of its half.
      for (const IndicatorRow& ir : p->indicator_rows)
        for (const auto& [ind, funds, half] : {std::tuple{&ir.period, &p->period_funds, "实施期"}, std::tuple{&ir.annual, &p->annual_funds, "年度"}}) {
          if (ind->standard_type != IndicatorType::cost || funds->total.is_blank()) continue;
          const auto cost = cost_value(ind->value, form.amount_unit);
          if (cost && *cost > funds->total.minor())
            c.add("form.cost-above-funds",
                  fmt::format("绩效目标表“{}”{}成本指标“{}”{} 超过{}资金总额 {}{}", name, half, ind->name, ind->value, half,
                              funds->total.to_string(0, true), form.amount_unit),
                  ind->origin.empty() ? ir.origin : ind->origin,
                  {{fmt::format("{}成本指标“{}”", half, ind->name), ind->value, ind->origin},
                   {fmt::format("{}资金总额", half), funds->total.to_string(), form.origin}});
        }
    }
    if (const HebeiForm* h = form.get_if<HebeiForm>()) {
      for (const Indicator& ind : h->indicators) {
        if (ind.standard_type != IndicatorType::cost || h->budget.is_blank()) continue;
        const auto cost = cost_value(ind.value, "万元");
        if (cost && *cost > h->budget.minor())
          c.add("form.cost-above-funds",
                fmt::format("项目绩效目标表“{}”成本指标“{}”{} 超过预算数 {}万元", name, ind.name, ind.value, h->budget.to_string()), ind.origin,
                {{fmt::format("成本指标“{}”", ind.name), ind.value, ind.origin}, {"预算数", h->budget.to_string(), form.origin}});
      }
      // 资金支出计划: the last step with a value reaches 100 %.
      std::string last;
      for (const SpendingStep& s : h->spending_plan)
        if (!util::trim(s.value).empty()) last = util::label_key(s.value);
      if (!last.empty() && last != "100%" && last != "100.00%" && last != "100.0%")
        c.add("form.plan-incomplete", fmt::format("项目绩效目标表“{}”的资金支出计划最后为{}，没有达到100%", name, last), form.origin,
              {{"资金支出计划（最后一期）", last, form.origin}});
    }
  }
}

}  // namespace budgetxl::check
