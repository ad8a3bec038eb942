#include "panels/start_group.h"

#include "panels/form_widgets.h"
#include "panels/shown_value.h"
#include "problem.h"
#include "session/iteration_model.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QVBoxLayout>

#include <utility>

namespace gdlab {

namespace {

constexpr double kStartValueLimit = 1e6; // far beyond any lesson, and keeps the spin boxes narrow

} // namespace

StartGroup::StartGroup(const IterationModel* model, QWidget* parent)
    : QGroupBox(tr("Start"), parent)
    , m_model(model)
    , m_init(makeCombo(this))
    , m_valuesBox(new QWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    QFormLayout* form = makeForm(nullptr);
    m_init->addItem(tr("zeros"), int(InitKind::Zeros));
    m_init->addItem(tr("random (seeded)"), int(InitKind::Random));
    m_init->addItem(tr("values"), int(InitKind::Values));
    m_init->setToolTip(tr("Where the descent starts; a click on the error surface also sets it"));
    form->addRow(tr("Start at"), m_init);
    layout->addLayout(form);

    m_valuesForm = makeForm(m_valuesBox);
    m_valuesForm->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_valuesBox);

    connect(m_init, qOverload<int>(&QComboBox::currentIndexChanged), this, &StartGroup::onInitChosen);
    showSettings(m_settings);
}

void StartGroup::showProblem(const Problem* problem)
{
    QStringList symbols;
    QStringList tips;
    if (problem) {
        const std::vector<std::string>& names = problem->parameterNames();
        for (std::size_t i = 0; i < problem->parameterSymbols().size(); ++i) {
            const QString symbol = QString::fromStdString(problem->parameterSymbols()[i]);
            symbols << symbol;
            QString tip = i < names.size() ? tr("Start value of %1 (%2)").arg(symbol, QString::fromStdString(names[i]))
                                           : QString();
            if (problem->isStandardized())
                tip += tr(", in standardized units");
            tips << tip;
        }
    }
    // The boxes stay while they mean the same parameters, so one being typed in is never replaced.
    if (tips != m_tips || symbols.size() != m_values.size())
        rebuildSpins(symbols, tips);
}

void StartGroup::rebuildSpins(const QStringList& symbols, const QStringList& tips)
{
    while (m_valuesForm->rowCount() > 0)
        m_valuesForm->removeRow(0);
    m_values.clear();
    m_tips = tips;
    for (int i = 0; i < symbols.size(); ++i) {
        auto* spin = new QDoubleSpinBox(m_valuesBox);
        spin->setRange(-kStartValueLimit, kStartValueLimit);
        spin->setDecimals(4);
        spin->setSingleStep(0.1);
        spin->setKeyboardTracking(false);
        spin->setAccessibleName(tr("Start value of %1").arg(symbols[i]));
        spin->setToolTip(tips.value(i));
        m_valuesForm->addRow(symbols[i], spin);
        m_values << spin;
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &StartGroup::onValueEdited);
    }
}

void StartGroup::showSettings(const SolverSettings& settings)
{
    m_settings = settings;
    showData(m_init, int(settings.init));
    if (settings.init == InitKind::Values && int(settings.initValues.size()) == m_values.size())
        for (int i = 0; i < m_values.size(); ++i)
            showValue(m_values[i], settings.initValues[std::size_t(i)]);
    m_valuesBox->setVisible(settings.init == InitKind::Values);
}

void StartGroup::onInitChosen(int index)
{
    SolverSettings settings = m_settings;
    settings.init = InitKind(m_init->itemData(index).toInt());
    if (settings.init == InitKind::Values) {
        // Keep starting where the descent starts now, so choosing "values" changes nothing until one is edited.
        settings.initValues.assign(std::size_t(m_values.size()), 0.0);
        if (!m_model->isEmpty() && m_model->theta(0).size() == m_values.size())
            for (int i = 0; i < m_values.size(); ++i)
                settings.initValues[std::size_t(i)] = m_model->theta(0)[i];
    }
    m_settings = settings;
    m_valuesBox->setVisible(settings.init == InitKind::Values);
    emit settingsEdited(settings);
}

void StartGroup::onValueEdited()
{
    SolverSettings settings = m_settings;
    settings.init = InitKind::Values;
    settings.initValues.clear();
    for (const QDoubleSpinBox* box : std::as_const(m_values))
        settings.initValues.push_back(box->value());
    m_settings = settings;
    emit settingsEdited(settings);
}

} // namespace gdlab
