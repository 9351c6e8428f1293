// Fixed-point money that keeps a blank cell distinct from zero.
// Amounts are integers in hundredths of the report's unit (万元 or 元); no double anywhere until a cell is written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace budgetxl {

class Amount {
 public:
  static constexpr int kDecimals = 2;
  static constexpr std::int64_t kScale = 100;

  Amount() = default;  // blank
  static Amount blank() { return Amount(); }
  static Amount from_minor(std::int64_t hundredths) { return Amount(hundredths); }
  static Amount from_units(std::int64_t units) { return Amount(units * kScale); }

  bool is_blank() const { return blank_; }
  bool is_zero() const { return !blank_ && minor_ == 0; }
  // The value in hundredths; a blank counts as 0 where a sum needs it.
  std::int64_t minor() const { return blank_ ? 0 : minor_; }

  // "1694.52"; blank -> "". `thousands` adds ',' separators, `decimals` is 0 or 2.
  std::string to_string(int decimals = kDecimals, bool thousands = false) const;
  // Only for writing a spreadsheet cell.
  double to_double() const { return static_cast<double>(minor()) / kScale; }

  Amount operator+(const Amount& o) const;
  Amount operator-(const Amount& o) const;
  Amount& operator+=(const Amount& o) { return *this = *this + o; }
  bool operator==(const Amount& o) const { return blank_ == o.blank_ && minor() == o.minor(); }

 private:
  explicit Amount(std::int64_t minor) : blank_(false), minor_(minor) {}
  bool blank_ = true;
  std::int64_t minor_ = 0;
};

// Outcome of reading an amount from text.
struct AmountParse {
  std::optional<Amount> value;  // empty when the text is not an amount
  std::string error;            // Chinese, for a finding, when !value
};

// Reads an amount as printed in a report or typed in a cell: "1,694.52", "14. 58", "670,00 0",
// full-width digits, "-12.5". Blank text gives a blank Amount. More than two decimals is an error
// (the figure would change); use parse_amount_rounded for spreadsheet numbers.
AmountParse parse_amount(std::string_view text);

// Reads a number stored by a spreadsheet ("1694.5199999999998", "1.5E3") and rounds it half away
// from zero to hundredths, in decimal arithmetic.
AmountParse parse_amount_rounded(std::string_view text);

}  // namespace budgetxl
