#include "support/test_support.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <memory>
#include <stdexcept>
#include <unicode/ucnv.h>
#include <zip.h>

#include "util/normalize.hpp"
#include "text/report_reader.hpp"

namespace bxtest {

using namespace budgetxl;

namespace fs = std::filesystem;

std::string corpus_file(const std::string& prefix) {
  const fs::path dir(BUDGETXL_CORPUS_DIR);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "";
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0) return e.path().string();
  return "";
}

const Layouts& layouts() { return LayoutFamilies::embedded().get("shanxi"); }

namespace {

// The *.txt reports of the corpus folder, sorted; below it too when `recursive`.
std::vector<std::string> corpus_reports(bool recursive) {
  std::vector<std::string> out;
  const fs::path dir(BUDGETXL_CORPUS_DIR);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  auto take = [&](const fs::directory_entry& e) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  };
  if (recursive) {
    for (const auto& e : fs::recursive_directory_iterator(dir, ec)) take(e);
  } else {
    for (const auto& e : fs::directory_iterator(dir, ec)) take(e);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<std::string> corpus_files() { return corpus_reports(false); }
std::vector<std::string> corpus_files_recursive() { return corpus_reports(true); }

Report read_snippet(const std::string& text) { return text::read_text(text::decode_bytes(text, "snippet.txt"), "snippet.txt", bxtest::layouts()); }

Report read_file(const std::string& path) { return text::read_text_report(path, bxtest::layouts()); }

const Row* find_row(const Report& report, int number, const std::string& label, int occurrence) {
  const Table* table = report.table(number);
  if (!table) {
    ADD_FAILURE() << "table " << number << " missing";
    return nullptr;
  }
  const TableLayout& layout = bxtest::layouts().table(number);
  const std::string key = util::label_key(label);
  int seen = 0;
  for (const auto& row : table->rows) {
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (layout.columns[c].kind == ColumnKind::amount || row.cells[c].text.empty()) continue;
      // Two-sided tables are looked up by either side's label.
      if (util::label_key(row.cells[c].text) == key && ++seen == occurrence) return &row;
      if (layout.shape != TableShape::two_sided) break;
    }
  }
  ADD_FAILURE() << "table " << number << " has no row \"" << label << "\" (#" << occurrence << ")";
  return nullptr;
}

std::string amount_at(const Report& report, int number, const std::string& label, const std::string& column_id, int occurrence) {
  const Row* row = find_row(report, number, label, occurrence);
  if (!row) return "<missing>";
  const int c = bxtest::layouts().table(number).column_index(column_id);
  if (c < 0) {
    ADD_FAILURE() << "table " << number << " has no column " << column_id;
    return "<missing>";
  }
  return row->cells[static_cast<std::size_t>(c)].amount.to_string();
}

std::string text_at(const Report& report, int number, const std::string& label, const std::string& column_id, int occurrence) {
  const Row* row = find_row(report, number, label, occurrence);
  if (!row) return "<missing>";
  const int c = bxtest::layouts().table(number).column_index(column_id);
  return c < 0 ? "<missing>" : row->cells[static_cast<std::size_t>(c)].text;
}

std::string to_gb18030(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

int run_command(const std::string& command, std::string* out) {
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), &pclose);
  if (!pipe) return -1;
  std::array<char, 4096> buf{};
  std::string captured;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) captured.append(buf.data(), n);
  const int status = pclose(pipe.release());
  if (out) *out = captured;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string temp_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("budgetxl-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string binary() { return BUDGETXL_BINARY; }
std::string source_dir() { return BUDGETXL_SOURCE_DIR; }

std::string province_report(const std::string& province, const std::string& name) {
  const fs::path p = fs::path(BUDGETXL_CORPUS_DIR) / province / (name + ".txt");
  std::error_code ec;
  return fs::exists(p, ec) ? p.string() : "";
}

std::string amount_of_row(const Report& report, const Layouts& layouts, int number, const std::string& key,
                          const std::string& column_id) {
  const Table* t = report.table(number);
  if (!t) return "<no table>";
  const int col = layouts.table(number).column_index(column_id);
  if (col < 0) return "<no column>";
  for (const Row& row : t->rows)
    for (const Cell& c : row.cells)
      if (c.text == key) {
        const Amount& a = row.cells[static_cast<std::size_t>(col)].amount;
        return a.is_blank() ? "" : a.to_string();
      }
  return "<no row>";
}

std::string slurp(const std::string& path) {
  std::stringstream ss;
  ss << std::ifstream(path, std::ios::binary).rdbuf();
  return ss.str();
}

void spit(const std::string& path, const std::string& content) { std::ofstream(path, std::ios::binary) << content; }

void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& parts, bool store) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open failed for " + path);
  for (const auto& [name, data] : parts) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    const zip_int64_t index = source == nullptr ? -1 : zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (source != nullptr) zip_source_free(source);
      zip_discard(archive);
      throw std::runtime_error("zip_file_add failed for " + name);
    }
    if (store) zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) {
    const std::string message = zip_strerror(archive);
    zip_discard(archive);
    throw std::runtime_error("zip_close failed: " + message);
  }
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "no \"" << from << "\" in the text; update this test";
  if (at == std::string::npos) return text;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "\"" << from << "\" is in the text twice; update this test";
  return text.replace(at, from.size(), to);
}

std::string copy_templates(const std::string& name) {
  const std::string dir = temp_dir(name);
  fs::copy(source_dir() + "/templates/shanxi", dir, fs::copy_options::recursive);
  return dir;
}

std::string template_error(const std::string& dir) {
  try {
    Layouts::load_directory(dir);
  } catch (const TemplateError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a template error";
  return "";
}

}  // namespace bxtest
