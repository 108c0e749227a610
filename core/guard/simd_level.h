#pragma once
// Which vector instructions the guard's byte scans use (candidate_scan, number_run, birth_dates):
// the widest the CPU has, chosen once at run time. TOKENSCOPE_GUARD_ISA=sse2 or avx2 asks for less,
// so tests run every path on any machine that has it.
#include <string_view>

namespace ts::guard {

enum class SimdLevel { Sse2, Avx2, Avx512 };

SimdLevel simdLevel();
std::string_view simdLevelName(SimdLevel level);

} // namespace ts::guard
