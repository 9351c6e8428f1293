#include "budgetxl/amount.hpp"

#include <cstdlib>
#include <limits>

#include "util/normalize.hpp"

namespace budgetxl {

namespace {

constexpr std::int64_t kMaxMinor = std::numeric_limits<std::int64_t>::max() / 20;

std::string group_thousands(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Strips what printing and extraction put into numbers: spaces inside ("14. 58"), thousands
// separators ("670,00 0"), full-width forms (via NFKC). Returns the bare "-123.45" candidate.
std::string strip_number(std::string_view raw) {
  std::string s = util::nfkc(raw);
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') continue;
    out += c;
  }
  // NFKC leaves the ideographic comma and no-break spaces as multi-byte sequences.
  out = util::replace_all(out, "\xE3\x80\x81", "");  // 、
  out = util::replace_all(out, "\xC2\xA0", "");
  return out;
}

}  // namespace

std::string Amount::to_string(int decimals, bool thousands) const {
  if (blank_) return "";
  const bool negative = minor_ < 0;
  const std::uint64_t v = negative ? static_cast<std::uint64_t>(-(minor_ + 1)) + 1 : static_cast<std::uint64_t>(minor_);
  std::string whole = std::to_string(v / kScale);
  const unsigned frac = static_cast<unsigned>(v % kScale);
  if (thousands) whole = group_thousands(whole);
  std::string out = negative ? "-" + whole : whole;
  if (decimals > 0 || frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

Amount Amount::operator+(const Amount& o) const {
  if (blank_ && o.blank_) return Amount();
  return Amount(minor() + o.minor());
}

Amount Amount::operator-(const Amount& o) const {
  if (blank_ && o.blank_) return Amount();
  return Amount(minor() - o.minor());
}

namespace {

// Parses [-]digits[.digits][E[+-]digits]; rounds to hundredths half away from zero when `round`,
// otherwise refuses more than two significant decimals.
AmountParse parse_decimal(std::string_view raw, bool round) {
  AmountParse result;
  const std::string s = strip_number(raw);
  if (s.empty()) {
    result.value = Amount::blank();
    return result;
  }
  std::size_t i = 0;
  bool negative = false;
  if (s[i] == '-' || s[i] == '+') {
    negative = s[i] == '-';
    ++i;
  }
  std::string digits;  // integer and fraction digits, with `point` marking where the fraction starts
  std::size_t point = std::string::npos;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '.' && point == std::string::npos) {
      point = digits.size();
    } else {
      break;
    }
  }
  int exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) exp_negative = s[i++] == '-';
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 4) exponent = exponent * 10 + (s[i++] - '0');
    if (i == start) i = s.size() + 1;  // force the error below
    if (exp_negative) exponent = -exponent;
  }
  if (digits.empty() || i != s.size()) {
    result.error = "不是金额：“" + std::string(raw) + "”";
    return result;
  }
  if (point == std::string::npos) point = digits.size();
  // Shift the decimal point by the exponent.
  long long int_len = static_cast<long long>(point) + exponent;
  if (int_len > 17) {
    result.error = "金额过大：“" + std::string(raw) + "”";
    return result;
  }
  std::string int_part, frac_part;
  if (int_len <= 0) {
    frac_part = std::string(static_cast<std::size_t>(-int_len), '0') + digits;
  } else if (static_cast<std::size_t>(int_len) >= digits.size()) {
    int_part = digits + std::string(static_cast<std::size_t>(int_len) - digits.size(), '0');
  } else {
    int_part = digits.substr(0, static_cast<std::size_t>(int_len));
    frac_part = digits.substr(static_cast<std::size_t>(int_len));
  }
  std::int64_t minor = 0;
  for (char c : int_part) {
    minor = minor * 10 + (c - '0');
    if (minor > kMaxMinor) {
      result.error = "金额过大：“" + std::string(raw) + "”";
      return result;
    }
  }
  int d0 = frac_part.size() > 0 ? frac_part[0] - '0' : 0;
  int d1 = frac_part.size() > 1 ? frac_part[1] - '0' : 0;
  minor = minor * 100 + d0 * 10 + d1;
  const std::string rest = frac_part.size() > 2 ? frac_part.substr(2) : "";
  const bool rest_nonzero = rest.find_first_not_of('0') != std::string::npos;
  if (rest_nonzero) {
    if (!round) {
      result.error = "金额超过两位小数：“" + std::string(raw) + "”";
      return result;
    }
    if (rest[0] >= '5') minor += 1;
  }
  result.value = Amount::from_minor(negative ? -minor : minor);
  return result;
}

}  // namespace

AmountParse parse_amount(std::string_view text) { return parse_decimal(text, false); }
AmountParse parse_amount_rounded(std::string_view text) { return parse_decimal(text, true); }

}  // namespace budgetxl
