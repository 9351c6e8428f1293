#include <cstdlib>
#include <iostream>

#include <gtest/gtest.h>

#include "forms/form_test_util.hpp"

// Dumps what the form reader finds in a corpus report (FORMS_DUMP=000); a tool, not a check.
TEST(FormDump, Corpus) {
  const char* which = std::getenv("FORMS_DUMP");
  if (!which) GTEST_SKIP() << "set FORMS_DUMP to a corpus prefix";
  const std::string path = budgetxl::formtest::corpus_file(which);
  if (path.empty()) GTEST_SKIP() << "no corpus";
  auto report = budgetxl::formtest::read_forms(budgetxl::formtest::corpus_lines(path));
  const bool rows = std::getenv("FORMS_ROWS") != nullptr;
  int n = 0;
  for (const auto& f : report.forms) {
    std::cout << ++n << " L" << f.origin.line << " [" << budgetxl::form_kind_name(f.kind) << "] " << f.project_name
              << " | " << f.department << " | " << f.unit << " | " << f.attribute << " | " << f.duration << " | "
              << f.period_funds.total.to_string(0) << "/" << f.annual_funds.total.to_string(0) << " c"
              << f.period_funds.central.to_string(0) << "/" << f.annual_funds.central.to_string(0) << " p"
              << f.period_funds.provincial.to_string(0) << "/" << f.annual_funds.provincial.to_string(0) << " l"
              << f.period_funds.local.to_string(0) << "/" << f.annual_funds.local.to_string(0) << " s"
              << f.period_funds.self_raised.to_string(0) << "/" << f.annual_funds.self_raised.to_string(0) << " o"
              << f.period_funds.other.to_string(0) << "/" << f.annual_funds.other.to_string(0)
              << " ind=" << f.annual_indicator_count() << "/" << f.period_indicator_count() << "/"
              << f.indicator_count() << " footer=" << f.has_footer << " date=" << f.filled_date
              << " dup=" << f.duplicate_of << " goal=" << f.goal_period.size() << "/" << f.goal_annual.size()
              << " budget=" << f.budget.to_string() << " code=" << f.project_code << " unit=" << f.unit_code << "\n";
    if (rows) {
      for (const auto& r : f.indicator_rows)
        std::cout << "   " << r.origin.line << ": [" << r.period.level1 << "|" << r.period.level2 << "|"
                  << budgetxl::indicator_type_name(r.period.standard_type) << "] " << r.period.name << " = "
                  << r.period.value << "  ||  [" << r.annual.level1 << "|" << r.annual.level2 << "] " << r.annual.name
                  << " = " << r.annual.value << "\n";
      for (const auto& i : f.indicators)
        std::cout << "   " << i.origin.line << ": [" << i.level1 << "|" << i.level2 << "|"
                  << budgetxl::indicator_class_name(i.standard_class) << "/"
                  << budgetxl::indicator_type_name(i.standard_type) << "] " << i.name << " = " << i.value << " | "
                  << i.description << " | " << i.basis << "\n";
    }
  }
  for (const auto& f : report.findings.items())
    std::cout << "  finding " << f.rule << " L" << f.where.line << " " << f.message << "\n";
}

TEST(FormDump, DepartmentText) {
  const char* which = std::getenv("FORMS_TEXT");
  if (!which) GTEST_SKIP() << "set FORMS_TEXT to a corpus prefix";
  if (budgetxl::formtest::corpus_file(which).empty()) GTEST_SKIP() << "no corpus";
  auto report = budgetxl::formtest::read_forms(budgetxl::formtest::corpus_lines(budgetxl::formtest::corpus_file(which)));
  for (const auto& f : report.forms) {
    if (f.kind != budgetxl::FormKind::department_text) continue;
    std::cout << "overall: " << f.overall_goal << "\n";
    for (const auto& g : f.sub_goals) std::cout << "SUB " << g.heading << "\n  G: " << g.goal << "\n  I: " << g.indicators << "\n";
    for (const auto& s : f.safeguards) std::cout << "SAFE " << s << "\n";
  }
}
