// Opening workspaces: creation, refusal of files that are missing, foreign, corrupt, newer or
// locked (each left byte-for-byte untouched), and schema migrations.
#include "trace/migrations.h"
#include "trace/sqlite_connection.h"
#include "trace/store.h"
#include "trace/workspace_open.h"
#include "trace_fixtures.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>

using namespace ts;
using Reason = WorkspaceError::Reason;
using OpenMode = TraceStore::OpenMode;

Q_DECLARE_METATYPE(WorkspaceError::Reason)

namespace {

namespace fs = std::filesystem;

void writeBytes(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::string readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void makeForeignDatabase(const std::string& path)
{
    sql::Connection db(path, sql::Connection::Mode::ReadWriteCreate);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
}

void makeOtherApplicationId(const std::string& path)
{
    sql::Connection db(path, sql::Connection::Mode::ReadWriteCreate);
    db.exec("PRAGMA application_id = 1234; PRAGMA user_version = 1");
}

void makeWorkspace(const std::string& path)
{
    auto store = TraceStore::open(path, OpenMode::CreateIfMissing);
    for (int i = 0; i < 50; ++i)
        store->write(test::makeTrace({}));
    QVERIFY(store->flush());
}

void makeNewerWorkspace(const std::string& path)
{
    makeWorkspace(path);
    sql::Connection db(path, sql::Connection::Mode::ReadWrite);
    db.exec("PRAGMA user_version = " + std::to_string(TraceStore::kSchemaVersion + 1));
}

// The schema lives in the first pages; scribbling over it leaves a file SQLite calls malformed.
void makeCorruptWorkspace(const std::string& path)
{
    makeWorkspace(path);
    std::string bytes = readBytes(path);
    for (size_t i = 100; i < 4096 && i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(0xA5);
    writeBytes(path, bytes);
}

void makeHeaderThenGarbage(const std::string& path)
{
    std::string bytes("SQLite format 3\0", 16);
    for (int i = 0; i < 8192; ++i)
        bytes += static_cast<char>((i * 7919) & 0xFF);
    writeBytes(path, bytes);
}

using Setup = void (*)(const std::string&);

struct Case
{
    const char* name;
    Setup setup;
    Reason reason;
    const char* message;
};

const Case kRefused[] = {
    {"text file", [](const std::string& p) { writeBytes(p, std::string(2000, 'x') + "\nnot a database\n"); },
     Reason::NotAWorkspace, "not a Tokenscope workspace (not an SQLite database)"},
    {"tiny text file", [](const std::string& p) { writeBytes(p, "hello"); }, Reason::NotAWorkspace,
     "not an SQLite database"},
    {"foreign sqlite", makeForeignDatabase, Reason::NotAWorkspace, "an SQLite database of another program"},
    {"other application id", makeOtherApplicationId, Reason::NotAWorkspace, "of another program"},
    {"newer schema", makeNewerWorkspace, Reason::NewerSchema,
     ": was written by a newer Tokenscope (schema 7 > 6); upgrade Tokenscope"},
    {"corrupt workspace", makeCorruptWorkspace, Reason::Corrupt, "workspace is corrupt"},
};

} // namespace

class TestStoreWorkspace : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    int counter_ = 0;
    std::string freshPath(const char* name)
    {
        return dir_.filePath(QStringLiteral("%1-%2").arg(++counter_).arg(QString::fromUtf8(name)))
            .toStdString();
    }

  private slots:
    void createsAFreshWorkspaceAtTheCurrentVersion()
    {
        const std::string path = freshPath("nested/deeper/ws.db");
        QVERIFY(!fs::exists(fs::path(path).parent_path()));
        auto store = TraceStore::open(path, OpenMode::CreateIfMissing);
        QCOMPARE(store->path(), path);
        sql::Connection db(path, sql::Connection::Mode::ReadOnly);
        QCOMPARE(db.queryInt("PRAGMA application_id"), std::int64_t{workspace::kApplicationId});
        QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{TraceStore::kSchemaVersion});
        QCOMPARE(db.queryText("PRAGMA journal_mode"), std::string("wal"));
        for (const char* table : {"traces", "spans", "messages", "messages_fts", "exchanges"})
            QVERIFY2(db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = '" + std::string(table) +
                                 "'") == 1,
                     table);
    }

    void missingWorkspaceIsRefusedAndNotCreated()
    {
        const std::string path = freshPath("absent/ws.db");
        try {
            TraceStore::open(path, OpenMode::ExistingOnly);
            QFAIL("opened a missing workspace");
        } catch (const WorkspaceError& e) {
            QCOMPARE(e.reason(), Reason::Missing);
            const std::string expected =
                path + ": no such workspace; create it with `tokenscope-cli demo --db " + path;
            QVERIFY2(std::string(e.what()).starts_with(expected), e.what());
        }
        QVERIFY(!fs::exists(path));
        QVERIFY(!fs::exists(fs::path(path).parent_path()));
    }

    void refusedFilesStayUntouched_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<bool>("create");
        for (int i = 0; i < int(std::size(kRefused)); ++i) {
            QTest::addRow("%s, create if missing", kRefused[i].name) << i << true;
            QTest::addRow("%s, existing only", kRefused[i].name) << i << false;
        }
    }

    void refusedFilesStayUntouched()
    {
        QFETCH(int, index);
        QFETCH(bool, create);
        const Case& c = kRefused[index];
        const std::string path = freshPath("refused.db");
        c.setup(path);
        const std::string bytes = readBytes(path);
        const auto mtime = fs::last_write_time(path);
        try {
            TraceStore::open(path, create ? OpenMode::CreateIfMissing : OpenMode::ExistingOnly);
            QFAIL("opened a file that is not a usable workspace");
        } catch (const WorkspaceError& e) {
            QVERIFY2(e.reason() == c.reason, e.what());
            const std::string message = e.what();
            QVERIFY2(message.starts_with(path + ": "), e.what());
            QVERIFY2(message.find(c.message) != std::string::npos, e.what());
            QVERIFY(message.find('\n') == std::string::npos);
        }
        QVERIFY(readBytes(path) == bytes);
        QVERIFY(fs::last_write_time(path) == mtime);
    }

    void headerWithGarbageIsRefused()
    {
        const std::string path = freshPath("header.db");
        makeHeaderThenGarbage(path);
        const std::string bytes = readBytes(path);
        try {
            TraceStore::open(path, OpenMode::CreateIfMissing);
            QFAIL("opened garbage");
        } catch (const WorkspaceError& e) {
            QVERIFY2(e.reason() == Reason::NotAWorkspace || e.reason() == Reason::Corrupt, e.what());
        }
        QVERIFY(readBytes(path) == bytes);
    }

    void emptyFile_data()
    {
        QTest::addColumn<bool>("create");
        QTest::newRow("create if missing initialises it") << true;
        QTest::newRow("existing only refuses it") << false;
    }

    // A zero-byte file is what a creation interrupted before its first commit leaves behind.
    void emptyFile()
    {
        QFETCH(bool, create);
        const std::string path = freshPath("empty.db");
        writeBytes(path, "");
        if (create) {
            auto store = TraceStore::open(path, OpenMode::CreateIfMissing);
            QCOMPARE(store->reader()->count({}), std::int64_t{0});
            return;
        }
        try {
            TraceStore::open(path, OpenMode::ExistingOnly);
            QFAIL("opened an empty file as a workspace");
        } catch (const WorkspaceError& e) {
            QCOMPARE(e.reason(), Reason::NotAWorkspace);
            QVERIFY2(std::string(e.what()).find("empty") != std::string::npos, e.what());
        }
        QCOMPARE(fs::file_size(path), std::uintmax_t{0});
    }

    void folderIsRefused()
    {
        const std::string path = freshPath("folder.db");
        fs::create_directories(path);
        try {
            TraceStore::open(path, OpenMode::CreateIfMissing);
            QFAIL("opened a folder");
        } catch (const WorkspaceError& e) {
            QCOMPARE(e.reason(), Reason::Io);
            QVERIFY2(std::string(e.what()).find("is a folder") != std::string::npos, e.what());
        }
    }

    void reopeningKeepsTraces()
    {
        const std::string path = freshPath("reopen.db");
        makeWorkspace(path);
        auto store = TraceStore::open(path, OpenMode::ExistingOnly);
        QCOMPARE(store->reader()->count({}), std::int64_t{50});
    }

    void versionZeroWorkspaceIsUpgraded()
    {
        const std::string path = freshPath("v0.db");
        {
            sql::Connection db(path, sql::Connection::Mode::ReadWriteCreate);
            db.exec("PRAGMA application_id = " + std::to_string(workspace::kApplicationId));
        }
        auto store = TraceStore::open(path, OpenMode::ExistingOnly);
        store->write(test::makeTrace({}));
        QVERIFY(store->flush());
        QCOMPARE(store->reader()->count({}), std::int64_t{1});
        sql::Connection db(path, sql::Connection::Mode::ReadOnly);
        QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{TraceStore::kSchemaVersion});
    }

    void olderVersionIsMigratedInPlace()
    {
        const workspace::Migrations v1{
            {1, [](sql::Connection& db) {
                 db.exec("CREATE TABLE items (name TEXT); INSERT INTO items VALUES ('kept')");
             }}};
        workspace::Migrations v2 = v1;
        v2.push_back(
            {2, [](sql::Connection& db) {
                 db.exec(
                     "ALTER TABLE items ADD COLUMN size INTEGER NOT NULL DEFAULT 7; CREATE TABLE extra (x)");
             }});
        const std::string path = freshPath("migrate.db");
        {
            sql::Connection db = workspace::openWorkspace(path, OpenMode::CreateIfMissing, 1000, v1);
            QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{1});
            db.exec("INSERT INTO items VALUES ('added at v1')");
        }
        sql::Connection db = workspace::openWorkspace(path, OpenMode::ExistingOnly, 1000, v2);
        QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{2});
        QCOMPARE(db.queryInt("SELECT count(*) FROM items WHERE size = 7"), std::int64_t{2});
        QCOMPARE(db.queryInt("SELECT count(*) FROM extra"), std::int64_t{0});
        // Opening again runs nothing twice.
        db = workspace::openWorkspace(path, OpenMode::ExistingOnly, 1000, v2);
        QCOMPARE(db.queryInt("SELECT count(*) FROM items"), std::int64_t{2});
    }

    void failedMigrationLeavesTheFileAsItWas()
    {
        const workspace::Migrations v1{
            {1, [](sql::Connection& db) { db.exec("CREATE TABLE items (name TEXT)"); }}};
        workspace::Migrations broken = v1;
        broken.push_back({2, [](sql::Connection& db) {
                              db.exec("CREATE TABLE half (x)");
                              db.exec("THIS IS NOT SQL");
                          }});
        const std::string path = freshPath("broken.db");
        workspace::openWorkspace(path, OpenMode::CreateIfMissing, 1000, v1);
        QVERIFY_THROWS_EXCEPTION(WorkspaceError,
                                 workspace::openWorkspace(path, OpenMode::ExistingOnly, 1000, broken));
        sql::Connection db(path, sql::Connection::Mode::ReadOnly);
        QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{1});
        QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'half'"), std::int64_t{0});
    }

    void lockedBeyondTimeout_data()
    {
        QTest::addColumn<QString>("lock");
        QTest::newRow("exclusive locking mode")
            << QStringLiteral("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE");
        QTest::newRow("write transaction") << QStringLiteral("BEGIN IMMEDIATE");
    }

    void lockedBeyondTimeout()
    {
        QFETCH(QString, lock);
        const std::string path = freshPath("locked.db");
        makeWorkspace(path);
        StoreOptions options;
        options.busyTimeoutMs = 300;
        {
            sql::Connection holder(path, sql::Connection::Mode::ReadWrite);
            holder.exec(lock.toStdString());
            holder.exec("CREATE TABLE held (x)");
            QElapsedTimer timer;
            timer.start();
            try {
                TraceStore::open(path, OpenMode::ExistingOnly, options);
                QFAIL("opened a locked workspace");
            } catch (const WorkspaceError& e) {
                QCOMPARE(e.reason(), Reason::Locked);
                QVERIFY2(std::string(e.what()).starts_with(path + ": workspace is locked"), e.what());
            }
            QVERIFY(timer.elapsed() >= 250);
            QVERIFY(timer.elapsed() < 3000);
            holder.exec("ROLLBACK");
        }
        auto store = TraceStore::open(path, OpenMode::ExistingOnly, options);
        QCOMPARE(store->reader()->count({}), std::int64_t{50});
    }
};

QTEST_GUILESS_MAIN(TestStoreWorkspace)
#include "test_store_workspace.moc"
