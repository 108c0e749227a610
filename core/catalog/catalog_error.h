#pragma once
#include <stdexcept>

namespace ts {

// Thrown by Catalog::fromJson when a catalog document is malformed; what() is "file:line: problem".
class CatalogError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

} // namespace ts
