// Fuzzes the template loader: the first byte picks one file of the built-in families (their JSON
// files in a fixed order), the rest replaces its content, and the family folder is loaded with
// LayoutFamilies::load_directory as --templates DIR does. A TemplateError naming the file is the
// expected answer; anything else escaping is a finding.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "budgetxl/errors.hpp"
#include "budgetxl/layout.hpp"
#include "fuzz_support.hpp"

namespace fs = std::filesystem;

namespace {

// Every family's files copied into the scratch folder once; returns them sorted (relative paths).
const std::vector<fs::path>& template_files() {
  static const std::vector<fs::path> files = [] {
    const fs::path source = fs::path(BUDGETXL_SOURCE_DIR) / "templates";
    const fs::path copy = fs::path(budgetxl::fuzz::scratch_dir()) / "templates";
    fs::copy(source, copy, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    std::vector<fs::path> out;
    for (const auto& entry : fs::recursive_directory_iterator(copy)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(fs::relative(entry.path(), copy));
    }
    // By the '/'-joined string, as scripts/fuzz.sh numbers the seeds.
    std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) { return a.generic_string() < b.generic_string(); });
    return out;
  }();
  return files;
}

std::string slurp(const fs::path& path) {
  std::string out;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
    std::fclose(f);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& files = template_files();
  const fs::path root = fs::path(budgetxl::fuzz::scratch_dir()) / "templates";
  const fs::path& relative = files[data[0] % files.size()];
  const fs::path file = root / relative;
  const std::string original = slurp(file);
  budgetxl::fuzz::write_file(file.string(), data + 1, size - 1);
  // A file at the top (families.json, national.json) is read with the whole folder; one inside a
  // family folder with that family alone.
  const fs::path dir = relative.has_parent_path() ? root / *relative.begin() : root;
  try {
    (void)budgetxl::LayoutFamilies::load_directory(dir.string());
  } catch (const budgetxl::TemplateError&) {
  } catch (const budgetxl::InputError&) {
  }
  budgetxl::fuzz::write_file(file.string(), original);
  return 0;
}
