// The performance target forms as worksheets: a summary sheet 绩效目标汇总 linking to one sheet per
// form, each laid out like the official form (label/value grid with merged cells; the Shanxi
// indicator table with its 实施期 and 年度 halves side by side). Every field value stands right of
// (or below) its label cell, so a workbook reader can find it by the label.
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

#include "budgetxl/form_fields.hpp"
#include "budgetxl/form_layout.hpp"
#include "finish/form_links.hpp"
#include "util/normalize.hpp"
#include "xlsx/schema.hpp"
#include "xlsx/styles.hpp"

namespace budgetxl::xlsx::detail {

namespace {

// The cell formats of the form sheets.
constexpr Style kTitle{.bold = true, .align = Align::center, .size = kTitleFontSize};
constexpr Style kPlain{};
constexpr Style kLabel{.bold = true, .border = true, .wrap = true, .align = Align::center};
constexpr Style kHeader{.bold = true, .border = true, .wrap = true, .align = Align::center, .fill = kHeaderFill};
constexpr Style kText{.border = true, .wrap = true};
constexpr Style kCenter{.border = true, .wrap = true, .align = Align::center};
constexpr Style kLink{.border = true, .link = true};
// Amounts: 元 as whole numbers (#,##0), 万元 with two decimals (#,##0.00), right-aligned.
constexpr Style kYuan{.border = true, .number = NumberFormat::whole_amount, .align = Align::right};
constexpr Style kWan{.border = true, .number = NumberFormat::amount, .align = Align::right};

// A4 landscape, one page wide, centred like the official forms: the two halves of the indicator
// table stay on one printed page.
constexpr PageSetup kFormPage{.centered = true};

// Sheet rows a text takes in a form sheet: one per piece of schema::kCellTextMax code points, and
// an empty last piece when the text divides evenly, so that only a continued cell is full.
std::uint32_t rows_for(std::string_view s) {
  return static_cast<std::uint32_t>(code_points(s) / schema::kCellTextMax + 1);
}

// The rows a row of the form takes: as many as its longest text needs.
std::uint32_t rows_for(std::initializer_list<std::string_view> texts) {
  std::uint32_t rows = 1;
  for (std::string_view t : texts) rows = std::max(rows, rows_for(t));
  return rows;
}

// A form sheet: the checked sheet writer with what the form layouts need on top. A row of the form
// is usually one sheet row; it takes more when a text in it is longer than a cell holds: that text
// goes down the rows in pieces, in the same columns, and every other cell of the row is merged down
// over them (see schema::kCellTextMax; the form sheet reader joins the pieces again).
//
// The columns budgetxl adds to the official form (the standard level of each indicator) are not
// printed: their cells are kept aside (added()) until finish() writes them right of the form's own
// columns, hidden, and sets the print area to the form's own columns. A reader finds them by their
// header, hidden or not.
class FormSheet {
 public:
  explicit FormSheet(SheetWriter& out) : out_(out) {}
  SheetWriter& out() { return out_; }

  // Writes `s` into columns [c1, c2] of the `rows` sheet rows from r on (rows_for(s) when 0): one
  // piece per row, the last piece's cell merged down to the last row. Returns the rows taken.
  std::uint32_t text(std::uint32_t r, std::uint16_t c1, std::uint16_t c2, const std::string& s, const Style& style,
                     std::uint32_t rows = 0) {
    const std::vector<std::string> parts = cell_pieces(s);
    if (rows == 0) rows = static_cast<std::uint32_t>(parts.size());
    if (parts.size() > rows) throw OutputError(out_.where(r, c1) + "：文字超出了为它留出的行");
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const std::uint32_t top = r + static_cast<std::uint32_t>(k);
      const std::uint32_t bottom = k + 1 == parts.size() ? r + rows - 1 : top;
      out_.merge(top, c1, bottom, c2, parts[k], style);
    }
    note_columns(c2);
    return rows;
  }
  // The cell of added column k (0 = the first right of the form) in the `rows` sheet rows from r on.
  void added(std::uint32_t r, std::uint16_t k, std::string s, const Style& style, std::uint32_t rows = 0) {
    added_.push_back({r, k, std::move(s), style, rows});
  }
  // Writes the added columns right of the form's own and hides them; gives every column its width
  // (`widths` from the template, by column; an added column without one keeps Excel's default);
  // prints the form's own columns of the first `rows` rows only.
  void finish(std::uint32_t rows, const std::vector<double>& widths) {
    const std::uint16_t first = columns_;
    std::size_t end = std::max<std::size_t>(widths.size(), first);
    for (const Added& a : added_) {
      const auto c = static_cast<std::uint16_t>(first + a.k);
      text(a.r, c, c, a.text, a.style, a.rows);
      end = std::max<std::size_t>(end, c + 1u);
    }
    for (std::size_t c = 0; c < end; ++c) {
      const bool hidden = c >= first;
      if (c < widths.size() || hidden)
        out_.column_width(static_cast<std::uint16_t>(c), c < widths.size() ? widths[c] : LXW_DEF_COL_WIDTH, hidden);
    }
    if (rows > 0 && first > 0) out_.print_area(0, 0, rows - 1, static_cast<std::uint16_t>(first - 1));
  }
  // A numeric amount over `rows` sheet rows; blank stays blank. `wan` chooses #,##0.00 (万元) over
  // #,##0 (元).
  void amount(std::uint32_t r, std::uint16_t c, const Amount& a, bool wan, std::uint32_t rows = 1) {
    const Style& style = wan ? kWan : kYuan;
    number_cell(r, c, rows, a.is_blank() ? std::nullopt : std::optional<double>(a.to_double()), style);
  }
  // A number (nullopt: blank) in column c of the `rows` sheet rows from r on.
  void number_cell(std::uint32_t r, std::uint16_t c, std::uint32_t rows, std::optional<double> value,
                   const Style& style) {
    note_columns(c);
    if (rows > 1) out_.merge(r, c, r + rows - 1, c, "", style);
    if (value) out_.number(r, c, *value, style);
    else out_.blank(r, c, style);
  }
  void width(std::uint16_t c, double w) { out_.column_width(c, w); }
  // Each sheet row from r on tall enough for its piece of `s` wrapped in a merged cell about `chars`
  // characters wide.
  void fit(std::uint32_t r, const std::string& s, double chars) { fit(r, std::vector<std::string>{s}, chars); }
  void fit(std::uint32_t r, const std::string& a, const std::string& b, double chars) { fit(r, {a, b}, chars); }
  // The same for texts side by side: each row fits the longest of their pieces in it.
  void fit(std::uint32_t r, const std::vector<std::string>& texts, double chars) {
    std::vector<std::vector<std::string>> pieces;
    std::size_t rows = 0;
    for (const std::string& t : texts) {
      pieces.push_back(cell_pieces(t));
      rows = std::max(rows, pieces.back().size());
    }
    for (std::size_t k = 0; k < rows; ++k) {
      const std::string* longest = nullptr;
      for (const auto& p : pieces)
        if (k < p.size() && (!longest || p[k].size() >= longest->size())) longest = &p[k];
      fit_row(r + static_cast<std::uint32_t>(k), longest ? *longest : std::string(), chars);
    }
  }

 private:
  void fit_row(std::uint32_t r, const std::string& s, double chars) {
    const double n = static_cast<double>(util::display_width(s)) / 2.0;
    const double lines = std::max(1.0, std::min(400.0, n / std::max(chars, 1.0) + 1.0));
    if (lines > 1.0) out_.row_height(r, std::min(409.0, kLineHeight * lines));
  }
  void note_columns(std::uint16_t last) { columns_ = std::max<std::uint16_t>(columns_, static_cast<std::uint16_t>(last + 1)); }

  struct Added {
    std::uint32_t r;
    std::uint16_t k;
    std::string text;
    Style style;
    std::uint32_t rows;
  };
  SheetWriter& out_;
  std::uint16_t columns_ = 0;  // the form's own columns: one past the rightmost written
  std::vector<Added> added_;
};

std::string level_tag(const Indicator& i) {
  std::string s = indicator_class_title(i.standard_class);
  const char* t = indicator_type_title(i.standard_type);
  if (*t) s += std::string(s.empty() ? "" : "-") + t;
  return s;
}

// Where each row of a table of the form starts, rows[k] sheet rows each, from `first` on; the last
// element is the row after the table.
std::vector<std::uint32_t> starts(std::uint32_t first, const std::vector<std::uint32_t>& rows) {
  std::vector<std::uint32_t> at{first};
  for (std::uint32_t n : rows) at.push_back(at.back() + n);
  return at;
}

// The 一级 column of an indicator table: a run of rows with the same value is one merged cell, as
// on the printed form; a value longer than a cell holds is written in its own row instead.
void merge_runs(FormSheet& sh, const std::vector<std::uint32_t>& at, std::uint16_t col,
                const std::vector<std::string>& values, const Style& style) {
  std::size_t k = 0;
  while (k < values.size()) {
    std::size_t e = k;
    if (rows_for(values[k]) == 1)
      while (e + 1 < values.size() && !values[k].empty() && values[e + 1] == values[k]) ++e;
    sh.text(at[k], col, col, values[k], style, at[e + 1] - at[k]);
    k = e + 1;
  }
}

// ---- Blocks: the repeated parts of the forms, each with its heading and columns from the template ----

// Writes block `b` of `form` from sheet row r on; returns the row after it.
using BlockWriter = std::uint32_t (*)(FormSheet&, std::uint32_t r, const Form&, const FormBlock&, const FormLayouts&);

const std::string& column(const FormBlock& b, std::size_t k) {
  static const std::string none;
  return k < b.columns.size() ? b.columns[k] : none;
}

// 绩效指标 | 一级 | 二级 三级 指标值 (实施期) | 二级 三级 指标值 (年度) | standard levels.
std::uint32_t indicator_pairs(FormSheet& sh, std::uint32_t r, const Form& form, const FormBlock& b, const FormLayouts&) {
  const ProjectForm& f = form.as<ProjectForm>();
  const std::uint32_t header = r;
  for (std::uint16_t c = 1; c <= 7; ++c) sh.text(header, c, c, column(b, c - 1u), kHeader);
  sh.added(header, 0, schema::kPeriodStandardLevelColumn, kHeader);
  sh.added(header, 1, schema::kAnnualStandardLevelColumn, kHeader);
  std::vector<std::string> level1;
  std::vector<std::uint32_t> heights;
  for (const auto& row : f.indicator_rows) {
    level1.push_back(row.period.level1);
    heights.push_back(rows_for({row.period.level1, row.period.level2, row.period.name, row.period.value,
                                row.annual.level2, row.annual.name, row.annual.value}));
  }
  const std::vector<std::uint32_t> at = starts(header + 1, heights);
  sh.text(header, 0, 0, b.heading, kLabel, at.back() - header);
  merge_runs(sh, at, 1, level1, kCenter);
  for (std::size_t k = 0; k < f.indicator_rows.size(); ++k) {
    const IndicatorRow& ir = f.indicator_rows[k];
    const std::uint32_t row = at[k], h = heights[k];
    sh.text(row, 2, 2, ir.period.level2, kCenter, h);
    sh.text(row, 3, 3, ir.period.name, kText, h);
    sh.text(row, 4, 4, ir.period.value, kCenter, h);
    sh.text(row, 5, 5, ir.annual.level2, kCenter, h);
    sh.text(row, 6, 6, ir.annual.name, kText, h);
    sh.text(row, 7, 7, ir.annual.value, kCenter, h);
    sh.added(row, 0, level_tag(ir.period), kCenter, h);
    sh.added(row, 1, level_tag(ir.annual), kCenter, h);
  }
  return at.back();
}

// 年度预算情况: (label, amount) by source on the left, by direction on the right.
std::uint32_t budget_lines(FormSheet& sh, std::uint32_t r, const Form& form, const FormBlock& b, const FormLayouts&) {
  const OverallForm& f = form.as<OverallForm>();
  const BudgetLine none;
  auto line = [&](const std::vector<BudgetLine>& lines, std::size_t k) -> const BudgetLine& {
    return k < lines.size() ? lines[k] : none;
  };
  std::vector<std::uint32_t> heights;
  for (std::size_t k = 0; k < std::max(f.budget_by_source.size(), f.budget_by_direction.size()); ++k)
    heights.push_back(rows_for({line(f.budget_by_source, k).label, line(f.budget_by_direction, k).label}));
  const std::vector<std::uint32_t> at = starts(r + 1, heights);
  sh.text(r, 0, 0, b.heading, kLabel, at.back() - r);
  for (std::uint16_t c = 1; c <= 4; ++c) sh.text(r, c, c, column(b, c - 1u), kHeader);
  const bool wan = form.amount_unit == "万元";
  for (std::size_t k = 0; k < heights.size(); ++k) {
    const BudgetLine& s = line(f.budget_by_source, k);
    const BudgetLine& d = line(f.budget_by_direction, k);
    sh.text(at[k], 1, 1, s.label, kText, heights[k]);
    sh.amount(at[k], 2, s.amount, wan, heights[k]);
    sh.text(at[k], 3, 3, d.label, kText, heights[k]);
    sh.amount(at[k], 4, d.amount, wan, heights[k]);
  }
  return at.back();
}

// 年度重点任务: 核心职能 → 重点任务.
std::uint32_t key_tasks(FormSheet& sh, std::uint32_t r, const Form& form, const FormBlock& b, const FormLayouts&) {
  const OverallForm& f = form.as<OverallForm>();
  std::vector<std::uint32_t> heights;
  for (const KeyTask& t : f.key_tasks) heights.push_back(rows_for({t.function, t.task}));
  const std::vector<std::uint32_t> at = starts(r + 1, heights);
  sh.text(r, 0, 0, b.heading, kLabel, at.back() - r);
  sh.text(r, 1, 3, column(b, 0), kHeader);
  sh.text(r, 4, 7, column(b, 1), kHeader);
  for (std::size_t k = 0; k < f.key_tasks.size(); ++k) {
    const KeyTask& t = f.key_tasks[k];
    sh.text(at[k], 1, 3, t.function, kText, heights[k]);
    sh.text(at[k], 4, 7, t.task, kText, heights[k]);
    sh.fit(at[k], t.function, t.task, 40);
  }
  return at.back();
}

// One indicator table: the overall form's (heading left, 一级 二级 三级 指标值) or the Hebei form's
// (no heading; 一级 二级 三级 绩效指标描述 指标值 指标值确定依据); the standard level after them.
std::uint32_t indicators(FormSheet& sh, std::uint32_t r, const Form& form, const FormBlock& b, const FormLayouts&) {
  const std::vector<Indicator>& list = *form.indicator_list();
  const bool described = form.kind() == FormKind::project_hebei;
  const std::uint16_t first = b.heading.empty() ? 0 : 1;
  const std::size_t n = described ? 6 : 4;
  std::vector<std::string> level1;
  std::vector<std::uint32_t> heights;
  for (const auto& i : list) {
    level1.push_back(i.level1);
    heights.push_back(described ? rows_for({i.level1, i.level2, i.name, i.description, i.value, i.basis})
                                : rows_for({i.level1, i.level2, i.name, i.value}));
  }
  const std::vector<std::uint32_t> at = starts(r + 1, heights);
  if (!b.heading.empty()) sh.text(r, 0, 0, b.heading, kLabel, at.back() - r);
  for (std::size_t k = 0; k < n; ++k) {
    const auto c = static_cast<std::uint16_t>(first + k);
    sh.text(r, c, c, column(b, k), kHeader);
  }
  sh.added(r, 0, schema::kStandardLevelColumn, kHeader);
  merge_runs(sh, at, first, level1, kCenter);
  for (std::size_t k = 0; k < list.size(); ++k) {
    const Indicator& i = list[k];
    const std::uint32_t h = heights[k];
    const std::vector<std::pair<const std::string*, const Style*>> cells =
        described ? std::vector<std::pair<const std::string*, const Style*>>{{&i.level2, &kCenter},
                                                                             {&i.name, &kText},
                                                                             {&i.description, &kText},
                                                                             {&i.value, &kCenter},
                                                                             {&i.basis, &kText}}
                  : std::vector<std::pair<const std::string*, const Style*>>{
                        {&i.level2, &kCenter}, {&i.name, &kText}, {&i.value, &kCenter}};
    auto c = static_cast<std::uint16_t>(first + 1);
    for (const auto& [text, style] : cells) {
      sh.text(at[k], c, c, *text, *style, h);
      ++c;
    }
    sh.added(at[k], 0, level_tag(i), kCenter, h);
  }
  return at.back();
}

// The Shanghai indicator table: 绩效指标 left of it all, then 一级 | 二级 | 三级 (three columns) |
// 年度(/项目)指标值 (two); equal 一级 and 二级 cells of consecutive rows merged as on the printed form;
// the standard level after them.
std::uint32_t indicator_table(FormSheet& sh, std::uint32_t r, const Form& form, const FormBlock& b, const FormLayouts&) {
  const std::vector<Indicator>& list = form.as<ShanghaiProjectForm>().indicators;
  std::vector<std::string> level1, level2;
  std::vector<std::uint32_t> heights;
  for (const auto& i : list) {
    level1.push_back(i.level1);
    level2.push_back(i.level2);
    heights.push_back(rows_for({i.level1, i.level2, i.name, i.value}));
  }
  const std::vector<std::uint32_t> at = starts(r + 1, heights);
  sh.text(r, 0, 0, b.heading, kLabel, at.back() - r);
  const std::pair<std::uint16_t, std::uint16_t> spans[] = {{1, 1}, {2, 2}, {3, 5}, {6, 7}};
  for (std::size_t k = 0; k < 4; ++k) sh.text(r, spans[k].first, spans[k].second, column(b, k), kHeader);
  sh.added(r, 0, schema::kStandardLevelColumn, kHeader);
  merge_runs(sh, at, 1, level1, kCenter);
  merge_runs(sh, at, 2, level2, kCenter);
  for (std::size_t k = 0; k < list.size(); ++k) {
    sh.text(at[k], 3, 5, list[k].name, kText, heights[k]);
    sh.text(at[k], 6, 7, list[k].value, kCenter, heights[k]);
    sh.added(at[k], 0, level_tag(list[k]), kCenter, heights[k]);
  }
  return at.back();
}

// 资金支出计划（%）: the month-end labels, their values below.
std::uint32_t spending_plan(FormSheet& sh, std::uint32_t r, const Form& form, const FormBlock& b, const FormLayouts&) {
  const HebeiForm& f = form.as<HebeiForm>();
  const std::size_t plan_columns = std::max<std::size_t>(7, f.spending_plan.size());
  std::uint32_t label_rows = 1, value_rows = 1;
  for (const SpendingStep& s : f.spending_plan) {
    label_rows = std::max(label_rows, rows_for(s.label));
    value_rows = std::max(value_rows, rows_for(s.value));
  }
  sh.text(r, 0, 0, b.heading, kLabel, label_rows + value_rows);
  for (std::size_t k = 0; k < plan_columns; ++k) {
    const auto col = static_cast<std::uint16_t>(1 + k);
    const SpendingStep* s = k < f.spending_plan.size() ? &f.spending_plan[k] : nullptr;
    sh.text(r, col, col, s ? s->label : "", kHeader, label_rows);
    sh.text(r + label_rows, col, col, s ? s->value : "", kCenter, value_rows);
  }
  return r + label_rows + value_rows;
}

// The 绩效目标 / 绩效指标 labels of the department text, as printed: the prefix without its colon.
std::string prefix_label(std::string prefix) {
  for (const char* colon : {":", "\xEF\xBC\x9A"})
    if (util::ends_with(prefix, colon)) prefix.resize(prefix.size() - std::string_view(colon).size());
  return prefix;
}

// 分项绩效目标: per goal its heading, 绩效目标 and 绩效指标 (one empty row when there is none).
std::uint32_t sub_goals(FormSheet& sh, std::uint32_t r, const Form& form, const FormBlock& b, const FormLayouts& L) {
  const DepartmentText& f = form.as<DepartmentText>();
  std::uint32_t sub_goal_rows = 0;
  for (const auto& g : f.sub_goals) sub_goal_rows += rows_for({g.heading}) + rows_for({g.goal}) + rows_for({g.indicators});
  sh.text(r, 0, 0, b.heading, kLabel, std::max<std::uint32_t>(sub_goal_rows, 1));
  const std::string goal_label = prefix_label(L.goal_prefix_text);
  const std::string indicator_label = prefix_label(L.indicator_prefix_text);
  for (const auto& g : f.sub_goals) {
    r += sh.text(r, 1, 7, g.heading, kHeader);
    for (const auto& [label, value] : {std::pair<const std::string*, const std::string*>{&goal_label, &g.goal},
                                       {&indicator_label, &g.indicators}}) {
      const std::uint32_t h = rows_for({*value});
      sh.text(r, 1, 1, *label, kLabel, h);
      sh.text(r, 2, 7, *value, kText, h);
      sh.fit(r, *value, 90);
      r += h;
    }
  }
  if (f.sub_goals.empty()) ++r;
  return r;
}

// 工作保障措施: one row per measure (one empty row when there is none).
std::uint32_t safeguards(FormSheet& sh, std::uint32_t r, const Form& form, const FormBlock& b, const FormLayouts&) {
  const DepartmentText& f = form.as<DepartmentText>();
  const std::uint32_t first = r;
  for (const auto& s : f.safeguards) {
    const std::uint32_t rows = sh.text(r, 1, 7, s, kText);
    sh.fit(r, s, 100);
    r += rows;
  }
  if (r == first) sh.text(r++, 1, 7, "", kText);
  sh.text(first, 0, 0, b.heading, kLabel, r - first);
  return r;
}

BlockWriter block_writer(const std::string& name) {
  static const std::pair<const char*, BlockWriter> writers[] = {
      {"indicator_pairs", indicator_pairs}, {"budget_lines", budget_lines}, {"key_tasks", key_tasks},
      {"indicators", indicators},           {"spending_plan", spending_plan}, {"sub_goals", sub_goals},
      {"safeguards", safeguards},           {"indicator_table", indicator_table}};
  for (const auto& [n, w] : writers)
    if (name == n) return w;
  throw OutputError("表单模板的区块“" + name + "”不能写入工作表");
}

// ---- The grid: every label and value where the template's sheet grid puts it --------------------

const Style& style_named(const std::string& name, const GridCell& cell) {
  if (name == "title") return kTitle;
  if (name == "header") return kHeader;
  if (name == "text") return kText;
  if (name == "center") return kCenter;
  if (name == "plain") return kPlain;
  if (name == "label") return kLabel;
  bool literal = true;
  for (const GridPiece& p : cell.pieces) literal = literal && p.kind == GridPiece::Kind::literal;
  return cell.label || (literal && !cell.pieces.empty()) ? kLabel : kText;
}

void write_grid(FormSheet& sh, const Form& form, const FormLayouts& layouts) {
  const FormGrids& grids = layouts.grid(form.kind());
  const form_fields::FieldIndex fields(form);
  const FormGrid& grid = grids.sheet;
  std::vector<const GridRow*> rows;
  for (const GridRow& row : grid.rows)
    if (grid_row_shown(row, fields)) rows.push_back(&row);
  // The sheet rows each grid row of cells takes: as many as its longest text needs.
  std::vector<std::vector<std::string>> texts(rows.size());
  std::vector<std::uint32_t> heights(rows.size(), 1);
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (const GridCell& c : rows[i]->cells) {
      texts[i].push_back(grid_cell_text(c, fields));
      heights[i] = std::max(heights[i], rows_for(texts[i].back()));
    }
  const bool wan = grids.amount_unit == "万元" || grids.amount_decimals == 2;
  std::uint32_t r = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const GridRow& row = *rows[i];
    if (row.block >= 0) {
      const FormBlock& b = grids.blocks[static_cast<std::size_t>(row.block)];
      r = block_writer(b.name)(sh, r, form, b, layouts);
      continue;
    }
    std::vector<std::string> fitted;
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
      const GridCell& c = row.cells[k];
      std::uint32_t span = 0;  // the sheet rows of the grid rows the cell spans
      for (std::size_t j = i; j < std::min(rows.size(), i + c.down); ++j) span += heights[j];
      if (const Amount* a = grid_cell_amount(c, fields)) {
        sh.amount(r, c.c1, *a, wan, span);
        continue;
      }
      sh.text(r, c.c1, c.c2, texts[i][k], style_named(c.style, c), span);
      if (!c.label && !c.pieces.empty()) fitted.push_back(texts[i][k]);
    }
    if (row.fit > 0 && !fitted.empty()) sh.fit(r, fitted, row.fit);
    r += heights[i];
  }
  sh.finish(r, grid.widths);
}

std::string form_label(const Form& f) {
  if (!f.project_name().empty()) return f.project_name();
  if (const auto* o = f.get_if<OverallForm>()) return o->department_name.empty() ? "部门整体支出" : o->department_name + "整体支出";
  if (f.kind() == FormKind::department_text) return "部门整体绩效目标";
  return f.title;
}

// 实施单位 of the summary: the unit of a project form, else the department.
std::string unit_of(const Form& f) {
  if (const auto* p = f.get_if<ProjectForm>()) return p->unit.empty() ? p->department : p->unit;
  if (const auto* h = f.get_if<HebeiForm>()) return h->unit;
  if (const auto* s = f.get_if<ShanghaiProjectForm>()) return s->unit.empty() ? s->department : s->unit;
  if (const auto* o = f.get_if<OverallForm>()) return o->department;
  return "";
}

void write_summary(FormSheet& sh, const Report& report, const Layouts& layouts, const std::vector<std::string>& names) {
  const char* heads[] = {"序号", "类型", "项目名称", "实施单位", "金额单位", "实施期资金总额/预算数", "年度资金总额",
                         "指标数", "表十二项目", "表十二行", "对应方式", "工作表"};
  const double widths[] = {6, 18, 40, 26, 8, 16, 16, 8, 40, 8, 10, 30};
  sh.text(0, 0, 11, "绩效目标表汇总", kTitle);
  for (std::uint16_t c = 0; c < 12; ++c) {
    sh.text(1, c, c, heads[c], kHeader);
    sh.width(c, widths[c]);
  }
  const Table* t12 = projects_table(report, layouts);
  std::uint32_t r = 2;
  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    const Form& f = report.forms[k];
    const std::string label = form_label(f);
    const std::string unit = unit_of(f);
    const std::uint32_t h = rows_for({label, unit, f.amount_unit, f.linked_project});
    sh.number_cell(r, 0, h, static_cast<double>(k + 1), kCenter);
    sh.text(r, 1, 1, form_kind_title(f.kind()), kCenter, h);
    sh.text(r, 2, 2, label, kText, h);
    sh.text(r, 3, 3, unit, kText, h);
    sh.text(r, 4, 4, f.amount_unit, kCenter, h);
    const bool wan = f.amount_unit == "万元";
    if (const auto* p = f.get_if<ProjectForm>()) {
      sh.amount(r, 5, p->period_funds.total, false, h);
      sh.amount(r, 6, p->annual_funds.total, false, h);
    } else if (const auto* s = f.get_if<ShanghaiProjectForm>()) {
      sh.amount(r, 5, s->total, true, h);
      sh.amount(r, 6, s->annual_total, true, h);
    } else if (const auto* hb = f.get_if<HebeiForm>()) {
      sh.amount(r, 5, hb->budget, true, h);
      sh.amount(r, 6, Amount::blank(), true, h);
    } else {
      Amount total;
      if (const auto* o = f.get_if<OverallForm>())
        for (const auto& b : o->budget_by_source)
          if (util::label_key(b.label) == "合计") total = b.amount;
      sh.amount(r, 5, total, wan || f.kind() == FormKind::department_overall, h);
      sh.amount(r, 6, Amount::blank(), true, h);
    }
    if (f.kind() == FormKind::department_text) sh.text(r, 7, 7, "", kCenter, h);
    else sh.number_cell(r, 7, h, static_cast<double>(f.indicator_count()), kCenter);
    sh.text(r, 8, 8, f.linked_project, kText, h);
    // 表十二行: the linked row's position among 表十二's rows (1-based).
    if (f.table12_row >= 0 && t12) sh.number_cell(r, 9, h, f.table12_row + 1, kCenter);
    else sh.text(r, 9, 9, "", kCenter, h);
    sh.text(r, 10, 10, f.link == "name" ? "名称" : f.link == "amount" ? "金额" : "", kCenter, h);
    if (h > 1) sh.text(r, 11, 11, "", kLink, h);
    sh.out().link(r, 11, names[k], names[k], kLink);
    r += h;
  }
  worksheet_freeze_panes(sh.out().sheet(), 2, 0);
}

}  // namespace

std::string wanted_form_sheet_name(const Form& form, std::size_t sequence) {
  std::string name = schema::kFormSheetPrefix;
  name += std::to_string(sequence);
  name += ' ';
  return name + form_label(form);
}

std::vector<std::string> write_form_sheets(lxw_workbook* wb, Styles& styles, const Report& report,
                                           const Layouts& layouts, std::vector<std::string>& used) {
  std::vector<std::string> names;
  if (report.forms.empty()) return names;
  std::string summary_name;
  lxw_worksheet* summary = add_sheet(wb, schema::kFormSummarySheet, used, summary_name);
  // Every form sheet is added before the summary is written, so that it can link to them.
  std::vector<lxw_worksheet*> sheets;
  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    names.emplace_back();
    sheets.push_back(add_sheet(wb, wanted_form_sheet_name(report.forms[k], k + 1), used, names.back()));
  }

  SheetWriter summary_out(summary, summary_name, styles);
  FormSheet summary_sheet(summary_out);
  write_summary(summary_sheet, report, layouts, names);
  set_page(summary_out, kFormPage);

  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    const Form& f = report.forms[k];
    SheetWriter out(sheets[k], names[k], styles);
    FormSheet sh(out);
    set_page(out, kFormPage);
    write_grid(sh, f, layouts.forms());
  }
  return names;
}

}  // namespace budgetxl::xlsx::detail
