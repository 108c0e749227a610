#pragma once
#include "guard/detector.h"

#include <cstddef>

namespace ts::guard {

// max_length: an answer longer than maxBytes. The finding starts at the last UTF-8 character
// boundary at or before the limit (what fits is everything before it) and runs to the end.
class LengthDetector : public Detector
{
  public:
    explicit LengthDetector(std::size_t maxBytes);

    std::string_view name() const override { return "max_length"; }
    void scan(std::string_view text, std::vector<Finding>& out) const override;

  private:
    std::size_t m_maxBytes;
};

} // namespace ts::guard
