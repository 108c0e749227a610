#pragma once
#include "guard/policy.h"

#include <string>

namespace ts::cli {

// A guard policy read from a file: a policy, or a gateway config whose "guard" section is one.
// A file that cannot be read or parsed is a user error (Exit 1) naming the file.
guard::Policy readPolicyFile(const std::string& path);

} // namespace ts::cli
