// Placeholder until the forms work (issue 3) lands: replace freely.
#include "json/forms_json.hpp"
namespace budgetxl::json {
nlohmann::json forms_to_json(const std::vector<Form>& forms) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : forms) out.push_back({{"title", f.title}, {"project_name", f.project_name}});
  return out;
}
}  // namespace budgetxl::json
