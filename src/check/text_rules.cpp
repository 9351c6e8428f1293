// Rules on the report's wording: placeholders left in (XX, ××, 待补充), a table title or part
// heading naming another year than the report's, 部门 wording in a 单位 report (and the reverse),
// and the notes of empty tables.
#include <fmt/format.h>

#include <algorithm>

#include "check/checker.hpp"
#include "util/normalize.hpp"

namespace budgetxl::check {

using util::label_key;

namespace {

// The note printed under a table: its no-data note, or the 注/说明 paragraph right after it.
std::optional<Block> table_note(const Report& r, std::size_t table) {
  const Table& t = r.tables[table];
  if (!t.no_data_note.empty()) return Block{BlockKind::paragraph, t.no_data_note, 0, -1, 0, t.origin};
  for (const Part& p : r.parts)
    for (std::size_t b = 0; b + 1 < p.blocks.size(); ++b) {
      if (p.blocks[b].kind != BlockKind::table || p.blocks[b].index != static_cast<int>(table)) continue;
      const Block& next = p.blocks[b + 1];
      const std::string key = label_key(next.text);
      if (next.kind == BlockKind::paragraph && (key.starts_with("注") || key.starts_with("说明"))) return next;
      return std::nullopt;
    }
  return std::nullopt;
}

// No figure in any cell: every amount blank or zero.
bool is_empty_table(const Table& t) {
  for (const Row& row : t.rows)
    for (const Cell& cell : row.cells)
      if (!cell.amount.is_blank() && !cell.amount.is_zero()) return false;
  return true;
}

// What a note says the table is about: the subjects of the national tables that are often empty.
constexpr const char* kNoteSubjects[] = {"政府性基金", "国有资本经营", "三公", "机关运行经费", "上年结转", "政府采购"};

void check_table_notes(Checker& c) {
  const Report& r = c.report();
  // A blank template has only empty tables: nothing to note yet.
  const bool any_figures = !std::all_of(r.tables.begin(), r.tables.end(), is_empty_table);
  const bool noted = c.layouts().report().empty_tables_noted && any_figures;
  for (std::size_t i = 0; i < r.tables.size(); ++i) {
    const Table& t = r.tables[i];
    const auto note = table_note(r, i);
    const bool empty = is_empty_table(t);
    if (!note) {
      if (empty && noted)
        c.add("wording.empty-table-unnoted", fmt::format("表{}“{}”没有数据，表下也没有说明（如“注：本表无数据”）", t.number, t.title), t.origin,
              {{fmt::format("表{}标题", t.number), t.title, t.origin}});
      continue;
    }
    const std::string key = label_key(note->text), title = label_key(t.title);
    std::vector<Evidence> evidence{{fmt::format("表{}标题", t.number), t.title, t.origin}, {"表下说明", note->text, note->origin}};
    for (const char* subject : kNoteSubjects)
      if (key.find(subject) != std::string::npos && title.find(subject) == std::string::npos) {
        c.add("wording.note-other-table", fmt::format("表{}“{}”下的说明讲的是“{}”，不是本表：“{}”", t.number, t.title, subject, note->text),
              note->origin, evidence);
        break;
      }
    const bool says_empty = key.find("无数据") != std::string::npos || key.find("空表") != std::string::npos ||
                            key.find("无相关") != std::string::npos;
    if (says_empty && !empty)
      c.add("wording.note-with-figures", fmt::format("表{}“{}”有数据，但表下说明称本表为空：“{}”", t.number, t.title, note->text), note->origin,
            evidence);
  }
}

// A digit followed by 万元 or 元: a sentence that states figures.
bool states_figures(const std::string& text) {
  for (std::size_t at = text.find("元"); at != std::string::npos; at = text.find("元", at + 1)) {
    std::size_t before = at;
    if (before >= 3 && text.compare(before - 3, 3, "万") == 0) before -= 3;
    if (before > 0 && text[before - 1] >= '0' && text[before - 1] <= '9') return true;
  }
  return false;
}

void check_kind_wording(Checker& c) {
  const Report& r = c.report();
  if (r.meta.kind == DocumentKind::unknown) return;
  const DocumentKind other = r.meta.kind == DocumentKind::unit ? DocumentKind::department : DocumentKind::unit;
  const char* kind = document_kind_name(r.meta.kind);
  for (const Table& t : r.tables)
    for (const auto& l : c.layouts().report().entity_labels)
      if (l.kind == other && !t.entity_label.empty() && label_key(t.entity_label) == label_key(l.label)) {
        c.add("wording.kind-mismatch", fmt::format("{}报告的表{}写的是“{}”", kind, t.number, t.entity_label), t.origin,
              {{fmt::format("表{}", t.number), t.entity_label + "：" + t.entity, t.origin}});
        break;
      }
  const std::string wrong = std::string("本") + document_kind_name(other);
  for (const Part& p : r.parts) {
    if (p.kind == PartKind::cover || p.kind == PartKind::contents || p.kind == PartKind::glossary) continue;
    for (const Block& b : p.blocks)
      if (b.kind == BlockKind::paragraph && b.text.find(wrong) != std::string::npos && states_figures(b.text))
        c.add("wording.kind-mismatch", fmt::format("{}报告中写“{}”：“{}”", kind, wrong, util::excerpt(util::trim(b.text), 60)), b.origin,
              {{"正文", b.text, b.origin}});
  }
}

}  // namespace

void check_text(Checker& c) {
  const Report& r = c.report();
  for (const Part& p : r.parts) {
    if (p.kind == PartKind::contents) continue;  // the contents' leader dots are no placeholder
    for (const Block& b : p.blocks) {
      if (b.kind != BlockKind::paragraph && b.kind != BlockKind::heading) continue;
      const std::string key = label_key(b.text);
      for (const char* mark : {"XX", "xx", "××", "待补充", "待填写", "待定", "……"}) {
        if (key.find(mark) == std::string::npos) continue;
        c.add("wording.placeholder", fmt::format("正文中留有占位符“{}”：“{}”", mark, util::excerpt(util::trim(b.text), 60)), b.origin,
              {{"正文", b.text, b.origin}});
        break;
      }
    }
  }
  check_kind_wording(c);
  check_table_notes(c);
  if (r.meta.year == 0) return;
  for (const Table& t : r.tables) {
    const int year = util::leading_year(label_key(t.title)) ? util::leading_year(label_key(t.title)) : util::first_year(label_key(t.title));
    if (year != 0 && year != r.meta.year)
      c.add("wording.other-year", fmt::format("表{}的标题“{}”是{}年，报告是{}年", t.number, t.title, year, r.meta.year), t.origin,
            {{fmt::format("表{}标题", t.number), t.title, t.origin}});
  }
}

}  // namespace budgetxl::check
