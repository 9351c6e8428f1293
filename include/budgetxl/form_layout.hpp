// The layouts of the performance target forms, loaded from templates/forms/*.json (data, not code):
// field labels with the wordings seen in real reports, and the standard indicator hierarchy. Part of
// a Layouts set (Layouts::forms()); every form reader and writer takes it from there.
#pragma once

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

struct FormLayouts {
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
  std::vector<std::string> hebei_indicator_columns;
  // "543001 承德市自然资源和规划局本级": the unit line (unit_line_pattern, compiled at load).
  std::shared_ptr<const LinePattern> hebei_unit_line;
  // Department text
  std::string department_text_title;
  FormLabelSet department_text_sections;
  std::string goal_prefix, indicator_prefix;  // label keys
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
