// model -> text -> model gives the same model, for the sample and every corpus report.
#include <gtest/gtest.h>

#include "budgetxl/roundtrip.hpp"
#include "support/test_support.hpp"
#include "text/report_reader.hpp"
#include "text/writer.hpp"

using namespace budgetxl;

namespace {

void expect_text_roundtrip(const std::string& path) {
  const Report first = bxtest::read_file(path);
  const std::string written = text::write_text_report(first, bxtest::layouts());
  const Report second = text::read_text(text::decode_bytes(written, "written.txt"), "written.txt", bxtest::layouts());
  const auto diffs = roundtrip::diff_reports(first, second, bxtest::layouts(), {.page_furniture = false});
  for (std::size_t i = 0; i < diffs.size() && i < 20; ++i) ADD_FAILURE() << path << ": " << roundtrip::to_string(diffs[i]);
  EXPECT_TRUE(diffs.empty()) << diffs.size() << " differences";
  EXPECT_EQ(first.tables.size(), second.tables.size());
  // The written report carries no page furniture: only the appended documents are set aside again.
  for (const Noise& n : second.set_aside) EXPECT_EQ(n.kind, NoiseKind::appendix) << n.text;
}

}  // namespace

TEST(TextRoundtrip, Sample) { expect_text_roundtrip(bxtest::source_dir() + "/samples/demo-department-2025.txt"); }

TEST(TextRoundtrip, Corpus) {
  const auto files = bxtest::corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  for (const auto& f : files) expect_text_roundtrip(f);
}

TEST(TextRoundtrip, DiffReportsAChangedCell) {
  const Report first = bxtest::read_file(bxtest::source_dir() + "/samples/demo-department-2025.txt");
  Report second = first;
  Table* t3 = second.table(3);
  ASSERT_NE(t3, nullptr);
  t3->rows[0].cells[2].amount = Amount::from_minor(1);
  second.parts.back().blocks.back().text += "改";
  const auto diffs = roundtrip::diff_reports(first, second, bxtest::layouts());
  ASSERT_EQ(diffs.size(), 2u);
  EXPECT_EQ(diffs[0].item, "表3");
  EXPECT_EQ(diffs[0].row, "合计");
  EXPECT_EQ(diffs[0].column, "total");
  EXPECT_EQ(diffs[0].after, "0.01");
  EXPECT_EQ(diffs[1].part, "正文");
}
