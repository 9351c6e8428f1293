#include "finish/prose.hpp"

#include "util/normalize.hpp"

namespace budgetxl {

namespace {

const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

std::size_t numeral_prefix(const std::string& key, std::size_t at) {
  std::size_t n = at;
  while (true) {
    bool advanced = false;
    for (const char* d : kNumerals)
      if (key.compare(n, 3, d) == 0) {
        n += 3;
        advanced = true;
      }
    if (!advanced) return n;
  }
}

}  // namespace

bool is_part_heading_text(std::string_view text) {
  const std::string key = util::label_key(text);
  if (!util::starts_with(key, "第")) return false;
  const std::size_t n = numeral_prefix(key, 3);
  return n > 3 && key.compare(n, 6, "部分") == 0 && key.size() < 120;
}

int prose_heading_level(std::string_view text) {
  if (is_part_heading_text(text)) return 1;
  const std::string key = util::label_key(text);
  if (key.size() > 90 || util::ends_with(key, "。") || util::ends_with(key, "；")) return 0;
  std::size_t n = numeral_prefix(key, 0);
  if (n > 0 && key.compare(n, 3, "、") == 0) return 2;
  if (util::starts_with(key, "(")) {
    n = numeral_prefix(key, 1);
    if (n > 1 && key.compare(n, 1, ")") == 0) return 3;
  }
  return 0;
}

Block prose_block(std::string_view line, Origin origin) {
  const std::string t = util::trim(line);
  std::size_t marks = 0;
  while (marks < t.size() && t[marks] == '#') ++marks;
  std::string body = util::trim(std::string_view(t).substr(marks));
  Block b;
  b.markup = static_cast<int>(marks);
  b.level = marks > 0 ? static_cast<int>(marks) : prose_heading_level(body);
  b.kind = b.level > 0 ? BlockKind::heading : BlockKind::paragraph;
  b.text = std::move(body);
  b.origin = std::move(origin);
  return b;
}

std::string prose_line(const Block& block) {
  if (block.markup == 0) return block.text;
  return std::string(static_cast<std::size_t>(block.markup), '#') + " " + block.text;
}

}  // namespace budgetxl
