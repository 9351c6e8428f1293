#include "util/normalize.hpp"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace budgetxl::util {

namespace {

const icu::Normalizer2& nfkc_instance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFKC normaliser unavailable");
  return *n;
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

}  // namespace

std::string nfkc(std::string_view s) {
  if (is_ascii(s)) return std::string(s);  // the common case for numbers and codes
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString n = nfkc_instance().normalize(u, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  n.toUTF8String(out);
  return out;
}

std::string label_key(std::string_view s) {
  const std::string n = nfkc(s);
  std::string out;
  out.reserve(n.size());
  int32_t i = 0;
  const int32_t len = static_cast<int32_t>(n.size());
  const auto* p = reinterpret_cast<const uint8_t*>(n.data());
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) continue;
    if (u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B) continue;
    out.append(n, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
  }
  return out;
}

std::string trim(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t len = static_cast<int32_t>(s.size());
  int32_t begin = 0;
  while (begin < len) {
    int32_t i = begin;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c >= 0 && (u_isUWhiteSpace(c) || c == 0xFEFF)) begin = i;
    else break;
  }
  int32_t end = len;
  while (end > begin) {
    int32_t i = end;
    UChar32 c;
    U8_PREV(p, 0, i, c);
    if (c >= 0 && (u_isUWhiteSpace(c) || c == 0xFEFF)) end = i;
    else break;
  }
  return std::string(s.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)));
}

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.emplace_back(line.substr(start));
      return out;
    }
    out.emplace_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

int display_width(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  int width = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) {
      width += 1;
      continue;
    }
    const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  if (from.empty()) return s;
  std::size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

int first_year(std::string_view key) {
  for (std::size_t i = 0; i + 4 <= key.size(); ++i)
    if (const int y = leading_year(key.substr(i)); y != 0 && (i == 0 || key[i - 1] < '0' || key[i - 1] > '9')) return y;
  return 0;
}

int leading_year(std::string_view key) {
  if (key.size() < 4) return 0;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    if (key[static_cast<std::size_t>(i)] < '0' || key[static_cast<std::size_t>(i)] > '9') return 0;
    year = year * 10 + (key[static_cast<std::size_t>(i)] - '0');
  }
  if (key.size() > 4 && key[4] >= '0' && key[4] <= '9') return 0;
  return year;
}

std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  return std::min(n, s.size() - i);
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += utf8_length(s, i)) ++n;
  return n;
}

std::string strip_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '<') {
      const std::size_t close = s.find('>', i);
      if (close != std::string_view::npos && close - i <= 40) {
        std::string tag = std::string(s.substr(i + 1, close - i - 1));
        std::string lower;
        for (char c : tag) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        if (util::starts_with(lower, "td") || util::starts_with(lower, "/td") || util::starts_with(lower, "tr") ||
            util::starts_with(lower, "/tr")) {
          out += '\t';
          i = close + 1;
          continue;
        }
        if (lower == "b" || lower == "/b" || lower == "br" || lower == "br/" || lower == "i" || lower == "/i" ||
            lower == "strong" || lower == "/strong") {
          i = close + 1;
          continue;
        }
      }
    }
    out += s[i++];
  }
  return out;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::string t = replace_all(trim(text), "\t", " ");
  std::size_t i = 0, n = 0;
  while (i < t.size() && n < max_chars) {
    const auto c = static_cast<unsigned char>(t[i]);
    i += c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    ++n;
  }
  if (i < t.size()) return t.substr(0, i) + "…";
  return t;
}

int chinese_ordinal(std::string_view key) {
  static const char* const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  const bool bracketed = starts_with(key, "(");
  std::size_t n = bracketed ? 1 : 0;
  const std::size_t start = n;
  for (bool more = true; more;) {
    more = false;
    for (const char* d : digits)
      if (key.substr(n, 3) == d) {
        n += 3;
        more = true;
      }
  }
  if (n == start) return 0;
  if (!bracketed && key.substr(n, 3) == "、") return 1;
  if (bracketed && key.substr(n, 1) == ")") return 2;
  return 0;
}

}  // namespace budgetxl::util
