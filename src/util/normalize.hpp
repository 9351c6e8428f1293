// Text normalisation shared by every reader: ICU NFKC (full-width → half-width), whitespace
// squeezing for label matching, tab splitting, East-Asian display width.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace budgetxl::util {

// NFKC: full-width digits, letters, parentheses and colons become half-width; ideographic space
// becomes ' '. Invalid UTF-8 is replaced, never thrown on.
std::string nfkc(std::string_view s);
// The key used to compare labels: NFKC, then every kind of whitespace removed.
// "市县（区）财政资 金" -> "市县(区)财政资金"; "合 计" -> "合计".
std::string label_key(std::string_view s);
// Trim ASCII and Unicode whitespace at both ends.
std::string trim(std::string_view s);
// Split a line on TAB; keeps empty fields ("a\t\tb" -> {"a","","b"}).
std::vector<std::string> split_tabs(std::string_view line);
// True when nothing but whitespace.
bool is_blank(std::string_view s);
// Display width in columns: East-Asian Wide/Fullwidth characters count 2 (ICU), others 1.
int display_width(std::string_view s);
// Replace every occurrence.
std::string replace_all(std::string s, std::string_view from, std::string_view to);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
bool contains(std::string_view s, std::string_view part);
// Leading 4-digit year in a label key such as "2024年预算收支总表" -> 2024, else 0.
int leading_year(std::string_view key);
// The first 4-digit year (19xx/20xx) standing on its own anywhere in a key, else 0.
int first_year(std::string_view key);

// A label key that opens with a Chinese ordinal: 1 for "一、" … "三十、", 2 for "(一)" … (after NFKC
// the brackets are ASCII); 0 for none.
int chinese_ordinal(std::string_view key);

// Byte length of the UTF-8 code point at s[i] (1 for an invalid byte), never past the end.
std::size_t utf8_length(std::string_view s, std::size_t i);
// Code points of UTF-8 text (an invalid byte counts as one).
std::size_t code_points(std::string_view s);
// Cell text without HTML markup (<b>, </b>); "<td …>" boundaries become tabs.
std::string strip_html(std::string_view s);

// A short excerpt of a line for a finding message: tabs become spaces, cut at `max_chars` code
// points with "…".
std::string excerpt(std::string_view text, std::size_t max_chars = 40);

}  // namespace budgetxl::util
