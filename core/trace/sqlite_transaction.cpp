#include "trace/sqlite_transaction.h"

#include "trace/sqlite_connection.h"

namespace ts::sql {

Transaction::Transaction(Connection& db) : db_(db)
{
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!open_)
        return;
    try {
        db_.exec("ROLLBACK");
    } catch (const Error&) {
        // SQLite already rolled back (after an I/O or full-disk error); nothing is left to undo.
    }
}

void Transaction::commit()
{
    db_.exec("COMMIT");
    open_ = false;
}

ReadTransaction::ReadTransaction(Connection& db) : db_(db)
{
    db_.exec("BEGIN");
}

ReadTransaction::~ReadTransaction()
{
    try {
        db_.exec("COMMIT");
    } catch (const Error&) {
        // A read-only transaction has nothing to lose; SQLite may already have ended it.
    }
}

} // namespace ts::sql
