#include "text/form_reader.hpp"

#include "text/form_common.hpp"
#include "util/normalize.hpp"

namespace budgetxl::text {

using namespace budgetxl::util;

namespace forms {

namespace {

bool contains_any(const std::string& key, const std::vector<std::string>& parts) {
  for (const auto& p : parts)
    if (!p.empty() && contains(key, p)) return true;
  return false;
}

bool ends_with_any(const std::string& key, const std::vector<std::string>& parts) {
  for (const auto& p : parts)
    if (!p.empty() && ends_with(key, p)) return true;
  return false;
}

// Does a form's body follow within the next few lines (a year line or one of its field labels)?
bool body_follows(const Lines& lines, std::size_t i, const FormLabelSet& fields, bool year_only) {
  std::size_t seen = 0;
  for (std::size_t j = i + 1; j < lines.size() && seen < 6; ++j) {
    if (is_blank(lines[j].text)) continue;
    ++seen;
    if (year_line_at(lines, j).year != 0) return true;
    if (year_only) continue;
    const auto cells = cells_of(lines[j]);
    if (!cells.empty() && fields.match_prefix(cells[0].text)) return true;
  }
  return false;
}

}  // namespace

Start form_start(const Lines& lines, std::size_t i, const FormLayouts& L) {
  if (i >= lines.size()) return Start::none;
  const std::string& text = lines[i].text;
  if (is_blank(text) || text.size() > 400) return Start::none;
  std::string key = heading_key(text);
  if (key.empty()) return Start::none;
  if (contains(key, "....")) return Start::none;  // a table-of-contents entry
  if (contains_any(key, L.shanghai_title_keys) && body_follows(lines, i, L.shanghai_fields, false)) return Start::shanghai;
  if (contains_any(key, L.overall_title_keys) && body_follows(lines, i, L.overall_fields, false)) return Start::overall;
  if (contains_any(key, L.project_title_keys) && body_follows(lines, i, L.project_fields, false)) return Start::project;
  if (ends_with_any(key, L.project_truncated_title_keys) && body_follows(lines, i, L.project_fields, true))
    return Start::project;
  if (key == label_key(L.department_text_title)) {
    const FormLabel* overall = L.department_text_sections.find("overall_goal");
    for (std::size_t j = i + 1, seen = 0; j < lines.size() && seen < 4; ++j) {
      if (is_blank(lines[j].text)) continue;
      ++seen;
      if (overall && contains(heading_key(lines[j].text), overall->keys.front())) return Start::department_text;
    }
  }
  if (ends_with_any(key, L.hebei_title_suffixes)) {
    const FormLabel* code = L.hebei_fields.find("project_code");
    for (std::size_t j = i + 1, seen = 0; j < lines.size() && seen < 5; ++j) {
      if (is_blank(lines[j].text)) continue;
      ++seen;
      const auto cells = cells_of(lines[j]);
      if (cells.empty()) continue;
      const auto m = L.hebei_fields.match_prefix(cells[0].text);
      if (m && m->label == code) return Start::hebei;
      if (form_start(lines, j, L) != Start::none) break;
    }
  }
  return Start::none;
}

}  // namespace forms

bool starts_form(const Lines& lines, std::size_t i, const FormLayouts& layouts) {
  return forms::form_start(lines, i, layouts) != forms::Start::none;
}

std::size_t read_form(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report) {
  std::size_t next = i + 1;
  switch (forms::form_start(lines, i, layouts.forms())) {
    case forms::Start::project: next = forms::read_project_form(lines, i, layouts, report); break;
    case forms::Start::overall: next = forms::read_overall_form(lines, i, layouts, report); break;
    case forms::Start::hebei: next = forms::read_hebei_form(lines, i, layouts, report); break;
    case forms::Start::department_text: next = forms::read_department_text(lines, i, layouts, report); break;
    case forms::Start::shanghai: next = forms::read_shanghai_form(lines, i, layouts, report); break;
    case forms::Start::none:
      if (i < lines.size())
        report.findings.add("form.not-a-form", Severity::error, "此处不是绩效目标表的开头",
                            Origin::at_line(lines[i].number));
      break;
  }
  return next > i ? next : i + 1;
}

}  // namespace budgetxl::text
