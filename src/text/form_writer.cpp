#include "text/form_writer.hpp"

#include <initializer_list>
#include <optional>
#include <vector>

#include <stdexcept>

#include "budgetxl/form_fields.hpp"
#include "layout/form_layouts.hpp"
#include "text/form_common.hpp"
#include "util/normalize.hpp"

namespace budgetxl::text {

using namespace budgetxl::util;

namespace {

class Out {
 public:
  void line(const std::string& s) {
    text_ += s;
    text_ += '\n';
  }
  void blank() { text_ += '\n'; }
  void cells(const std::vector<std::string>& cs) { line(join(cs)); }
  static std::string join(const std::vector<std::string>& cs) {
    std::string s;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      if (i) s += '\t';
      s += cs[i];
    }
    return s;
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

// A cell never holds a tab or a line break: the reader would split it.
std::string cell(const std::string& s) {
  std::string t = replace_all(replace_all(s, "\t", " "), "\n", " ");
  return replace_all(t, "\r", " ");
}

// 元 amounts as in the Shanxi forms ("865,000"; cents only when there are any).
std::string yuan(const Amount& a) {
  if (a.is_blank()) return "";
  return a.to_string(a.minor() % Amount::kScale == 0 ? 0 : 2, true);
}

// 万元 amounts with two decimals ("15.00").
std::string wan(const Amount& a) { return a.is_blank() ? std::string() : a.to_string(2, false); }

// An amount as the form's template prints it: 元 with two decimals and separators when it says so
// ("4,100,000.00", the Shanghai form), else by its unit.
std::string form_amount_text(const Amount& a, const FormGrids& grids) {
  if (grids.amount_decimals == 2) return a.is_blank() ? std::string() : a.to_string(2, true);
  return grids.amount_unit == "万元" ? wan(a) : yuan(a);
}

// ---- Indicator rows -------------------------------------------------------------------------------

// Tries layouts of one indicator row, from the most natural one on, and keeps the first one the
// reader reads back to the wanted row; the reader's state then moves on with that line.
class IndicatorRowWriter {
 public:
  IndicatorRowWriter(const FormLayouts& layouts, bool two_halves) : layouts_(layouts), two_halves_(two_halves) {
    reader_.emplace(layouts_, two_halves);
  }

  // Shanxi: "→一级→二级→三级→值→二级→三级→值".
  std::string write(const IndicatorRow& row) {
    const Indicator& p = row.period;
    const Indicator& a = row.annual;
    const bool l1_changed = first_ || p.level1 != prev_.period.level1;
    const bool l2p_changed = l1_changed || p.level2 != prev_.period.level2;
    const bool l2a_changed = l1_changed || a.level2 != prev_.annual.level2 || a.level1 != prev_.annual.level1;
    struct Choice {
      bool l1, l2p, l2a, l1a;
    };
    std::vector<Choice> choices = {{l1_changed, true, true, false}, {l1_changed, l2p_changed, l2a_changed, false}};
    for (int bits = 0; bits < 16; ++bits)
      choices.push_back({(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0});
    std::string fallback;
    for (int pass = 0; pass < 2; ++pass) {
      allow_findings_ = pass == 1;
      for (const auto& c : choices) {
        std::vector<std::string> cells = {"", c.l1 ? p.level1 : "", c.l2p ? p.level2 : "", p.name, p.value};
        if (c.l1a) cells.push_back(a.level1);
        cells.insert(cells.end(), {c.l2a ? a.level2 : "", a.name, a.value});
        for (auto& s : cells) s = cell(s);
        const std::string line = Out::join(cells);
        if (fallback.empty()) fallback = line;
        if (try_line(line, row)) return line;
      }
    }
    commit(fallback);
    prev_ = row;
    first_ = false;
    return fallback;
  }

  // Overall form: "→一级→二级→三级→值".
  std::string write(const Indicator& ind) {
    const bool l1_changed = first_ || ind.level1 != prev_.period.level1;
    const bool l2_changed = l1_changed || ind.level2 != prev_.period.level2;
    const bool choices[][2] = {{l1_changed, true}, {l1_changed, l2_changed}, {false, false}, {true, false},
                               {false, true},      {true, true}};
    std::string fallback;
    IndicatorRow want;
    want.period = ind;
    for (int pass = 0; pass < 2; ++pass) {
      allow_findings_ = pass == 1;
      for (const auto& c : choices) {
        std::vector<std::string> cells = {"", c[0] ? ind.level1 : "", c[1] ? ind.level2 : "", ind.name, ind.value};
        for (auto& s : cells) s = cell(s);
        const std::string line = Out::join(cells);
        if (fallback.empty()) fallback = line;
        if (try_line(line, want)) return line;
      }
    }
    commit(fallback);
    prev_ = want;
    first_ = false;
    return fallback;
  }

 private:
  bool try_line(const std::string& text, const IndicatorRow& want) {
    text::forms::IndicatorTableReader probe = *reader_;
    Report scratch;
    std::vector<IndicatorRow> rows;
    std::vector<Indicator> list;
    const Line line{1, text};
    if (!probe.read(line, scratch, two_halves_ ? &rows : nullptr, two_halves_ ? nullptr : &list)) return false;
    const bool same = two_halves_ ? (rows.size() == 1 && rows[0] == want) : (list.size() == 1 && list[0] == want.period);
    if (!same || (!allow_findings_ && !scratch.findings.items().empty())) return false;
    reader_.emplace(probe);
    prev_ = want;
    first_ = false;
    return true;
  }
  void commit(const std::string& text) {
    Report scratch;
    std::vector<IndicatorRow> rows;
    std::vector<Indicator> list;
    reader_->read(Line{1, text}, scratch, two_halves_ ? &rows : nullptr, two_halves_ ? nullptr : &list);
  }

  const FormLayouts& layouts_;
  std::optional<text::forms::IndicatorTableReader> reader_;  // optional: the reader is not assignable
  bool two_halves_;
  bool allow_findings_ = false;
  bool first_ = true;
  IndicatorRow prev_;
};

// ---- Blocks: the repeated parts of the forms, each with its heading and columns from the template ----

using BlockWriter = void (*)(Out&, const Form&, const FormBlock&, const FormLayouts&);

std::vector<std::string> header_row(const FormBlock& b) {
  std::vector<std::string> cells;
  if (!b.heading.empty()) cells.push_back(b.heading);
  cells.insert(cells.end(), b.columns.begin(), b.columns.end());
  return cells;
}

// 总体目标 under the 实施期目标 / 年度目标 headings: an annual goal alone stands under its heading, as
// the reader expects when the 实施期 cell is empty.
void goals(Out& out, const Form& form, const FormBlock&, const FormLayouts& L) {
  const ProjectForm& f = form.as<ProjectForm>();
  const std::string& goal = L.project_fields.find("goal")->label;
  if (f.goal_period.empty() && !f.goal_annual.empty())
    out.cells({goal, "", "", "", L.project_fields.find("goal_annual_heading")->label, cell(f.goal_annual), "", ""});
  else
    out.cells({goal, "", cell(f.goal_period), "", "", cell(f.goal_annual), "", ""});
}

void indicator_pairs(Out& out, const Form& form, const FormBlock& b, const FormLayouts& L) {
  out.cells(header_row(b));
  IndicatorRowWriter rows(L, true);
  for (const auto& r : form.as<ProjectForm>().indicator_rows) out.line(rows.write(r));
}

void budget_lines(Out& out, const Form& form, const FormBlock& b, const FormLayouts&) {
  const OverallForm& f = form.as<OverallForm>();
  out.cells(header_row(b));
  const std::size_t n = std::max(f.budget_by_source.size(), f.budget_by_direction.size());
  for (std::size_t k = 0; k < n; ++k) {
    std::vector<std::string> cs = {""};
    for (const auto* side : {&f.budget_by_source, &f.budget_by_direction}) {
      if (k < side->size()) {
        cs.push_back(cell((*side)[k].label));
        cs.push_back(wan((*side)[k].amount));
      } else {
        cs.insert(cs.end(), {"", ""});
      }
    }
    out.cells(cs);
  }
}

// 核心职能 and 重点任务 each over two cells of the printed form.
void key_tasks(Out& out, const Form& form, const FormBlock& b, const FormLayouts&) {
  const auto col = [&](std::size_t k) { return k < b.columns.size() ? b.columns[k] : std::string(); };
  out.cells({b.heading, col(0), "", col(1), ""});
  for (const auto& t : form.as<OverallForm>().key_tasks) out.cells({"", cell(t.function), "", cell(t.task), ""});
}

void indicators(Out& out, const Form& form, const FormBlock& b, const FormLayouts& L) {
  out.cells(header_row(b));
  if (form.kind() == FormKind::project_hebei) {
    std::string level1;
    bool first = true;
    for (const auto& i : form.as<HebeiForm>().indicators) {
      const bool show = first || i.level1 != level1;
      out.cells({show ? cell(i.level1) : "", cell(i.level2), cell(i.name), cell(i.description), cell(i.value),
                 cell(i.basis)});
      level1 = i.level1;
      first = false;
    }
    return;
  }
  IndicatorRowWriter rows(L, false);
  for (const auto& i : form.as<OverallForm>().indicators) out.line(rows.write(i));
}

// The Shanghai indicator table: an empty cell and the column headers, then per indicator its 一级
// and 二级 (only when they change, as printed), 三级 and 指标值 in the columns of the corpus
// ("绩效指标→产出指标→数量指标→三级→→→值→"); the table's heading in the first cell of its first row.
void indicator_table(Out& out, const Form& form, const FormBlock& b, const FormLayouts&) {
  const auto col = [&](std::size_t k) { return k < b.columns.size() ? b.columns[k] : std::string(); };
  out.cells({"", col(0), col(1), col(2), "", "", col(3), ""});
  const Indicator* prev = nullptr;
  for (const auto& i : form.as<ShanghaiProjectForm>().indicators) {
    const bool l1 = !prev || i.level1 != prev->level1;
    const bool l2 = l1 || i.level2 != prev->level2;
    out.cells({prev ? "" : b.heading, l1 ? cell(i.level1) : "", l2 ? cell(i.level2) : "", cell(i.name), "", "",
               cell(i.value), ""});
    prev = &i;
  }
}

// 资金支出计划（%）: the month-end labels, then their values when there are any.
void spending_plan(Out& out, const Form& form, const FormBlock& b, const FormLayouts&) {
  const HebeiForm& f = form.as<HebeiForm>();
  if (f.spending_plan.empty()) return;
  std::vector<std::string> labels = {b.heading}, values = {""};
  bool any = false;
  for (const auto& s : f.spending_plan) {
    labels.push_back(cell(s.label));
    values.push_back(cell(s.value));
    any = any || !s.value.empty();
  }
  out.cells(labels);
  if (any) out.cells(values);
}

void paragraphs(Out& out, const std::string& text, const std::string& prefix) {
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string p = text.substr(start, end - start);
    out.line((first ? prefix : std::string()) + p);
    out.blank();
    first = false;
    start = end + 1;
  }
}

void overall_goal(Out& out, const Form& form, const FormBlock&, const FormLayouts&) {
  const DepartmentText& f = form.as<DepartmentText>();
  if (!f.overall_goal.empty()) paragraphs(out, f.overall_goal, "");
}

void sub_goals(Out& out, const Form& form, const FormBlock&, const FormLayouts& L) {
  for (const auto& g : form.as<DepartmentText>().sub_goals) {
    out.line("#### " + cell(g.heading));
    out.blank();
    if (!g.goal.empty()) paragraphs(out, g.goal, L.goal_prefix_text);
    if (!g.indicators.empty()) paragraphs(out, g.indicators, L.indicator_prefix_text);
  }
}

void safeguards(Out& out, const Form& form, const FormBlock&, const FormLayouts&) {
  for (const auto& s : form.as<DepartmentText>().safeguards) {
    out.line(cell(s));
    out.blank();
  }
}

BlockWriter block_writer(const std::string& name) {
  static const std::pair<const char*, BlockWriter> writers[] = {
      {"goals", goals},           {"indicator_pairs", indicator_pairs}, {"budget_lines", budget_lines},
      {"key_tasks", key_tasks},   {"indicators", indicators},           {"spending_plan", spending_plan},
      {"overall_goal", overall_goal}, {"sub_goals", sub_goals},         {"safeguards", safeguards},
      {"indicator_table", indicator_table}};
  for (const auto& [n, w] : writers)
    if (name == n) return w;
  throw std::logic_error("form block without a text writer: " + name);
}

// ---- The grid: every label and value where the template's text grid puts it ----------------------

void write_grid(Out& out, const Form& form, const FormLayouts& layouts) {
  const FormGrids& grids = layouts.grid(form.kind());
  const form_fields::FieldIndex fields(form);
  for (const GridRow& row : grids.text.rows) {
    if (!grid_row_shown(row, fields)) continue;
    if (row.block >= 0) {
      const FormBlock& b = grids.blocks[static_cast<std::size_t>(row.block)];
      block_writer(b.name)(out, form, b, layouts);
      continue;
    }
    std::vector<std::string> cells;
    for (const GridCell& c : row.cells) {
      const Amount* a = grid_cell_amount(c, fields);
      cells.push_back(a ? form_amount_text(*a, grids) : cell(grid_cell_text(c, fields)));
    }
    out.cells(cells);
  }
}

}  // namespace

std::string write_form_text(const Form& form, const FormLayouts& layouts) {
  Out out;
  write_grid(out, form, layouts);
  return out.take();
}

}  // namespace budgetxl::text
