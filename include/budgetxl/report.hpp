// The canonical model of a budget disclosure: metadata, the official tables, the performance
// target forms, the prose parts in order, and the material set aside. Every reader fills it and
// every writer reads it; no format knows about another.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "budgetxl/amount.hpp"
#include "budgetxl/codes.hpp"
#include "budgetxl/finding.hpp"
#include "budgetxl/forms.hpp"
#include "budgetxl/errors.hpp"
#include "budgetxl/origin.hpp"

namespace budgetxl {

enum class DocumentKind { unknown, department, unit };  // 部门预算 / 单位预算
const char* document_kind_name(DocumentKind k);          // "部门" / "单位" / ""

struct SourceInfo {
  std::string file;         // as given on the command line ("A.txt + B.txt" for a report in several files)
  std::string format;       // "text" or "xlsx"
  std::string encoding;     // "UTF-8", "UTF-8 (BOM)", "GB18030"
  std::string line_ending;  // "LF", "CRLF"
  // A report read from several text files (Jiangsu publishes the text and the tables apart): each
  // file and the line of the joined text it starts at. Empty for one file.
  struct Piece {
    std::string file;
    std::uint32_t first_line = 1;
  };
  std::vector<Piece> pieces;
  // The file and its own line of a line of the joined text (the file itself for one file).
  std::pair<std::string, std::uint32_t> locate(std::uint32_t line) const;
};

struct Metadata {
  std::string entity;        // 部门/单位 name
  DocumentKind kind = DocumentKind::unknown;
  int year = 0;
  std::string amount_unit = "万元";  // unit of the tables
  std::string title;         // the cover's document title line, e.g. "2024年度单位预算公开"
  std::string family;        // the layout family the report was read with ("shanxi"); set by the finishing pass
};

// One cell of a table row, in the column the official layout gives it.
struct Cell {
  std::string text;  // codes, names, labels; for an amount column only text that is not an amount
  Amount amount;     // amount columns only
  Origin origin;
  bool operator==(const Cell& o) const { return text == o.text && amount == o.amount; }
};

enum class RowKind {
  item,          // an ordinary row: a 功能分类 code, an economic item, a fixed label, a project
  total,         // 合计, 本年收入合计, 收入总计 …
  group,         // 表六 class rows (工资福利支出 …)
  organisation,  // 表十一/十二/十三 department and unit rows
};
const char* row_kind_name(RowKind k);

struct Row {
  RowKind kind = RowKind::item;
  // 功能分类 level for code rows; organisation depth (1 = department, 2 = unit) for organisation rows,
  // and depth+1 for the projects below them; 表六 1 = class, 2 = item.
  int level = 0;
  std::vector<Cell> cells;  // one per column of the layout, in layout order
  Origin origin;
  bool operator==(const Row& o) const { return kind == o.kind && level == o.level && cells == o.cells; }
};

struct Table {
  int number = 0;                  // the layout's number (1..13 for Shanxi)
  std::string title;               // as written, e.g. "2024年预算收支总表"
  std::string label_line;          // "预算公开表1" when the report prints one
  std::string entity_label;        // "单位名称" or "部门名称"
  std::string entity;              // the name on that line
  std::string unit = "万元";
  std::vector<std::string> absent_columns;  // ids of optional columns this report does not print
  std::vector<Row> rows;
  std::string no_data_note;        // "注：本表无数据" when the table says it has no data
  Origin origin;                   // the title line or the sheet

  bool has_column(const std::string& id) const;
  bool operator==(const Table& o) const;
};

// A block of a prose part, in document order. Table and form blocks point into Report::tables/forms.
enum class BlockKind { heading, paragraph, table, form };
const char* block_kind_name(BlockKind k);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;  // heading or paragraph text, without markup ('#', bullets are kept as written)
  int level = 0;     // heading level: 1 = 第N部分, 2 = 一、, 3 = （一）; markdown '#' count when present
  int index = -1;    // into Report::tables or Report::forms
  int markup = 0;    // number of markdown '#' the line was written with (0 = none)
  Origin origin;
  bool operator==(const Block& o) const {
    return kind == o.kind && text == o.text && level == o.level && index == o.index && markup == o.markup;
  }
};

enum class PartKind { cover, contents, overview, tables, explanation, glossary, other };
const char* part_kind_name(PartKind k);  // "cover", …
const char* part_kind_title(PartKind k); // "封面", "目录", "概况", "预算报表", "情况说明", "名词解释", "其他"

struct Part {
  PartKind kind = PartKind::other;
  std::string heading;  // as written: "第一部分 概况" (empty for the cover)
  std::vector<Block> blocks;
  Origin origin;
  bool operator==(const Part& o) const { return kind == o.kind && heading == o.heading && blocks == o.blocks; }
};

// Material that is not part of the report: kept, counted, never silently dropped.
enum class NoiseKind { watermark, page_footer, page_number, running_header, separator, appendix, unplaced };
// Every kind, in declaration order.
inline constexpr NoiseKind kNoiseKinds[] = {NoiseKind::watermark, NoiseKind::page_footer, NoiseKind::page_number,
                                            NoiseKind::running_header, NoiseKind::separator, NoiseKind::appendix,
                                            NoiseKind::unplaced};
const char* noise_kind_name(NoiseKind k);   // "watermark" …
const char* noise_kind_title(NoiseKind k);  // "水印", "页脚", "页码", "页眉", "分隔线", "附录文件", "未归位内容"
bool noise_kind_from_title(std::string_view title, NoiseKind& out);

struct Noise {
  NoiseKind kind = NoiseKind::unplaced;
  std::string text;
  Origin origin;
};

struct Report {
  SourceInfo source;
  Metadata meta;
  std::vector<Part> parts;    // in document order
  std::vector<Table> tables;  // in document order; Table::number says which
  std::vector<Form> forms;    // performance target forms, in document order
  std::vector<Noise> set_aside;
  Findings findings;

  const Table* table(int number) const;
  Table* table(int number);
};

}  // namespace budgetxl
