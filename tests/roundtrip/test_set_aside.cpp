// What the reader set aside (watermarks, page footers, appended documents …) survives the workbook
// (其他材料 is read back) and, for appended documents, the written text; the diff notices a loss.
#include <gtest/gtest.h>

#include "budgetxl/io.hpp"
#include "budgetxl/roundtrip.hpp"
#include "finish/prose.hpp"
#include "support/test_support.hpp"

using namespace budgetxl;

namespace {

std::vector<std::pair<NoiseKind, std::string>> items(const Report& r, bool furniture = true) {
  std::vector<std::pair<NoiseKind, std::string>> out;
  for (const Noise& n : r.set_aside)
    if (furniture || n.kind == NoiseKind::appendix || n.kind == NoiseKind::unplaced) out.emplace_back(n.kind, n.text);
  return out;
}

Report text_report_of(const Report& r) {
  const std::string written = io::text_of(r, bxtest::layouts());
  return bxtest::read_snippet(written);
}

Report via_workbook(const Report& r, const std::string& name) {
  const std::string book = bxtest::temp_dir(name) + "/book.xlsx";
  io::write_workbook(r, book, bxtest::layouts());
  return io::read_report(book, bxtest::layouts());
}

}  // namespace

TEST(SetAside, CorpusWorkbookAndTextKeepIt) {
  const std::string path = bxtest::corpus_file("002");
  SKIP_WITHOUT_CORPUS(path);
  const Report first = io::read_report(path, bxtest::layouts());
  ASSERT_GT(first.set_aside.size(), 2000u);  // 48 watermarks, 1967 appendix lines …
  const Report back = via_workbook(first, "set-aside-002");
  EXPECT_EQ(items(back), items(first));
  EXPECT_TRUE(roundtrip::diff_reports(first, back, bxtest::layouts()).empty());

  // The written text carries the appended documents; the page furniture is gone, on purpose.
  const Report again = text_report_of(first);
  EXPECT_EQ(items(again, false), items(first, false));
  EXPECT_TRUE(roundtrip::diff_reports(first, again, bxtest::layouts(), {.page_furniture = false}).empty());
  EXPECT_FALSE(roundtrip::diff_reports(first, again, bxtest::layouts()).empty());
}

TEST(SetAside, LongItemIsSplitOverRowsAndJoinedBack) {
  Report r = bxtest::read_file(bxtest::source_dir() + "/samples/demo-department-2025.txt");
  std::string long_text;
  while (long_text.size() < 3 * 40000) long_text += "附录正文很长";  // 40 000 code points and more
  r.set_aside.push_back({NoiseKind::appendix, long_text, Origin::at_line(900)});
  r.set_aside.push_back({NoiseKind::watermark, "仅供内部审核", Origin::at_line(900)});
  r.set_aside.push_back({NoiseKind::watermark, "仅供内部审核", Origin::at_line(900)});  // same place twice
  const Report back = via_workbook(r, "set-aside-long");
  EXPECT_EQ(items(back), items(r));
}

TEST(SetAside, DiffNoticesALostItem) {
  Report a = bxtest::read_file(bxtest::source_dir() + "/samples/demo-department-2025.txt");
  a.set_aside.push_back({NoiseKind::appendix, "山西省财政厅文件", Origin::at_line(1)});
  Report b = a;
  b.set_aside.clear();
  const auto diffs = roundtrip::diff_reports(a, b, bxtest::layouts());
  ASSERT_EQ(diffs.size(), 1u);
  EXPECT_EQ(diffs[0].part, "其他材料");
  EXPECT_EQ(diffs[0].before, "1");
  EXPECT_EQ(diffs[0].after, "0");
  b = a;
  b.set_aside.back().text = "山西省财政局文件";
  EXPECT_EQ(roundtrip::diff_reports(a, b, bxtest::layouts()).size(), 1u);
}

TEST(LongProse, ParagraphsLongerThanACellComeBackWhole) {
  Report r = bxtest::read_file(bxtest::source_dir() + "/samples/demo-department-2025.txt");
  auto text_of_length = [](std::size_t n, const std::string& unit) {  // n code points
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += unit;
    return s;
  };
  Part& part = r.parts.back();
  part.blocks.push_back(prose_block(text_of_length(40000, "长")));
  part.blocks.push_back(prose_block(text_of_length(32000, "满")));  // exactly one full cell
  part.blocks.push_back(prose_block("其后的段落。"));                 // must not be taken as its continuation
  part.blocks.push_back(prose_block(text_of_length(64000, "双")));
  const Report back = via_workbook(r, "long-prose");
  const auto diffs = roundtrip::diff_reports(r, back, bxtest::layouts());
  for (std::size_t i = 0; i < diffs.size() && i < 5; ++i) ADD_FAILURE() << roundtrip::to_string(diffs[i]).substr(0, 200);
  EXPECT_TRUE(diffs.empty());
}
