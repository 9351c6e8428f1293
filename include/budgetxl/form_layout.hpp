// The layouts of the performance target forms, loaded from templates/forms/*.json (data, not code):
// field labels with the wordings seen in real reports, and the standard indicator hierarchy. Part of
// a Layouts set (Layouts::forms()); every form reader and writer takes it from there.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "budgetxl/forms.hpp"

namespace budgetxl {

// A regular expression of a template, compiled when the layout set is loaded (src/layout/patterns.hpp).
struct LinePattern;

// A field label of a form: its official wording and the keys (label_key of the label and of each
// variant) it is recognised by.
struct FormLabel {
  std::string id;
  std::string label;              // official wording, for sheets and messages
  std::vector<std::string> keys;  // label keys, longest first
};

// A label found at the start of a cell, and what follows it in that cell (a glued value).
struct LabelMatch {
  const FormLabel* label = nullptr;
  std::string rest;  // as written, trimmed, leading ':' removed
};

class FormLabelSet {
 public:
  void add(FormLabel l);
  const FormLabel* find(std::string_view id) const;
  // The label whose key is the longest prefix of the cell's key (HTML tags ignored).
  std::optional<LabelMatch> match_prefix(std::string_view cell) const;
  // The label whose key equals the cell's key (a trailing ':' ignored).
  const FormLabel* match_exact(std::string_view cell) const;
  const std::vector<FormLabel>& labels() const { return labels_; }

 private:
  std::vector<FormLabel> labels_;
};

// ---- Form grids: where each label and value of a form stands, in a sheet and in text ---------------
//
// Each form template has a "sheet" and a "text" grid (templates/forms/*.json): rows of cells, each
// cell written text with placeholders:
//   {label:ID}     the official wording of the form's label ID
//   {text:PATH}    the text of the form's field PATH (as in form_fields.hpp: "goal.period";
//                  "a,b": the first non-empty)
//   {amount:PATH}  the amount at PATH, printed in the form's unit (alone in its cell)
//   {join:P1,P2}   the non-empty texts at P1, P2 … joined by a space
// and rows that are blocks: the repeated parts (indicator tables, budget lines …), written by code
// that takes its heading and columns from the block's description. The writers of both formats
// walk these grids; the readers find the same labels.

struct GridPiece {
  enum class Kind { literal, text, amount, join };
  Kind kind = Kind::literal;
  std::string value;               // literal: the text (labels are resolved to their wording at load)
  std::vector<std::string> paths;  // text: the first non-empty of these; join: all, by a space
};

struct GridCell {
  std::vector<GridPiece> pieces;
  bool label = false;  // label wording only (a label cell: the readers find values beside it)
  // Sheet grids only: columns c1..c2 (0-based), down = how many grid rows the cell spans, style
  // ("" = by content: label, text or amount).
  std::uint16_t c1 = 0, c2 = 0;
  std::uint32_t down = 1;
  std::string style;
};

// A repeated part of a form, written by code: `name` says which ("indicator_pairs", "budget_lines" …),
// the rest is its data.
struct FormBlock {
  std::string name;
  std::string heading;               // the heading label's wording ("" when the block has none)
  std::vector<std::string> columns;  // its column headers, in order
};

struct GridRow {
  std::vector<GridCell> cells;
  int block = -1;                    // a block row (cells empty): its index in FormGrids::blocks
  std::vector<std::string> when;     // shown only when one of these paths is non-empty or true
  double fit = 0;                    // sheet: the row grows to fit its texts wrapped at this many characters
};

struct FormGrid {
  std::vector<double> widths;  // sheet: column widths
  std::vector<GridRow> rows;
};

struct FormGrids {
  std::vector<FormBlock> blocks;
  FormGrid sheet, text;
  std::string amount_unit;  // the unit the form's amounts are printed in ("元", "万元"; "" when none)
  // Decimals the amounts are printed with: 2, or -1 (the default) for the unit's way: 万元 with two,
  // 元 whole (cents only when there are any).
  int amount_decimals = -1;
  const FormBlock* block(std::string_view name) const;  // nullptr when the form has no such block
};

namespace form_fields {
class FieldIndex;
}

// What a grid cell says for one form (its fields indexed): the text of its pieces; an amount piece
// gives "" (writers print amounts in their own format, see grid_cell_amount).
std::string grid_cell_text(const GridCell& cell, const form_fields::FieldIndex& fields);
// The amount of a cell that is one {amount:…}; nullptr for every other cell.
const Amount* grid_cell_amount(const GridCell& cell, const form_fields::FieldIndex& fields);
// Is the row written for this form ("when": one of its fields non-empty or true; no "when": yes)?
bool grid_row_shown(const GridRow& row, const form_fields::FieldIndex& fields);

struct FormLayouts {
  FormGrids grids[5];  // by FormKind
  const FormGrids& grid(FormKind k) const { return grids[static_cast<int>(k)]; }

  // Shanxi project form
  std::string project_title;
  std::vector<std::string> project_title_keys;
  std::vector<std::string> project_truncated_title_keys;
  FormLabelSet project_fields;
  FormLabelSet project_footer;
  // Overall form
  std::string overall_title;
  std::vector<std::string> overall_title_keys;
  FormLabelSet overall_fields;
  // Hebei form
  std::vector<std::string> hebei_title_suffixes;
  FormLabelSet hebei_fields;
  // "543001 承德市自然资源和规划局本级": the unit line (unit_line_pattern, compiled at load).
  std::shared_ptr<const LinePattern> hebei_unit_line;
  // Department text
  std::string department_text_title;
  FormLabelSet department_text_sections;
  std::string goal_prefix, indicator_prefix;  // label keys
  std::string goal_prefix_text, indicator_prefix_text;  // as written ("绩效目标：")
  // Shanghai project form (财政项目支出绩效目标填报表)
  std::string shanghai_title;
  std::vector<std::string> shanghai_title_keys;
  FormLabelSet shanghai_fields;
  // Indicators
  std::vector<std::string> indicator_header_labels;  // label keys ("绩效指标" …)
  std::vector<std::string> indicator_header_cells;   // label keys ("一级指标" …)
  FormLabelSet indicator_classes;  // ids: output, benefit, satisfaction
  FormLabelSet indicator_types;    // ids: quantity … satisfaction
  std::vector<std::pair<std::string, std::string>> type_class;  // type id -> class id

  IndicatorClass class_of(std::string_view cell) const;  // unknown when the cell is no 一级 label
  IndicatorType type_of(std::string_view cell) const;    // unknown when the cell is no 二级 label
  bool is_header_label(std::string_view cell) const;     // 绩效指标 and its variants
  bool is_header_cell(std::string_view cell) const;      // 一级指标, 三级指标, 指标值 …
  // Fills standard_class / standard_type from the written labels.
  void classify(Indicator& ind) const;
};

}  // namespace budgetxl
