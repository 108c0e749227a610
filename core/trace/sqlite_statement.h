#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

struct sqlite3_stmt;

namespace ts::sql {

class Connection;

// A value bound to a '?' placeholder; std::monostate is NULL.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

// A prepared statement, finalized on destruction. Placeholders are numbered from 1, columns from 0.
class Statement
{
  public:
    Statement(Connection& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bindInt(int index, std::int64_t value);
    Statement& bindReal(int index, double value);
    Statement& bindText(int index, std::string_view value);
    // Binds without copying: the text must stay alive and unchanged until reset().
    Statement& bindTextRef(int index, std::string_view value);
    // Binds bytes as a BLOB without copying, under the same rule as bindTextRef().
    Statement& bindBlobRef(int index, std::string_view bytes);
    Statement& bindNull(int index);
    Statement& bindOptReal(int index, const std::optional<double>& value);
    Statement& bind(int index, const Value& value);

    // True while a row is ready; false when done. Throws Error on failure.
    bool step();
    // Steps to the end, for statements that return no rows.
    void run();
    // Ready to run again, with every placeholder NULL.
    void reset();

    bool isNull(int column) const;
    std::int64_t columnInt(int column) const;
    double columnReal(int column) const;
    std::string columnText(int column) const;
    // The column's bytes, valid until the next step() or reset().
    std::string_view columnBlob(int column) const;
    std::optional<double> columnOptReal(int column) const;

  private:
    void check(int rc) const;

    sqlite3_stmt* stmt_ = nullptr;
    Connection* db_ = nullptr;
};

} // namespace ts::sql
