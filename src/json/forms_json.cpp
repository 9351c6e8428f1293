#include "json/forms_json.hpp"

#include "budgetxl/form_fields.hpp"
#include "json/report_json.hpp"

namespace budgetxl::json {

namespace {

using nlohmann::ordered_json;

// Builds the JSON of a form from its field description (budgetxl/form_fields.hpp). Amounts are
// strings with two decimals, null when blank; origins use the document's one encoding.
class JsonBuilder {
 public:
  explicit JsonBuilder(ordered_json& root) : at_(&root) {}
  void text(const char* key, std::string_view s) { (*at_)[key] = std::string(s); }
  void amount(const char* key, const Amount& a) { (*at_)[key] = amount_to_json(a); }
  void flag(const char* key, bool b) { (*at_)[key] = b; }
  void number(const char* key, long long n) { (*at_)[key] = n; }
  void origin(const char* key, const Origin& o) { (*at_)[key] = origin_to_json(o); }
  void strings(const char* key, const std::vector<std::string>& list) { (*at_)[key] = list; }
  void null(const char* key) { (*at_)[key] = nullptr; }
  template <class F>
  void object(const char* key, F&& fields) {
    ordered_json* outer = at_;
    ordered_json inner = ordered_json::object();
    at_ = &inner;
    fields();
    at_ = outer;
    (*at_)[key] = std::move(inner);
  }
  template <class T, class F>
  void list(const char* key, const std::vector<T>& items, F&& each) {
    ordered_json* outer = at_;
    ordered_json array = ordered_json::array();
    for (const T& item : items) {
      ordered_json inner = ordered_json::object();
      at_ = &inner;
      each(item);
      array.push_back(std::move(inner));
    }
    at_ = outer;
    (*at_)[key] = std::move(array);
  }

 private:
  ordered_json* at_;
};

}  // namespace

nlohmann::json forms_to_json(const std::vector<Form>& forms) {
  ordered_json out = ordered_json::array();
  for (std::size_t k = 0; k < forms.size(); ++k) {
    ordered_json j;
    j["index"] = k;
    JsonBuilder builder(j);
    form_fields::form(forms[k], builder);
    out.push_back(std::move(j));
  }
  // ordered_json keeps the documented key order; convert through its text form.
  return nlohmann::json::parse(out.dump());
}

}  // namespace budgetxl::json
