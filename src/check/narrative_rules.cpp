// Rules on the 情况说明 against the tables: every amount, share and count that the prose restates
// equals the table figure it restates (units converted, compared at the precision printed), and a
// year-on-year change agrees with the two figures of its sentence.
//
// The prose is read section by section (a section is what follows a 一、… heading); the heading
// says which table the section restates (收入 → 收支总表, 一般公共预算支出 → its table, 基本支出 →
// the economic table, 三公, 机关运行经费, 绩效 → the project table). Inside a section each figure is
// attributed by its *subject*, the words between the previous figure or punctuation and the figure
// ("其中：基本支出463.21万元" → 基本支出), matched against the table's labels, column ids and class
// names. A figure whose subject names nothing certain, last year or another year, is skipped: a
// sentence that cannot be attributed is never an alarm.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "check/checker.hpp"
#include "util/normalize.hpp"

namespace budgetxl::check {

using util::contains;
using util::ends_with;
using util::label_key;
using util::starts_with;

namespace {

enum class Unit { wan, yuan, percent, count };

// A figure of the prose: "1,694.52万元", "58.05%", "18个".
struct ProseNum {
  std::string text;      // as printed, with its unit
  Amount value;          // hundredths
  int decimals = 0;      // digits printed after the point
  Unit unit = Unit::wan;
  std::size_t begin = 0, end = 0;  // bytes in the section text
  int sentence = 0;      // index of its sentence (split at 。 and ；)
  std::string subject;   // the words before it, as a label key, quotes removed
  Origin where;
  std::optional<Figure> matched;  // the table figure it restates
  Amount share_base_table;        // for a matched amount: the total its share is of (blank: none)
  std::string share_base_label;
  Amount alt_base_table;          // a second total the share may be of (收入: 本年收入合计)
  std::string alt_base_label;
  std::string table_unit;
};

struct Section {
  std::string heading;  // label key of the 一、… heading
  std::string text;     // the prose, NFKC, blocks joined
  std::vector<std::pair<std::size_t, Origin>> pieces;  // where each block starts
};

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

bool is_delimiter_at(const std::string& s, std::size_t i, std::size_t& len) {
  static const char* const kMarks[] = {"。", "，", "；", "：", "、", "！", "？", "\n"};
  const char ch = s[i];
  if (ch == ',' || ch == ';' || ch == ':') {
    // a ',' between digits is a thousands separator, not a pause
    if (ch == ',' && i > 0 && i + 1 < s.size() && is_digit(s[i - 1]) && is_digit(s[i + 1])) return false;
    len = 1;
    return true;
  }
  for (const char* m : kMarks) {
    const std::string_view mv(m);
    if (s.compare(i, mv.size(), mv) == 0) {
      len = mv.size();
      return true;
    }
  }
  return false;
}

bool ends_sentence_at(const std::string& s, std::size_t i) {
  return s.compare(i, 3, "。") == 0 || s[i] == ';' || s.compare(i, 3, "；") == 0;
}

std::string strip_quotes(std::string s) {
  for (const char* q : {"“", "”", "\"", "‘", "’", "「", "」"}) s = util::replace_all(s, q, "");
  return s;
}

// The 4-digit years (19xx, 20xx) in a text.
std::vector<int> years_in(const std::string& s) {
  std::vector<int> out;
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    if (!(is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]))) continue;
    if ((i > 0 && is_digit(s[i - 1])) || (i + 4 < s.size() && is_digit(s[i + 4]))) continue;
    const int y = std::atoi(s.substr(i, 4).c_str());
    if (y >= 1990 && y <= 2099) out.push_back(y);
    i += 3;
  }
  return out;
}

// The figures of a section's text.
std::vector<ProseNum> scan(const Section& sec) {
  const std::string& s = sec.text;
  std::vector<ProseNum> out;
  int sentence = 0;
  std::size_t i = 0, last_boundary = 0;
  while (i < s.size()) {
    if (ends_sentence_at(s, i)) ++sentence;
    std::size_t dl = 0;
    if (is_delimiter_at(s, i, dl)) {
      last_boundary = i + dl;
      i += dl;
      continue;
    }
    if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '.'))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    bool point = false;
    int decimals = 0;
    while (j < s.size()) {
      if (is_digit(s[j])) {
        if (point) ++decimals;
        ++j;
      } else if (s[j] == ',' && !point && j + 3 < s.size() && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
                 (j + 4 >= s.size() || !is_digit(s[j + 4]))) {
        ++j;
      } else if (s[j] == '.' && !point && j + 1 < s.size() && is_digit(s[j + 1])) {
        point = true;
        ++j;
      } else if (s[j] == '.' && !point && j + 2 < s.size() && s[j + 1] == ' ' && is_digit(s[j + 2])) {
        point = true;  // "14. 58"
        j += 2;
      } else {
        break;
      }
    }
    std::size_t k = j;
    while (k < s.size() && s[k] == ' ') ++k;
    std::optional<Unit> unit;
    std::size_t ulen = 0;
    if (s.compare(k, 6, "万元") == 0) unit = Unit::wan, ulen = 6;
    else if (s.compare(k, 3, "元") == 0) unit = Unit::yuan, ulen = 3;
    else if (s.compare(k, 1, "%") == 0) unit = Unit::percent, ulen = 1;
    else if (s.compare(k, 3, "个") == 0 && !point) unit = Unit::count, ulen = 3;
    // "亿元", "万", a year, a list number: not a figure the rules restate
    const bool after_yi = i >= 3 && s.compare(i - 3, 3, "亿") == 0;
    if (unit && !after_yi && decimals <= 2) {
      const AmountParse p = parse_amount(s.substr(i, j - i));
      if (p.value) {
        ProseNum n;
        n.text = s.substr(i, k + ulen - i);
        n.value = *p.value;
        n.decimals = decimals;
        n.unit = *unit;
        n.begin = i;
        n.end = k + ulen;
        n.sentence = sentence;
        const std::size_t from = std::max(last_boundary, out.empty() ? std::size_t{0} : out.back().end);
        n.subject = strip_quotes(label_key(s.substr(from, i - from)));
        for (const auto& [at, origin] : sec.pieces)
          if (at <= i) n.where = origin;
        out.push_back(std::move(n));
      }
    }
    i = std::max(k + ulen, j);
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Tables

std::string stripped_label(const std::string& text) {
  std::string k = label_key(text);
  if (util::chinese_ordinal(k) != 0) {
    if (const auto p = k.find("、"); p != std::string::npos && p < 20) k = k.substr(p + 3);
    else if (const auto q = k.find(')'); q != std::string::npos && q < 20) k = k.substr(q + 1);
  }
  // "①公务用车购置费"
  for (const char* m : {"①", "②", "③", "④"})
    if (starts_with(k, m)) k = k.substr(3);
  return k;
}

// The row of a table whose label in `label_col` is the longest one contained in `subject`; nullptr
// when none, or when two labels match that do not nest (ambiguous).
const Row* row_named_in(const Table& t, int label_col, const std::string& subject, bool (*accept)(const Row&, const std::string&)) {
  const Row* best = nullptr;
  std::string best_label;
  bool ambiguous = false;
  for (const Row& r : t.rows) {
    if (label_col < 0 || static_cast<std::size_t>(label_col) >= r.cells.size()) continue;
    const std::string label = stripped_label(r.cells[static_cast<std::size_t>(label_col)].text);
    if (util::code_points(label) < 4 || !contains(subject, label) || (accept && !accept(r, label))) continue;
    if (!best || label.size() > best_label.size()) {
      ambiguous = best && !contains(label, best_label);
      best = &r;
      best_label = label;
    } else if (label != best_label && !contains(best_label, label)) {
      ambiguous = true;
    } else if (label == best_label && &r != best) {
      ambiguous = true;  // the same label twice
    }
  }
  return ambiguous ? nullptr : best;
}

const Row* row_labelled(const Table& t, int label_col, std::string_view label) {
  const Row* found = nullptr;
  for (const Row& r : t.rows)
    if (label_col >= 0 && static_cast<std::size_t>(label_col) < r.cells.size() &&
        stripped_label(r.cells[static_cast<std::size_t>(label_col)].text) == label) {
      if (found) return nullptr;
      found = &r;
    }
  return found;
}

// A table's total row, or its only row (a table of figures).
const Row* totals(const Checker& c, const Table& t) {
  if (const Row* r = c.total_row(t)) return r;
  if (c.layout(t).shape == TableShape::figures && t.rows.size() == 1) return &t.rows.front();
  return nullptr;
}

// ------------------------------------------------------------------------------------------
// Comparing

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Rounds num/den half away from zero (den > 0).
std::int64_t round_div(__int128 num, __int128 den) {
  const bool neg = num < 0;
  if (neg) num = -num;
  const __int128 q = (num * 2 + den) / (den * 2);
  return static_cast<std::int64_t>(neg ? -q : q);
}

// The table figure (hundredths of `table_unit`) in the prose's unit at `decimals`, as an integer of
// the last printed digit; nullopt when the units do not convert (a prose 元 of a table in 万元).
std::optional<std::int64_t> in_prose_units(Amount table, const std::string& table_unit, Unit prose_unit, int decimals) {
  if (prose_unit == Unit::count) return table.minor() / Amount::kScale;
  const bool prose_wan = prose_unit == Unit::wan;
  const bool table_wan = table_unit != "元";
  if (prose_wan == table_wan) return round_div(table.minor(), pow10(2 - decimals));
  if (prose_wan && !table_wan) return round_div(table.minor(), pow10(6 - decimals));
  return std::nullopt;
}

std::string unit_name(Unit u) { return u == Unit::wan ? "万元" : u == Unit::yuan ? "元" : u == Unit::count ? "个" : "%"; }

std::string shown(std::int64_t v, int decimals) {
  const std::int64_t p = pow10(decimals);
  const std::int64_t a = std::llabs(v);
  std::string s = fmt::format("{}{}", v < 0 ? "-" : "", a / p);
  if (decimals > 0) s += fmt::format(".{:0{}}", a % p, decimals);
  return s;
}

// A share part/base in percent at `decimals`, as an integer of the last digit.
std::optional<std::int64_t> share(std::int64_t part, std::int64_t base, int decimals) {
  if (base <= 0) return std::nullopt;
  return round_div(static_cast<__int128>(part) * 100 * pow10(decimals), base);
}

// ------------------------------------------------------------------------------------------
// Attributing a figure to a table figure

enum class Context { none, compilation, overall, income, expenditure, fiscal, general, basic, three_public, running, projects };

Context context_of(const std::string& h) {
  if (h.empty()) return Context::none;
  if (contains(h, "三公")) return Context::three_public;
  if (contains(h, "预算编制说明")) return Context::compilation;  // Shanghai: 收入, 支出 and 财政拨款 in one section
  if (contains(h, "机关运行")) return Context::running;
  if (contains(h, "绩效")) return Context::projects;
  if (contains(h, "国有资产") || contains(h, "政府采购") || contains(h, "其他") || contains(h, "名词")) return Context::none;
  if (contains(h, "财政拨款")) return contains(h, "收支") ? Context::fiscal : Context::none;
  if (contains(h, "一般公共预算") && contains(h, "基本支出")) return Context::basic;
  if (contains(h, "一般公共预算") && contains(h, "支出")) return Context::general;
  if (contains(h, "政府性基金") || contains(h, "国有资本")) return Context::none;
  if (contains(h, "收支") && (contains(h, "总体") || contains(h, "变动") || contains(h, "总表"))) return Context::overall;
  if (contains(h, "收入")) return Context::income;
  if (contains(h, "支出")) return Context::expenditure;
  return Context::none;
}

// A subject about last year, another year or a change is no figure of this year's tables.
bool about_this_year(const ProseNum& n, int year) {
  for (const char* w : {"上年", "去年", "上一年", "比", "较", "增加", "减少", "增长", "下降", "同比", "相比", "持平", "以上", "以下", "不超过",
                        "约", "平均", "人均", "每"})
    if (contains(n.subject, w)) return false;
  for (int y : years_in(n.subject))
    if (y != year) return false;
  return true;
}

struct Matcher {
  const Checker& c;
  int year = 0;

  void set(ProseNum& n, const Table& t, const Row& row, int col) const {
    n.matched = c.cell(t, row, col);
    n.table_unit = t.unit;
  }
  void base(ProseNum& n, const Table& t, const Row* row, int col, bool alt = false) const {
    if (!row || col < 0) return;
    const Figure f = c.cell(t, *row, col);
    (alt ? n.alt_base_table : n.share_base_table) = Amount::from_minor(f.value.minor());
    (alt ? n.alt_base_label : n.share_base_label) = f.label;
  }

  // 收入总计 / 支出总计 of a two-sided table.
  bool grand_total(ProseNum& n, const Table* t) const {
    if (!t) return false;
    const std::string& s = n.subject;
    const bool income = contains(s, "收入总计") || contains(s, "收入预算总计");
    const bool expense = contains(s, "支出总计") || contains(s, "支出预算总计");
    if (income == expense) return false;
    const int label = c.column(*t, income ? "income_item" : "expense_item");
    int amount = c.column(*t, income ? "income_amount" : "expense_total");
    if (amount < 0 && !income) amount = c.column(*t, "expense_amount");
    const Row* r = row_labelled(*t, label, income ? "收入总计" : "支出总计");
    if (!r || amount < 0) return false;
    set(n, *t, *r, amount);
    return true;
  }

  void attribute(ProseNum& n, Context ctx) const {
    if (n.unit == Unit::percent || !about_this_year(n, year)) return;
    const std::string& s = n.subject;
    if (n.unit == Unit::count) {
      if (ctx == Context::projects) projects_count(n);
      return;
    }
    switch (ctx) {
      case Context::overall:
        if (!contains(s, "财政拨款")) grand_total(n, c.table("budget_summary"));
        break;
      case Context::fiscal:
        fiscal(n);
        break;
      case Context::income:
        income(n);
        break;
      case Context::expenditure:
        expenditure(n);
        break;
      case Context::general:
        general(n);
        break;
      case Context::basic:
        basic(n);
        break;
      case Context::three_public:
        three_public(n);
        break;
      case Context::running:
        running(n);
        break;
      case Context::compilation:
        compilation(n);
        break;
      case Context::projects:
      case Context::none:
        break;
    }
  }

  void income(ProseNum& n) const {
    const Table* t = c.table("budget_summary");
    if (!t) return;
    if (grand_total(n, t)) return;
    const int label = c.column(*t, "income_item"), amount = c.column(*t, "income_amount");
    if (label < 0 || amount < 0) return;
    const Row* r = row_named_in(*t, label, n.subject, [](const Row& row, const std::string& l) {
      return row.kind != RowKind::total && !contains(l, "合计") && !contains(l, "总计");
    });
    if (!r) return;
    set(n, *t, *r, amount);
    base(n, *t, row_labelled(*t, label, "收入总计"), amount);
    base(n, *t, row_labelled(*t, label, "本年收入合计"), amount, true);
  }

  void fiscal(ProseNum& n) const {
    const Table* t = c.table("fiscal_summary");
    if (!t) return;
    const std::string& s = n.subject;
    if (contains(s, "总预算") && contains(s, "收支")) {  // 财政拨款收支总预算
      const Row* r = row_labelled(*t, c.column(*t, "income_item"), "收入总计");
      if (r && c.column(*t, "income_amount") >= 0) set(n, *t, *r, c.column(*t, "income_amount"));
      return;
    }
    const int label = c.column(*t, "expense_item"), amount = c.column(*t, "expense_total");
    if (label < 0 || amount < 0) return;
    const Row* r = row_named_in(*t, label, s, [](const Row& row, const std::string& l) {
      return row.kind != RowKind::total && ends_with(l, "支出") && !contains(l, "预算") && !contains(l, "合计");
    });
    if (r) set(n, *t, *r, amount);
  }

  void expenditure(ProseNum& n) const {
    const Table* t = c.table("expenditure_summary");
    if (!t) return;
    const Row* tot = totals(c, *t);
    if (!tot) return;
    const std::string& s = n.subject;
    for (const char* w : {"财政拨款", "一般公共", "基金", "国有资本", "人员", "公用"})
      if (contains(s, w)) return;
    const int total = c.column(*t, "total");
    std::string id;
    if (ends_with(s, "基本支出")) id = "basic";
    else if (ends_with(s, "项目支出")) id = "project";
    else if (ends_with(s, "支出预算") || ends_with(s, "支出总计") || ends_with(s, "支出合计")) id = "total";
    if (id.empty() || c.column(*t, id) < 0) return;
    set(n, *t, *tot, c.column(*t, id));
    if (id != "total") base(n, *t, tot, total);
  }

  // Shanghai's one section: 收入预算 and its sources (收支总表), 支出预算 (收支总表), 财政拨款支出预算 and
  // its funds (财政拨款收支总表), and the 项 of "“A（类）B（款）C（项）”X万元".
  void compilation(ProseNum& n) const {
    const std::string& s = n.subject;
    if (item_row(n)) return;
    const Table* t = c.table("budget_summary");
    const Table* f = c.table("fiscal_summary");
    if (!t) return;
    const int il = c.column(*t, "income_item"), ia = c.column(*t, "income_amount"), el = c.column(*t, "expense_item"),
              ea = c.column(*t, "expense_total");
    const bool fund_words = contains(s, "一般公共") || contains(s, "基金") || contains(s, "国有资本");
    if (ends_with(s, "收入预算") && !contains(s, "财政拨款") && !fund_words) {
      if (const Row* r = row_labelled(*t, il, "收入总计"); r && ia >= 0) set(n, *t, *r, ia);
    } else if (ends_with(s, "支出预算") && !contains(s, "财政拨款") && !fund_words) {
      if (const Row* r = row_labelled(*t, el, "支出总计"); r && ea >= 0) set(n, *t, *r, ea);
    } else if (ends_with(s, "支出预算") && f) {
      std::string id = "expense_total";
      if (contains(s, "一般公共预算")) id = "expense_general";
      else if (contains(s, "政府性基金")) id = "expense_fund";
      else if (contains(s, "国有资本")) id = "expense_state_capital";
      else if (!contains(s, "财政拨款")) return;
      const Row* r = row_labelled(*f, c.column(*f, "expense_item"), "支出总计");
      if (r && c.column(*f, id) >= 0) set(n, *f, *r, c.column(*f, id));
    } else if (ends_with(s, "收入") && il >= 0 && ia >= 0) {
      const Row* r = row_named_in(*t, il, s, [](const Row& row, const std::string& l) {
        return row.kind != RowKind::total && ends_with(l, "收入") && !contains(l, "合计") && !contains(l, "总计");
      });
      if (r) set(n, *t, *r, ia);
    }
  }

  // "“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元": the 项 of the 一般公共预算 table
  // under that 款 and 类, when no other fund's table prints the code.
  bool item_row(ProseNum& n) const {
    const std::string& s = n.subject;
    const auto lei = s.find("(类)"), kuan = s.find("(款)"), xiang = s.find("(项)");
    if (lei == std::string::npos || kuan == std::string::npos || xiang == std::string::npos || !(lei < kuan && kuan < xiang)) return false;
    std::string a = s.substr(0, lei);
    while (!a.empty() && (is_digit(a.front()) || a.front() == '.')) a.erase(0, 1);  // "1."
    const std::size_t m = std::string_view("(类)").size();
    const std::string b = s.substr(lei + m, kuan - lei - m), cname = s.substr(kuan + m, xiang - kuan - m);
    const Table* t = c.table("general_budget_expenditure");
    if (!t) return false;
    const int code = c.column(*t, "code"), name = c.column(*t, "name"), total = c.column(*t, "total");
    if (code < 0 || name < 0 || total < 0) return false;
    auto name_of = [&](const std::string& cd) -> std::string {
      for (const Row& r : t->rows)
        if (label_key(r.cells[static_cast<std::size_t>(code)].text) == cd) return label_key(r.cells[static_cast<std::size_t>(name)].text);
      return {};
    };
    const Row* found = nullptr;
    for (const Row& r : t->rows) {
      const std::string cd = label_key(r.cells[static_cast<std::size_t>(code)].text);
      if (cd.size() != 7 || label_key(r.cells[static_cast<std::size_t>(name)].text) != cname) continue;
      if (name_of(cd.substr(0, 5)) != b || name_of(cd.substr(0, 3)) != a) continue;
      if (found) return false;
      found = &r;
    }
    if (!found) return false;
    const std::string cd = label_key(found->cells[static_cast<std::size_t>(code)].text);
    for (const char* other : {"fund_budget_expenditure", "state_capital_expenditure"})
      if (const Table* o = c.table(other); o && c.column(*o, "code") >= 0)
        for (const Row& r : o->rows)
          if (label_key(r.cells[static_cast<std::size_t>(c.column(*o, "code"))].text) == cd) return false;
    set(n, *t, *found, total);
    return true;
  }

  void general(ProseNum& n) const {
    if (item_row(n)) return;
    const Table* t = c.table("general_budget_expenditure");
    if (!t) return;
    const Row* tot = totals(c, *t);
    const int total = c.column(*t, "total");
    if (!tot || total < 0) return;
    std::string s = util::replace_all(n.subject, "(类)", "");
    if (contains(s, "基本支出") || contains(s, "项目支出") || contains(s, "(款)") || contains(s, "(项)")) return;
    if (contains(s, "一般公共预算") && ends_with(s, "支出")) {
      // a table without 上年结转 restates the year's own money only ("当年支出", "本年支出")
      if (contains(label_key(t->title), "不含上年结转") && !contains(s, "当年") && !contains(s, "本年")) return;
      set(n, *t, *tot, total);
      return;
    }
    const int code = c.column(*t, "code"), name = c.column(*t, "name");
    if (code < 0 || name < 0) return;
    const Row* found = nullptr;
    for (const Row& r : t->rows) {
      const std::string cd = label_key(r.cells[static_cast<std::size_t>(code)].text);
      const std::string nm = stripped_label(r.cells[static_cast<std::size_t>(name)].text);
      if (cd.size() != 3 || util::code_points(nm) < 2) continue;
      const std::string bare = ends_with(nm, "支出") ? nm.substr(0, nm.size() - 6) : nm;  // "公共安全(类)支出"
      if (s == nm || ends_with(s, nm) || (util::code_points(bare) >= 2 && ends_with(s, bare + "支出"))) {
        if (found) return;  // two classes: unsure
        found = &r;
      }
    }
    if (!found) return;
    set(n, *t, *found, total);
    base(n, *t, tot, total);
  }

  void basic(ProseNum& n) const {
    const Table* t = c.table("basic_expenditure_economic");
    if (!t) return;
    const Row* tot = totals(c, *t);
    if (!tot) return;
    const std::string& s = n.subject;
    std::string id;
    if (ends_with(s, "人员经费")) id = "personnel";
    else if (ends_with(s, "公用经费")) id = "public";
    else if (ends_with(s, "基本支出")) id = "total";
    if (id.empty() || c.column(*t, id) < 0 || c.column(*t, "total") < 0) return;
    set(n, *t, *tot, c.column(*t, id));
    if (id != "total") base(n, *t, tot, c.column(*t, "total"));
  }

  void three_public(ProseNum& n) const {
    const Table* t = c.table("three_public");
    if (!t) t = c.table("three_public_and_running_costs");
    if (!t) t = c.table("three_public_meeting_training");
    if (!t) return;
    const std::string& s = n.subject;
    struct Item {
      const char* word;
      const char* column;  // in a table of figures
      const char* label;   // a row label (a table of fixed rows)
    };
    static const Item kItems[] = {
        {"因公出国", "abroad", "因公出国"},         {"公务接待", "reception", "公务接待"},
        {"购置及运行", "vehicle_total", "购置及运行"}, {"购置费", "vehicle_purchase", "购置费"},
        {"运行维护费", "vehicle_running", "运行维护费"}, {"运行费", "vehicle_running", "运行维护费"},
        {"会议费", "meeting", "会议费"},           {"培训费", "training", "培训费"},
        {"三公", "", ""},
    };
    const Item* item = nullptr;
    for (const Item& it : kItems)
      if (contains(s, it.word)) {
        item = &it;
        break;
      }
    if (!item) return;
    const bool total = std::string_view(item->column).empty();
    if (c.layout(*t).shape == TableShape::figures) {
      const Row* r = totals(c, *t);
      int col = total ? c.column(*t, "three_public_total") : c.column(*t, item->column);
      if (total && col < 0) col = c.column(*t, "total");
      if (r && col >= 0) set(n, *t, *r, col);
      return;
    }
    const int label = c.column(*t, "item"), amount = c.column(*t, "total");
    if (label < 0 || amount < 0) return;
    const Row* found = nullptr;
    if (total) {
      found = c.total_row(*t);
    } else {
      for (const Row& r : t->rows)
        if (r.kind != RowKind::total && contains(stripped_label(r.cells[static_cast<std::size_t>(label)].text), item->label)) {
          if (found) return;
          found = &r;
        }
    }
    if (found) set(n, *t, *found, amount);
  }

  void running(ProseNum& n) const {
    if (!contains(n.subject, "机关运行经费")) return;
    if (const Table* t = c.table("running_costs")) {
      const Row* r = totals(c, *t);
      int col = c.column(*t, "total");
      if (col < 0) col = c.column(*t, "amount");
      if (r && col >= 0) set(n, *t, *r, col);
    } else if (const Table* t2 = c.table("three_public_and_running_costs")) {
      const Row* r = totals(c, *t2);
      if (r && c.column(*t2, "running_costs") >= 0) set(n, *t2, *r, c.column(*t2, "running_costs"));
    }
  }

  // The projects of the 项目支出表（本年）: their number and their money.
  const Table* projects(const Row*& head) const {
    const Table* t = c.table("projects_current");
    head = nullptr;
    if (!t) return nullptr;
    head = c.total_row(*t);
    if (!head)
      for (const Row& r : t->rows)
        if (r.kind == RowKind::organisation) {
          head = &r;
          break;
        }
    return t;
  }

  void projects_count(ProseNum& n) const {
    const std::string& s = n.subject;
    if (!contains(s, "项目") || !(contains(s, "纳入") || contains(s, "公开"))) return;
    for (const char* w : {"运转类", "特定目标类", "整体", "单位", "部门", "一级", "三级"})
      if (contains(s, w)) return;
    const Row* head = nullptr;
    const Table* t = projects(head);
    if (!t || !head) return;
    std::int64_t count = 0;
    for (const Row& r : t->rows) count += r.kind == RowKind::item ? 1 : 0;
    Figure f{fmt::format("表{}项目数", t->number), Amount::from_units(count), t->origin};
    n.matched = f;
    n.table_unit = "个";
  }

  // "…项目18个，共计金额1,694.52万元": the money of the projects just counted.
  void projects_money(ProseNum& n, const ProseNum& prev) const {
    if (!prev.matched || prev.unit != Unit::count || prev.sentence != n.sentence || !about_this_year(n, year)) return;
    const std::string& s = n.subject;
    if (!(contains(s, "共计") || contains(s, "涉及") || contains(s, "金额") || contains(s, "资金"))) return;
    const Row* head = nullptr;
    const Table* t = projects(head);
    const int col = t ? c.column(*t, "total") : -1;
    if (t && head && col >= 0) set(n, *t, *head, col);
  }
};

// ------------------------------------------------------------------------------------------
// The prose, section by section

// A paragraph standing as a section's title ("2025年部门预算编制说明"): short, with its year, no pause,
// no other figure, ending in 说明 (not the tail of a heading cut by a line break, "算情况说明").
bool looks_like_heading(const std::string& text) {
  const std::string k = label_key(text);
  if (util::code_points(k) > 30 || !(ends_with(k, "说明") || ends_with(k, "情况")) || (years_in(k).empty() && !ends_with(k, "编制说明"))) return false;
  for (const char* p : {"。", ",", ";", ":", "，", "；", "："})
    if (contains(k, p)) return false;
  std::string rest = k;
  for (int y : years_in(k)) rest = util::replace_all(rest, std::to_string(y), "");
  return std::none_of(rest.begin(), rest.end(), [](char ch) { return is_digit(ch); });
}

std::vector<Section> sections_of(const Report& r) {
  std::vector<Section> out;
  Section cur;
  auto flush = [&] {
    if (!cur.text.empty()) out.push_back(std::move(cur));
    cur = Section{};
  };
  for (const Part& p : r.parts) {
    if (p.kind == PartKind::cover || p.kind == PartKind::glossary || p.kind == PartKind::tables) continue;
    flush();
    for (const Block& b : p.blocks) {
      if (b.kind == BlockKind::table || b.kind == BlockKind::form) {
        flush();
        continue;
      }
      const std::string text = util::nfkc(b.text);
      if (contains(text, "……") || contains(text, "....")) continue;  // a line of the contents
      if ((b.kind == BlockKind::heading && b.level <= 2) || looks_like_heading(text)) {
        flush();
        cur.heading = label_key(text);
        continue;
      }
      if (b.kind == BlockKind::heading) cur.text += "。";
      cur.pieces.emplace_back(cur.text.size(), b.origin);
      cur.text += text;
      if (b.kind == BlockKind::heading) cur.text += "。";
    }
  }
  flush();
  return out;
}

// Every prose figure attributed to a table figure (amounts, counts) and every share of one.
void attribute_all(const Checker& c, const Section& sec, std::vector<ProseNum>& nums) {
  Matcher m{c, c.report().meta.year};
  const Context ctx = context_of(sec.heading);
  for (std::size_t i = 0; i < nums.size(); ++i) {
    m.attribute(nums[i], ctx);
    if (!nums[i].matched && ctx == Context::projects && nums[i].unit != Unit::count && nums[i].unit != Unit::percent && i > 0)
      m.projects_money(nums[i], nums[i - 1]);
  }
}

std::string excerpt(const Section& sec, const ProseNum& n) {
  std::size_t from = n.begin;
  for (int k = 0; k < 24 && from > 0; ++k) {
    std::size_t len = 0;
    std::size_t prev = from - 1;
    while (prev > 0 && (static_cast<unsigned char>(sec.text[prev]) & 0xC0) == 0x80) --prev;
    if (is_delimiter_at(sec.text, prev, len)) break;
    from = prev;
  }
  return sec.text.substr(from, n.end - from);
}

// ------------------------------------------------------------------------------------------
// Year-on-year changes: "…100万元，比上年增加10万元，增长12.5%"

int direction_of(const std::string& s) {
  int up = 0, down = 0;
  for (const char* w : {"增加", "增长", "上升", "提高"})
    if (contains(s, w)) up = 1;
  for (const char* w : {"减少", "下降", "降低", "缩减"})
    if (contains(s, w)) down = 1;
  return up == down ? 0 : up ? 1 : -1;
}

bool is_change_subject(const std::string& s) {
  for (const char* w : {"比上年", "较上年", "与上年相比", "同比", "上年相比"})
    if (contains(s, w)) return true;
  if (starts_with(s, "比") || starts_with(s, "较") || contains(s, "年相比")) return !years_in(s).empty() || contains(s, "上年");
  return false;
}

// An amount in thousandths of its unit's hundredth… of its unit, for the interval arithmetic; and
// half of the last printed digit in the same scale.
std::int64_t milli(const ProseNum& n) { return n.value.minor() * 10; }
std::int64_t half_ulp(int decimals) { return 5 * pow10(2 - decimals); }

// A change and its percentage agree with a base figure of the sentence, allowing every printed
// figure its rounding: the intervals [Y ± ½ulp] / [prior ± ½ulp] and [P ± ½ulp] overlap.
bool change_agrees(const ProseNum& base, const ProseNum& change, const ProseNum& pct, int dir, bool& possible, int slack_ulps = 0) {
  const __int128 x = milli(base), y = milli(change), h = half_ulp(base.decimals) + half_ulp(change.decimals);
  const __int128 hy = half_ulp(change.decimals);
  const __int128 prior = dir > 0 ? x - y : x + y;
  possible = prior - h > 0;
  if (!possible) return true;
  const __int128 p = milli(pct), hp = half_ulp(pct.decimals) * (1 + 2 * slack_ulps);  // thousandths of a percent
  // lowest possible share ≤ highest printed, and highest possible ≥ lowest printed
  const bool low_ok = (y - hy) * 100 * 1000 <= (p + hp) * (prior + h);
  const bool high_ok = (y + hy) * 100 * 1000 >= (p - hp) * (prior - h);
  return low_ok && high_ok;
}

void check_changes(Checker& c, const Section& sec, const std::vector<ProseNum>& nums) {
  for (std::size_t i = 1; i + 1 < nums.size(); ++i) {
    const ProseNum& y = nums[i];
    if ((y.unit != Unit::wan && y.unit != Unit::yuan) || !is_change_subject(y.subject)) continue;
    const int dir = direction_of(y.subject);
    const ProseNum& p = nums[i + 1];
    if (dir == 0 || p.unit != Unit::percent || p.sentence != y.sentence || util::code_points(p.subject) > 6) continue;
    const int pdir = direction_of(p.subject);
    if (pdir == 0) continue;
    if (pdir != dir) {
      c.add("narrative.change-contradicts",
            fmt::format("情况说明“{}”：变动额说{}，百分比却说{}", excerpt(sec, p), dir > 0 ? "增加" : "减少", dir > 0 ? "下降" : "增长"), p.where,
            {{"变动额", y.text, y.where}, {"变动率", p.text, p.where}});
      continue;
    }
    const ProseNum* first = nullptr;
    bool agrees = false, nearly = false;
    for (std::size_t j = 0; j < i; ++j) {
      const ProseNum& x = nums[j];
      if (x.sentence != y.sentence || x.unit != y.unit || is_change_subject(x.subject)) continue;
      bool possible = false;
      const bool ok = change_agrees(x, y, p, dir, possible);
      if (!possible) continue;
      if (!first) first = &x;
      if (ok) agrees = true;
      if (change_agrees(x, y, p, dir, possible, 1)) nearly = true;
    }
    if (!first || agrees) continue;
    const std::int64_t prior = dir > 0 ? first->value.minor() - y.value.minor() : first->value.minor() + y.value.minor();
    const int shown_decimals = std::max(p.decimals, 2);
    const std::int64_t pct = *share(y.value.minor(), prior, shown_decimals);
    // one unit of the printed percentage's last digit off: the report rounded (or cut) other figures
    c.add(nearly ? "narrative.percent-rounding" : "narrative.change-contradicts",
          fmt::format("情况说明“{}”：本年{}，{}{}，则上年为{}{}，变动率应为{}%，不是{}{}", excerpt(sec, p), first->text, dir > 0 ? "增加" : "减少", y.text,
                      Amount::from_minor(prior).to_string(), unit_name(y.unit), shown(pct, shown_decimals), p.text, nearly ? "，尾数误差" : ""),
          p.where,
          {{"本年", first->text, first->where},
           {"变动额", y.text, y.where},
           {"变动率", p.text, p.where},
           {"上年（推算）", Amount::from_minor(prior).to_string() + unit_name(y.unit), {}},
           {"应为", shown(pct, shown_decimals) + "%", {}}});
  }
}

// ------------------------------------------------------------------------------------------

std::vector<std::string> run(Checker& c, bool report) {
  std::vector<std::string> matched;
  for (const Section& sec : sections_of(c.report())) {
    std::vector<ProseNum> nums = scan(sec);
    attribute_all(c, sec, nums);
    for (std::size_t i = 0; i < nums.size(); ++i) {
      ProseNum& n = nums[i];
      // -- amounts and counts
      if (n.matched) {
        const Figure& f = *n.matched;
        const int d = n.unit == Unit::count ? 0 : n.decimals;
        const std::optional<std::int64_t> expected = in_prose_units(f.value, n.table_unit, n.unit, d);
        if (!expected) {
          n.matched.reset();
          continue;
        }
        const std::int64_t printed = n.unit == Unit::count ? n.value.minor() / Amount::kScale : n.value.minor() / pow10(2 - d);
        const std::int64_t diff = printed - *expected;
        const std::string tu = n.table_unit == "个" ? "个" : n.table_unit;
        const std::string tv = f.value.is_blank() ? "（空）" : n.unit == Unit::count ? shown(f.value.minor() / Amount::kScale, 0) : f.value.to_string();
        matched.push_back(fmt::format("{} {} = {} {}{}", n.where.str(), n.text, f.label, tv, tu));
        if (diff != 0 && report) {
          const bool rounding = std::llabs(diff) == 1 && n.unit != Unit::count;
          const std::string converted = n.table_unit == "元" && n.unit == Unit::wan ? fmt::format("（折合{}万元）", shown(*expected, d)) : std::string();
          c.add(rounding ? "narrative.amount-rounding" : "narrative.amount-differs",
                fmt::format("情况说明“{}”与{} {}{}{}不符（差 {}{}）{}", excerpt(sec, n), f.label, tv, tu, converted, shown(std::llabs(diff), d),
                            unit_name(n.unit), rounding ? "，尾数误差" : ""),
                n.where, {{"情况说明", n.text, n.where}, {f.label, tv + tu, f.where}, {"应为", shown(*expected, d) + unit_name(n.unit), {}}});
        }
      }
      // -- a share right after a matched amount: "…1,339.13万元，占58.05%"
      if (n.unit != Unit::percent || i == 0 || !starts_with(n.subject, "占") || util::code_points(n.subject) > 4) continue;
      const ProseNum& a = nums[i - 1];
      if (!a.matched || a.unit == Unit::count || a.sentence != n.sentence || a.share_base_table.is_blank()) continue;
      const std::int64_t part = a.matched->value.minor();
      const int d = n.decimals;
      const std::int64_t printed = n.value.minor() / pow10(2 - d);
      std::vector<std::pair<Amount, std::string>> bases{{a.share_base_table, a.share_base_label}};
      if (!a.alt_base_table.is_blank()) bases.emplace_back(a.alt_base_table, a.alt_base_label);
      bool ok = false, any = false, nearly = false;
      for (const auto& [b, label] : bases) {
        const auto exact = share(part, b.minor(), d);
        if (!exact) continue;
        any = true;
        // the share of the figures as the prose prints them (元 rounded to 万元) is as good
        const auto pp = in_prose_units(a.matched->value, a.table_unit, a.unit, 2);
        const auto bp = in_prose_units(b, a.table_unit, a.unit, 2);
        const auto rounded = pp && bp ? share(*pp, *bp, d) : std::nullopt;
        if (*exact == printed || (rounded && *rounded == printed)) ok = true;
        if (std::llabs(*exact - printed) <= 1 || (rounded && std::llabs(*rounded - printed) <= 1)) nearly = true;
      }
      if (!any) continue;
      const auto& [b, label] = bases.front();
      const std::int64_t computed = *share(part, b.minor(), d);
      matched.push_back(fmt::format("{} {} = {} ÷ {} = {}%", n.where.str(), n.text, a.matched->label, label, shown(computed, d)));
      if (ok || !report) continue;
      c.add(nearly ? "narrative.percent-rounding" : "narrative.share-differs",
            fmt::format("情况说明“{}”的比例与表中数字不符：{} {} ÷ {} {} = {}%{}", excerpt(sec, n), a.matched->label, a.matched->value.to_string(), label,
                        b.to_string(), shown(computed, d), nearly ? "，尾数误差" : ""),
            n.where,
            {{"情况说明", n.text, n.where},
             {a.matched->label, a.matched->value.to_string() + a.table_unit, a.matched->where},
             {label, b.to_string() + a.table_unit, {}},
             {"应为", shown(computed, d) + "%", {}}});
    }
    if (report) check_changes(c, sec, nums);
  }
  return matched;
}

}  // namespace

void check_narrative(Checker& c) { run(c, true); }

std::vector<std::string> narrative_matches(Checker& c) { return run(c, false); }

}  // namespace budgetxl::check
