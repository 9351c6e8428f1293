// Rules on the report's wording: placeholders left in (XX, ××, 待补充), a table title or part
// heading naming another year than the report's.
#include <fmt/format.h>

#include "check/checker.hpp"
#include "util/normalize.hpp"

namespace budgetxl::check {

using util::label_key;

void check_text(Checker& c) {
  const Report& r = c.report();
  for (const Part& p : r.parts) {
    if (p.kind == PartKind::contents) continue;  // the contents' leader dots are no placeholder
    for (const Block& b : p.blocks) {
      if (b.kind != BlockKind::paragraph && b.kind != BlockKind::heading) continue;
      const std::string key = label_key(b.text);
      for (const char* mark : {"XX", "xx", "××", "待补充", "待填写", "待定", "……"}) {
        if (key.find(mark) == std::string::npos) continue;
        c.add("wording.placeholder", fmt::format("正文中留有占位符“{}”：“{}”", mark, util::trim(b.text).substr(0, 120)), b.origin,
              {{"正文", b.text, b.origin}});
        break;
      }
    }
  }
  if (r.meta.year == 0) return;
  for (const Table& t : r.tables) {
    const int year = util::leading_year(label_key(t.title)) ? util::leading_year(label_key(t.title)) : util::first_year(label_key(t.title));
    if (year != 0 && year != r.meta.year)
      c.add("wording.other-year", fmt::format("表{}的标题“{}”是{}年，报告是{}年", t.number, t.title, year, r.meta.year), t.origin,
            {{fmt::format("表{}标题", t.number), t.title, t.origin}});
  }
}

}  // namespace budgetxl::check
