#pragma once
#include "providers/provider_profile.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace ts::ui {

class HeadersTable;
class KeyField;
class ModelsBox;

// One provider profile as a form: kind, id, label, base URL (the placeholder shows the default),
// key, custom headers, proxy, timeouts, models, and Azure's deployment and API version (shown for
// Azure only). What is wrong with it shows underneath, in words, as it is typed.
class ProviderEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ProviderEditor(QWidget* parent = nullptr);

    // isNew: the id may be chosen (an existing profile keeps its id: traces name it).
    void load(const ProviderProfile& profile, bool isNew);
    ProviderProfile profile() const;
    QStringList problems() const;
    bool isNew() const { return isNew_; }

    QComboBox* kind() const { return kind_; }
    QLineEdit* id() const { return id_; }
    QLineEdit* label() const { return label_; }
    QLineEdit* baseUrl() const { return baseUrl_; }
    QLineEdit* proxy() const { return proxy_; }
    QLineEdit* azureDeployment() const { return azureDeployment_; }
    KeyField* keyField() const { return key_; }
    HeadersTable* headers() const { return headers_; }
    ModelsBox* models() const { return models_; }
    QLabel* validation() const { return validation_; }
    bool azureRowsShown() const;

Q_SIGNALS:
    void edited();

private:
    void build();
    void wire();
    void onKindChanged();
    void validate();

    QFormLayout* form_;
    QComboBox* kind_;
    QLineEdit* id_;
    QLineEdit* label_;
    QLineEdit* baseUrl_;
    KeyField* key_;
    QLineEdit* keyEnv_;
    HeadersTable* headers_;
    QLineEdit* proxy_;
    QDoubleSpinBox* connectTimeout_;
    QDoubleSpinBox* idleTimeout_;
    QDoubleSpinBox* totalTimeout_;
    ModelsBox* models_;
    QLineEdit* azureDeployment_;
    QLineEdit* azureApiVersion_;
    QCheckBox* enabled_;
    QLabel* validation_;
    bool isNew_ = true;
};

} // namespace ts::ui
