// The department's overall performance targets written as text (部门整体绩效目标, report 004):
// 总体绩效目标, 分项绩效目标 (each with a 绩效目标 and a 绩效指标 paragraph) and 工作保障措施.
// Headings may be doubled (### and ####); '---' page separators may cut a paragraph in two.
#include "text/form_common.hpp"
#include "util/normalize.hpp"

namespace budgetxl::text::forms {

using namespace budgetxl::util;

namespace {

bool is_heading(std::string_view text) { return starts_with(trim(text), "#"); }

std::string heading_text(std::string_view text) {
  std::string t = trim(text);
  std::size_t k = 0;
  while (k < t.size() && (t[k] == '#' || t[k] == ' ')) ++k;
  return trim(t.substr(k));
}

// "一、总体绩效目标" -> "总体绩效目标"; "(一)xxx" stays.
std::string without_numeral(const std::string& key) {
  const std::size_t p = key.find("、");
  if (p != std::string::npos && p <= 9) return key.substr(p + 3);
  return key;
}

bool is_sub_heading(const std::string& key) { return starts_with(key, "(") && key.find(")") != std::string::npos && key.find(")") <= 10; }

bool ends_sentence(const std::string& s) {
  const std::string t = trim(s);
  for (const char* end : {"。", "！", "？", "；", ".", "!", "?", ";", "：", ":"})
    if (ends_with(t, end)) return true;
  return false;
}

// The text after "绩效目标：" when the paragraph starts with that prefix.
bool strip_prefix(const std::string& text, const std::string& prefix_key, std::string& rest) {
  const std::string key = label_key(text);
  if (!starts_with(key, prefix_key)) return false;
  std::size_t p = text.find("：");
  std::size_t len = 3;
  const std::size_t ascii = text.find(':');
  if (ascii != std::string::npos && (p == std::string::npos || ascii < p)) {
    p = ascii;
    len = 1;
  }
  if (p == std::string::npos) return false;
  rest = trim(text.substr(p + len));
  return true;
}

}  // namespace

std::size_t read_department_text(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report) {
  const FormLayouts& L = layouts.forms();
  Form out;
  DepartmentText& form = out.body.emplace<DepartmentText>();
  out.amount_unit = L.grid(FormKind::department_text).amount_unit;
  out.title = heading_text(lines[i].text);
  out.origin = Origin::at_line(lines[i].number);

  std::string section;  // overall_goal, sub_goals, safeguards
  enum class Target { none, overall, sub_goal, sub_indicators, safeguard } last = Target::none;
  bool after_separator = false;

  std::size_t j = i + 1;
  for (; j < lines.size(); ++j) {
    const Line& line = lines[j];
    const std::string t = trim(line.text);
    if (t.empty()) continue;
    if (set_aside_page_number(line, layouts.report(), report)) {
      after_separator = true;  // a page break, like '---': the paragraph before may go on
      continue;
    }
    if (form_start(lines, j, L) != Start::none) break;
    const std::string key = heading_key(t);
    if (starts_with(key, "第") && contains(key.substr(0, 30), "部分")) break;
    if (t == "---" || (t.find_first_not_of("-—") == std::string::npos && t.size() >= 3)) {
      after_separator = true;
      continue;
    }
    if (is_heading(t)) {
      after_separator = false;
      const std::string k = without_numeral(key);
      const FormLabel* sec = L.department_text_sections.match_exact(k);
      if (sec) {
        section = sec->id;  // a doubled heading names the same section again
        last = Target::none;
        continue;
      }
      if (section == "sub_goals" && is_sub_heading(key)) {
        SubGoal g;
        g.heading = heading_text(t);
        g.origin = Origin::at_line(line.number);
        form.sub_goals.push_back(std::move(g));
        last = Target::none;
        continue;
      }
      add_finding(report, "form.unplaced-line", Severity::warning,
                  "部门整体绩效目标中无法归位的标题：“" + excerpt(t) + "”", line);
      continue;
    }
    // A paragraph; after a page separator it may continue the paragraph before.
    const bool continues = after_separator && last != Target::none;
    after_separator = false;
    std::string* target = nullptr;
    if (continues) {
      switch (last) {
        case Target::overall: target = &form.overall_goal; break;
        case Target::sub_goal: target = &form.sub_goals.back().goal; break;
        case Target::sub_indicators: target = &form.sub_goals.back().indicators; break;
        case Target::safeguard: target = &form.safeguards.back(); break;
        case Target::none: break;
      }
      if (target && !target->empty() && !ends_sentence(*target)) {
        *target += t;  // the sentence cut by the page break goes on
        continue;
      }
    }
    std::string rest;
    if (section == "overall_goal") {
      if (!form.overall_goal.empty()) form.overall_goal += '\n';
      form.overall_goal += t;
      last = Target::overall;
    } else if (section == "sub_goals" && !form.sub_goals.empty()) {
      SubGoal& g = form.sub_goals.back();
      if (strip_prefix(t, L.goal_prefix, rest)) {
        g.goal = rest;
        last = Target::sub_goal;
      } else if (strip_prefix(t, L.indicator_prefix, rest)) {
        g.indicators = rest;
        last = Target::sub_indicators;
      } else if (g.goal.empty() && g.indicators.empty()) {
        g.goal = t;
        last = Target::sub_goal;
        add_finding(report, "form.missing-goal-prefix", Severity::info,
                    "分项绩效目标“" + excerpt(g.heading) + "”的目标段落缺少“绩效目标：”前缀", line);
      } else {
        std::string& to = last == Target::sub_indicators ? g.indicators : g.goal;
        to += '\n' + t;
      }
    } else if (section == "safeguards") {
      form.safeguards.push_back(t);
      last = Target::safeguard;
    } else {
      add_finding(report, "form.unplaced-line", Severity::warning,
                  "部门整体绩效目标中无法归位的内容：“" + excerpt(t) + "”", line);
    }
  }
  report.forms.push_back(std::move(out));
  return j;
}

}  // namespace budgetxl::text::forms
