#include "finish/form_links.hpp"

#include <string>
#include <vector>

#include "util/normalize.hpp"

namespace budgetxl {

std::int64_t yuan_to_wan(std::int64_t minor_yuan) {
  const std::int64_t q = 10000;
  return minor_yuan >= 0 ? (minor_yuan + q / 2) / q : -((-minor_yuan + q / 2) / q);
}

namespace {

// The amount of a form comparable to 表十二's 合计 (万元 hundredths), or false.
bool form_wan(const Form& f, std::int64_t& out) {
  if (const auto* p = f.get_if<ProjectForm>(); p && !p->annual_funds.total.is_blank()) {
    out = yuan_to_wan(p->annual_funds.total.minor());
    return true;
  }
  if (const auto* s = f.get_if<ShanghaiProjectForm>(); s && !s->annual_total.is_blank()) {
    out = yuan_to_wan(s->annual_total.minor());
    return true;
  }
  if (const auto* h = f.get_if<HebeiForm>(); h && !h->budget.is_blank()) {
    out = h->budget.minor();
    return true;
  }
  return false;
}

std::size_t common_prefix(const std::string& a, const std::string& b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

std::string row_name(const Row& r) { return r.cells.empty() ? std::string() : util::trim(r.cells[0].text); }

}  // namespace

const Table* projects_table(const Report& report, const Layouts& layouts) {
  for (const TableLayout& l : layouts.tables())
    if (l.role == "projects_current") return report.table(l.number);
  return nullptr;
}

void link_forms_to_projects(Report& report, const Layouts& layouts) {
  const Table* t12 = projects_table(report, layouts);
  if (!t12) return;
  struct Project {
    std::size_t row;
    std::string key;
    bool linked = false;
  };
  std::vector<Project> projects;
  for (std::size_t r = 0; r < t12->rows.size(); ++r) {
    const Row& row = t12->rows[r];
    if (row.kind != RowKind::item) continue;
    const std::string name = row_name(row);
    if (name.empty()) continue;
    projects.push_back({r, util::label_key(name)});
  }
  auto link = [&](Form& f, Project& p, const char* how) {
    f.table12_row = static_cast<int>(p.row);
    f.link = how;
    f.linked_project = row_name(t12->rows[p.row]);
    p.linked = true;
  };
  auto is_project_form = [](const Form& f) { return form_kind_is_project(f.kind()); };

  // 1. By name.
  for (auto& f : report.forms) {
    if (!is_project_form(f)) continue;
    f.table12_row = -1;
    f.link.clear();
    f.linked_project.clear();
    const std::string key = util::label_key(f.project_name());
    if (key.empty()) continue;
    for (auto& p : projects)
      if (p.key == key) {
        link(f, p, "name");
        break;
      }
  }
  // 2. By amount, among the projects not yet linked; the closest name wins a tie.
  for (auto& f : report.forms) {
    if (!is_project_form(f) || f.table12_row >= 0) continue;
    std::int64_t wan = 0;
    if (!form_wan(f, wan)) continue;
    const std::string key = util::label_key(f.project_name());
    Project* best = nullptr;
    std::size_t best_prefix = 0;
    int candidates = 0;
    for (auto& p : projects) {
      if (p.linked) continue;
      const Row& row = t12->rows[p.row];
      if (row.cells.size() < 2 || row.cells[1].amount.is_blank() || row.cells[1].amount.minor() != wan) continue;
      ++candidates;
      const std::size_t pre = common_prefix(key, p.key);
      if (!best || pre > best_prefix) {
        best = &p;
        best_prefix = pre;
      }
    }
    if (!best) continue;
    link(f, *best, "amount");
    report.findings.add("form.linked-by-amount", Severity::info,
                        "绩效目标表“" + f.project_name() + "”与表十二项目“" + f.linked_project +
                            "”名称不同，按年度资金总额对应" + (candidates > 1 ? "（金额相同的项目不止一个）" : ""),
                        f.origin);
  }
  // 3. Duplicates follow their original; then what is left over.
  for (auto& f : report.forms) {
    if (!is_project_form(f) || f.table12_row >= 0) continue;
    if (f.duplicate_of >= 0 && static_cast<std::size_t>(f.duplicate_of) < report.forms.size()) {
      const Form& o = report.forms[static_cast<std::size_t>(f.duplicate_of)];
      if (o.table12_row >= 0) {
        f.table12_row = o.table12_row;
        f.link = o.link;
        f.linked_project = o.linked_project;
        continue;
      }
    }
    report.findings.add("form.unlinked", Severity::warning,
                        "绩效目标表“" + f.project_name() + "”在表十二中找不到对应项目", f.origin);
  }
  for (const auto& p : projects) {
    if (p.linked) continue;
    const Row& row = t12->rows[p.row];
    report.findings.add("form.project-without-form", Severity::warning,
                        "表十二项目“" + row_name(row) + "”（" +
                            (row.cells.size() > 1 ? row.cells[1].amount.to_string() : std::string()) +
                            t12->unit + "）没有绩效目标表",
                        row.origin);
  }
}

}  // namespace budgetxl
