#pragma once
#include "guard/finding.h"

#include <string_view>
#include <vector>

namespace ts::guard {

// A detector scans text and appends what it finds. Built once (patterns compiled), then scan()
// is const and safe to call from many threads at once. Any bytes are accepted (invalid UTF-8,
// NULs, megabytes): scanning is linear in the input and never throws on content.
class Detector
{
public:
    virtual ~Detector() = default;
    virtual std::string_view name() const = 0;
    virtual void scan(std::string_view text, std::vector<Finding>& out) const = 0;
};

} // namespace ts::guard
