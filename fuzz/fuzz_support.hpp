// Shared by the fuzz targets: a private scratch folder (in /dev/shm when there is one) and a file
// written there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace budgetxl::fuzz {

// A folder of this process, created once, removed at exit.
const std::string& scratch_dir();
// Writes `size` bytes to `path` (truncating); aborts when that fails, since the fuzz run is then
// meaningless.
void write_file(const std::string& path, const std::uint8_t* data, std::size_t size);
void write_file(const std::string& path, const std::string& content);

}  // namespace budgetxl::fuzz
