#include "xlsx/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <new>
#include <unordered_map>
#include <utility>

#include "budgetxl/limits.hpp"

namespace budgetxl::xlsx {

bool has_zip_signature(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

namespace {

std::string libzip_message(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

// Lower-case ASCII, '/' separators, no leading '/': the form used to compare part names.
std::string normalized_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '\\') c = '/';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  const auto first = out.find_first_not_of('/');
  out.erase(0, first == std::string::npos ? out.size() : first);
  return out;
}

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

ZipArchive::ZipArchive(const std::string& path, std::uint64_t max_entries) : path_(path) {
  int code = 0;
  // No ZIP_CHECKCONS: it rejects packages that Excel and WPS open; entry CRCs are still checked.
  archive_ = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (archive_ == nullptr && code == ZIP_ER_MEMORY) throw std::bad_alloc();
  if (archive_ == nullptr) {
    throw ZipError(path + ": 无法作为 zip 压缩包打开：" + libzip_message(code));
  }
  try {
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > max_entries) {
      throw ZipError(path + ": 压缩包有 " + std::to_string(count) + " 个条目，超过上限 " + std::to_string(max_entries) +
                     "（可用 --limit zip-entries=N 调整）");
    }
    // Two entries of one name: which one a program reads is up to it, so the package is refused
    // rather than read one way here and another way in Excel.
    std::unordered_map<std::string, std::string> seen;
    seen.reserve(static_cast<std::size_t>(count));
    for (zip_int64_t i = 0; i < count; ++i) {
      const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0);
      if (name == nullptr) continue;
      const auto [it, inserted] = seen.emplace(normalized_name(name), name);
      if (!inserted) {
        throw ZipError(path + ": " + name + ": 压缩包中有重复的条目（与 " + it->second + " 同名），拒绝读取");
      }
    }
  } catch (...) {
    zip_discard(archive_);
    archive_ = nullptr;
    throw;
  }
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);  // read-only: nothing to write back
}

ZipArchive::ZipArchive(ZipArchive&& other) noexcept
    : path_(std::move(other.path_)), archive_(std::exchange(other.archive_, nullptr)) {}

ZipArchive& ZipArchive::operator=(ZipArchive&& other) noexcept {
  if (this != &other) {
    if (archive_ != nullptr) zip_discard(archive_);
    path_ = std::move(other.path_);
    archive_ = std::exchange(other.archive_, nullptr);
  }
  return *this;
}

void ZipArchive::fail(std::string_view name, const std::string& message) const {
  throw ZipError(path_ + ": " + std::string(name) + ": " + message);
}

std::vector<std::string> ZipArchive::entries() const {
  std::vector<std::string> names;
  if (archive_ == nullptr) return names;
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    if (const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0)) {
      names.emplace_back(name);
    }
  }
  return names;
}

std::optional<std::uint64_t> ZipArchive::locate(std::string_view name) const {
  if (archive_ == nullptr || name.empty() || name.find('\0') != std::string_view::npos) {
    return std::nullopt;
  }
  const std::string wanted(name);
  zip_int64_t index = zip_name_locate(archive_, wanted.c_str(), 0);
  if (index < 0) index = zip_name_locate(archive_, wanted.c_str(), ZIP_FL_NOCASE);
  if (index >= 0) return static_cast<std::uint64_t>(index);
  // Slow path only for odd packages: compare normalized names.
  const std::string key = normalized_name(name);
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* stored = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0);
    if (stored != nullptr && normalized_name(stored) == key) return static_cast<std::uint64_t>(i);
  }
  return std::nullopt;
}

std::optional<std::string> ZipArchive::find(std::string_view name) const {
  const auto index = locate(name);
  if (!index) return std::nullopt;
  const char* stored = zip_get_name(archive_, *index, 0);
  if (stored == nullptr) return std::nullopt;
  return std::string(stored);
}

std::uint64_t ZipArchive::read_chunks(std::string_view name,
                                      const std::function<void(std::string_view)>& sink,
                                      std::uint64_t max_bytes) const {
  const auto index = locate(name);
  if (!index) fail(name, "压缩包中没有这一部分");
  // A stored size over the limit is refused before anything is inflated (the usual zip bomb says
  // its size); one that lies is caught below, while inflating.
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, *index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0 && st.size > max_bytes) {
    fail(name, "解压后有 " + std::to_string(st.size) + " 字节，超过上限 " + limit_text(max_bytes) + "（压缩炸弹？）");
  }
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive_, *index, 0));
  if (!file) fail(name, std::string("无法打开这一部分：") + zip_strerror(archive_));

  constexpr std::size_t kChunk = 64 * 1024;
  auto buffer = std::make_unique<char[]>(kChunk);
  std::uint64_t total = 0;
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer.get(), kChunk);
    if (n < 0 && zip_error_code_zip(zip_file_get_error(file.get())) == ZIP_ER_MEMORY) throw std::bad_alloc();
    if (n < 0)
      fail(name, std::string("无法解压这一部分：") + zip_file_strerror(file.get()));
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (total > max_bytes) {
      fail(name, "解压后超过上限 " + limit_text(max_bytes) + "（压缩炸弹？）");
    }
    sink(std::string_view(buffer.get(), static_cast<std::size_t>(n)));
  }
  // zip_fclose reports errors found only at the end of the data.
  if (const int code = zip_fclose(file.release()); code != 0) {
    fail(name, "无法解压这一部分：" + libzip_message(code));
  }
  return total;
}

std::string ZipArchive::read(std::string_view name, std::uint64_t max_bytes) const {
  std::string data;
  if (const auto index = locate(name)) {
    zip_stat_t st;
    zip_stat_init(&st);
    // The stored size is only a hint (it can lie), so the reservation is capped; growth past it
    // is bounded by max_bytes.
    constexpr std::uint64_t kMaxReserve = std::uint64_t{16} << 20;
    if (zip_stat_index(archive_, *index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0) {
      data.reserve(static_cast<std::size_t>(std::min({st.size, max_bytes, kMaxReserve})));
    }
  }
  read_chunks(
      name, [&](std::string_view chunk) { data.append(chunk); }, max_bytes);
  return data;
}

}  // namespace budgetxl::xlsx
