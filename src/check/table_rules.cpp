// Rules within one table: each row's sums (the templates' "sums"), the code or organisation
// hierarchy (类 = Σ款, 款 = Σ项, 合计 = Σ类; a unit = Σ its projects), and the two-sided tables'
// subtotals and balance (本年收入合计, 收入总计 = 支出总计).
#include <fmt/format.h>

#include "check/checker.hpp"
#include "util/normalize.hpp"

namespace budgetxl::check {

using util::label_key;

void check_row_sums(Checker& c) {
  for (const Table& t : c.report().tables) {
    const TableLayout& l = c.layout(t);
    for (const TableLayout::RowSum& sum : l.row_sums) {
      if (!t.has_column(l.columns[static_cast<std::size_t>(sum.total)].id)) continue;
      for (const Row& row : t.rows) {
        std::vector<Figure> parts;
        std::string names;
        for (int p : sum.parts) {
          if (!t.has_column(l.columns[static_cast<std::size_t>(p)].id)) continue;
          parts.push_back(c.cell(t, row, p));
          names += (names.empty() ? "" : "+") + l.columns[static_cast<std::size_t>(p)].name;
        }
        if (parts.empty()) continue;
        c.compare_sum("sum.row", c.cell(t, row, sum.total), parts, names, t.unit);
      }
    }
  }
}

namespace {

bool in_hierarchy(const Row& r) { return r.kind != RowKind::total && r.level > 0; }

}  // namespace

void check_hierarchy(Checker& c) {
  for (const Table& t : c.report().tables) {
    const TableLayout& l = c.layout(t);
    if (l.shape == TableShape::two_sided || l.shape == TableShape::figures) continue;
    const std::vector<int> amounts = l.amount_columns();
    const int code_col = l.shape == TableShape::code ? l.first_column(ColumnKind::code) : -1;
    auto code_of = [&](const Row& r) { return code_col < 0 ? std::string() : r.cells[static_cast<std::size_t>(code_col)].text; };
    // Each parent row against the rows one level below it, up to the next row of its level (in a
    // code table, the rows whose code starts with the parent's: a stray code is not its child).
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const Row& parent = t.rows[i];
      if (!in_hierarchy(parent)) continue;
      std::vector<const Row*> children;
      for (std::size_t j = i + 1; j < t.rows.size(); ++j) {
        const Row& r = t.rows[j];
        if (r.kind == RowKind::total) continue;
        if (r.level <= parent.level) break;
        if (r.level == parent.level + 1 && (code_col < 0 || util::starts_with(code_of(r), code_of(parent)))) children.push_back(&r);
      }
      if (children.empty()) continue;
      for (int col : amounts) {
        if (!t.has_column(l.columns[static_cast<std::size_t>(col)].id)) continue;
        std::vector<Figure> parts;
        for (const Row* ch : children) parts.push_back(c.cell(t, *ch, col));
        c.compare_sum("sum.children", c.cell(t, parent, col), parts, "下级之和", t.unit);
      }
    }
    // The 合计 row against the top-level rows.
    const Row* total = c.total_row(t);
    if (!total) continue;
    int top = 0;
    for (const Row& r : t.rows)
      if (in_hierarchy(r) && (top == 0 || r.level < top)) top = r.level;
    if (top == 0) continue;
    for (int col : amounts) {
      if (!t.has_column(l.columns[static_cast<std::size_t>(col)].id)) continue;
      std::vector<Figure> parts;
      for (const Row& r : t.rows)
        if (in_hierarchy(r) && r.level == top) parts.push_back(c.cell(t, r, col));
      c.compare_sum("sum.total-row", c.cell(t, *total, col), parts, "各行之和", t.unit);
    }
  }
}

namespace {

// One side of a two-sided table: a label column and the amount column after it.
struct Side {
  int label = -1, amount = -1;
};

std::vector<Side> sides_of(const TableLayout& l) {
  std::vector<Side> sides;
  for (std::size_t k = 0; k < l.columns.size(); ++k)
    if (l.columns[k].kind == ColumnKind::label)
      if (const int amount = Checker::amount_after(l, static_cast<int>(k)); amount >= 0) sides.push_back({static_cast<int>(k), amount});
  return sides;
}

// "一、…" (not "（一）", a breakdown row).
bool has_ordinal(const std::string& key) { return util::chinese_ordinal(key) == 1; }

}  // namespace

void check_balance(Checker& c) {
  for (const Table& t : c.report().tables) {
    const TableLayout& l = c.layout(t);
    if (l.shape != TableShape::two_sided) continue;
    std::vector<Figure> grand;  // each side's 总计
    for (const Side& side : sides_of(l)) {
      const auto lc = static_cast<std::size_t>(side.label);
      // 本年收入合计 = the numbered rows (一、二、…) above it.
      std::vector<Figure> items;
      const Row* subtotal = nullptr;
      const Row* total = nullptr;
      std::vector<Figure> after;  // rows between 本年…合计 and …总计 (上年结转, 年终结转)
      for (const Row& row : t.rows) {
        const std::string key = label_key(row.cells[lc].text);
        if (key.empty()) continue;
        if (!subtotal && is_year_subtotal(key)) {
          subtotal = &row;
          continue;
        }
        if (util::ends_with(key, "总计")) {
          total = &row;
          break;
        }
        if (!subtotal && has_ordinal(key)) items.push_back(c.cell(t, row, side.amount));
        // After it, 上年结转 and 年终结转 count; their numbered and 其中 rows are their breakdown.
        else if (subtotal && !has_ordinal(key) && !util::starts_with(key, "其中") && !util::starts_with(key, "("))
          after.push_back(c.cell(t, row, side.amount));
      }
      if (subtotal && !items.empty()) c.compare_sum("balance.subtotal", c.cell(t, *subtotal, side.amount), items, "各项之和", t.unit);
      if (subtotal && total) {
        after.insert(after.begin(), c.cell(t, *subtotal, side.amount));
        c.compare_sum("balance.subtotal", c.cell(t, *total, side.amount), after, "本年合计与结转之和", t.unit);
      }
      if (total) grand.push_back(c.cell(t, *total, side.amount));
    }
    // 收入总计 = 支出总计 (the first two sides; a third, 支出用途, restates the second).
    if (grand.size() >= 2) c.compare_equal("balance.income-expense", grand[1], grand[0], t.unit);
  }
}

}  // namespace budgetxl::check
