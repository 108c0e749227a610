#include "trace/sqlite_statement.h"

#include "trace/sqlite_connection.h"

#include <sqlite3.h>
#include <utility>

namespace ts::sql {

Statement::Statement(Connection& db, std::string_view sql) : db_(&db)
{
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK)
        db.fail(rc);
}

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_)
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(stmt_);
        stmt_ = std::exchange(other.stmt_, nullptr);
        db_ = other.db_;
    }
    return *this;
}

void Statement::check(int rc) const
{
    if (rc != SQLITE_OK)
        db_->fail(rc);
}

Statement& Statement::bindInt(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bindReal(int index, double value)
{
    check(sqlite3_bind_double(stmt_, index, value));
    return *this;
}

Statement& Statement::bindText(int index, std::string_view value)
{
    check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindTextRef(int index, std::string_view value)
{
    check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindBlobRef(int index, std::string_view bytes)
{
    check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC));
    return *this;
}

Statement& Statement::bindNull(int index)
{
    check(sqlite3_bind_null(stmt_, index));
    return *this;
}

Statement& Statement::bindOptReal(int index, const std::optional<double>& value)
{
    return value ? bindReal(index, *value) : bindNull(index);
}

Statement& Statement::bind(int index, const Value& value)
{
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return bindInt(index, *i);
    if (const auto* d = std::get_if<double>(&value))
        return bindReal(index, *d);
    if (const auto* s = std::get_if<std::string>(&value))
        return bindText(index, *s);
    return bindNull(index);
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error(rc & 0xFF, sqlite3_errmsg(db_->handle()));
    sqlite3_reset(stmt_); // leaves the statement reusable after a failure
    sqlite3_clear_bindings(stmt_);
    throw error;
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

double Statement::columnReal(int column) const
{
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::columnText(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::string_view Statement::columnBlob(int column) const
{
    const void* bytes = sqlite3_column_blob(stmt_, column);
    return bytes ? std::string_view(static_cast<const char*>(bytes),
                                    static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string_view();
}

std::optional<double> Statement::columnOptReal(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return columnReal(column);
}

} // namespace ts::sql
