// The start: one box per parameter, kept while the parameters stay the same; "values" keeps where the run starts;
// an edited box sends every value.
#include "panels/start_group.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_start_group {

using gdlab::InitKind;
using gdlab::SessionController;
using gdlab::SolverSettings;
using gdlab::StartGroup;

class TestStartGroup : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void oneBoxPerParameter();
    void sameParametersKeepTheirBoxes();
    void showsTheValuesSilently();
    void choosingValuesKeepsTheStart();
    void editedBoxSendsEveryValue();
    void zerosHideTheBoxes();

private:
    const gdlab::Run& run() const { return *m_controller->model()->run(); }
    void show(StartGroup& group) const;

    std::unique_ptr<SessionController> m_controller;
};

void TestStartGroup::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
}

void TestStartGroup::cleanup()
{
    m_controller.reset();
}

void TestStartGroup::show(StartGroup& group) const
{
    group.showProblem(run().problem.get());
    group.showSettings(run().settings);
}

void TestStartGroup::oneBoxPerParameter()
{
    StartGroup group(m_controller->model());
    show(group);
    QCOMPARE(group.initValueSpins().size(), 2);
    QCOMPARE(group.initValueSpins()[1]->toolTip(), QStringLiteral("Start value of θ1 (x)"));
    QVERIFY(m_controller->loadLesson(QStringLiteral("three_features_ints_n20")).isEmpty());
    m_controller->waitForComputation();
    show(group);
    QCOMPARE(group.initValueSpins().size(), 3);
    QCOMPARE(group.initValueSpins()[0]->accessibleName(), QStringLiteral("Start value of θ1"));
    QVERIFY(m_controller->loadLesson(QStringLiteral("nist_norris")).isEmpty());
    show(group);
    QVERIFY(group.initValueSpins()[1]->toolTip().endsWith(QStringLiteral(", in standardized units")));
    group.showProblem(nullptr);
    QCOMPARE(group.initValueSpins().size(), 0);
}

void TestStartGroup::sameParametersKeepTheirBoxes()
{
    StartGroup group(m_controller->model());
    show(group);
    const QList<QDoubleSpinBox*> before = group.initValueSpins();
    // Another lesson with the same parameters (θ0 intercept, θ1 x): the boxes stay, one being typed in included.
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points_rss")).isEmpty());
    show(group);
    QCOMPARE(group.initValueSpins(), before);
}

void TestStartGroup::showsTheValuesSilently()
{
    StartGroup group(m_controller->model());
    QSignalSpy edits(&group, &StartGroup::settingsEdited);
    show(group);
    QCOMPARE(group.initCombo()->currentData().toInt(), int(InitKind::Values));
    QCOMPARE(group.initValueSpins()[0]->value(), 0.75);
    QCOMPARE(group.initValueSpins()[1]->value(), 0.48);
    QVERIFY(group.initValueSpins()[0]->isVisibleTo(&group));
    QCOMPARE(edits.count(), 0);
}

void TestStartGroup::choosingValuesKeepsTheStart()
{
    SolverSettings settings = run().settings;
    settings.init = InitKind::Random;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    StartGroup group(m_controller->model());
    show(group);
    QSignalSpy edits(&group, &StartGroup::settingsEdited);
    group.initCombo()->setCurrentIndex(group.initCombo()->findData(int(InitKind::Values)));
    QCOMPARE(edits.count(), 1);
    const auto sent = edits.first().first().value<SolverSettings>();
    QCOMPARE(sent.init, InitKind::Values);
    const Eigen::VectorXd start = m_controller->model()->theta(0);
    QCOMPARE(sent.initValues, (std::vector<double> { start[0], start[1] }));
}

void TestStartGroup::editedBoxSendsEveryValue()
{
    StartGroup group(m_controller->model());
    show(group);
    QSignalSpy edits(&group, &StartGroup::settingsEdited);
    group.initValueSpins()[0]->setValue(-1.5);
    group.initValueSpins()[1]->setValue(2);
    QCOMPARE(edits.count(), 2);
    QCOMPARE(edits.first().first().value<SolverSettings>().initValues, (std::vector<double> { -1.5, 0.48 }));
    QCOMPARE(edits.last().first().value<SolverSettings>().initValues, (std::vector<double> { -1.5, 2.0 }));
    // A run that starts where the boxes say writes nothing into them.
    SolverSettings settings = run().settings;
    settings.initValues = { -1.5, 2.0 };
    group.showSettings(settings);
    QCOMPARE(edits.count(), 2);
}

void TestStartGroup::zerosHideTheBoxes()
{
    StartGroup group(m_controller->model());
    show(group);
    QSignalSpy edits(&group, &StartGroup::settingsEdited);
    group.initCombo()->setCurrentIndex(group.initCombo()->findData(int(InitKind::Zeros)));
    QCOMPARE(edits.count(), 1);
    QCOMPARE(edits.first().first().value<SolverSettings>().init, InitKind::Zeros);
    QVERIFY(!group.initValueSpins()[0]->isVisibleTo(&group));
}

} // namespace tst_start_group

QTEST_MAIN(tst_start_group::TestStartGroup)
#include "tst_start_group.moc"
