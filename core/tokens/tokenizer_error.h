#pragma once
#include <stdexcept>

namespace ts {

// Thrown when an encoding is unknown or its rank file is missing, corrupt or the wrong one.
class TokenizerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace ts
