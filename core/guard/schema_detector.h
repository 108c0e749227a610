#pragma once
#include "guard/detector.h"

#include <nlohmann/json.hpp>

namespace ts::guard {

// schema: the whole answer read as JSON and checked against a JSON Schema with
// ts::structured::checkValue. One finding per violation, evidence "path: message"; its range is
// the offending value when it can be found in the text (see json_locate.h), else the whole answer.
// An answer that is not JSON is one finding, starting where parsing stopped.
class SchemaDetector : public Detector
{
  public:
    explicit SchemaDetector(nlohmann::json schema);

    std::string_view name() const override { return "schema"; }
    void scan(std::string_view text, std::vector<Finding>& out) const override;

  private:
    nlohmann::json m_schema;
};

} // namespace ts::guard
