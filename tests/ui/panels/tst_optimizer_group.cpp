// The optimizer chooser: each optimizer's parameters shown only while it uses them, each edit sent once as the
// whole settings, and a run's settings shown without being sent back.
#include "panels/optimizer_group.h"
#include "support/test_metatypes.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

namespace tst_optimizer_group {

using namespace gdlab;

class TestOptimizerGroup : public QObject {
    Q_OBJECT

private slots:
    void rowsShownOnlyWhenTheyApply_data();
    void rowsShownOnlyWhenTheyApply();
    void editsAreSentOnce();
    void shownSettingsAreNotSent();
    void badEpsilonIsRefused();
};

void TestOptimizerGroup::rowsShownOnlyWhenTheyApply_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QList<int>>("shown"); // OptimizerParameter values
    const auto p = [](OptimizerParameter parameter) { return int(parameter); };
    QTest::addRow("gd") << int(OptimizerKind::Gd) << QList<int> {};
    QTest::addRow("momentum") << int(OptimizerKind::Momentum) << QList<int> { p(OptimizerParameter::Momentum) };
    QTest::addRow("nesterov") << int(OptimizerKind::Nesterov) << QList<int> { p(OptimizerParameter::Momentum) };
    QTest::addRow("adagrad") << int(OptimizerKind::AdaGrad) << QList<int> { p(OptimizerParameter::Epsilon) };
    QTest::addRow("rmsprop") << int(OptimizerKind::RmsProp)
                             << QList<int> { p(OptimizerParameter::Rho), p(OptimizerParameter::Epsilon) };
    QTest::addRow("adam") << int(OptimizerKind::Adam)
                          << QList<int> { p(OptimizerParameter::Beta1), p(OptimizerParameter::Beta2),
                                 p(OptimizerParameter::Epsilon) };
    QTest::addRow("newton") << int(OptimizerKind::Newton) << QList<int> {};
}

void TestOptimizerGroup::rowsShownOnlyWhenTheyApply()
{
    QFETCH(int, kind);
    QFETCH(QList<int>, shown);
    OptimizerGroup group;
    QSignalSpy sent(&group, &OptimizerGroup::settingsEdited);
    group.optimizerCombo()->setCurrentIndex(group.optimizerCombo()->findData(kind));
    if (kind != int(OptimizerKind::Gd)) {
        QCOMPARE(sent.count(), 1);
        QCOMPARE(int(sent.at(0).at(0).value<SolverSettings>().optimizer.kind), kind);
    }
    for (int parameter = 0; parameter <= int(OptimizerParameter::Epsilon); ++parameter)
        QCOMPARE(group.isParameterShown(OptimizerParameter(parameter)), shown.contains(parameter));
}

void TestOptimizerGroup::editsAreSentOnce()
{
    OptimizerGroup group;
    SolverSettings settings;
    settings.optimizer.kind = OptimizerKind::Adam;
    group.showSettings(settings);
    QSignalSpy sent(&group, &OptimizerGroup::settingsEdited);
    group.parameterSpin(OptimizerParameter::Beta1)->setValue(0.8);
    QCOMPARE(sent.count(), 1);
    const SolverSettings edited = sent.at(0).at(0).value<SolverSettings>();
    QCOMPARE(edited.optimizer.beta1, 0.8);
    QCOMPARE(edited.optimizer.beta2, 0.999);
    QCOMPARE(edited.optimizer.kind, OptimizerKind::Adam);

    group.epsilonEdit()->setText(QStringLiteral("1e-6"));
    emit group.epsilonEdit()->editingFinished();
    QCOMPARE(sent.count(), 2);
    QCOMPARE(sent.at(1).at(0).value<SolverSettings>().optimizer.effectiveEpsilon(), 1e-6);
    QCOMPARE(sent.at(1).at(0).value<SolverSettings>().optimizer.beta1, 0.8);
}

void TestOptimizerGroup::shownSettingsAreNotSent()
{
    OptimizerGroup group;
    QSignalSpy sent(&group, &OptimizerGroup::settingsEdited);
    SolverSettings settings;
    settings.optimizer.kind = OptimizerKind::Momentum;
    settings.optimizer.momentum = 0.5;
    group.showSettings(settings);
    QCOMPARE(sent.count(), 0);
    QCOMPARE(group.parameterSpin(OptimizerParameter::Momentum)->value(), 0.5);
    QCOMPARE(group.optimizerCombo()->currentData().toInt(), int(OptimizerKind::Momentum));
}

void TestOptimizerGroup::badEpsilonIsRefused()
{
    OptimizerGroup group;
    SolverSettings settings;
    settings.optimizer.kind = OptimizerKind::AdaGrad;
    group.showSettings(settings);
    QSignalSpy sent(&group, &OptimizerGroup::settingsEdited);
    for (const char* text : { "0", "-1", "abc" }) {
        group.epsilonEdit()->setText(QString::fromLatin1(text));
        emit group.epsilonEdit()->editingFinished();
    }
    QCOMPARE(sent.count(), 0);
    QCOMPARE(group.epsilonEdit()->text(), QStringLiteral("1e-10"));
}

} // namespace tst_optimizer_group

QTEST_MAIN(tst_optimizer_group::TestOptimizerGroup)
#include "tst_optimizer_group.moc"
