// A thin read-only RAII wrapper over libzip, enough to pull the XML parts out of an .xlsx package.
// Every error names the archive and, where there is one, the entry: "book.xlsx: xl/styles.xml:
// ...".
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct zip;  // libzip's zip_t

namespace budgetxl::xlsx {

// Does the file start as a zip archive does ("PK\3\4")? What tells a workbook from a text report.
bool has_zip_signature(const std::string& path);

class ZipError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ZipArchive {
 public:
  // A generous bound for parts read whole into memory; streamed parts pass their own.
  static constexpr std::uint64_t kDefaultMaxEntryBytes = std::uint64_t{256} << 20;
  static constexpr std::uint64_t kDefaultMaxEntries = 10'000;

  // Throws ZipError when the file is missing, unreadable or not a zip archive (e.g. truncated),
  // holds more than max_entries entries, or two entries of the same name (also when they differ
  // only in the ways find() ignores: a package may not hold both).
  explicit ZipArchive(const std::string& path, std::uint64_t max_entries = kDefaultMaxEntries);
  ~ZipArchive();
  ZipArchive(ZipArchive&& other) noexcept;
  ZipArchive& operator=(ZipArchive&& other) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  const std::string& path() const { return path_; }

  // Entry names as stored, in central-directory order.
  std::vector<std::string> entries() const;

  // The stored name of the entry `name`: an exact match first, then one that differs only in ASCII
  // case, '\' for '/' or a leading '/' (OPC part names are case-insensitive and some writers use
  // Windows separators). nullopt when there is none.
  std::optional<std::string> find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name).has_value(); }

  // The whole decompressed entry. Throws ZipError when it is missing, corrupt (CRC, truncated
  // data), encrypted, or larger than max_bytes once decompressed (zip bombs: refused before
  // inflating when the stored size says so, and while inflating when the stored size lies).
  std::string read(std::string_view name, std::uint64_t max_bytes = kDefaultMaxEntryBytes) const;

  // Streams the decompressed entry to `sink` in chunks, without holding it whole; returns the size.
  // Same errors as read(); exceptions thrown by `sink` propagate unchanged.
  std::uint64_t read_chunks(std::string_view name,
                            const std::function<void(std::string_view chunk)>& sink,
                            std::uint64_t max_bytes) const;

 private:
  std::optional<std::uint64_t> locate(std::string_view name) const;
  [[noreturn]] void fail(std::string_view name, const std::string& message) const;

  std::string path_;
  struct zip* archive_ = nullptr;
};

}  // namespace budgetxl::xlsx
