// Rules on the national codes: a code of the wrong length, a code whose parent (its 类 or 款) the
// table does not print, the same code named differently in two tables.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "budgetxl/codes.hpp"
#include "check/checker.hpp"
#include "util/normalize.hpp"

namespace budgetxl::check {

namespace {

bool digits_only(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// The tables whose codes are 功能分类 (expenditure by function), by role.
bool function_classified(const std::string& role) {
  for (const char* r : {"expenditure_summary", "general_budget_expenditure", "fiscal_expenditure_function", "fund_budget_expenditure",
                        "state_capital_expenditure"})
    if (role == r) return true;
  return false;
}

}  // namespace

void check_codes(Checker& c) {
  std::map<std::string, std::pair<std::string, Figure>> first_name;  // code -> its name as first printed, where
  for (const Table& t : c.report().tables) {
    const TableLayout& l = c.layout(t);
    const int code_col = l.first_column(ColumnKind::code);
    if (code_col < 0) continue;
    int name_col = -1;
    for (std::size_t k = 0; k < l.columns.size(); ++k)
      if (l.columns[k].kind == ColumnKind::name) {
        name_col = static_cast<int>(k);
        break;
      }
    std::set<std::string> codes;
    for (const Row& r : t.rows) codes.insert(r.cells[static_cast<std::size_t>(code_col)].text);
    for (const Row& r : t.rows) {
      if (r.kind == RowKind::total) continue;
      const Cell& cell = r.cells[static_cast<std::size_t>(code_col)];
      const std::string& code = cell.text;
      if (!digits_only(code)) continue;
      const Origin at = cell.origin.empty() ? r.origin : cell.origin;
      const std::vector<Evidence> evidence{{fmt::format("表{}科目编码", t.number), code, at}};
      // 功能分类 codes are 3/5/7 digits, 经济分类 codes 3/5.
      if (code.size() != 3 && code.size() != 5 && code.size() != 7) {
        c.add("code.malformed", fmt::format("表{}科目编码“{}”是{}位，应为3、5或7位（类、款、项）", t.number, code, code.size()), at, evidence);
        continue;
      }
      // A 功能分类 code starts with a national 类 (income and economic codes are other lists).
      const auto& classes = c.layouts().vocabulary().function_classes;
      if (function_classified(l.role) && !classes.empty() && !classes.count(code.substr(0, 3))) {
        c.add("code.malformed", fmt::format("表{}科目编码“{}”的类“{}”不是功能分类的类", t.number, code, code.substr(0, 3)), at, evidence);
        continue;
      }
      const std::string parent = parent_code(code);
      if (code.size() > 3 && !codes.count(parent))
        c.add("code.parent-missing", fmt::format("表{}科目编码“{}”的上级“{}”不在表中", t.number, code, parent), at, evidence);
      if (name_col < 0) continue;
      const std::string name = util::label_key(r.cells[static_cast<std::size_t>(name_col)].text);
      if (name.empty()) continue;
      const Figure here{fmt::format("表{}“{}”", t.number, code), Amount::blank(), at};
      const auto [it, inserted] = first_name.try_emplace(code, name, here);
      if (!inserted && it->second.first != name)
        c.add("code.name-differs",
              fmt::format("科目编码“{}”在表{}中名为“{}”，在{}中名为“{}”", code, t.number, r.cells[static_cast<std::size_t>(name_col)].text,
                          it->second.second.label, it->second.first),
              at, {{here.label, r.cells[static_cast<std::size_t>(name_col)].text, at}, {it->second.second.label, it->second.first, it->second.second.where}});
    }
  }
}

}  // namespace budgetxl::check
