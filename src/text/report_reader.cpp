// Walks a decoded report in order: cover, contents, parts, tables, forms, prose; keeps what is not
// part of the report aside; ends with the finishing pass (metadata, and every table of the set there).
#include "text/report_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "finish/finish.hpp"
#include "finish/prose.hpp"
#include "text/clean.hpp"
#include "text/form_reader.hpp"
#include "util/normalize.hpp"
#include "text/table_reader.hpp"

namespace budgetxl::text {

using namespace budgetxl::util;

namespace {

// A contents entry: dotted leaders or a page number in the last field.
bool looks_like_toc_entry(const std::string& trimmed) {
  if (contains(trimmed, "....") || contains(trimmed, "…")) return true;
  const auto tab = trimmed.rfind('\t');
  if (tab == std::string::npos) return false;
  const std::string last = trim(trimmed.substr(tab + 1));
  return !last.empty() && last.size() <= 4 && std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
}

PartKind part_kind_for(const std::string& key, const ReportLayout& layout) {
  // Later keywords are more specific; check the named parts in a fixed order.
  for (const char* kind : {"glossary", "explanation", "overview", "tables"})
    for (const auto& part : layout.parts)
      if (part.kind == kind)
        for (const auto& kw : part.keywords)
          if (contains(key, label_key(kw))) {
            const std::string k = kind;
            if (k == "glossary") return PartKind::glossary;
            if (k == "explanation") return PartKind::explanation;
            if (k == "overview") return PartKind::overview;
            return PartKind::tables;
          }
  return PartKind::other;
}

class Walker {
 public:
  Walker(const Lines& lines, const Layouts& layouts, Report& report)
      : lines_(lines), layouts_(layouts), rl_(layouts.report()), report_(report) {
    ctx_.report_layout = &rl_;
    ctx_.layouts = &layouts_;
    ctx_.starts_other = [this](const Lines&, std::size_t i) { return starts_other(i); };
    report_.parts.push_back(Part{PartKind::cover, "", {}, Origin::at_line(lines.empty() ? 0 : lines.front().number)});
  }

  void run() {
    for (std::size_t i = 0; i < lines_.size();) i = step(i);
    // A text that opens with a table (the tables part published on its own, the text written from
    // a workbook a person made) opens with a part of tables, not a cover.
    Part& first = report_.parts.front();
    if (first.kind == PartKind::cover && first.heading.empty() && !first.blocks.empty() &&
        (first.blocks.front().kind == BlockKind::table || first.blocks.front().kind == BlockKind::form))
      first.kind = PartKind::tables;
  }

 private:
  Part& part() { return report_.parts.back(); }
  // A new part, its heading line (`line` as written, `heading` without markup) its first block.
  void open_part(PartKind kind, const std::string& heading, const std::string& line, const Origin& at) {
    report_.parts.push_back(Part{kind, heading, {}, at});
    report_.parts.back().blocks.push_back(prose_block(line, at));
  }

  std::string heading_key(std::size_t i) const {
    int markup = 0;
    return label_key(strip_markup(trim(lines_[i].text), &markup));
  }

  std::size_t next_nonblank(std::size_t i) const {
    while (i < lines_.size() && is_blank(lines_[i].text)) ++i;
    return i;
  }

  // Contents entries follow line i (a heading inside the contents is one of them).
  bool entry_follows(std::size_t i) const {
    const std::size_t n = next_nonblank(i + 1);
    return n < lines_.size() && looks_like_toc_entry(trim(lines_[n].text));
  }

  // A real part heading, not its contents entry.
  bool is_part_heading(std::size_t i) const {
    const std::string t = trim(lines_[i].text);
    if (!is_part_heading_text(heading_key(i))) return false;
    if (looks_like_toc_entry(t)) return false;
    if (in_toc_) {
      // Inside the contents a heading without a page number is still an entry when entries follow.
      if (entry_follows(i)) return false;
    }
    return true;
  }

  // A table title whose table follows: within the next lines its entity or unit line, its label
  // line, a row of its header or its no-data note. A title in a list of tables is not a table.
  std::optional<TitleMatch> table_title_at(std::size_t i) const {
    auto m = match_table_title(lines_[i].text, layouts_);
    if (!m || !body_follows(i, *m->layout)) return std::nullopt;
    return m;
  }

  // The title under a label line ("公开 05 表"), in a wording the template does not know: the label
  // says which table, when the line looks like a title and the table's body follows it.
  std::optional<TitleMatch> title_under_label(std::size_t i, int label) const {
    if (auto m = table_title_at(i)) return m;
    const TableLayout* layout = layouts_.find_table(label);
    const std::string t = trim(lines_[i].text);
    if (!layout || t.find('\t') != std::string::npos || code_points(t) > 60 || !ends_with(t, "表") || !body_follows(i, *layout))
      return std::nullopt;
    return TitleMatch{layout, first_year(label_key(t))};
  }

  bool body_follows(std::size_t i, const TableLayout& table) const {
    const layout::HeaderKeys hk = layout::header_keys(table);
    for (std::size_t j = i + 1, seen = 0; j < lines_.size() && seen < 6; ++j) {
      const std::string t = trim(lines_[j].text);
      if (t.empty()) continue;
      ++seen;
      std::string joined;
      for (const auto& f : split_tabs(t))
        if (const std::string field = trim(f); !field.empty()) {
          if (!joined.empty()) joined += ' ';
          joined += field;
        }
      std::string label, entity, unit;
      if (layout::parse_entity_line(joined, rl_, &label, &entity, &unit) || layout::parse_unit_line(joined, rl_, &unit) ||
          match_label_line(t, layouts_) == table.number || layout::is_no_data_note(label_key(t), rl_))
        return true;
      const auto keys = layout::nonempty_keys(split_tabs(t));
      for (const auto* rows : {&hk.full, &hk.without_optional})
        if (std::find(rows->begin(), rows->end(), keys) != rows->end()) return true;
      if (match_table_title(t, layouts_)) break;
    }
    return false;
  }

  bool starts_table(std::size_t i) const {
    if (table_title_at(i)) return true;
    if (const int label = match_label_line(lines_[i].text, layouts_)) {
      std::size_t n = next_nonblank(i + 1);
      return n < lines_.size() && title_under_label(n, label).has_value();
    }
    return false;
  }

  bool starts_other(std::size_t i) const {
    return is_part_heading(i) || starts_table(i) || starts_form(lines_, i, layouts_.forms());
  }

  void add_block(Block b) { part().blocks.push_back(std::move(b)); }

  std::size_t step(std::size_t i) {
    const Line& line = lines_[i];
    const std::string t = trim(line.text);
    if (t.empty()) return i + 1;
    const Origin at = Origin::at_line(line.number);
    int markup = 0;
    const std::string text(strip_markup(t, &markup));
    const std::string key = label_key(text);

    if (is_separator(t)) {
      report_.set_aside.push_back({NoiseKind::separator, t, at});
      return i + 1;
    }
    if (is_page_number(t, rl_)) {
      report_.set_aside.push_back({NoiseKind::page_number, t, at});
      return i + 1;
    }
    if (is_part_heading(i)) {
      in_toc_ = false;
      in_appendix_ = false;
      open_part(part_kind_for(key, rl_), text, t, at);
      return i + 1;
    }
    if (in_appendix_) {
      report_.set_aside.push_back({NoiseKind::appendix, t, at});
      return i + 1;
    }
    if (!in_toc_ && std::any_of(rl_.toc_headings.begin(), rl_.toc_headings.end(), [&](const std::string& h) { return key == label_key(h); })) {
      in_toc_ = true;
      open_part(PartKind::contents, text, t, at);
      return i + 1;
    }
    // Contents that no part heading ends (Shanghai's reports go on with the 职能 text, and a unit
    // report's entries have no page numbers): they end at a blank line followed by a line that is
    // no entry.
    if (in_toc_ && toc_lines_ > 0 && i > 0 && is_blank(lines_[i - 1].text) && !looks_like_toc_entry(t) && !entry_follows(i)) {
      in_toc_ = false;
      // The line that ends them is the body's first heading ("某某局主要职能"): it opens a part, so
      // that the body is not taken for contents.
      if (t.find('\t') == std::string::npos && code_points(t) <= 40 && !table_title_at(i) &&
          !starts_form(lines_, i, layouts_.forms())) {
        open_part(part_kind_for(key, rl_), text, t, at);
        return i + 1;
      }
    }
    if (in_toc_) {
      ++toc_lines_;
      add_block(prose_block(t, at));
      return i + 1;
    }
    if (const int label = match_label_line(t, layouts_)) {
      const std::size_t n = next_nonblank(i + 1);
      if (n < lines_.size())
        if (auto m = title_under_label(n, label)) {
          const std::size_t end = read_one_table(n, *m);
          Table& table = report_.tables.back();
          table.label_line = t;
          if (label != table.number)
            report_.findings.add("text.label-mismatch", Severity::info, fmt::format("表号行“{}”出现在表{}之前", t, table.number), at);
          return end;
        }
    }
    if (auto m = table_title_at(i)) return read_one_table(i, *m);
    if (starts_form(lines_, i, layouts_.forms())) {
      const std::size_t before = report_.forms.size();
      const std::size_t end = read_form(lines_, i, layouts_, report_);
      for (std::size_t f = before; f < report_.forms.size(); ++f)
        add_block(Block{BlockKind::form, "", 0, static_cast<int>(f), 0, report_.forms[f].origin});
      return std::max(end, i + 1);
    }
    if (part().kind != PartKind::cover &&
        std::any_of(rl_.appendix_markers.begin(), rl_.appendix_markers.end(), [&](const std::string& m) { return ends_with(key, label_key(m)); })) {
      in_appendix_ = true;
      report_.set_aside.push_back({NoiseKind::appendix, t, at});
      report_.findings.add("text.appendix", Severity::info, fmt::format("附带的其他文件（“{}”起）不属于预算公开内容，已单独保存", t), at);
      return i + 1;
    }
    if (part().kind != PartKind::cover && !report_.meta.entity.empty() && key == label_key(report_.meta.entity) && markup == 0) {
      report_.set_aside.push_back({NoiseKind::running_header, t, at});
      return i + 1;
    }
    // The cover's lines name the entity and the year; prose after a table (a note) does not.
    if (part().kind == PartKind::cover &&
        std::none_of(part().blocks.begin(), part().blocks.end(), [](const Block& b) { return b.kind == BlockKind::table; }))
      note_cover_line(text);
    add_block(prose_block(t, at));
    return i + 1;
  }

  std::size_t read_one_table(std::size_t title, const TitleMatch& m) {
    Table table;
    const std::size_t end = read_table(lines_, title, m, ctx_, table, report_);
    if (report_.meta.year == 0) report_.meta.year = m.year;
    if (report_.meta.entity.empty()) report_.meta.entity = table.entity;
    report_.tables.push_back(std::move(table));
    add_block(Block{BlockKind::table, "", 0, static_cast<int>(report_.tables.size() - 1), 0, report_.tables.back().origin});
    return std::max(end, title + 1);
  }

  // The kind of document a cover line names: the first of report.json's document_kinds one of
  // whose keywords it contains ("2024年度单位预算公开": 单位预算), else unknown.
  DocumentKind document_kind_of(const std::string& key) const {
    for (const auto& k : rl_.document_kinds)
      for (const auto& kw : k.keywords)
        if (contains(key, label_key(kw))) return k.kind;
    return DocumentKind::unknown;
  }

  // The cover names the entity, then the document: "2024年度单位预算公开".
  void note_cover_line(const std::string& text) {
    const std::string key = label_key(text);
    // "预算主管部门：上海市普陀区财政局": an entity line names it for sure.
    std::string label, entity, unit;
    if (layout::parse_entity_line(text, rl_, &label, &entity, &unit) && !entity.empty()) {
      report_.meta.entity = entity;
      entity_from_line_ = true;
      if (report_.meta.kind == DocumentKind::unknown)
        for (const auto& e : rl_.entity_labels)
          if (e.label == label) report_.meta.kind = e.kind;
      return;
    }
    // The year may follow the place: "上海市普陀区2025年区级部门预算".
    int year = leading_year(key);
    if (year == 0 && report_.meta.year == 0 && document_kind_of(key) != DocumentKind::unknown) year = first_year(key);
    if (year != 0 && report_.meta.year == 0) {
      if (const DocumentKind kind = document_kind_of(key); kind != DocumentKind::unknown) {
        report_.meta.year = year;
        report_.meta.title = text;
        report_.meta.kind = kind;
        return;
      }
    }
    if (report_.meta.entity.empty() && !entity_from_line_ && year == 0 && key.size() <= 90) report_.meta.entity = trim(text);
  }


  const Lines& lines_;
  const Layouts& layouts_;
  const ReportLayout& rl_;
  Report& report_;
  TableReadContext ctx_;
  bool in_toc_ = false;
  bool entity_from_line_ = false;  // the cover named the entity on an entity line
  int toc_lines_ = 0;  // lines of the contents so far (its heading not counted)
  bool in_appendix_ = false;
};

}  // namespace

Report read_text(const DecodedText& decoded, const std::string& name, const Layouts& layouts) {
  Report report;
  report.source = {name, "text", decoded.encoding, decoded.line_ending, {}};
  const Lines lines = clean_lines(decoded.lines, layouts.report(), report.set_aside);
  Walker(lines, layouts, report).run();

  finish_report(report, layouts);
  return report;
}

void require_report_content(const Report& report) {
  const bool has_parts = std::any_of(report.parts.begin(), report.parts.end(), [](const Part& p) {
    return p.kind != PartKind::cover && p.kind != PartKind::contents;
  });
  if (report.tables.empty() && report.forms.empty() && !has_parts)
    throw DecodeError(report.source.file + ": 不是预算公开报告：没有找到预算表、绩效目标表或“第N部分”标题");
}

void require_known_tables(const DecodedText& decoded, const Report& report, const LayoutFamilies& families) {
  if (!report.tables.empty() || !report.forms.empty()) return;
  std::size_t rows = 0;
  std::vector<std::string> titles;  // the line above each run of table rows
  std::string above;
  bool in_run = false;
  for (const auto& l : decoded.lines) {
    const std::string t = trim(l.text);
    if (t.empty()) continue;
    const auto fields = split_tabs(t);
    bool figures = false;
    for (const auto& f : fields)
      if (const auto a = parse_amount(trim(f)); a.value && !a.value->is_blank() && trim(f).size() >= 3) figures = true;
    if (fields.size() >= 3 && figures) {
      ++rows;
      if (!in_run && !above.empty() && titles.size() < 6 && std::find(titles.begin(), titles.end(), above) == titles.end())
        titles.push_back(above);
      in_run = true;
    } else {
      in_run = false;
      // A title: a line of its own that names a table ("…预算表", "…明细表").
      if (l.text.find('\t') == std::string::npos && code_points(t) <= 60 && contains(t, "表") && !looks_like_toc_entry(t))
        above = t;
    }
  }
  if (rows < 5) return;
  std::string known, seen;
  for (const auto& f : families.all()) known += (known.empty() ? "" : "、") + f->family();
  for (const auto& t : titles) seen += (seen.empty() ? "“" : "”、“") + t;
  if (!seen.empty()) seen += "”";
  throw DecodeError(fmt::format("{}: 有{}行表格数据，但没有一张表与已知的报表格式（{}）相符{}。请用 --family 指定格式，"
                                "或按 README“Adding a province”为该省添加布局族",
                                report.source.file, rows, known, seen.empty() ? "" : "；看到的标题：" + seen));
}

const Layouts& family_of(const DecodedText& decoded, const LayoutFamilies& families, const std::string& family) {
  if (!family.empty()) return families.get(family);
  std::vector<std::string_view> lines;
  lines.reserve(decoded.lines.size());
  for (const auto& l : decoded.lines) lines.push_back(l.text);
  return *layout::best_family(lines, families).family;
}

Report read_text_report(const std::string& path, const Layouts& layouts, const ReadLimits& limits) {
  return read_text(decode_file(path, limits), path, layouts);
}

}  // namespace budgetxl::text
