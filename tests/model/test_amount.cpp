#include <gtest/gtest.h>

#include "budgetxl/amount.hpp"
#include "budgetxl/codes.hpp"

using budgetxl::Amount;
using budgetxl::parse_amount;
using budgetxl::parse_amount_rounded;

namespace {
std::string parsed(const char* s) {
  auto p = parse_amount(s);
  return p.value ? (p.value->is_blank() ? "<blank>" : p.value->to_string()) : "<error>";
}
std::string rounded(const char* s) {
  auto p = parse_amount_rounded(s);
  return p.value ? p.value->to_string() : "<error>";
}
}  // namespace

TEST(Amount, ParsesPlainAndSeparatedNumbers) {
  EXPECT_EQ(parsed("1694.52"), "1694.52");
  EXPECT_EQ(parsed("1,694.52"), "1694.52");
  EXPECT_EQ(parsed("865,000"), "865000.00");
  EXPECT_EQ(parsed("0.1"), "0.10");
  EXPECT_EQ(parsed("-12.5"), "-12.50");
  EXPECT_EQ(parsed("0"), "0.00");
}

TEST(Amount, RepairsNumbersSplitByExtraction) {
  EXPECT_EQ(parsed("14. 58"), "14.58");
  EXPECT_EQ(parsed("670,00 0"), "670000.00");
  EXPECT_EQ(parsed(" 2 306.67 "), "2306.67");
}

TEST(Amount, ReadsFullWidthDigits) {
  EXPECT_EQ(parsed("１２３．４５"), "123.45");
  EXPECT_EQ(parsed("１，２３４"), "1234.00");
}

TEST(Amount, BlankIsNotZero) {
  EXPECT_EQ(parsed(""), "<blank>");
  EXPECT_EQ(parsed("   "), "<blank>");
  const Amount blank;
  const Amount zero = Amount::from_minor(0);
  EXPECT_TRUE(blank.is_blank());
  EXPECT_FALSE(zero.is_blank());
  EXPECT_TRUE(zero.is_zero());
  EXPECT_NE(blank, zero);
  EXPECT_EQ(blank.to_string(), "");
  EXPECT_EQ(zero.to_string(), "0.00");
  EXPECT_TRUE((blank + blank).is_blank());
  EXPECT_EQ((blank + Amount::from_minor(5)).to_string(), "0.05");
}

TEST(Amount, RefusesWhatIsNotAnAmount) {
  EXPECT_EQ(parsed("abc"), "<error>");
  EXPECT_EQ(parsed("12.3.4"), "<error>");
  EXPECT_EQ(parsed("1694.525"), "<error>");  // a third decimal would change the figure
  EXPECT_FALSE(parse_amount("12万元").error.empty());
  EXPECT_EQ(parsed("99999999999999999999"), "<error>");
}

TEST(Amount, RoundsSpreadsheetNumbersInDecimal) {
  EXPECT_EQ(rounded("1694.5199999999998"), "1694.52");
  EXPECT_EQ(rounded("0.105"), "0.11");
  EXPECT_EQ(rounded("-0.105"), "-0.11");
  EXPECT_EQ(rounded("1.5E3"), "1500.00");
  EXPECT_EQ(rounded("2.5e-2"), "0.03");
  EXPECT_EQ(rounded("7"), "7.00");
}

TEST(Amount, FormatsWithThousandsAndWholeUnits) {
  const Amount a = Amount::from_minor(4572547400);
  EXPECT_EQ(a.to_string(2, true), "45,725,474.00");
  EXPECT_EQ(a.to_string(0, true), "45,725,474");
  EXPECT_EQ(Amount::from_minor(-123456).to_string(2, true), "-1,234.56");
  EXPECT_DOUBLE_EQ(Amount::from_minor(169452).to_double(), 1694.52);
}

TEST(Codes, LevelsFollowDigitCounts) {
  using budgetxl::CodeLevel;
  EXPECT_EQ(budgetxl::code_level("208"), CodeLevel::lei);
  EXPECT_EQ(budgetxl::code_level("20805"), CodeLevel::kuan);
  EXPECT_EQ(budgetxl::code_level("2080505"), CodeLevel::xiang);
  EXPECT_EQ(budgetxl::code_level("2101"), CodeLevel::none);
  EXPECT_EQ(budgetxl::code_level("合计"), CodeLevel::none);
  EXPECT_EQ(budgetxl::code_level(""), CodeLevel::none);
  EXPECT_EQ(budgetxl::parent_code("2080505"), "20805");
  EXPECT_EQ(budgetxl::parent_code("20805"), "208");
  EXPECT_EQ(budgetxl::parent_code("208"), "");
  EXPECT_STREQ(budgetxl::code_level_name(CodeLevel::kuan), "款");
}
