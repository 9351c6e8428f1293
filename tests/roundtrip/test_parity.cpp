// Parity: a text report and its own workbook give the same model and the same findings about their
// content (rules of scope "content" in the rule table); only findings about how each file was
// written may differ. Run on the sample and on every corpus report that reads.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "budgetxl/io.hpp"
#include "budgetxl/roundtrip.hpp"
#include "budgetxl/rules.hpp"
#include "support/test_support.hpp"

using namespace budgetxl;

namespace {

using Key = std::tuple<std::string, Severity, std::string>;

std::map<Key, int> content_findings(const Report& r) {
  std::map<Key, int> out;
  for (const Finding& f : r.findings.items()) {
    const Rule* rule = find_rule(f.rule);
    EXPECT_NE(rule, nullptr) << "rule missing from the table: " << f.rule;
    if (rule && rule->scope == RuleScope::content) ++out[{f.rule, f.severity, f.message}];
  }
  return out;
}

void expect_parity(const std::string& path) {
  SCOPED_TRACE(path);
  // Every family: the report is read with the family it is recognised as, its workbook with the
  // family the 封面 names.
  const LayoutFamilies& families = LayoutFamilies::embedded();
  const Report text = io::read_report(path, families);
  const Layouts& layouts = io::layouts_of(text, families);
  const std::string book = bxtest::temp_dir("parity") + "/book.xlsx";
  io::write_workbook(text, book, layouts);
  const Report sheet = io::read_report(book, families);
  EXPECT_EQ(sheet.meta.family, text.meta.family);

  const auto diffs = roundtrip::diff_reports(text, sheet, layouts);
  for (std::size_t i = 0; i < diffs.size() && i < 10; ++i) ADD_FAILURE() << roundtrip::to_string(diffs[i]);
  ASSERT_EQ(text.forms.size(), sheet.forms.size());
  for (std::size_t f = 0; f < text.forms.size(); ++f) {
    EXPECT_EQ(text.forms[f].missing, sheet.forms[f].missing) << "form " << f;
    EXPECT_EQ(text.forms[f].duplicate_of, sheet.forms[f].duplicate_of) << "form " << f;
    EXPECT_EQ(text.forms[f].table12_row, sheet.forms[f].table12_row) << "form " << f;
    EXPECT_EQ(text.forms[f].link, sheet.forms[f].link) << "form " << f;
  }
  const auto a = content_findings(text), b = content_findings(sheet);
  for (const auto& [k, n] : a)
    if (b.count(k) == 0 || b.at(k) != n) ADD_FAILURE() << "only from text: " << std::get<0>(k) << " " << std::get<2>(k);
  for (const auto& [k, n] : b)
    if (a.count(k) == 0 || a.at(k) != n) ADD_FAILURE() << "only from the workbook: " << std::get<0>(k) << " " << std::get<2>(k);
}

}  // namespace

TEST(Parity, Sample) { expect_parity(bxtest::source_dir() + "/samples/demo-department-2025.txt"); }

TEST(Parity, EveryCorpusReport) {
  const auto files = bxtest::corpus_files_recursive();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  for (const auto& f : files) expect_parity(f);
}

TEST(Parity, ContentFindingsAreCompared) {
  // The comparison itself can fail: a report with a content finding the workbook lacks.
  Report r = bxtest::read_file(bxtest::source_dir() + "/samples/demo-department-2025.txt");
  Report other = r;
  other.findings.add("table.bad-code", Severity::warning, "表3科目编码“2101”不是3、5或7位的功能分类编码");
  EXPECT_NE(content_findings(r), content_findings(other));
  Report input_only = r;
  input_only.findings.add("xlsx.number-as-text", Severity::info, "…");
  EXPECT_EQ(content_findings(r), content_findings(input_only));
}
