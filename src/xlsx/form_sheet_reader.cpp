#include "xlsx/form_sheet_reader.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/form_layouts.hpp"
#include "finish/form_values.hpp"
#include "util/normalize.hpp"
#include "xlsx/schema.hpp"

namespace budgetxl::xlsx {

namespace {

using util::label_key;
using util::trim;

struct Pos {
  std::uint32_t row = 0, col = 0;
};

// The sheet as a grid of trimmed texts, merge-aware, with findings at sheet!cell. A text the writer
// continued down the rows (schema::kCellTextMax) is read whole at its first cell; the cells that
// held the rest read as empty.
class Grid {
 public:
  // The grid spans the stored cells; a merged range reaching beyond them holds nothing there (its
  // value is its first cell's), so it does not stretch the grid: the work grows with the cells
  // that exist. The merges are indexed by the rows they cover within the grid.
  Grid(const Sheet& sheet, Report& report) : s_(sheet), report_(report) {
    rows_ = sheet.max_row;
    cols_ = sheet.max_col;
    merges_by_row_.resize(rows_ + 1);
    for (const auto& m : sheet.merges)
      for (std::uint32_t r = m.first_row; r <= std::min(m.last_row, rows_); ++r) merges_by_row_[r].push_back(&m);
    join_continued_texts();
  }
  std::uint32_t rows() const { return rows_; }
  const Sheet& sheet() const { return s_; }
  std::uint32_t cols() const { return cols_; }
  const std::string& name() const { return s_.name; }

  // A cell hidden under a merged range (not its top-left cell).
  bool covered(std::uint32_t r, std::uint32_t c) const {
    const MergedRange* m = merge_at(r, c);
    return m && !(m->first_row == r && m->first_col == c);
  }
  // The cell's own text ("" when covered by a merge).
  std::string own(std::uint32_t r, std::uint32_t c) const {
    if (r == 0 || c == 0 || covered(r, c)) return "";
    return value(r, c);
  }
  // The text shown at the cell: the merged range's value when the cell lies in one.
  std::string shown(std::uint32_t r, std::uint32_t c) const {
    if (const MergedRange* m = merge_at(r, c)) return value(m->first_row, m->first_col);
    return value(r, c);
  }
  std::uint32_t last_col(std::uint32_t r, std::uint32_t c) const {
    const MergedRange* m = merge_at(r, c);
    return m ? m->last_col : c;
  }
  std::uint32_t last_row(std::uint32_t r, std::uint32_t c) const {
    const MergedRange* m = merge_at(r, c);
    return m ? m->last_row : r;
  }
  Origin at(Pos p) const { return Origin::at_cell(s_.name, p.row, p.col); }

  void finding(const char* rule, Severity sev, const std::string& message, Pos p) const {
    report_.findings.add(rule, sev, message, at(p));
  }

  // The first non-empty cell right of the label at p, up to the next label; nullopt when none.
  template <class IsLabel>
  std::optional<Pos> value_right(Pos p, IsLabel is_label) const {
    for (std::uint32_t c = last_col(p.row, p.col) + 1; c <= cols_; ++c) {
      if (covered(p.row, c)) continue;
      const std::string t = own(p.row, c);
      if (t.empty()) continue;
      if (is_label(t)) return std::nullopt;
      return Pos{p.row, c};
    }
    return std::nullopt;
  }

  // An amount cell: numbers as stored (rounded to hundredths), text read with a finding.
  Amount amount(std::optional<Pos> p, const char* what) const {
    if (!p) return Amount::blank();
    const CellValue* v = s_.at(p->row, p->col);
    if (!v) return Amount::blank();
    AmountParse parsed;
    if (v->type == CellValue::Type::number) {
      parsed = parse_amount_rounded(v->text);
    } else {
      const std::string t = trim(v->text);
      if (t.empty()) return Amount::blank();
      parsed = parse_amount(t);
      if (parsed.value)
        finding("xlsx.form-number-as-text", Severity::info, fmt::format("绩效目标表“{}”的金额“{}”是文本，已按数字读取", what, t),
                *p);
    }
    if (parsed.value) return *parsed.value;
    finding("xlsx.form-bad-amount", Severity::warning,
            fmt::format("绩效目标表“{}”的金额“{}”无法识别：{}", what, trim(v->text), parsed.error), *p);
    return Amount::blank();
  }

  std::string text_at(std::optional<Pos> p) const { return p ? own(p->row, p->col) : std::string(); }

  // The first cell (row-major, rows [from, to]) whose label matches.
  template <class Match>
  std::optional<Pos> find(Match match, std::uint32_t from = 1, std::uint32_t to = 0) const {
    if (to == 0 || to > rows_) to = rows_;
    for (std::uint32_t r = from; r <= to; ++r)
      for (std::uint32_t c = 1; c <= cols_; ++c) {
        const std::string t = own(r, c);
        if (!t.empty() && match(t)) return Pos{r, c};
      }
    return std::nullopt;
  }

  bool row_empty(std::uint32_t r) const {
    for (std::uint32_t c = 1; c <= cols_; ++c)
      if (!own(r, c).empty()) return false;
    return true;
  }

 private:
  using Key = std::pair<std::uint32_t, std::uint32_t>;  // (row, column)

  // The trimmed text at a cell that is not covered: the whole of a continued text at its first cell.
  std::string value(std::uint32_t r, std::uint32_t c) const {
    if (continuation_.count({r, c})) return "";
    if (auto it = joined_.find({r, c}); it != joined_.end()) return trim(it->second);
    return trim(s_.text(r, c));
  }

  // The first and last column and the last row of the cell at (r, c), its merged range if any.
  MergedRange extent(std::uint32_t r, std::uint32_t c) const {
    if (const MergedRange* m = merge_at(r, c)) return *m;
    return MergedRange{r, c, r, c};
  }

  // A full text cell (exactly schema::kCellTextMax code points) goes on in the cell right below its
  // range when that cell spans the same columns; the pieces are joined untrimmed.
  void join_continued_texts() {
    for (const SheetCell& cell : s_.cells) {
      if (cell.value.type != CellValue::Type::string || !schema::is_full_piece(cell.value.text) || covered(cell.row, cell.col) ||
          continuation_.count({cell.row, cell.col}))
        continue;
      std::string text = cell.value.text;
      MergedRange at = extent(cell.row, cell.col);
      std::string_view piece = cell.value.text;
      bool continued = false;
      while (schema::is_full_piece(piece) && at.last_row < rows_) {
        const std::uint32_t below = at.last_row + 1;
        const MergedRange next = extent(below, at.first_col);
        if (next.first_row != below || next.first_col != at.first_col || next.last_col != at.last_col) break;
        const CellValue* v = s_.at(below, at.first_col);
        if (v && v->type != CellValue::Type::string) break;
        piece = v ? std::string_view(v->text) : std::string_view();
        text += piece;
        continuation_.insert({below, at.first_col});
        at = next;
        continued = true;
      }
      if (continued) joined_.emplace(Key{cell.row, cell.col}, std::move(text));
    }
  }

  const MergedRange* merge_at(std::uint32_t r, std::uint32_t c) const {
    if (r >= merges_by_row_.size()) return nullptr;
    for (const MergedRange* m : merges_by_row_[r])
      if (m->contains(r, c)) return m;
    return nullptr;
  }

  const Sheet& s_;
  Report& report_;
  std::uint32_t rows_ = 0, cols_ = 0;
  std::vector<std::vector<const MergedRange*>> merges_by_row_;  // row -> the merges covering it
  std::map<Key, std::string> joined_;  // first cell of a continued text -> the whole text
  std::set<Key> continuation_;         // cells holding the rest of a continued text
};

bool key_is(const std::string& t, std::string_view label) { return label_key(t) == label_key(label); }

// Title and year line: the non-empty rows before the first row holding a field label.
template <class IsLabel>
void read_head(const Grid& g, Form& f, IsLabel is_label, bool with_year) {
  for (std::uint32_t r = 1; r <= g.rows(); ++r) {
    std::string first;
    bool label_row = false;
    for (std::uint32_t c = 1; c <= g.cols(); ++c) {
      const std::string t = g.own(r, c);
      if (t.empty()) continue;
      if (is_label(t)) label_row = true;
      if (first.empty()) first = t;
    }
    if (label_row) return;
    if (first.empty()) continue;
    if (f.title.empty()) {
      f.title = first;
      continue;
    }
    if (with_year && f.year_line.empty() && year_of_line(first) != 0) {
      f.year_line = first;
      f.year = year_of_line(first);
    }
  }
}

// "543001 承德市自然资源和规划局本级": six digits, blanks, the unit name (as the text reader splits it).
bool split_unit_line(const std::string& t, std::string& code, std::string& unit) {
  if (t.size() < 8) return false;
  for (std::size_t k = 0; k < 6; ++k)
    if (t[k] < '0' || t[k] > '9') return false;
  if (t[6] != ' ' && t[6] != '\t') return false;
  code = t.substr(0, 6);
  unit = trim(t.substr(6));
  return !unit.empty();
}

// Header columns of an indicator table in row r: every column whose text matches `name`.
std::vector<std::uint32_t> columns_named(const Grid& g, std::uint32_t r, std::string_view name) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t c = 1; c <= g.cols(); ++c)
    if (key_is(g.own(r, c), name)) out.push_back(c);
  return out;
}

std::uint32_t col_or_zero(const std::vector<std::uint32_t>& v, std::size_t i) { return i < v.size() ? v[i] : 0; }

// Column header k of a block of the form's template ("一级指标" …): the sheet writer wrote the same.
const std::string& block_column(const FormLayouts& L, FormKind kind, const char* block, std::size_t k) {
  static const std::string none;
  const FormBlock* b = L.grid(kind).block(block);
  return b && k < b->columns.size() ? b->columns[k] : none;
}

// Does row r hold something of an indicator row (its own cells, or the start of a merged 一级 cell)?
bool indicator_row(const Grid& g, std::uint32_t r, const std::vector<std::uint32_t>& cols) {
  for (std::uint32_t c : cols)
    if (c && !g.own(r, c).empty()) return true;
  return false;
}

// A text field from the cell right of its label at p; a second copy of the label is a finding.
void set_field(const Grid& g, std::optional<Pos> value, const FormLabel& label, Pos p, std::string& slot) {
  const std::string v = g.text_at(value);
  if (v.empty()) return;
  if (slot.empty()) slot = v;
  else g.finding("xlsx.form-repeated-field", Severity::warning, "绩效目标表字段“" + label.label + "”出现了不止一次", p);
}

// The two goals of a project form: the first row (up to `last`) below their headings (`heading`,
// row 0 when absent) with text under either; a finding naming `what` when neither heading is there.
void goal_texts(const Grid& g, const Pos (&heading)[2], std::uint32_t last, std::string& first, std::string& second,
                const char* what) {
  if (!heading[0].row && !heading[1].row) {
    g.finding("xlsx.form-missing-field", Severity::warning, fmt::format("绩效目标表没有“{}”栏", what), Pos{1, 1});
    return;
  }
  for (std::uint32_t r = std::max(heading[0].row, heading[1].row) + 1; r <= last; ++r) {
    const std::string a = heading[0].row ? g.own(r, heading[0].col) : "";
    const std::string b = heading[1].row ? g.own(r, heading[1].col) : "";
    if (a.empty() && b.empty()) continue;
    first = a;
    second = b;
    return;
  }
}

// The rows below header row h of a table of 一级, 二级, 三级 and 指标值 (columns cols[0..3], 0 when
// absent; the rest of `cols` only says which cells make a row): a merged 一级 cell, and with
// `merged_level2` a merged 二级 cell, holds for every row it covers.
void read_indicator_rows(const Grid& g, std::uint32_t h, const std::vector<std::uint32_t>& cols, const FormLayouts& L,
                         bool merged_level2, std::vector<Indicator>& out) {
  for (std::uint32_t r = h + 1; r <= g.rows(); ++r) {
    if (!indicator_row(g, r, cols)) continue;
    Indicator ind;
    ind.level1 = cols[0] ? g.shown(r, cols[0]) : "";
    ind.level2 = cols[1] ? (merged_level2 ? g.shown(r, cols[1]) : g.own(r, cols[1])) : "";
    ind.name = cols[2] ? g.own(r, cols[2]) : "";
    ind.value = cols[3] ? g.own(r, cols[3]) : "";
    ind.origin = g.at({r, cols[2] ? cols[2] : 1});
    L.classify(ind);
    out.push_back(std::move(ind));
  }
}

// ---- Shanxi project form ------------------------------------------------------------------------

void read_project(const Grid& g, Form& form, const FormLayouts& L) {
  ProjectForm& f = form.body.emplace<ProjectForm>();
  form.amount_unit = L.grid(FormKind::project).amount_unit;
  auto is_label = [&](const std::string& t) {
    return L.project_fields.match_exact(t) || L.project_footer.match_exact(t) || L.is_header_label(t) ||
           L.is_header_cell(t);
  };
  read_head(g, form, is_label, true);

  // The indicator header: a row with at least two of 一级指标 / 二级指标 / 三级指标 / 指标值.
  std::uint32_t header = 0;
  for (std::uint32_t r = 1; r <= g.rows() && !header; ++r) {
    int n = 0;
    for (std::uint32_t c = 1; c <= g.cols(); ++c)
      if (L.is_header_cell(g.own(r, c))) ++n;
    if (n >= 2) header = r;
  }
  const std::uint32_t fields_end = header ? header - 1 : g.rows();

  Pos goal_heading[2] = {};
  for (std::uint32_t r = 1; r <= fields_end; ++r) {
    int breakdown_seen[5] = {};
    for (std::uint32_t c = 1; c <= g.cols(); ++c) {
      const std::string t = g.own(r, c);
      if (t.empty()) continue;
      const FormLabel* label = L.project_fields.match_exact(t);
      if (!label) continue;
      const Pos p{r, c};
      const std::string& id = label->id;
      const auto value = g.value_right(p, is_label);
      auto set_text = [&](std::string& slot) { set_field(g, value, *label, p, slot); };
      if (id == "project_name") set_text(f.project_name);
      else if (id == "department") set_text(f.department);
      else if (id == "unit") set_text(f.unit);
      else if (id == "attribute") set_text(f.attribute);
      else if (id == "duration") set_text(f.duration);
      else if (id == "overview") set_text(f.overview);
      else if (id == "basis") set_text(f.basis);
      else if (id == "necessity") set_text(f.necessity);
      else if (id == "measures") set_text(f.measures);
      else if (id == "plan") set_text(f.plan);
      else if (id == "total") f.period_funds.total = g.amount(value, "实施期资金总额");
      else if (id == "annual_total") f.annual_funds.total = g.amount(value, "年度资金总额");
      else if (id == "goal_period_heading") goal_heading[0] = p;
      else if (id == "goal_annual_heading") goal_heading[1] = p;
      else {
        static const char* ids[] = {"central", "provincial", "local", "self_raised", "other"};
        static Amount Funding::*const slots[] = {&Funding::central, &Funding::provincial, &Funding::local,
                                                 &Funding::self_raised, &Funding::other};
        for (int k = 0; k < 5; ++k) {
          if (id != ids[k]) continue;
          const int half = breakdown_seen[k]++;
          if (half > 1) {
            g.finding("xlsx.form-unplaced-cell", Severity::warning, "资金来源“" + label->label + "”在同一行出现了两次以上", p);
            break;
          }
          Funding& funding = half == 0 ? f.period_funds : f.annual_funds;
          funding.*slots[k] = g.amount(value, label->label.c_str());
        }
      }
    }
  }

  // 总体目标: the texts under the 实施期目标 / 年度目标 headings.
  goal_texts(g, goal_heading, fields_end, f.goal_period, f.goal_annual, "实施期目标/年度目标");

  // The indicator table.
  std::uint32_t footer = 0;
  for (std::uint32_t r = header ? header + 1 : 1; r <= g.rows() && !footer; ++r)
    for (std::uint32_t c = 1; c <= g.cols(); ++c)
      if (L.project_footer.match_exact(g.own(r, c))) {
        footer = r;
        break;
      }
  if (header) {
    auto named = [&](std::size_t k) {
      return columns_named(g, header, block_column(L, FormKind::project, "indicator_pairs", k));
    };
    const auto l1 = named(0), l2 = named(1), l3 = named(2), val = named(3);
    const auto tag_p = columns_named(g, header, schema::kPeriodStandardLevelColumn);
    const auto tag_a = columns_named(g, header, schema::kAnnualStandardLevelColumn);
    const std::uint32_t c1 = col_or_zero(l1, 0);
    const std::vector<std::uint32_t> cols = {c1,
                                             col_or_zero(l2, 0),
                                             col_or_zero(l3, 0),
                                             col_or_zero(val, 0),
                                             col_or_zero(l2, 1),
                                             col_or_zero(l3, 1),
                                             col_or_zero(val, 1),
                                             col_or_zero(tag_p, 0),
                                             col_or_zero(tag_a, 0)};
    if (l3.empty() || val.empty())
      g.finding("xlsx.form-no-header", Severity::warning, "绩效指标表头缺少“三级指标”或“指标值”列", Pos{header, 1});
    const std::uint32_t end = footer ? footer - 1 : g.rows();
    for (std::uint32_t r = header + 1; r <= end; ++r) {
      if (!indicator_row(g, r, cols)) continue;
      IndicatorRow row;
      row.origin = g.at({r, cols[2] ? cols[2] : 1});
      const std::string level1 = c1 ? g.shown(r, c1) : "";
      auto half = [&](Indicator& ind, std::uint32_t c2, std::uint32_t c3, std::uint32_t cv) {
        ind.level1 = level1;
        ind.level2 = c2 ? g.own(r, c2) : "";
        ind.name = c3 ? g.own(r, c3) : "";
        ind.value = cv ? g.own(r, cv) : "";
        ind.origin = g.at({r, c3 ? c3 : 1});
        L.classify(ind);
      };
      half(row.period, cols[1], cols[2], cols[3]);
      half(row.annual, cols[4], cols[5], cols[6]);
      f.indicator_rows.push_back(std::move(row));
    }
  } else {
    g.finding("xlsx.form-no-header", Severity::warning, "绩效目标表没有绩效指标表头（一级指标、二级指标…）", Pos{1, 1});
  }

  if (footer) {
    f.has_footer = true;
    for (std::uint32_t c = 1; c <= g.cols(); ++c) {
      const FormLabel* label = L.project_footer.match_exact(g.own(footer, c));
      if (!label) continue;
      const std::string v = g.text_at(g.value_right(Pos{footer, c}, is_label));
      const std::string& id = label->id;
      std::string& slot = id == "responsible" ? f.responsible
                          : id == "handler"   ? f.handler
                          : id == "phone"     ? f.phone
                                              : f.filled_date;
      if (slot.empty()) slot = v;
    }
  }
  split_code_name(f.department, f.department_code, f.department_name);
}

// ---- Overall form -------------------------------------------------------------------------------

void read_overall(const Grid& g, Form& form, const FormLayouts& L) {
  OverallForm& f = form.body.emplace<OverallForm>();
  form.amount_unit = L.grid(FormKind::department_overall).amount_unit;
  auto column = [&](const char* block, std::size_t k) {
    return block_column(L, FormKind::department_overall, block, k);
  };
  // The amount columns of 年度预算情况 are found by their header up to the unit: "资金总额(万元)".
  std::string amount_key = label_key(column("budget_lines", 1));
  amount_key = amount_key.substr(0, amount_key.find('('));
  auto is_amount_header = [&](const std::string& t) {
    return !amount_key.empty() && util::starts_with(label_key(t), amount_key);
  };
  auto is_header = [&](const std::string& t) {
    return key_is(t, column("budget_lines", 0)) || key_is(t, column("budget_lines", 2)) || is_amount_header(t) ||
           key_is(t, column("key_tasks", 0)) || key_is(t, column("key_tasks", 1)) || L.is_header_cell(t) ||
           key_is(t, schema::kStandardLevelColumn);
  };
  auto is_label = [&](const std::string& t) { return L.overall_fields.match_exact(t) || is_header(t); };
  read_head(g, form, is_label, true);

  std::uint32_t budget_row = 0, tasks_row = 0, goal_row = 0, indicators_row = 0;
  for (std::uint32_t r = 1; r <= g.rows(); ++r)
    for (std::uint32_t c = 1; c <= g.cols(); ++c) {
      const std::string t = g.own(r, c);
      if (t.empty()) continue;
      const FormLabel* label = L.overall_fields.match_exact(t);
      if (!label) continue;
      const std::string& id = label->id;
      const Pos p{r, c};
      std::string* slot = id == "duties"     ? &f.duties
                          : id == "strategy" ? &f.strategy
                          : id == "goal"     ? &f.goal
                                             : overall_info_field(f, id);
      if (slot) {
        if (slot->empty()) *slot = g.text_at(g.value_right(p, is_label));
        if (id == "goal" && !goal_row) goal_row = r;
      }
      if (id == "budget" && !budget_row) budget_row = r;
      if (id == "key_tasks" && !tasks_row) tasks_row = r;
      if (id == "indicators" && !indicators_row) indicators_row = r;
    }

  // A header row (at or after `from`) holding `name`, and the section's end.
  auto header_row = [&](const std::string& name, std::uint32_t from) -> std::uint32_t {
    for (std::uint32_t r = std::max<std::uint32_t>(from, 1); r <= g.rows(); ++r)
      for (std::uint32_t c = 1; c <= g.cols(); ++c)
        if (key_is(g.own(r, c), name)) return r;
    return 0;
  };
  auto section_end = [&](std::uint32_t r) {
    std::uint32_t end = g.rows();
    for (std::uint32_t s : {budget_row, tasks_row, goal_row, indicators_row})
      if (s > r && s - 1 < end) end = s - 1;
    return end;
  };

  // 年度预算情况: (label, amount) under 按资金来源划分 and 按资金方向划分.
  if (const std::uint32_t h = header_row(column("budget_lines", 0), budget_row)) {
    auto amount_col = [&](std::uint32_t from) -> std::uint32_t {
      for (std::uint32_t c = from + 1; c <= g.cols(); ++c)
        if (is_amount_header(g.own(h, c))) return c;
      return 0;
    };
    const auto src = columns_named(g, h, column("budget_lines", 0));
    const auto dir = columns_named(g, h, column("budget_lines", 2));
    struct Side {
      std::uint32_t label = 0, amount = 0;
      std::vector<BudgetLine>* out;
    } sides[2] = {{col_or_zero(src, 0), 0, &f.budget_by_source}, {col_or_zero(dir, 0), 0, &f.budget_by_direction}};
    for (auto& s : sides)
      if (s.label) s.amount = amount_col(s.label);
    const std::uint32_t end = section_end(h);
    for (std::uint32_t r = h + 1; r <= end; ++r)
      for (auto& s : sides) {
        if (!s.label) continue;
        BudgetLine b;
        b.label = g.own(r, s.label);
        const std::optional<Pos> at = s.amount ? std::optional<Pos>(Pos{r, s.amount}) : std::nullopt;
        b.amount = g.amount(at, "年度预算情况");
        if (b.label.empty() && b.amount.is_blank()) continue;
        b.origin = g.at({r, s.label});
        s.out->push_back(std::move(b));
      }
  } else if (budget_row) {
    g.finding("xlsx.form-no-header", Severity::warning, "年度预算情况缺少“" + column("budget_lines", 0) + "”表头",
              Pos{budget_row, 1});
  }

  // 年度重点任务: 核心职能 and 重点任务.
  if (const std::uint32_t h = header_row(column("key_tasks", 0), tasks_row)) {
    const std::uint32_t cf = col_or_zero(columns_named(g, h, column("key_tasks", 0)), 0);
    const std::uint32_t ct = col_or_zero(columns_named(g, h, column("key_tasks", 1)), 0);
    const std::uint32_t end = section_end(h);
    for (std::uint32_t r = h + 1; r <= end; ++r) {
      KeyTask t;
      t.function = cf ? g.own(r, cf) : "";
      t.task = ct ? g.own(r, ct) : "";
      if (t.function.empty() && t.task.empty()) continue;
      t.origin = g.at({r, cf ? cf : 1});
      f.key_tasks.push_back(std::move(t));
    }
  }

  // 年度绩效指标.
  if (const std::uint32_t h = header_row(column("indicators", 0), indicators_row)) {
    auto named = [&](std::size_t k) { return col_or_zero(columns_named(g, h, column("indicators", k)), 0); };
    const std::uint32_t c1 = named(0);
    const std::vector<std::uint32_t> cols = {c1, named(1), named(2), named(3),
                                             col_or_zero(columns_named(g, h, schema::kStandardLevelColumn), 0)};
    read_indicator_rows(g, h, cols, L, false, f.indicators);
  }
  split_code_name(f.department, f.department_code, f.department_name);
}

// ---- Hebei project form -------------------------------------------------------------------------

void read_hebei(const Grid& g, Form& form, const FormLayouts& L) {
  HebeiForm& f = form.body.emplace<HebeiForm>();
  form.amount_unit = L.grid(FormKind::project_hebei).amount_unit;
  auto is_label = [&](const std::string& t) {
    return L.hebei_fields.match_exact(t) || L.is_header_cell(t) || key_is(t, schema::kStandardLevelColumn);
  };
  // Title, then the unit line ("543001 承德市自然资源和规划局本级") and 单位：万元.
  for (std::uint32_t r = 1; r <= g.rows(); ++r) {
    bool label_row = false;
    std::vector<std::string> texts;
    for (std::uint32_t c = 1; c <= g.cols(); ++c) {
      const std::string t = g.own(r, c);
      if (t.empty()) continue;
      const FormLabel* l = L.hebei_fields.match_exact(t);
      if (l && l->id == "amount_unit") continue;
      if (l) label_row = true;
      texts.push_back(t);
    }
    if (label_row) break;
    for (const auto& t : texts) {
      std::string code, unit;
      if (form.title.empty()) form.title = t;
      else if (f.unit_code.empty() && split_unit_line(t, code, unit)) {
        f.unit_code = code;
        f.unit = unit;
      } else {
        g.finding("xlsx.form-unplaced-cell", Severity::warning, "项目绩效目标表表头多出的内容：“" + t + "”", Pos{r, 1});
      }
    }
  }

  std::uint32_t funds_row = 0, plan_row = 0, goal_row = 0, header = 0;
  Pos plan_label;
  for (std::uint32_t r = 1; r <= g.rows(); ++r) {
    int header_cells = 0;
    for (std::uint32_t c = 1; c <= g.cols(); ++c) {
      const std::string t = g.own(r, c);
      if (t.empty()) continue;
      if (L.is_header_cell(t)) ++header_cells;
      const FormLabel* label = L.hebei_fields.match_exact(t);
      if (!label || header) continue;
      const Pos p{r, c};
      const std::string& id = label->id;
      const auto value = g.value_right(p, is_label);
      if (id == "project_code" && f.project_code.empty()) f.project_code = g.text_at(value);
      else if (id == "project_name" && f.project_name.empty()) f.project_name = g.text_at(value);
      else if (id == "budget") f.budget = g.amount(value, "预算数");
      else if (id == "fiscal_funds") f.fiscal_funds = g.amount(value, "财政资金");
      else if (id == "other_funds") f.other_funds = g.amount(value, "其他资金");
      else if (id == "funds" && !funds_row) funds_row = r;
      else if (id == "spending_plan" && !plan_row) {
        plan_row = r;
        plan_label = p;
      } else if (id == "goal" && !goal_row) {
        goal_row = r;
        f.goal = g.text_at(value);
      }
    }
    if (!header && header_cells >= 3) header = r;
  }

  // 资金用途: the text below the money row, before the spending plan.
  if (funds_row) {
    const std::uint32_t end = plan_row ? plan_row - 1 : goal_row ? goal_row - 1 : header ? header - 1 : g.rows();
    std::uint32_t money_row = 0;
    for (std::uint32_t r = funds_row; r <= end && !money_row; ++r)
      for (std::uint32_t c = 1; c <= g.cols(); ++c) {
        const FormLabel* l = L.hebei_fields.match_exact(g.own(r, c));
        if (l && l->id == "budget") money_row = r;
      }
    for (std::uint32_t r = (money_row ? money_row : funds_row) + 1; r <= end; ++r)
      for (std::uint32_t c = 1; c <= g.cols(); ++c) {
        const std::string t = g.own(r, c);
        if (t.empty() || is_label(t)) continue;
        f.fund_use += (f.fund_use.empty() ? "" : " ") + t;
      }
  }

  // 资金支出计划: month-end labels right of the label, values below them.
  if (plan_row) {
    const std::uint32_t end = goal_row ? goal_row - 1 : header ? header - 1 : g.rows();
    std::uint32_t values_row = 0;
    for (std::uint32_t r = plan_row + 1; r <= end && !values_row; ++r)
      if (!g.row_empty(r)) values_row = r;
    for (std::uint32_t c = g.last_col(plan_row, plan_label.col) + 1; c <= g.cols(); ++c) {
      const std::string label = g.own(plan_row, c);
      const std::string value = values_row ? g.own(values_row, c) : "";
      if (label.empty()) {
        if (!value.empty())
          g.finding("xlsx.form-unplaced-cell", Severity::warning, "资金支出计划中没有月份的数值：“" + value + "”",
                    Pos{values_row, c});
        continue;
      }
      SpendingStep s;
      s.label = label;
      s.value = value;
      s.origin = g.at({plan_row, c});
      f.spending_plan.push_back(std::move(s));
    }
  }

  if (header) {
    auto named = [&](std::size_t k) {
      return col_or_zero(columns_named(g, header, block_column(L, FormKind::project_hebei, "indicators", k)), 0);
    };
    const std::uint32_t c1 = named(0);
    const std::vector<std::uint32_t> cols = {c1, named(1), named(2), named(3), named(4), named(5),
                                             col_or_zero(columns_named(g, header, schema::kStandardLevelColumn), 0)};
    for (std::uint32_t r = header + 1; r <= g.rows(); ++r) {
      if (!indicator_row(g, r, cols)) continue;
      Indicator ind;
      auto at = [&](std::size_t k) { return cols[k] ? g.own(r, cols[k]) : std::string(); };
      ind.level1 = c1 ? g.shown(r, c1) : "";
      ind.level2 = at(1);
      ind.name = at(2);
      ind.description = at(3);
      ind.value = at(4);
      ind.basis = at(5);
      ind.origin = g.at({r, cols[2] ? cols[2] : 1});
      L.classify(ind);
      f.indicators.push_back(std::move(ind));
    }
  } else {
    g.finding("xlsx.form-no-header", Severity::warning, "项目绩效目标表没有绩效指标表头", Pos{1, 1});
  }
}

// ---- Shanghai project form ----------------------------------------------------------------------

void read_shanghai(const Grid& g, Form& form, const FormLayouts& L) {
  ShanghaiProjectForm& f = form.body.emplace<ShanghaiProjectForm>();
  form.amount_unit = L.grid(FormKind::project_shanghai).amount_unit;
  auto column = [&](std::size_t k) { return block_column(L, FormKind::project_shanghai, "indicator_table", k); };
  auto is_column = [&](const std::string& t) {
    for (std::size_t k = 0; k < 4; ++k)
      if (key_is(t, column(k))) return true;
    return key_is(t, schema::kStandardLevelColumn);
  };
  auto is_label = [&](const std::string& t) { return L.shanghai_fields.match_exact(t) || is_column(t); };
  read_head(g, form, is_label, true);

  // The indicator header: a row with two or more of the table's column headers.
  std::uint32_t header = 0;
  for (std::uint32_t r = 1; r <= g.rows() && !header; ++r) {
    int n = 0;
    for (std::uint32_t c = 1; c <= g.cols(); ++c)
      if (is_column(g.own(r, c))) ++n;
    if (n >= 2) header = r;
  }
  const std::uint32_t fields_end = header ? header - 1 : g.rows();

  std::uint32_t annual_col = 0;  // 年度资金申请总额: the year's half starts at its column
  Pos goal_heading[2] = {};
  for (std::uint32_t r = 1; r <= fields_end; ++r)
    for (std::uint32_t c = 1; c <= g.cols(); ++c) {
      const FormLabel* label = L.shanghai_fields.match_exact(g.own(r, c));
      if (!label) continue;
      const Pos p{r, c};
      const std::string& id = label->id;
      const auto value = g.value_right(p, is_label);
      if (id == "annual_total") annual_col = c;
      if (Amount* amount = shanghai_amount_field(f, id, annual_col && c >= annual_col))
        *amount = g.amount(value, label->label.c_str());
      else if (std::string* text = shanghai_text_field(f, id)) set_field(g, value, *label, p, *text);
      else if (id == "goal_total_heading") goal_heading[0] = p;
      else if (id == "goal_annual_heading") goal_heading[1] = p;
    }

  // 项目总目标 / 年度总体目标: the texts under their headings.
  goal_texts(g, goal_heading, fields_end, f.goal_total, f.goal_annual, "项目总目标/年度总体目标");

  if (!header) {
    g.finding("xlsx.form-no-header", Severity::warning, "绩效目标表没有绩效指标表头（一级指标、二级指标…）", Pos{1, 1});
    return;
  }
  const auto col = [&](std::size_t k) { return col_or_zero(columns_named(g, header, column(k)), 0); };
  const std::vector<std::uint32_t> cols = {col(0), col(1), col(2), col(3),
                                           col_or_zero(columns_named(g, header, schema::kStandardLevelColumn), 0)};
  read_indicator_rows(g, header, cols, L, true, f.indicators);
}

// ---- Department text ----------------------------------------------------------------------------

void read_department_text(const Grid& g, Form& form, const FormLayouts& L) {
  DepartmentText& f = form.body.emplace<DepartmentText>();
  form.amount_unit = L.grid(FormKind::department_text).amount_unit;
  auto is_section = [&](const std::string& t) { return L.department_text_sections.match_exact(t) != nullptr; };
  read_head(g, form, is_section, false);
  std::string section;
  std::uint32_t label_col = 0;
  for (std::uint32_t r = 1; r <= g.rows(); ++r) {
    std::vector<std::pair<std::string, std::uint32_t>> content;
    for (std::uint32_t c = 1; c <= g.cols(); ++c) {
      const std::string t = g.own(r, c);
      if (t.empty()) continue;
      if (const FormLabel* s = L.department_text_sections.match_exact(t)) {
        section = s->id;
        label_col = c;
        continue;
      }
      if (c > label_col && label_col) content.emplace_back(t, c);
    }
    if (section.empty() || content.empty()) continue;
    const Pos p{r, content.front().second};
    if (section == "overall_goal") {
      for (const auto& [t, c] : content) f.overall_goal += (f.overall_goal.empty() ? "" : "\n") + t;
    } else if (section == "safeguards") {
      for (const auto& [t, c] : content) f.safeguards.push_back(t);
    } else {
      const std::string k = label_key(content.front().first);
      const bool goal = k == "绩效目标", indicators = k == "绩效指标";
      if (goal || indicators) {
        if (f.sub_goals.empty()) {
          g.finding("xlsx.form-unplaced-cell", Severity::warning, "分项绩效目标之前没有标题", p);
          f.sub_goals.emplace_back();
        }
        std::string v;
        for (std::size_t k2 = 1; k2 < content.size(); ++k2) v += (v.empty() ? "" : "\n") + content[k2].first;
        (goal ? f.sub_goals.back().goal : f.sub_goals.back().indicators) = v;
      } else {
        SubGoal s;
        s.heading = content.front().first;
        s.origin = g.at(p);
        f.sub_goals.push_back(std::move(s));
      }
    }
  }
}

}  // namespace

namespace {

enum class SheetFormKind { none, shanghai, department_text, overall, hebei, project };

// Which kind of form the grid's labels say.
SheetFormKind form_kind_of(const Grid& g, const FormLayouts& L) {
  auto has = [&](const FormLabelSet& set, const char* id) {
    return g.find([&](const std::string& t) {
             const FormLabel* l = set.match_exact(t);
             return l && l->id == id;
           }).has_value();
  };
  if (has(L.shanghai_fields, "start_date") || has(L.shanghai_fields, "appropriation")) return SheetFormKind::shanghai;
  if (has(L.department_text_sections, "overall_goal") && has(L.department_text_sections, "sub_goals"))
    return SheetFormKind::department_text;
  if (has(L.overall_fields, "basic") || has(L.overall_fields, "budget")) return SheetFormKind::overall;
  if (has(L.hebei_fields, "funds") || has(L.hebei_fields, "spending_plan")) return SheetFormKind::hebei;
  if (has(L.project_fields, "total") || has(L.project_fields, "project_name")) return SheetFormKind::project;
  return SheetFormKind::none;
}

}  // namespace

bool is_form_sheet(const Sheet& sheet, const FormLayouts& L) {
  bool titled = false;
  for (const SheetCell& c : sheet.cells) {
    if (c.row > 5) break;
    if (c.value.type != CellValue::Type::string) continue;
    const std::string key = label_key(c.value.text);
    if (key.find("绩效目标") == std::string::npos) continue;
    // A list of forms ("绩效目标汇总", "…一览表") is no form.
    if (key.find("汇总") != std::string::npos || key.find("一览") != std::string::npos) return false;
    titled = true;
  }
  if (!titled) return false;
  Report scratch;  // the grid's findings are the reader's to give
  return form_kind_of(Grid(sheet, scratch), L) != SheetFormKind::none;
}

void read_form_sheet(const Sheet& sheet, const FormLayouts& L, Report& report) {
  const Grid g(sheet, report);
  Form f;
  f.origin = Origin::at_cell(sheet.name, 1, 1);
  const SheetFormKind kind = form_kind_of(g, L);
  if (kind == SheetFormKind::shanghai) {
    read_shanghai(g, f, L);
  } else if (kind == SheetFormKind::department_text) {
    read_department_text(g, f, L);
  } else if (kind == SheetFormKind::overall) {
    read_overall(g, f, L);
  } else if (kind == SheetFormKind::hebei) {
    read_hebei(g, f, L);
  } else if (kind == SheetFormKind::project) {
    read_project(g, f, L);
  } else {
    report.findings.add("xlsx.form-unknown", Severity::warning,
                        fmt::format("工作表“{}”看不出是哪一种绩效目标表，未读取", sheet.name), Origin::at_cell(sheet.name, 1, 1));
    return;
  }
  report.forms.push_back(std::move(f));
}

}  // namespace budgetxl::xlsx
