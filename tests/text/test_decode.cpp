#include <gtest/gtest.h>

#include "support/test_support.hpp"
#include "text/decode.hpp"
#include "util/normalize.hpp"

using namespace budgetxl::text;
using namespace budgetxl::util;

namespace {
using bxtest::to_gb18030;
}  // namespace

TEST(Decode, Utf8WithAndWithoutBom) {
  const auto plain = decode_bytes("单位：万元\n合计\t1.00\n", "a.txt");
  EXPECT_EQ(plain.encoding, "UTF-8");
  ASSERT_EQ(plain.lines.size(), 2u);
  EXPECT_EQ(plain.lines[0].text, "单位：万元");
  EXPECT_EQ(plain.lines[1].number, 2u);
  const auto bom = decode_bytes("\xEF\xBB\xBF单位：万元\n", "b.txt");
  EXPECT_EQ(bom.encoding, "UTF-8 (BOM)");
  EXPECT_EQ(bom.lines[0].text, "单位：万元");
}

TEST(Decode, Gb18030WithCrlf) {
  const std::string utf8 = "2024年预算收支总表\r\n单位名称：临汾市自然资源确权登记中心\r\n\r\n合计\t\t2306.67\r\n";
  const std::string gb = to_gb18030(utf8);
  ASSERT_NE(gb, utf8);
  const auto d = decode_bytes(gb, "gb.txt");
  EXPECT_EQ(d.encoding, "GB18030");
  EXPECT_EQ(d.line_ending, "CRLF");
  ASSERT_EQ(d.lines.size(), 4u);
  EXPECT_EQ(d.lines[0].text, "2024年预算收支总表");
  EXPECT_EQ(d.lines[1].text, "单位名称：临汾市自然资源确权登记中心");
  EXPECT_EQ(d.lines[2].text, "");
  EXPECT_EQ(d.lines[3].text, "合计\t\t2306.67");
}

TEST(Decode, RefusesBinaryAndMissingFiles) {
  EXPECT_THROW(decode_bytes(std::string("PK\0\0abc", 7), "x.bin"), DecodeError);
  try {
    decode_file("/nonexistent/report.txt");
    FAIL() << "expected DecodeError";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/report.txt"), std::string::npos);
  }
}

TEST(Normalize, LabelKeysIgnoreWidthAndSpaces) {
  EXPECT_EQ(label_key("市县（区）财政资 金"), label_key("市县(区)财政资金"));
  EXPECT_EQ(label_key("合 计"), "合计");
  EXPECT_EQ(label_key("政府性基金 预算"), "政府性基金预算");
  EXPECT_EQ(label_key("单位：万元"), "单位:万元");
  EXPECT_EQ(trim("\t 合计 \t"), "合计");
  EXPECT_EQ(display_width("合计"), 4);
  EXPECT_EQ(display_width("A1"), 2);
  EXPECT_EQ(split_tabs("a\t\tb\t").size(), 4u);
}

TEST(Decode, SizeAndLineLimits) {
  budgetxl::ReadLimits limits;
  limits.max_text_bytes = 100;
  limits.max_line_bytes = 10;
  EXPECT_NO_THROW(decode_bytes("0123456789\n0123456789\r\n0123456789", "ok.txt", limits));
  // Bare CR line ends: each line counts alone, however long the text between LFs.
  EXPECT_EQ(decode_bytes("0123456789\r0123456789\r0123456789", "cr.txt", limits).lines.size(), 3u);
  try {
    decode_bytes("short\n0123456789A\n", "long.txt", limits);
    ADD_FAILURE() << "expected a DecodeError";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("long.txt:2: 行过长"), std::string::npos) << e.what();
  }
  try {
    decode_bytes("a\rb\r0123456789AB\r", "crlong.txt", limits);
    ADD_FAILURE() << "expected a DecodeError";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("crlong.txt:3: 行过长"), std::string::npos) << e.what();
  }
  try {
    decode_bytes(std::string(101, 'x'), "big.txt", limits);
    ADD_FAILURE() << "expected a DecodeError";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("big.txt: 文件过大（101 字节），超过文本报告的上限 100 字节"), std::string::npos) << e.what();
  }
}
