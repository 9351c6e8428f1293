// What every check rule shares: tables by national role, cells by standard column id, row names
// for messages, and the one comparison that tells a rounding difference (尾数误差) from an error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "budgetxl/check.hpp"

namespace budgetxl::check {

// A figure of the report (or a sum of figures), for a comparison and its evidence.
struct Figure {
  std::string label;  // "表3“20805 行政事业单位养老支出”合计"
  Amount value;
  Origin where;       // empty for a sum
  int table = -1, row = -1, column = -1;  // the model cell (see Evidence)
  Evidence evidence() const;
};

class Checker {
 public:
  Checker(const Report& report, const Layouts& layouts, Findings& out) : report_(report), layouts_(layouts), out_(out) {}

  const Report& report() const { return report_; }
  const Layouts& layouts() const { return layouts_; }

  // The first table of a role; nullptr when the report (or its family) has none.
  const Table* table(std::string_view role) const;
  const TableLayout& layout(const Table& t) const { return layouts_.table(t.number); }
  // The column of a standard id that the table prints; -1 when the layout has none or the table
  // leaves it out.
  int column(const Table& t, std::string_view id) const;
  // How a row is named in messages: its code and name, or its label ("20805 行政事业单位养老支出").
  std::string row_name(const Table& t, const Row& row) const;
  // "表3“20805 …”合计": a cell as a figure.
  Figure cell(const Table& t, const Row& row, int column) const;
  // The table's total row (合计), or nullptr.
  const Row* total_row(const Table& t) const;
  // A two-sided table's side: the amount column right after a label column (before the next
  // label column); -1 when there is none.
  static int amount_after(const TableLayout& l, int label_column);

  // Compares a figure with the sum of others: nothing when equal; a rounding difference (at most
  // 0.01 万元, under 1 元 in a table in 元) is `sum.rounding`; more is `rule`. The message reads
  // "<actual.label> <actual> ≠ <sum_label> <sum>（差 d）"; the evidence lists every figure.
  // Blank parts count as 0; nothing is said when every part is blank (nothing to compare).
  void compare_sum(std::string_view rule, const Figure& actual, const std::vector<Figure>& parts, std::string_view sum_label,
                   const std::string& unit);
  // Compares two figures that must be equal (across tables), the same way.
  void compare_equal(std::string_view rule, const Figure& a, const Figure& b, const std::string& unit);

  // A finding of `rule` with its evidence.
  void add(std::string_view rule, std::string message, Origin where, std::vector<Evidence> evidence = {});

 private:
  void compare(std::string_view rule, const Figure& actual, Amount expected, std::string_view expected_label,
               std::vector<Evidence> evidence, const std::string& unit);
  const Report& report_;
  const Layouts& layouts_;
  Findings& out_;
};

// "本年收入合计", "本年支出合计": a two-sided table's subtotal of the year (a label key).
bool is_year_subtotal(const std::string& key);

// The rules, one function per family of rules (src/check/*.cpp).
void check_row_sums(Checker& c);        // sum.row: 合计 = 基本 + 项目 … as the templates' "sums" say
void check_hierarchy(Checker& c);       // sum.children, sum.total-row: 类 = Σ款, 款 = Σ项, 合计 = Σ类
void check_balance(Checker& c);         // balance.*: 本年收入合计, 收入总计 = 支出总计
void check_codes(Checker& c);           // code.*: malformed codes, missing parents, names that differ
void check_across_tables(Checker& c);   // cross.*: the tables against each other
void check_text(Checker& c);            // wording.*: placeholders, another year
void check_forms(Checker& c);           // form.*: a form's money against 表十二 and its cost indicators
void check_narrative(Checker& c);       // narrative.*: the 情况说明's figures against the tables
// The prose figures (amounts, counts, shares) that check_narrative attributes to a table figure, one
// line each ("line 395 2,306.67万元 = 表1“收入总计”收入金额 2306.67万元"): its coverage, for tests.
std::vector<std::string> narrative_matches(Checker& c);

}  // namespace budgetxl::check
