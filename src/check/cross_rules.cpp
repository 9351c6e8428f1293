// Rules across tables, by national role and standard column: the summary tables against the
// detail tables they summarise. A rule whose tables or columns a report lacks says nothing.
#include <fmt/format.h>

#include "check/checker.hpp"
#include "util/normalize.hpp"

namespace budgetxl::check {

using util::label_key;

namespace {

// A two-sided table's row by the label its side prints ("本年收入合计"), in the label column
// `label_id`, and the first amount column after it: the figure, or nullopt.
std::optional<Figure> side_figure(const Checker& c, const Table& t, std::string_view label_id, bool (*match)(const std::string&)) {
  const int lc = c.column(t, label_id);
  const int ac = Checker::amount_after(c.layout(t), lc);
  if (ac < 0) return std::nullopt;
  for (const Row& r : t.rows)
    if (match(label_key(r.cells[static_cast<std::size_t>(lc)].text))) return c.cell(t, r, ac);
  return std::nullopt;
}

// The 合计 row's figure in a column of a table, or nullopt.
std::optional<Figure> total_of(const Checker& c, const Table* t, std::string_view column) {
  if (!t) return std::nullopt;
  const int col = c.column(*t, column);
  const Row* total = c.total_row(*t);
  if (col < 0 || !total) return std::nullopt;
  return c.cell(*t, *total, col);
}

// "五、教育支出" -> "教育支出".
std::string without_ordinal(const std::string& key) {
  const std::size_t at = key.find("、");
  return at == std::string::npos || at > 12 ? key : key.substr(at + 3);
}

}  // namespace

void check_across_tables(Checker& c) {
  const Table* summary = c.table("budget_summary");
  const Table* income = c.table("income_summary");
  const Table* spending = c.table("expenditure_summary");
  const Table* general = c.table("general_budget_expenditure");
  const Table* economic = c.table("basic_expenditure_economic");
  const Table* current = c.table("projects_current");
  const Table* carryover = c.table("projects_carryover");
  auto equal = [&](std::string_view rule, const std::optional<Figure>& a, const std::optional<Figure>& b, const Table* unit_of) {
    if (a && b && unit_of) c.compare_equal(rule, *a, *b, unit_of->unit);
  };
  if (summary) {
    // 收支总表 本年收入合计 = 收入总表 合计; 本年支出合计 = 支出总表 合计.
    equal("cross.income-summary", side_figure(c, *summary, "income_item", is_year_subtotal), total_of(c, income, "total"), summary);
    equal("cross.expenditure-summary", side_figure(c, *summary, "expense_item", is_year_subtotal), total_of(c, spending, "total"), summary);
    // Each 支出 class of the 收支总表 = that class's row in the 支出总表 (by name).
    if (spending) {
      const int lc = c.column(*summary, "expense_item");
      const int name_col = c.layout(*spending).first_text_column();
      const int total_col = c.column(*spending, "total");
      const int amount_col = Checker::amount_after(c.layout(*summary), lc);
      if (lc >= 0 && amount_col >= 0 && name_col >= 0 && total_col >= 0)
        for (const Row& r : summary->rows) {
          const std::string key = label_key(r.cells[static_cast<std::size_t>(lc)].text);
          if (key.find("、") == std::string::npos || r.cells[static_cast<std::size_t>(amount_col)].amount.is_blank()) continue;
          for (const Row& s : spending->rows)
            if (s.level == 1 && label_key(s.cells[static_cast<std::size_t>(name_col)].text) == without_ordinal(key)) {
              c.compare_equal("cross.expense-classes", c.cell(*summary, r, amount_col), c.cell(*spending, s, total_col), summary->unit);
              break;
            }
        }
    }
  }
  // 一般公共预算支出表 基本支出 = 基本支出经济分类表 合计.
  equal("cross.basic-economic", total_of(c, general, "basic"), total_of(c, economic, "total"), general);
  // 支出总表 项目支出 = the two project tables' 合计 (本年预算 + 上年结转).
  if (spending && current && carryover) {
    const auto project = total_of(c, spending, "project");
    const auto a = total_of(c, current, "total"), b = total_of(c, carryover, "total");
    if (project && (a || b)) {
      std::vector<Figure> parts;
      if (a) parts.push_back(*a);
      if (b) parts.push_back(*b);
      c.compare_sum("cross.projects", *project, parts, "项目支出表（本年预算、上年结转）合计之和", spending->unit);
    }
  }
  // 一般公共预算支出表 项目支出 = 项目支出表（本年预算）的一般公共预算.
  equal("cross.project-general", total_of(c, general, "project"), total_of(c, current, "general_budget"), general);
}

}  // namespace budgetxl::check
