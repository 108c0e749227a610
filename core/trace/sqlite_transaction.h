#pragma once

namespace ts::sql {

class Connection;

// BEGIN IMMEDIATE on construction (the write lock up front, so two writers never deadlock
// upgrading a read lock); rolls back on destruction unless commit() was called.
class Transaction
{
  public:
    explicit Transaction(Connection& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

  private:
    Connection& db_;
    bool open_ = true;
};

// A deferred BEGIN for readers: every query until the end of scope sees one snapshot.
class ReadTransaction
{
  public:
    explicit ReadTransaction(Connection& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

  private:
    Connection& db_;
};

} // namespace ts::sql
