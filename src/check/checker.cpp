#include "check/checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "budgetxl/errors.hpp"
#include "budgetxl/rules.hpp"
#include "util/normalize.hpp"

namespace budgetxl::check {

const Table* Checker::table(std::string_view role) const {
  for (const Table& t : report_.tables)
    if (const TableLayout* l = layouts_.find_table(t.number); l && l->role == role) return &t;
  return nullptr;
}

int Checker::column(const Table& t, std::string_view id) const {
  const int c = layout(t).column_index(std::string(id));
  if (c < 0 || !t.has_column(std::string(id))) return -1;
  return c;
}

std::string Checker::row_name(const Table& t, const Row& row) const {
  const TableLayout& l = layout(t);
  std::string name;
  for (std::size_t c = 0; c < l.columns.size() && c < row.cells.size(); ++c) {
    if (l.columns[c].kind == ColumnKind::amount || row.cells[c].text.empty()) continue;
    name += (name.empty() ? "" : " ") + row.cells[c].text;
    if (l.columns[c].kind != ColumnKind::code) break;  // a code and its name; else the first label
  }
  return name;
}

Figure Checker::cell(const Table& t, const Row& row, int column) const {
  const auto c = static_cast<std::size_t>(column);
  const Origin& at = row.cells[c].origin.empty() ? row.origin : row.cells[c].origin;
  std::string name = row_name(t, row);
  // A two-sided table names the row by the label of the cell's own side (支出 | 本年支出合计).
  if (layout(t).shape == TableShape::two_sided)
    for (std::size_t k = c; k-- > 0;)
      if (layout(t).columns[k].kind == ColumnKind::label) {
        if (!row.cells[k].text.empty()) name = row.cells[k].text;
        break;
      }
  return {fmt::format("表{}“{}”{}", t.number, name, layout(t).columns[c].name), row.cells[c].amount, at,
          static_cast<int>(&t - report_.tables.data()), static_cast<int>(&row - t.rows.data()), column};
}

Evidence Figure::evidence() const {
  Evidence e{label, value.is_blank() ? "（空）" : value.to_string(), where};
  e.table = table;
  e.row = row;
  e.column = column;
  return e;
}

const Row* Checker::total_row(const Table& t) const {
  for (const Row& r : t.rows)
    if (r.kind == RowKind::total) return &r;
  return nullptr;
}

int Checker::amount_after(const TableLayout& l, int label_column) {
  if (label_column < 0) return -1;
  for (std::size_t k = static_cast<std::size_t>(label_column) + 1; k < l.columns.size(); ++k) {
    if (l.columns[k].kind == ColumnKind::amount) return static_cast<int>(k);
    if (l.columns[k].kind == ColumnKind::label) break;
  }
  return -1;
}

bool is_year_subtotal(const std::string& key) { return util::starts_with(key, "本年") && util::ends_with(key, "合计"); }

namespace {

// The largest difference rounding explains: 0.01 万元 (one hundredth), or under 1 元 in 元.
std::int64_t rounding_limit(const std::string& unit) { return unit == "元" ? Amount::kScale - 1 : 1; }

}  // namespace

void Checker::add(std::string_view rule, std::string message, Origin where, std::vector<Evidence> evidence) {
  out_.add_checked(std::string(rule), std::move(message), std::move(where), std::move(evidence));
}

void Checker::compare(std::string_view rule, const Figure& actual, Amount expected, std::string_view expected_label,
                      std::vector<Evidence> evidence, const std::string& unit) {
  const std::int64_t diff = actual.value.minor() - expected.minor();
  if (diff == 0) return;
  const bool rounding = std::llabs(diff) <= rounding_limit(unit);
  evidence.insert(evidence.begin(), actual.evidence());
  evidence.push_back(Evidence{std::string(expected_label), expected.to_string(), {}});
  const std::string message =
      fmt::format("{} {} ≠ {} {}（差 {}{}）{}", actual.label, actual.value.is_blank() ? "（空）" : actual.value.to_string(), expected_label,
                  expected.to_string(), Amount::from_minor(std::llabs(diff)).to_string(), unit, rounding ? "，尾数误差" : "");
  add(rounding ? "sum.rounding" : rule, message, actual.where, std::move(evidence));
}

void Checker::compare_sum(std::string_view rule, const Figure& actual, const std::vector<Figure>& parts, std::string_view sum_label,
                          const std::string& unit) {
  if (std::all_of(parts.begin(), parts.end(), [](const Figure& f) { return f.value.is_blank(); })) return;
  if (actual.value.is_blank() && std::all_of(parts.begin(), parts.end(), [](const Figure& f) { return f.value.minor() == 0; })) return;
  Amount sum = Amount::from_minor(0);
  std::vector<Evidence> evidence;
  for (const Figure& p : parts) {
    sum += Amount::from_minor(p.value.minor());
    if (!p.value.is_blank()) evidence.push_back(p.evidence());  // a blank adds nothing
  }
  compare(rule, actual, sum, sum_label, std::move(evidence), unit);
}

void Checker::compare_equal(std::string_view rule, const Figure& a, const Figure& b, const std::string& unit) {
  if (a.value.is_blank() && b.value.is_blank()) return;
  compare(rule, a, Amount::from_minor(b.value.minor()), b.label, {b.evidence()}, unit);
}

// ---------------------------------------------------------------------------------------------
// The catalogue

namespace {

const CheckRule kCatalogue[] = {
    {"sum.row", "表内", {}},
    {"sum.children", "表内", {}},
    {"sum.total-row", "表内", {}},
    {"sum.rounding", "表内", {}},
    {"balance.subtotal", "表内", {}},
    {"balance.income-expense", "表内", {}},
    {"code.malformed", "表内", {}},
    {"code.parent-missing", "表内", {}},
    {"code.name-differs", "表间", {}},
    {"cross.income-summary", "表间", {"budget_summary", "income_summary"}},
    {"cross.expenditure-summary", "表间", {"budget_summary", "expenditure_summary"}},
    {"cross.expense-classes", "表间", {"budget_summary", "expenditure_summary"}},
    {"cross.basic-economic", "表间", {"general_budget_expenditure", "basic_expenditure_economic"}},
    {"cross.projects", "表间", {"expenditure_summary", "projects_current", "projects_carryover"}},
    {"cross.project-general", "表间", {"general_budget_expenditure", "projects_current"}},
    {"form.amount-differs", "绩效", {"projects_current"}},
    {"form.cost-above-funds", "绩效", {}},
    {"form.plan-incomplete", "绩效", {}},
    {"wording.placeholder", "文字", {}},
    {"wording.other-year", "文字", {}},
    {"wording.kind-mismatch", "文字", {}},
    {"wording.empty-table-unnoted", "文字", {}, true},
    {"wording.note-other-table", "文字", {}},
    {"wording.note-with-figures", "文字", {}},
    {"narrative.amount-differs", "文字", {}},
    {"narrative.amount-rounding", "文字", {}},
    {"narrative.share-differs", "文字", {}},
    {"narrative.change-contradicts", "文字", {}},
    {"narrative.percent-rounding", "文字", {}},
};

}  // namespace

std::span<const CheckRule> catalogue() { return kCatalogue; }

bool applies(const CheckRule& rule, const Layouts& layouts) {
  if (rule.needs_empty_table_notes && !layouts.report().empty_tables_noted) return false;
  for (std::string_view role : rule.roles)
    if (std::none_of(layouts.tables().begin(), layouts.tables().end(), [&](const TableLayout& t) { return t.role == role; }))
      return false;
  return true;
}

std::vector<Finding> check_report(const Report& report, const Layouts& layouts, const Options& options) {
  Findings found;
  Checker c(report, layouts, found);
  check_row_sums(c);
  check_hierarchy(c);
  check_balance(c);
  check_codes(c);
  check_across_tables(c);
  check_text(c);
  check_forms(c);
  check_narrative(c);
  std::vector<Finding> out;
  for (Finding& f : found.items()) {
    if (const auto it = options.overrides.find(f.rule); it != options.overrides.end()) {
      if (!it->second) continue;  // switched off
      f.severity = *it->second;
    }
    out.push_back(std::move(f));
  }
  return out;
}

bool parse_override(std::string_view word, std::optional<Severity>& out) {
  const std::string w = util::label_key(word);
  if (w == "off" || w == "关闭" || w == "关") out = std::nullopt;
  else if (w == "错误" || w == "error") out = Severity::error;
  else if (w == "警告" || w == "warning") out = Severity::warning;
  else if (w == "提示" || w == "info") out = Severity::info;
  else return false;
  return true;
}

void read_overrides(const std::string& path, Options& options) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": 无法读取校验配置文件");
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    const std::string t = util::trim(line);
    if (t.empty()) continue;
    const auto space = t.find_first_of(" \t");
    const std::string id = t.substr(0, space), word = space == std::string::npos ? "" : util::trim(t.substr(space));
    std::optional<Severity> sev;
    if (!find_rule(id)) throw InputError(fmt::format("{}:{}: 没有规则“{}”（用 budgetxl check --list-rules 查看）", path, n, id));
    if (!parse_override(word, sev)) throw InputError(fmt::format("{}:{}: “{}”应为 off、错误、警告或提示", path, n, word));
    options.overrides[id] = sev;
  }
}

}  // namespace budgetxl::check
