#include "xlsx/header_match.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "layout/match.hpp"
#include "util/normalize.hpp"

namespace budgetxl::xlsx {

namespace {

using util::ends_with;
using util::label_key;

// The key a header cell is compared by: whitespace and widths gone, years and unit notes dropped
// ("2025年合计（万元）" and "合计" are one header).
std::string header_key(std::string_view text) {
  std::string k = layout::year_placeholder(label_key(text));
  for (const char* word : {"{year}年度", "{year}年", "{year}", "(元)", "(万元)", "(单位:元)", "(单位:万元)", "“", "”", "\""})
    k = util::replace_all(std::move(k), word, "");
  return k;
}

// A column's path down the header rows: the key of every row's cell over it, a merged cell
// counted once in the row it starts in; empty rows left out.
using Path = std::vector<std::string>;

std::string joined(const Path& p) {
  std::string s;
  for (const auto& k : p) s += k;
  return s;
}

// The sheet's header block as paths, one per sheet column (0-based index = column - 1). An upper
// cell left empty beside a group heading without a merge ("收入 | (empty)" over "项目 | 预算数")
// belongs to the heading on its left when the row below has a cell there.
std::vector<Path> sheet_paths(const Sheet& sheet, const HeaderBlock& block, std::uint32_t ncols) {
  const std::size_t nrows = block.rows.size();
  std::vector<std::vector<std::string>> grid(nrows, std::vector<std::string>(ncols));
  auto raw = [&](std::size_t i, std::uint32_t c) -> std::string {
    return c < block.rows[i].size() ? block.rows[i][c] : std::string();
  };
  for (std::size_t i = 0; i < nrows; ++i) {
    const std::uint32_t row = block.first_row + static_cast<std::uint32_t>(i);
    for (std::uint32_t c = 0; c < ncols; ++c) {
      std::string t = raw(i, c);
      if (t.empty())
        if (const MergedRange* m = sheet.merge_at(row, c + 1); m && m->first_row == row && m->first_col != c + 1)
          t = std::string(sheet.text(m->first_row, m->first_col));
      grid[i][c] = header_key(t);
    }
  }
  for (std::size_t i = 0; i + 1 < nrows; ++i)
    for (std::uint32_t c = 1; c < ncols; ++c) {
      const std::uint32_t row = block.first_row + static_cast<std::uint32_t>(i);
      if (grid[i][c].empty() && !grid[i][c - 1].empty() && !sheet.merge_at(row, c + 1) && !sheet.merge_at(row, c) &&
          !grid[i + 1][c].empty() && !grid[i + 1][c - 1].empty())
        grid[i][c] = grid[i][c - 1];
    }
  std::vector<Path> paths(ncols);
  for (std::uint32_t c = 0; c < ncols; ++c)
    for (std::size_t i = 0; i < nrows; ++i)
      if (!grid[i][c].empty()) paths[c].push_back(grid[i][c]);
  return paths;
}

// The layout's header as paths, one per printed field.
std::vector<Path> template_paths(const TableLayout& layout) {
  const std::size_t nfield = layout.fields.size();
  std::vector<Path> paths(nfield);
  for (std::size_t r = 0; r < layout.header.size(); ++r)
    for (std::size_t c = 0; c < nfield; ++c) {
      std::string t = c < layout.header[r].size() ? layout.header[r][c] : "";
      if (t.empty())
        for (const HeaderMerge& m : layout.merges)
          if (static_cast<int>(r) == m.first_row && static_cast<int>(c) > m.first_col && static_cast<int>(c) <= m.last_col &&
              static_cast<std::size_t>(m.first_col) < layout.header[r].size())
            t = layout.header[r][static_cast<std::size_t>(m.first_col)];
      if (std::string k = header_key(t); !k.empty()) paths[c].push_back(std::move(k));
    }
  return paths;
}

bool is_code_part_name(const std::string& key) { return key == "类" || key == "款" || key == "项"; }

// Words people head any amount column with.
bool is_amount_word(const std::string& key) {
  for (const char* w : {"预算数", "金额", "合计", "小计", "预算金额", "预算", "数额"})
    if (key == w) return true;
  return false;
}

bool names_a_code(const std::string& key) { return ends_with(key, "编码") || ends_with(key, "代码") || key == "科目"; }

constexpr int kHeader = 100, kName = 95, kLeaf = 90, kLeafName = 85, kSimilar = 60, kAmbiguous = 40;

}  // namespace

const std::vector<ColumnLayout::Part>& national_code_parts() {
  static const std::vector<ColumnLayout::Part> parts{{"类", 3}, {"款", 2}, {"项", 2}};
  return parts;
}

HeaderMatch match_header_columns(const Sheet& sheet, const HeaderBlock& block, const TableLayout& layout,
                                 const NationalVocabulary& vocabulary, const Table& table,
                                 const std::vector<bool>& has_data) {
  std::uint32_t ncols = 0;
  for (const auto& row : block.rows)
    for (std::uint32_t c = 0; c < row.size(); ++c)
      if (!row[c].empty()) ncols = std::max(ncols, c + 1);
  for (std::uint32_t c = 1; c < has_data.size(); ++c)
    if (has_data[c]) ncols = std::max(ncols, c);
  const std::vector<Path> spath = sheet_paths(sheet, block, ncols);
  const std::vector<Path> tpath = template_paths(layout);
  const std::size_t nfield = layout.fields.size();

  HeaderMatch out;
  out.fields.resize(nfield);
  std::vector<bool> column_taken(ncols + 1, false);
  auto column_of = [&](std::size_t k) -> const ColumnLayout& {
    return layout.columns[static_cast<std::size_t>(layout.fields[k].column)];
  };
  auto wanted = [&](std::size_t k) { return table.has_column(column_of(k).id); };
  // The names a field is known by: its column's name and the national name of its id.
  std::vector<std::vector<std::string>> names(nfield);
  for (std::size_t k = 0; k < nfield; ++k) {
    const ColumnLayout& col = column_of(k);
    if (layout.fields[k].part >= 0) {
      names[k].push_back(header_key(col.parts[static_cast<std::size_t>(layout.fields[k].part)].name));
      continue;
    }
    names[k].push_back(header_key(col.name));
    if (const auto it = vocabulary.columns.find(col.id); it != vocabulary.columns.end()) names[k].push_back(header_key(it->second));
  }
  auto leaf_unique = [&](std::size_t k) {
    if (tpath[k].empty()) return false;
    for (std::size_t j = 0; j < nfield; ++j)
      if (j != k && !tpath[j].empty() && tpath[j].back() == tpath[k].back()) return false;
    return true;
  };
  auto score = [&](std::size_t k, std::uint32_t c) -> int {
    const Path& s = spath[c - 1];
    if (s.empty()) return 0;
    const std::string sj = joined(s), tj = joined(tpath[k]);
    const std::string& leaf = s.back();
    if (!tj.empty() && sj == tj) return kHeader;
    for (const auto& n : names[k])
      if (!n.empty() && sj == n) return kName;
    if (!tpath[k].empty() && leaf == tpath[k].back()) {
      if (leaf_unique(k)) return kLeaf;
      // Two fields share the leaf (收入 项目 / 支出 项目): a heading over it decides.
      for (std::size_t i = 0; i + 1 < s.size(); ++i)
        for (std::size_t j = 0; j + 1 < tpath[k].size(); ++j)
          if (s[i] == tpath[k][j]) return kLeaf;
      if (s.size() == 1 && tpath[k].size() == 1) return kLeaf;
    }
    for (const auto& n : names[k])
      if (!n.empty() && leaf == n) return kLeafName;
    if (!tpath[k].empty() && leaf == tpath[k].back()) return kAmbiguous;
    // "支出 | 预算数" for "支出 | 2025年合计": a generic amount word under the same heading.
    if (is_amount_word(leaf) && column_of(k).kind == ColumnKind::amount &&
        (tpath[k].empty() || tpath[k].back().empty() || is_amount_word(tpath[k].back()) || tpath[k].size() == 1)) {
      Path above_s(s.begin(), s.end() - 1), above_t = tpath[k];
      while (!above_s.empty() && is_amount_word(above_s.back())) above_s.pop_back();
      while (!above_t.empty() && is_amount_word(above_t.back())) above_t.pop_back();
      const std::string as = joined(above_s), at = joined(above_t);
      if (!as.empty() && !at.empty() && (as == at || (as.size() >= 6 && ends_with(at, as)) || (at.size() >= 6 && ends_with(as, at))))
        return kSimilar;
    }
    // Similar wording: one contains the other's leaf (two characters at least).
    const std::string tl = tpath[k].empty() ? "" : tpath[k].back();
    for (const std::string& n : {tl, names[k].front()})
      if (n.size() >= 6 && leaf.size() >= 6 && (util::contains(sj, n) || util::contains(n, leaf))) return kSimilar;
    return 0;
  };

  // A code typed in 类 | 款 | 项 columns under the code's heading, where the layout prints one
  // code column: the columns are the code's parts.
  for (std::size_t k = 0; k < nfield; ++k) {
    const ColumnLayout& col = column_of(k);
    if (col.kind != ColumnKind::code || !col.parts.empty() || !wanted(k)) continue;
    std::vector<std::uint32_t> parts;
    for (std::uint32_t c = 1; c <= ncols; ++c) {
      const Path& s = spath[c - 1];
      if (s.size() < 2 || !is_code_part_name(s.back())) continue;
      const std::string above = joined(Path(s.begin(), s.end() - 1));
      const bool under_code = above == joined(tpath[k]) ||
                              std::any_of(names[k].begin(), names[k].end(), [&](const std::string& n) { return n == above; }) ||
                              names_a_code(above);
      if (under_code && parts.size() < national_code_parts().size()) parts.push_back(c);
    }
    if (parts.size() < 2) continue;
    FieldMatch& f = out.fields[k];
    f.how = FieldMatch::How::header;
    f.columns = parts;
    for (std::uint32_t c : parts) column_taken[c] = true;
    f.header = joined(spath[parts.front() - 1]);
  }

  // Every other field: the best-scoring free column, best pairs first; on a tie the column whose
  // place among the sheet's columns is nearest the field's place among the layout's.
  std::vector<std::tuple<int, int, std::size_t, std::uint32_t>> pairs;  // -score, distance, field, column
  for (std::size_t k = 0; k < nfield; ++k) {
    if (!wanted(k) || !out.fields[k].columns.empty()) continue;
    for (std::uint32_t c = 1; c <= ncols; ++c) {
      if (column_taken[c]) continue;
      if (const int s = score(k, c); s > 0)
        pairs.emplace_back(-s, std::abs(static_cast<int>(c) - 1 - static_cast<int>(k)), k, c);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  for (const auto& [neg, distance, k, c] : pairs) {
    (void)distance;
    if (!out.fields[k].columns.empty() || column_taken[c]) continue;
    FieldMatch& f = out.fields[k];
    f.how = -neg >= kLeafName ? (-neg >= kLeaf ? FieldMatch::How::header : FieldMatch::How::name) : FieldMatch::How::similar;
    f.columns = {c};
    f.header = joined(spath[c - 1]);
    column_taken[c] = true;
  }
  // A code the layout prints in 类 | 款 | 项 typed whole in one column ("2050201" under 科目编码):
  // the column is read as the first part, which holds the whole code.
  for (std::size_t k = 0; k < nfield; ++k) {
    const ColumnLayout& col = column_of(k);
    if (layout.fields[k].part != 0 || !wanted(k)) continue;
    bool any = false;
    for (std::size_t j = 0; j < nfield; ++j)
      if (layout.fields[j].column == layout.fields[k].column && !out.fields[j].columns.empty()) any = true;
    if (any) continue;
    for (std::uint32_t c = 1; c <= ncols; ++c) {
      if (column_taken[c] || spath[c - 1].empty()) continue;
      const std::string sj = joined(spath[c - 1]);
      const bool named = sj == header_key(col.name) ||
                         (vocabulary.columns.count(col.id) && sj == header_key(vocabulary.columns.at(col.id)));
      if (!named && !names_a_code(spath[c - 1].back())) continue;
      for (std::size_t j = 0; j < nfield; ++j)
        if (layout.fields[j].column == layout.fields[k].column) out.fields[j].how = named ? FieldMatch::How::header : FieldMatch::How::similar;
      out.fields[k].columns = {c};
      out.fields[k].header = sj;
      column_taken[c] = true;
      break;
    }
  }
  for (const auto& f : out.fields)
    if (f.how != FieldMatch::How::none) ++out.by_text;

  // A header that is the national name of a column ("事业收入") is that column, never another
  // one guessed by position.
  std::set<std::string> national;  // the national column names, as header keys
  for (const auto& [id, name] : vocabulary.columns) national.insert(header_key(name));
  auto names_another_column = [&](std::uint32_t c) {
    const Path& p = spath[c - 1];
    return !p.empty() && (national.count(p.back()) || national.count(joined(p)));
  };
  // A field no header names takes the first free column between its placed neighbours that has
  // a header or data, by position (optional columns are rather left out than guessed).
  for (std::size_t k = 0; k < nfield; ++k) {
    if (!wanted(k) || !out.fields[k].columns.empty() || column_of(k).optional) continue;
    std::uint32_t left = 0, right = ncols + 1;
    for (std::size_t j = k; j-- > 0;)
      if (!out.fields[j].columns.empty()) {
        left = out.fields[j].columns.back();
        break;
      }
    for (std::size_t j = k + 1; j < nfield; ++j)
      if (!out.fields[j].columns.empty()) {
        right = out.fields[j].columns.front();
        break;
      }
    for (std::uint32_t c = left + 1; c < right && c <= ncols; ++c) {
      if (column_taken[c] || names_another_column(c)) continue;
      if (spath[c - 1].empty() && !(c < has_data.size() && has_data[c])) continue;
      FieldMatch& f = out.fields[k];
      f.how = FieldMatch::How::position;
      f.columns = {c};
      f.header = joined(spath[c - 1]);
      column_taken[c] = true;
      ++out.guessed;
      break;
    }
  }
  for (std::uint32_t c = 1; c <= ncols; ++c)
    if (!column_taken[c] && !spath[c - 1].empty() && c < has_data.size() && has_data[c]) ++out.unclaimed;
  return out;
}

}  // namespace budgetxl::xlsx
