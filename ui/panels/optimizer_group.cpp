#include "panels/optimizer_group.h"

#include "number_format.h"
#include "panels/form_widgets.h"
#include "panels/shown_value.h"
#include "session/core_text.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

#include <cmath>

namespace gdlab {

namespace {

constexpr std::array<OptimizerParameter, 4> spinParameters { OptimizerParameter::Momentum, OptimizerParameter::Beta1,
    OptimizerParameter::Beta2, OptimizerParameter::Rho };

QString epsilonText(double epsilon)
{
    return QString::fromStdString(formatSignificant(epsilon, SignificantDigits::status));
}

} // namespace

OptimizerGroup::OptimizerGroup(QWidget* parent)
    : QGroupBox(tr("Optimizer"), parent)
{
    createWidgets();
    showSettings(m_settings);
}

void OptimizerGroup::createWidgets()
{
    QFormLayout* form = makeForm(this);
    m_optimizer = makeCombo(this);
    int count = 0;
    const OptimizerKind* kinds = allOptimizers(&count);
    for (int i = 0; i < count; ++i)
        m_optimizer->addItem(CoreText::optimizer(kinds[i]), int(kinds[i]));
    m_optimizer->setToolTip(tr("The update rule: plain gradient descent, momentum (heavy ball), Nesterov, the "
                               "adaptive AdaGrad, RMSProp and Adam, or Newton's step with the Hessian"));
    form->addRow(tr("Update"), m_optimizer);
    connect(m_optimizer, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        SolverSettings settings = m_settings;
        settings.optimizer.kind = OptimizerKind(m_optimizer->itemData(index).toInt());
        m_settings = settings;
        updateRows();
        emit settingsEdited(settings);
    });

    const std::array<QString, 4> names { tr("Momentum μ"), tr("β1"), tr("β2"), tr("ρ") };
    const std::array<QString, 4> tips { tr("v ← μ·v + g: how much of the last step carries into the next"),
        tr("Adam's average of the gradients: m ← β1·m + (1−β1)·g"),
        tr("Adam's average of the squared gradients: s ← β2·s + (1−β2)·g²"),
        tr("RMSProp's average of the squared gradients: s ← ρ·s + (1−ρ)·g²") };
    for (std::size_t i = 0; i < spinParameters.size(); ++i) {
        auto* spin = new QDoubleSpinBox(this);
        spin->setRange(0, 0.9999);
        spin->setDecimals(4);
        spin->setSingleStep(0.05);
        spin->setKeyboardTracking(false);
        spin->setToolTip(tips[i]);
        m_spins[i] = spin;
        m_labels[i] = new QLabel(names[i], this);
        form->addRow(m_labels[i], spin);
        const OptimizerParameter parameter = spinParameters[i];
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this, parameter](double value) {
            SolverSettings settings = m_settings;
            settings.optimizer.setValue(parameter, value);
            m_settings = settings;
            emit settingsEdited(settings);
        });
    }
    m_epsilon = new QLineEdit(this);
    m_epsilon->setToolTip(tr("ε keeps the division finite where s is still 0: θ ← θ − lr·g/(√s + ε)"));
    m_labels[4] = new QLabel(tr("ε"), this);
    form->addRow(m_labels[4], m_epsilon);
    connect(m_epsilon, &QLineEdit::editingFinished, this, &OptimizerGroup::onEpsilonEdited);
}

QDoubleSpinBox* OptimizerGroup::parameterSpin(OptimizerParameter parameter) const
{
    for (std::size_t i = 0; i < spinParameters.size(); ++i)
        if (spinParameters[i] == parameter)
            return m_spins[i];
    return nullptr;
}

bool OptimizerGroup::isParameterShown(OptimizerParameter parameter) const
{
    const int index = parameter == OptimizerParameter::Epsilon ? 4 : int(parameter);
    return !m_labels[std::size_t(index)]->isHidden();
}

void OptimizerGroup::showSettings(const SolverSettings& settings)
{
    m_settings = settings;
    showData(m_optimizer, int(settings.optimizer.kind));
    for (std::size_t i = 0; i < spinParameters.size(); ++i)
        showValue(m_spins[i], settings.optimizer.value(spinParameters[i]));
    bool ok = false;
    const double shown = locale().toDouble(m_epsilon->text().trimmed(), &ok);
    if (!ok || shown != settings.optimizer.effectiveEpsilon())
        showText(m_epsilon, epsilonText(settings.optimizer.effectiveEpsilon()));
    updateRows();
}

void OptimizerGroup::onEpsilonEdited()
{
    bool ok = false;
    const QString text = m_epsilon->text().trimmed();
    double epsilon = locale().toDouble(text, &ok);
    if (!ok)
        epsilon = text.toDouble(&ok);
    if (!ok || !std::isfinite(epsilon) || !(epsilon > 0)) {
        showText(m_epsilon, epsilonText(m_settings.optimizer.effectiveEpsilon()));
        return;
    }
    if (epsilon == m_settings.optimizer.effectiveEpsilon())
        return;
    SolverSettings settings = m_settings;
    settings.optimizer.epsilon = epsilon;
    m_settings = settings;
    emit settingsEdited(settings);
}

void OptimizerGroup::updateRows()
{
    const OptimizerKind kind = m_settings.optimizer.kind;
    for (std::size_t i = 0; i < spinParameters.size(); ++i) {
        const bool used = usesParameter(kind, spinParameters[i]);
        m_spins[i]->setVisible(used);
        m_labels[i]->setVisible(used);
    }
    const bool epsilon = usesParameter(kind, OptimizerParameter::Epsilon);
    m_epsilon->setVisible(epsilon);
    m_labels[4]->setVisible(epsilon);
}

} // namespace gdlab
