// The Shanxi project form (项目支出绩效目标申报表 / 项目支出绩效目标表): labelled fields read by
// label, not by column; the indicator table read cell by cell; the footer read by its labels.
#include <algorithm>
#include <map>
#include <optional>

#include "text/form_common.hpp"
#include "util/normalize.hpp"

namespace budgetxl::text::forms {

using namespace budgetxl::util;

namespace {

bool is_duration(const std::string& s) {
  const std::string k = label_key(s);
  if (!ends_with(k, "年") || k.size() < 4) return false;
  for (std::size_t i = 0; i + 3 < k.size(); ++i)
    if (k[i] < '0' || k[i] > '9') return false;
  return true;
}

bool looks_like_department(const std::string& s) {
  std::string code, name;
  split_code_name(s, code, name);
  // "048-兴县自然资源局", but not a project named "2022-2023耕地…"
  return !code.empty() && code.size() <= 6 && !name.empty() && !(name[0] >= '0' && name[0] <= '9');
}

// A lone date or number on its own line (a 填报日期 value pushed to the next line).
bool is_lone_number(const Line& line) {
  const auto cells = cells_of(line);
  if (cells.size() != 1) return false;
  const std::string k = label_key(cells[0].text);
  if (k.size() < 6 || k.size() > 24) return false;
  for (char c : k)
    if (!((c >= '0' && c <= '9') || c == '/' || c == ':' || c == '-')) return false;
  return true;
}

// Labels whose value may be glued into the label's cell in the middle of a line.
bool glues(const std::string& id) {
  for (const char* g : {"project_name", "department", "unit", "attribute", "duration", "total", "annual_total",
                        "central", "provincial", "local", "self_raised", "other"})
    if (id == g) return true;
  return false;
}

Amount* funding_slot(ProjectForm& f, const std::string& id, int half) {
  Funding& fu = half == 0 ? f.period_funds : f.annual_funds;
  if (id == "central") return &fu.central;
  if (id == "provincial") return &fu.provincial;
  if (id == "local") return &fu.local;
  if (id == "self_raised") return &fu.self_raised;
  if (id == "other") return &fu.other;
  return nullptr;
}

std::string* text_slot(ProjectForm& f, const std::string& id) {
  if (id == "overview") return &f.overview;
  if (id == "basis") return &f.basis;
  if (id == "necessity") return &f.necessity;
  if (id == "measures") return &f.measures;
  if (id == "plan") return &f.plan;
  return nullptr;
}

void append_text(std::string& to, const std::string& s) {
  if (s.empty()) return;
  if (!to.empty()) to += ' ';
  to += s;
}

// Footer labels found anywhere in a line ("负责人: 经办人: 联系电话: 填报日期: 2024…" in one cell
// or in separate cells); returns false when the line holds none.
bool read_footer(const Line& line, const FormLabelSet& footer, ProjectForm& form) {
  std::string flat;
  for (const auto& c : cells_of(line)) {
    if (!flat.empty()) flat += '\t';
    flat += nfkc(c.text);
  }
  struct Hit {
    std::size_t pos, end;
    const FormLabel* label;
  };
  std::vector<Hit> hits;
  for (const auto& l : footer.labels()) {
    std::vector<std::string> words = {nfkc(l.label)};
    for (const auto& k : l.keys) words.push_back(k);
    for (const auto& w : words) {
      std::size_t p = flat.find(w);
      while (p != std::string::npos) {
        bool overlap = false;
        for (const auto& h : hits)
          if (p < h.end && p + w.size() > h.pos) overlap = true;
        if (!overlap) hits.push_back({p, p + w.size(), &l});
        p = flat.find(w, p + w.size());
      }
    }
  }
  if (hits.empty()) return false;
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.pos < b.pos; });
  for (std::size_t k = 0; k < hits.size(); ++k) {
    const std::size_t end = k + 1 < hits.size() ? hits[k + 1].pos : flat.size();
    std::string v = flat.substr(hits[k].end, end - hits[k].end);
    v = replace_all(v, "\t", " ");
    v = trim(v);
    while (starts_with(v, ":")) v = trim(v.substr(1));
    const std::string& id = hits[k].label->id;
    std::string* slot = id == "responsible" ? &form.responsible
                        : id == "handler"   ? &form.handler
                        : id == "phone"     ? &form.phone
                                            : &form.filled_date;
    if (slot->empty()) *slot = v;
  }
  form.has_footer = true;
  return true;
}

struct RepeatedLine {
  std::string text;
  std::uint32_t first = 0, last = 0;
  std::size_t count = 0;
};

void flush_repeats(Report& report, RepeatedLine& r) {
  if (r.count == 0) return;
  if (r.count == 1) {
    report.findings.add("form.unplaced-line", Severity::warning,
                        "绩效目标表中无法归位的内容：“" + excerpt(r.text) + "”", Origin::at_line(r.first));
  } else {
    report.findings.add("form.repeated-line", Severity::warning,
                        "绩效目标表中同一内容重复" + std::to_string(r.count) + "行（第" + std::to_string(r.first) +
                            "–" + std::to_string(r.last) + "行）：“" + excerpt(r.text) + "”",
                        Origin::at_line(r.first));
  }
  r = {};
}

// A line that names the 填报日期 of the footer (however it is glued to other text).
bool mentions_filled_date(const std::string& text, const FormLayouts& L) {
  const FormLabel* date = L.project_footer.find("filled_date");
  if (!date) return false;
  const std::string key = label_key(text);
  for (const std::string& k : date->keys)
    if (!k.empty() && contains(key, k)) return true;
  return false;
}

}  // namespace

std::size_t read_project_form(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report) {
  const FormLayouts& L = layouts.forms();
  Form out;
  ProjectForm& form = out.body.emplace<ProjectForm>();
  out.amount_unit = L.grid(FormKind::project).amount_unit;
  out.title = trim(replace_all(lines[i].text, "\t", " "));
  out.origin = Origin::at_line(lines[i].number);

  enum class Zone { head, fields, indicators, footer } zone = Zone::head;
  IndicatorTableReader indicators(L, true);
  std::string last_text_field;  // id of the last text field whose value may continue on the next line
  const FormLabel* pending_label = nullptr;  // second label of a cell holding two labels
  RepeatedLine unplaced;
  auto unplace = [&](const Line& line) {
    const std::string t = trim(replace_all(line.text, "\t", " "));
    if (unplaced.count > 0 && t == unplaced.text) {
      ++unplaced.count;
      unplaced.last = line.number;
      return;
    }
    flush_repeats(report, unplaced);
    unplaced = {t, line.number, line.number, 1};
  };

  std::size_t j = i + 1;
  for (; j < lines.size(); ++j) {
    const Line& line = lines[j];
    if (const Step step = form_step(lines, j, layouts, report); step != Step::read) {
      if (step == Step::end) break;
      continue;
    }

    if (zone == Zone::footer) {
      if (is_lone_number(line) && form.filled_date.empty()) {
        form.filled_date = cells_of(line)[0].text;
        continue;
      }
      ProjectForm probe;
      if (read_footer(line, L.project_footer, probe)) {
        if (form.responsible.empty()) form.responsible = probe.responsible;
        if (form.handler.empty()) form.handler = probe.handler;
        if (form.phone.empty()) form.phone = probe.phone;
        if (form.filled_date.empty()) form.filled_date = probe.filled_date;
        continue;
      }
      if (is_lone_number(line) && !form.filled_date.empty()) {
        add_finding(report, "form.unplaced-line", Severity::warning,
                    "填报日期后多出的数字：“" + excerpt(line.text) + "”", line);
        continue;
      }
      if (const YearLine orphan = year_line_at(lines, j); orphan.year != 0) {  // "(2025年度)" left after the form
        add_finding(report, "form.orphan-year-line", Severity::info,
                    "绩效目标表之后多出的年度行：“" + excerpt(orphan.text) + "”", line);
        j = orphan.last + 1;
      }
      break;
    }

    if (zone == Zone::head && out.year == 0 && read_year_line(lines, j, out)) continue;
    const auto cells = cells_of(line);
    if (cells.empty()) continue;

    // Footer: 负责人 / 经办人 / 联系电话 / 填报日期 anywhere on the line.
    {
      bool footer_line = false;
      for (const auto& c : cells) {
        const auto m = L.project_footer.match_prefix(c.text);
        if (m) footer_line = true;
      }
      if (footer_line || (zone == Zone::indicators && mentions_filled_date(line.text, L))) {
        read_footer(line, L.project_footer, form);
        zone = Zone::footer;
        continue;
      }
    }

    // Indicator header: at least two of 一级指标 / 二级指标 / 三级指标 / 指标值.
    {
      const FormBlock* pairs = L.grid(FormKind::project).block("indicator_pairs");
      const auto key_of = [&](std::size_t k) {
        return pairs && k < pairs->columns.size() ? label_key(pairs->columns[k]) : std::string();
      };
      const std::string name_key = key_of(2), value_key = key_of(3);
      int header_cells = 0, values = 0, names = 0;
      for (const auto& c : cells) {
        if (L.is_header_cell(c.text)) {
          ++header_cells;
          const std::string k = label_key(c.text);
          if (k == value_key) ++values;
          if (k == name_key) ++names;
        }
      }
      if (header_cells >= 2) {
        if (zone == Zone::indicators) {
          add_finding(report, "form.repeated-header", Severity::info, "绩效指标表头重复出现", line);
          continue;
        }
        zone = Zone::indicators;
        if (std::max(values, names) < 2) {
          // The rows still decide: a row with a second (三级, 指标值) pair has a 年度 half.
          add_finding(report, "form.single-header", Severity::info,
                      "绩效指标表头只有一栏（未分实施期和年度）；每行第一组指标记入实施期，第二组记入年度", line);
        } else if (values < 2) {
          add_finding(report, "form.annual-values-missing", Severity::info,
                      "绩效指标表头缺少年度“指标值”列，年度指标没有指标值", line);
        }
        continue;
      }
    }

    if (zone == Zone::indicators) {
      if (!indicators.read(line, report, &form.indicator_rows, nullptr)) unplace(line);
      continue;
    }

    // A field line.
    zone = Zone::fields;
    const FormLabel* current = nullptr;
    bool any_label = false;
    std::map<std::string, int> label_seen;  // funding label -> occurrences on this line
    int slot = 0;                           // funding half for the next value on this line
    int amounts_seen = 0;                   // values after 项目资金/实施期资金总额 on this line
    int goal_values = 0;
    bool goal_annual_label = false;
    auto take = [&](const std::string& value, std::uint32_t field) {
      if (value.empty()) return;
      if (!current) {
        unplace(line);
        return;
      }
      const std::string& id = current->id;
      if (id == "project_name") {
        if (looks_like_department(value) && form.department.empty()) {
          form.department = value;
        } else if (form.project_name.empty()) {
          form.project_name = value;
        } else {
          add_finding(report, "form.unplaced-cell", Severity::warning, "项目名称行多出的内容：“" + excerpt(value) + "”",
                      line, field);
        }
      } else if (id == "department") {
        if (form.department.empty()) form.department = value;
        else if (label_key(form.department) != label_key(value))
          add_finding(report, "form.unplaced-cell", Severity::warning, "主管部门行多出的内容：“" + excerpt(value) + "”",
                      line, field);
      } else if (id == "unit") {
        if (form.unit.empty()) form.unit = value;
      } else if (id == "attribute") {
        if (form.attribute.empty()) form.attribute = value;
        else if (is_duration(value) && form.duration.empty()) form.duration = value;
      } else if (id == "duration") {
        if (form.duration.empty()) form.duration = value;
      } else if (id == "funds" || id == "total" || id == "annual_total") {
        int which = id == "annual_total" ? 1 : amounts_seen;
        ++amounts_seen;
        if (which > 1) {
          add_finding(report, "form.unplaced-cell", Severity::warning, "项目资金行多出的金额：“" + value + "”", line,
                      field);
          return;
        }
        Amount a = form_amount(value, line, field, report);
        Amount& target = which == 0 ? form.period_funds.total : form.annual_funds.total;
        if (target.is_blank()) target = a;
      } else if (Amount* a0 = funding_slot(form, id, 0)) {
        if (slot > 1) {
          add_finding(report, "form.unplaced-cell", Severity::warning, "资金来源行多出的金额：“" + value + "”", line,
                      field);
          return;
        }
        Amount* target = slot == 0 ? a0 : funding_slot(form, id, 1);
        *target = form_amount(value, line, field, report);
        ++slot;
      } else if (std::string* t = text_slot(form, id)) {
        append_text(*t, value);
        last_text_field = id;
      } else if (id == "goal" || id == "goal_period_heading" || id == "goal_annual_heading") {
        if (id == "goal_period_heading" || id == "goal_annual_heading") {
          // headings carry no value; text after them belongs to the goal of that half
          if (id == "goal_annual_heading") goal_annual_label = true;
        }
        const bool annual = goal_annual_label || goal_values > 0;
        append_text(annual ? form.goal_annual : form.goal_period, value);
        ++goal_values;
        last_text_field = annual ? "goal_annual" : "goal_period";
      }
    };

    // Labels: the first cell may carry any label; later cells only a bare label, or one of the
    // labels whose value is known to come glued to it ("年度资金总额: 1,000,000").
    std::vector<std::optional<LabelMatch>> matches;
    for (const auto& c : cells) {
      auto m = L.project_fields.match_prefix(c.text);
      if (m && !m->rest.empty() && any_label && !glues(m->label->id)) m.reset();
      matches.push_back(std::move(m));
      if (matches.back()) any_label = true;
    }
    // Cells before the first label: the value of a label left pending on the line above ("项目名称
    // 主管部门及代码" in one cell), or 实施期 amounts whose labels were lost ("1,150,000→年度资金总额:").
    std::size_t first_label = cells.size();
    for (std::size_t k = 0; k < cells.size(); ++k)
      if (matches[k]) {
        first_label = k;
        break;
      }
    bool name_glued = false;  // the project name on this line came glued to its label
    for (std::size_t k = 0; any_label && k < cells.size(); ++k) {
      const auto& c = cells[k];
      const auto& m = matches[k];
      if (m) {
        current = m->label;
        const std::string& id = current->id;
        if (funding_slot(form, id, 0)) {
          if (label_seen[id]++ > 0) slot = std::max(slot, 1);
        }
        if (id == "total") amounts_seen = 0;
        if (id == "goal_annual_heading") goal_annual_label = true;
        if (id == "goal") last_text_field = "goal_period";
        if (id == "goal_period_heading" || id == "goal_annual_heading")
          last_text_field = form.goal_period.empty() ? "goal_heading" : "goal_annual";
        // Two labels in one cell: the second waits for its value on the next line.
        if (!m->rest.empty()) {
          const auto second = L.project_fields.match_prefix(m->rest);
          if (second && second->rest.empty()) {
            pending_label = second->label;
            continue;
          }
        }
        if (id == "project_name" && !m->rest.empty() && form.project_name.empty()) name_glued = true;
        take(m->rest, c.field);
      } else if (k < first_label) {
        const std::string first_id = matches[first_label]->label->id;
        if (pending_label) {
          const FormLabel* keep = current;
          current = pending_label;
          take(c.text, c.field);
          current = keep;
        } else if (first_id == "annual_total" && parse_amount(c.text).value) {
          if (form.period_funds.total.is_blank()) form.period_funds.total = form_amount(c.text, line, c.field, report);
        } else if (funding_slot(form, first_id, 0) && parse_amount(c.text).value) {
          *funding_slot(form, first_id, 0) = form_amount(c.text, line, c.field, report);
          slot = 1;
          label_seen[first_id] = 1;
        } else {
          add_finding(report, "form.unplaced-cell", Severity::warning,
                      "绩效目标表中标签之前的内容：“" + excerpt(c.text) + "”", line, c.field);
        }
      } else if (current && current->id == "project_name" && name_glued) {
        // "项目名称 兴县自然资源局→打击私挖滥采…": the cell after the label holds the name.
        add_finding(report, "form.unplaced-cell", Severity::warning,
                    "项目名称标签中粘连的内容：“" + excerpt(form.project_name) + "”", line, c.field);
        form.project_name = c.text;
        name_glued = false;
      } else {
        take(c.text, c.field);
      }
    }
    if (any_label) {
      if (first_label > 0) pending_label = nullptr;
      continue;
    }

    // A line without any label: the project name standing alone, the continuation of a text field
    // whose value is empty, or something that cannot be placed.
    std::string joined;
    for (const auto& c : cells) append_text(joined, c.text);
    if (form.project_name.empty() && form.department.empty()) {
      form.project_name = joined;
      continue;
    }
    if (!form.project_name.empty() && label_key(joined) == label_key(form.project_name)) {
      unplace(line);  // the project name repeated (a generation loop in the extraction)
      continue;
    }
    if (last_text_field == "goal_heading" && form.goal_period.empty() && form.goal_annual.empty()) {
      // The goal texts under the 实施期目标 / 年度目标 headings, without their 总体目标 label.
      form.goal_period = cells[0].text;
      for (std::size_t k = 1; k < cells.size(); ++k) append_text(form.goal_annual, cells[k].text);
      last_text_field = "goal_annual";
      continue;
    }
    if (pending_label) {
      const FormLabel* keep = pending_label;
      pending_label = nullptr;
      std::string id = keep->id;
      if (id == "department" && form.department.empty()) {
        form.department = joined;
        continue;
      }
    }
    if (last_text_field == "goal_period" || last_text_field == "goal_annual") {
      if (form.goal_period.empty()) {
        form.goal_period = joined;
        continue;
      }
      if (form.goal_annual.empty()) {
        form.goal_annual = joined;
        continue;
      }
    } else if (!last_text_field.empty()) {
      std::string* t = text_slot(form, last_text_field);
      if (t && t->empty()) {
        *t = joined;
        continue;
      }
    }
    unplace(line);
  }
  flush_repeats(report, unplaced);

  if (form.department_code.empty()) split_code_name(form.department, form.department_code, form.department_name);
  report.forms.push_back(std::move(out));
  return j;
}

}  // namespace budgetxl::text::forms
