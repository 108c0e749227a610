#pragma once
#include "providers/provider_profile.h"

#include <QWidget>

#include <cstdint>
#include <optional>
#include <string>

class QLabel;
class QPushButton;

namespace ts::ui {

class ConnectionBar;
class ConnectionTest;
class ProviderConfig;
class ProviderEditor;
class ProviderListModel;
class ProvidersList;

// Settings › Providers: the provider profiles (id, kind, base URL, where the key comes from) with
// Add, Edit, Duplicate and Remove, and an editor beside them that tests the connection, lists the
// server's models and saves: the profile to the providers file, the key to the keychain.
class ProvidersPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProvidersPage(ProviderConfig* config, QWidget* parent = nullptr);

    void add();
    void duplicate();
    void removeSelected();
    void select(const QString& id);
    void save();
    void revert();
    void testConnection();
    void listModels();
    void cancelTest();

    ProviderEditor* editor() const { return editor_; }
    ProviderListModel* model() const;
    ProvidersList* list() const { return list_; }
    ConnectionBar* connectionBar() const { return bar_; }
    ConnectionTest* connectionTest() const { return test_; }
    QString bannerText() const;
    QString saveStatus() const;
    bool loading() const;

private:
    QWidget* buildEditorPane();
    void wire();
    void refreshList();
    void showSelected();
    void showProfile(const ProviderProfile& profile, bool isNew);
    QString keyFallback(const ProviderProfile& profile) const;
    void runTest(bool fillModels);
    void startTest(const ProviderProfile& profile, std::optional<std::string> key, const QString& problem);
    void setSaveStatus(const QString& text, bool error);
    QString selectedId() const;

    ProviderConfig* config_;
    ProvidersList* list_;
    ProviderEditor* editor_;
    ConnectionBar* bar_;
    ConnectionTest* test_;
    QLabel* banner_;
    QLabel* saveStatus_;
    QPushButton* save_;
    QString savingId_;
    bool dirty_ = false;
    bool fillModels_ = false;
    std::uint64_t testRequest_ = 0; // the newest Test / List request; older key fetches are dropped
};

} // namespace ts::ui
