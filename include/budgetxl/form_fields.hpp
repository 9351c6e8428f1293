// Each kind of form described once, as a table of its fields: the key of every field, in order,
// and what it holds. The JSON writer and the round-trip diff walk these descriptions; a new field is
// added here and nowhere else.
//
// A visitor V provides:
//   text(key, std::string_view)      amount(key, const Amount&)    flag(key, bool)
//   number(key, long long)           origin(key, const Origin&)     strings(key, const std::vector<std::string>&)
//   null(key)                        object(key, fn)                list(key, const std::vector<T>&, fn(const T&))
// where object() and list() call `fn` to describe what is inside (list: once per item).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "budgetxl/forms.hpp"

namespace budgetxl::form_fields {

template <class V>
void indicator(const Indicator& i, V& v, bool with_description) {
  v.text("level1", i.level1);
  v.text("level2", i.level2);
  v.text("name", i.name);
  if (with_description) v.text("description", i.description);
  v.text("value", i.value);
  if (with_description) v.text("basis", i.basis);
  v.text("standard_level1", indicator_class_name(i.standard_class));
  v.text("standard_level2", indicator_type_name(i.standard_type));
  v.origin("origin", i.origin);
}

template <class V>
void funding(const Funding& f, V& v) {
  v.amount("total", f.total);
  v.amount("central", f.central);
  v.amount("provincial", f.provincial);
  v.amount("local", f.local);
  v.amount("self_raised", f.self_raised);
  v.amount("other", f.other);
}

template <class V>
void department(const std::string& text, const std::string& code, const std::string& name, V& v) {
  v.object("department", [&] {
    v.text("text", text);
    v.text("code", code);
    v.text("name", name);
  });
}

template <class V>
void budget_lines(const char* key, const std::vector<BudgetLine>& lines, V& v) {
  v.list(key, lines, [&](const BudgetLine& b) {
    v.text("label", b.label);
    v.amount("amount", b.amount);
    v.origin("origin", b.origin);
  });
}

template <class V>
void body(const Form& form, const ProjectForm& f, V& v) {
  v.text("project_name", f.project_name);
  department(f.department, f.department_code, f.department_name, v);
  v.text("unit", f.unit);
  v.text("attribute", f.attribute);
  v.text("duration", f.duration);
  v.object("funds", [&] {
    v.object("period", [&] { funding(f.period_funds, v); });
    v.object("annual", [&] { funding(f.annual_funds, v); });
  });
  v.text("overview", f.overview);
  v.text("basis", f.basis);
  v.text("necessity", f.necessity);
  v.text("measures", f.measures);
  v.text("plan", f.plan);
  v.object("goal", [&] {
    v.text("period", f.goal_period);
    v.text("annual", f.goal_annual);
  });
  v.list("indicator_rows", f.indicator_rows, [&](const IndicatorRow& r) {
    v.object("period", [&] { indicator(r.period, v, false); });
    v.object("annual", [&] { indicator(r.annual, v, false); });
    v.origin("origin", r.origin);
  });
  v.object("indicator_count", [&] {
    v.number("period", static_cast<long long>(form.period_indicator_count()));
    v.number("annual", static_cast<long long>(form.annual_indicator_count()));
    v.number("rows", static_cast<long long>(form.indicator_count()));
  });
  v.object("footer", [&] {
    v.flag("present", f.has_footer);
    v.text("responsible", f.responsible);
    v.text("handler", f.handler);
    v.text("phone", f.phone);
    v.text("filled_date", f.filled_date);
  });
}

template <class V>
void body(const Form& form, const OverallForm& f, V& v) {
  department(f.department, f.department_code, f.department_name, v);
  v.object("basic", [&] {
    v.text("internal_departments", f.internal_departments);
    v.text("budget_units", f.budget_units);
    v.text("staff_quota", f.staff_quota);
    v.text("staff_actual", f.staff_actual);
    v.text("staff_on_quota", f.staff_on_quota);
    v.text("staff_other", f.staff_other);
  });
  v.text("duties", f.duties);
  v.text("strategy", f.strategy);
  v.object("budget", [&] {
    budget_lines("by_source", f.budget_by_source, v);
    budget_lines("by_direction", f.budget_by_direction, v);
  });
  v.list("key_tasks", f.key_tasks, [&](const KeyTask& t) {
    v.text("function", t.function);
    v.text("task", t.task);
    v.origin("origin", t.origin);
  });
  v.text("goal", f.goal);
  v.list("indicators", f.indicators, [&](const Indicator& i) { indicator(i, v, false); });
  v.number("indicator_count", static_cast<long long>(form.indicator_count()));
}

template <class V>
void body(const Form& form, const HebeiForm& f, V& v) {
  v.text("unit_code", f.unit_code);
  v.text("unit", f.unit);
  v.text("project_code", f.project_code);
  v.text("project_name", f.project_name);
  v.amount("budget", f.budget);
  v.amount("fiscal_funds", f.fiscal_funds);
  v.amount("other_funds", f.other_funds);
  v.text("fund_use", f.fund_use);
  v.list("spending_plan", f.spending_plan, [&](const SpendingStep& s) {
    v.text("label", s.label);
    v.text("value", s.value);
  });
  v.text("goal", f.goal);
  v.list("indicators", f.indicators, [&](const Indicator& i) { indicator(i, v, true); });
  v.number("indicator_count", static_cast<long long>(form.indicator_count()));
}

template <class V>
void body(const Form&, const DepartmentText& f, V& v) {
  v.text("overall_goal", f.overall_goal);
  v.list("sub_goals", f.sub_goals, [&](const SubGoal& g) {
    v.text("heading", g.heading);
    v.text("goal", g.goal);
    v.text("indicators", g.indicators);
    v.origin("origin", g.origin);
  });
  v.strings("safeguards", f.safeguards);
}

template <class V>
void body(const Form& form, const ShanghaiProjectForm& f, V& v) {
  v.text("project_name", f.project_name);
  v.text("nature", f.nature);
  v.text("category", f.category);
  v.text("department", f.department);
  v.text("unit", f.unit);
  v.object("dates", [&] {
    v.text("start", f.start_date);
    v.text("end", f.end_date);
  });
  v.object("funds", [&] {
    v.object("project", [&] {
      v.amount("total", f.total);
      v.amount("fiscal", f.fiscal);
      v.amount("other", f.other);
    });
    v.object("annual", [&] {
      v.amount("total", f.annual_total);
      v.amount("appropriation", f.appropriation);
      v.amount("carryover", f.carryover);
      v.amount("other", f.annual_other);
    });
  });
  v.object("goal", [&] {
    v.text("total", f.goal_total);
    v.text("annual", f.goal_annual);
  });
  v.list("indicators", f.indicators, [&](const Indicator& i) { indicator(i, v, false); });
  v.number("indicator_count", static_cast<long long>(form.indicator_count()));
}

// The whole form: what every kind has, its body, then what the finishing pass set.
template <class V>
void form(const Form& f, V& v) {
  const FormKind kind = f.kind();
  const bool project = form_kind_is_project(kind);
  v.text("kind", form_kind_name(kind));
  v.text("kind_title", form_kind_title(kind));
  v.text("title", f.title);
  if (kind == FormKind::project || kind == FormKind::department_overall || kind == FormKind::project_shanghai) {
    v.text("year_line", f.year_line);
    v.number("year", f.year);
  }
  v.text("amount_unit", f.amount_unit);
  std::visit([&](const auto& b) { body(f, b, v); }, f.body);
  if (project) {
    if (f.table12_row >= 0) {
      v.object("table12", [&] {
        v.number("table", 12);
        v.number("row", f.table12_row);
        v.text("project_name", f.linked_project);
        v.text("by", f.link);
      });
    } else {
      v.null("table12");
    }
    if (f.duplicate_of >= 0) v.number("duplicate_of", f.duplicate_of);
    else v.null("duplicate_of");
  }
  v.strings("missing", f.missing);
  v.origin("origin", f.origin);
}

// The scalar fields of a form by path ("project_name", "funds.period.total", "footer.present"), for
// the form grids of templates/forms/ (budgetxl/form_layout.hpp). Lists are not indexed. The views
// point into the form, which must outlive the index.
class FieldIndex {
 public:
  struct Value {
    enum class Kind { text, amount, flag, number } kind = Kind::text;
    std::string_view text;
    const Amount* amount = nullptr;
    bool flag = false;
    long long number = 0;
  };
  explicit FieldIndex(const Form& f) { form(f, *this); }
  const Value* find(const std::string& path) const {
    const auto it = values_.find(path);
    return it == values_.end() ? nullptr : &it->second;
  }
  const std::map<std::string, Value>& values() const { return values_; }

  // The visitor of form().
  void text(const char* key, std::string_view s) { put(key, Value::Kind::text).text = s; }
  void amount(const char* key, const Amount& a) { put(key, Value::Kind::amount).amount = &a; }
  void flag(const char* key, bool b) { put(key, Value::Kind::flag).flag = b; }
  void number(const char* key, long long n) { put(key, Value::Kind::number).number = n; }
  void origin(const char*, const Origin&) {}
  void strings(const char*, const std::vector<std::string>&) {}
  void null(const char*) {}
  template <class F>
  void object(const char* key, F&& fields) {
    const std::string outer = prefix_;
    prefix_ += std::string(key) + ".";
    fields();
    prefix_ = outer;
  }
  template <class T, class F>
  void list(const char*, const std::vector<T>&, F&&) {}

 private:
  Value& put(const char* key, Value::Kind kind) {
    Value& v = values_[prefix_ + key];
    v = Value{};
    v.kind = kind;
    return v;
  }
  std::string prefix_;
  std::map<std::string, Value> values_;
};

}  // namespace budgetxl::form_fields
