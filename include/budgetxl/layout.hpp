// The official layouts, loaded from templates/ (data, not code). One TableLayout per official table;
// every reader and writer of every format is driven by these descriptions.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "budgetxl/errors.hpp"
#include "budgetxl/form_layout.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl {

enum class ColumnKind { code, name, label, amount };
const char* column_kind_name(ColumnKind k);

struct ColumnLayout {
  std::string id;       // stable, ASCII: "expense_total"
  std::string name;     // Chinese, for JSON readers and messages: "支出合计"
  ColumnKind kind = ColumnKind::amount;
  bool optional = false;  // may be absent from a report (表四's 国有资本经营预算 column)
  // Not part of 合计 when checking row sums (表二's 上年结转).
  bool outside_total = false;
  // A code printed in several fields (Shanghai's 类 | 款 | 项): the name and digits of each part.
  // The model holds the joined code ("2010601"); empty for a column printed in one field.
  struct Part {
    std::string name;  // "类"
    int digits = 0;    // 3
  };
  std::vector<Part> parts;
  // The printed parts of a code ("201", "06", "01") joined into the national code; a numeric part
  // shorter than its digits gets its leading zeros back ("301", "7" -> "30107") and sets *restored.
  // A part that is not a number ("合计") is kept as written.
  std::string join_parts(const std::vector<std::string>& printed, bool* restored = nullptr) const;
  // The national code in its printed parts ("20106" -> "201", "06", ""); a text that is no code of
  // these parts stays whole in the first.
  std::vector<std::string> split_parts(const std::string& code) const;
};

// One field of a printed table row: a column, or one part of a code printed in several fields.
struct PrintedField {
  int column = 0;
  int part = -1;  // -1: the whole column
};

// A merged header cell, 0-based within the header block.
struct HeaderMerge {
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

// A fixed row label of the official layout (the 30 支出 classes, the 三公 rows ...).
struct FixedLabel {
  std::string text;                   // the official wording
  std::vector<std::string> variants;  // wordings seen in real reports
};

enum class TableShape {
  two_sided,     // 表一, 表四: 收入 and 支出 side by side
  code,          // 功能分类 code + name + amounts (表二, 三, 五, 七, 八)
  economic,      // 表六: 部门/政府 economic names + amounts
  state_capital, // 表九: two-sided with codes on both sides
  fixed_rows,    // 表十: fixed row labels
  figures,       // one row of figures under a multi-row header, no label column (Shanghai's 三公 table)
  organisation,  // 表十一: 部门合计 + units
  projects       // 表十二, 十三: organisation rows then project rows
};

struct TableLayout {
  int number = 0;                  // the table's number in its set (1..13 for Shanxi), unique
  std::string title;               // "预算收支总表": the title without its year
  std::vector<std::string> title_variants;
  std::string sheet;               // "表1 预算收支总表"
  // The table's role in the national core set ("budget_summary", "income_summary" …), the same
  // in every family whatever the table is called there.
  std::string role;
  // The unit the table's amounts are printed in when it differs from the family's ("万元" for
  // Shanghai's 三公 table); "" = the family's.
  std::string unit;
  std::vector<std::string> label_lines;  // "预算公开表{n}", "部门公开表{n}"
  // Matching keys (whitespace and width removed), computed once when the layout is loaded:
  // the title and its variants, and the label lines.
  std::vector<std::string> title_keys;
  std::vector<std::string> label_line_keys;
  TableShape shape = TableShape::code;
  std::vector<ColumnLayout> columns;
  // The printed fields of a full row, in order: every column, a code of several parts once per
  // part. Header rows, merges and the text and workbook rows are in these coordinates.
  std::vector<PrintedField> fields;
  // The printed fields without the columns a table does not print (Table::absent_columns).
  std::vector<PrintedField> printed_fields(const Table& table) const;
  // The optional columns that only header rows a report did not print name (rows_seen[r]: row r
  // of `header` was printed): absent from that report. None when every header row was printed.
  std::vector<std::string> unnamed_optional_columns(const std::vector<bool>& rows_seen) const;
  // Header rows as the official layout prints them (one cell per printed field); "{year}" stands
  // for the report's year.
  std::vector<std::vector<std::string>> header;
  // Other header lines accepted by the text reader (same placeholders).
  std::vector<std::vector<std::string>> header_variants;
  std::vector<HeaderMerge> merges;
  bool column_numbers = false;     // prints a "1→2→3…" row after the header
  std::string label_column;        // column whose text is checked against fixed_labels
  std::vector<FixedLabel> fixed_labels;
  std::vector<std::string> total_labels;  // labels that make a row a total row ("合计", "收入总计" …)
  // Shape economic (表六): the name column an item row fills and a group row (工资福利支出) leaves
  // blank ("gov_econ_name"); required for that shape, empty for the others.
  std::string item_name_column;
  // What each row adds up to (templates' "sums"): a column that is the sum of others (合计 = 基本
  // + 项目; 公务用车 = 购置 + 运行). Column indices; checked by `budgetxl check`.
  struct RowSum {
    int total = 0;
    std::vector<int> parts;
  };
  std::vector<RowSum> row_sums;

  int column_index(const std::string& id) const;  // -1 when absent
  // Columns by role: the first column of a kind (the 科目编码 of a code table), and the first name
  // or label column (the row's name); -1 when the layout has none.
  int first_column(ColumnKind kind) const;
  int first_text_column() const;
  std::vector<int> amount_columns() const;
};

// The parts of a report and the noise that is kept aside (templates/report.json).
struct ReportLayout {
  struct Part {
    std::string kind;                   // "overview", "tables", "explanation", "glossary"
    std::string name;                   // "概况"
    std::vector<std::string> keywords;  // heading text that names this part
  };
  std::vector<Part> parts;
  std::vector<std::string> toc_headings;      // "目录", "目 录"
  std::vector<std::string> watermarks;        // removed wherever they stand: "仅供内部审核"
  std::vector<std::string> page_footer_patterns;  // ECMAScript regexes, removed from lines
  std::vector<std::string> page_number_patterns;  // a whole line that is only a page number
  std::vector<std::string> appendix_markers;  // a line containing one starts an appended document
  std::vector<std::string> no_data_notes;     // "注：本表无数据"
  // The family prints a note under every empty table ("注：本表无数据", "故本表为空表"); Jiangsu
  // explains its empty tables in the 情况说明 instead.
  bool empty_tables_noted = false;
  // Words between a title's year and its table name that do not change the table: "2025年部门收入
  // 预算总表", "2025年预算单位收入预算总表" (the longest that matches is dropped).
  std::vector<std::string> title_prefixes;
  // What an empty table's only row says in its code cell ("无"): not a malformed code.
  std::vector<std::string> none_labels;
  // What people type in an amount cell for "none" ("—", "-", "/", "无"): read as blank, with a finding.
  std::vector<std::string> blank_markers;
  // Titles numbered like headings ("一、2018年度…", "1. …"): the number is dropped before matching.
  bool title_ordinals = false;
  // Titles that name the entity between the year and the table: "2018年度江苏省高级人民法院收支预算总表".
  bool title_names_entity = false;
  // The label of an entity line ("部门名称：…") and the kind of document it names: the text reader
  // matches them in this order, the workbook writes and reads its cover's entity row with them.
  struct EntityLabel {
    std::string label;                               // "部门名称"
    DocumentKind kind = DocumentKind::unknown;       // department or unit
  };
  std::vector<EntityLabel> entity_labels;
  // What the cover's title line says about the document ("2024年度单位预算公开"): the first kind,
  // in this order, one of whose keywords the line contains.
  struct DocumentKindKeywords {
    DocumentKind kind = DocumentKind::unknown;       // department or unit
    std::vector<std::string> keywords;               // "单位预算"
  };
  std::vector<DocumentKindKeywords> document_kinds;
  // "单位": what a unit line ("单位：万元") starts with; required, and the writers print the first.
  std::vector<std::string> unit_labels;
  // page_footer_patterns and page_number_patterns, compiled when the set was loaded.
  std::shared_ptr<const struct ReportPatterns> patterns;
};

// The national vocabulary under the families (templates/national.json): the roles of the core
// tables and the standard column ids, each with its Chinese name. Every table of every family uses
// them, checked when a family loads.
struct NationalVocabulary {
  std::map<std::string, std::string> roles;    // "budget_summary" -> "收支总表"
  std::map<std::string, std::string> columns;  // "total" -> "合计"
  std::map<std::string, std::string> function_classes;  // "205" -> "教育支出": the 功能分类 类
};

// One complete, checked layout set of one family (a province's table set: templates/NAME/): its
// tables, the report's patterns and the forms. Every reader, writer and the diff take the set they
// are given; there is no default.
class Layouts {
 public:
  // The templates of one family folder (family.json, report.json, tables/, forms/). Throws
  // TemplateError naming the file and the key.
  static Layouts load_directory(const std::string& dir);
  // The family: its id ("shanxi") and its name for people ("山西省"), from family.json.
  const std::string& family() const { return family_; }
  const std::string& family_title() const { return family_title_; }
  // The tables in order of their numbers; a set holds whatever tables its templates describe.
  const std::vector<TableLayout>& tables() const { return tables_; }
  const TableLayout& table(int number) const;        // by number; throws std::out_of_range
  const TableLayout* find_table(int number) const;   // by number; nullptr when the set has none
  const ReportLayout& report() const { return report_; }
  const FormLayouts& forms() const { return *forms_; }
  const NationalVocabulary& vocabulary() const { return *vocabulary_; }
  // Where the set came from, for messages: "templates/shanxi (built in)" or the folder.
  const std::string& origin() const { return origin_; }

 private:
  friend class LayoutFamilies;
  void add_file(const std::string& path, const std::string& text);
  void finish(std::shared_ptr<const NationalVocabulary> vocabulary);
  std::string where(const std::string& path) const;  // "DIR/tables/01-….json"
  std::shared_ptr<const NationalVocabulary> vocabulary_;
  std::string origin_;
  std::string family_, family_title_;
  std::vector<TableLayout> tables_;
  ReportLayout report_;
  std::shared_ptr<const FormLayouts> forms_;
  std::map<std::string, std::string> form_files_;  // forms/*.json until finish() reads them
  std::vector<std::pair<int, std::string>> table_files_;  // number -> tables/ file, while loading
};

// Every layout family a run knows: the ones built in (templates/*/), or those of --templates DIR.
class LayoutFamilies {
 public:
  // The families embedded at build time, loaded and checked once, in the order of
  // templates/families.json.
  static const LayoutFamilies& embedded();
  // A folder with a report.json is one family; otherwise every sub-folder with a report.json is
  // one, in the order of the folder's families.json when it has one, else by folder name.
  static LayoutFamilies load_directory(const std::string& dir);

  const std::vector<std::shared_ptr<const Layouts>>& all() const { return families_; }
  const Layouts* find(std::string_view family) const;  // by id; nullptr when unknown
  // By id; TemplateError listing the known ids when unknown.
  const Layouts& get(std::string_view family) const;
  const std::string& origin() const { return origin_; }

 private:
  // Files of several families (paths "FAMILY/…"), ordered by the families.json among them when
  // there is one, else by folder name.
  static LayoutFamilies from_files(const std::vector<std::pair<std::string, std::string>>& files,
                                   const std::string& origin, const std::string& suffix);
  void add(Layouts family);
  std::string origin_;
  std::vector<std::shared_ptr<const Layouts>> families_;
};

}  // namespace budgetxl
