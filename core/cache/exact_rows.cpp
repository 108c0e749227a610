#include "cache/exact_rows.h"

#include "trace/sqlite_connection.h"
#include "trace/sqlite_statement.h"

namespace ts::cache::rows {

std::optional<Entry> find(sql::Connection& db, const std::string& key)
{
    sql::Statement q(db, "SELECT provider, model, user, created_ns, cost_usd, request_json, answer_json "
                         "FROM cache_exact WHERE key = ?");
    q.bindTextRef(1, key);
    if (!q.step())
        return std::nullopt;
    return Entry{key,          q.columnText(0), q.columnText(1), q.columnText(2), q.columnInt(3),
                 q.columnReal(4), q.columnText(5), q.columnText(6)};
}

void put(sql::Connection& db, const Entry& e)
{
    sql::Statement q(db, "INSERT INTO cache_exact (key, provider, model, user, created_ns, cost_usd, request_json, "
                         "answer_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
                         "provider = excluded.provider, model = excluded.model, user = excluded.user, "
                         "created_ns = excluded.created_ns, cost_usd = excluded.cost_usd, "
                         "request_json = excluded.request_json, answer_json = excluded.answer_json");
    q.bindTextRef(1, e.key).bindTextRef(2, e.provider).bindTextRef(3, e.model).bindTextRef(4, e.user);
    q.bindInt(5, e.created).bindReal(6, e.costUsd).bindTextRef(7, e.requestJson).bindTextRef(8, e.answerJson);
    q.run();
}

int removeIfCreated(sql::Connection& db, const std::string& key, Nanos created)
{
    sql::Statement q(db, "DELETE FROM cache_exact WHERE key = ? AND created_ns = ?");
    q.bindTextRef(1, key).bindInt(2, created);
    q.run();
    return db.changes();
}

int removeKey(sql::Connection& db, const std::string& key)
{
    sql::Statement q(db, "DELETE FROM cache_exact WHERE key = ?");
    q.bindTextRef(1, key);
    q.run();
    return db.changes();
}

int removeScope(sql::Connection& db, const std::optional<std::string>& provider,
                const std::optional<std::string>& model, const std::optional<std::string>& user)
{
    // A NULL parameter matches everything: one statement for every combination of fields.
    sql::Statement q(db, "DELETE FROM cache_exact WHERE (?1 IS NULL OR provider = ?1) AND (?2 IS NULL OR model = ?2) "
                         "AND (?3 IS NULL OR user = ?3)");
    auto bind = [&](int index, const std::optional<std::string>& v) {
        if (v)
            q.bindTextRef(index, *v);
        else
            q.bindNull(index);
    };
    bind(1, provider);
    bind(2, model);
    bind(3, user);
    q.run();
    return db.changes();
}

int removeCreatedBefore(sql::Connection& db, Nanos cutoff)
{
    sql::Statement q(db, "DELETE FROM cache_exact WHERE created_ns < ?");
    q.bindInt(1, cutoff);
    q.run();
    return db.changes();
}

std::int64_t count(sql::Connection& db)
{
    return db.queryInt("SELECT count(*) FROM cache_exact");
}

} // namespace ts::cache::rows
