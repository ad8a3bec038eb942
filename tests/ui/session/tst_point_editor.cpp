#include "session/point_editor.h"
#include "support/data_snapshot.h"

#include "dataset.h"
#include "problem.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>

namespace tst_point_editor {

using gdlab::Dataset;
using gdlab::PointEditor;
using gdlab::ProblemSpec;
using gdlab::SessionController;
using gdlab::test::DataSnapshot;
using gdlab::test::snapshotOf;

class TestPointEditor : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addAppendsThePoint();
    void addFillsUnusedColumnsWithTheirMeans();
    void moveReplacesTheRow();
    void moveToTheSamePlaceDoesNothing();
    void removeDropsTheRow();
    void editMakesTheDataYourOwn();
    void refusals_data();
    void refusals();
    void refusalAtTheMinimum();
    void refusalOfTheController();
    void undoAndRedoRestoreEverythingBitForBit();
    void undoKeepsLaterSettings();
    void stackKeptOrCleared_data();
    void stackKeptOrCleared();

private:
    void load(const char* lesson);
    const Dataset& data() const { return *m_controller->latestRun()->dataset; }
    DataSnapshot snapshot() const { return snapshotOf(m_controller->latestRun()); }

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<PointEditor> m_editor;
};

void TestPointEditor::init()
{
    m_controller = std::make_unique<SessionController>();
    m_editor = std::make_unique<PointEditor>(m_controller.get());
}

void TestPointEditor::cleanup()
{
    m_editor.reset();
    m_controller.reset();
}

void TestPointEditor::load(const char* lesson)
{
    QVERIFY(m_controller->loadLesson(QString::fromLatin1(lesson)).isEmpty());
    m_controller->waitForComputation();
}

void TestPointEditor::addAppendsThePoint()
{
    load("five_points");
    QVERIFY(m_editor->canEdit());
    QCOMPARE(m_editor->rowCount(), Eigen::Index(5));
    QSignalSpy refused(m_editor.get(), &PointEditor::refused);
    QVERIFY(m_editor->addPoint(2.5, 1.25));
    QCOMPARE(data().rowCount(), Eigen::Index(6));
    QCOMPARE(data().values()(5, 0), 2.5);
    QCOMPARE(data().values()(5, 1), 1.25);
    QCOMPARE(m_controller->model()->run()->problem->sampleCount(), Eigen::Index(6));
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QCOMPARE(m_editor->undoStack()->undoText(), QStringLiteral("add point"));
    QCOMPARE(refused.count(), 0);
}

void TestPointEditor::addFillsUnusedColumnsWithTheirMeans()
{
    load("two_features_n100");
    ProblemSpec spec = m_controller->latestRun()->problem->spec();
    spec.features = { 0 };
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(m_editor->canEdit());
    const double meanX2 = data().values().col(1).mean();
    QVERIFY(m_editor->addPoint(0.5, 6.0));
    QCOMPARE(data().values()(100, 0), 0.5);
    QCOMPARE(data().values()(100, 1), meanX2);
    QCOMPARE(data().values()(100, 2), 6.0);
}

void TestPointEditor::moveReplacesTheRow()
{
    load("five_points");
    QVERIFY(m_editor->movePoint(2, 3.5, 4.25));
    QCOMPARE(data().rowCount(), Eigen::Index(5));
    QCOMPARE(data().values()(2, 0), 3.5);
    QCOMPARE(data().values()(2, 1), 4.25);
    QCOMPARE(data().values()(1, 1), 3.0);
    QCOMPARE(m_editor->undoStack()->undoText(), QStringLiteral("move point"));
}

void TestPointEditor::moveToTheSamePlaceDoesNothing()
{
    load("five_points");
    QSignalSpy resets(m_controller->model(), &gdlab::IterationModel::runReset);
    QVERIFY(m_editor->movePoint(2, 3.0, 3.0));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(m_editor->undoStack()->count(), 0);
}

void TestPointEditor::removeDropsTheRow()
{
    load("five_points");
    QVERIFY(m_editor->removePoint(0));
    QCOMPARE(data().rowCount(), Eigen::Index(4));
    QCOMPARE(data().values()(0, 0), 2.0);
    QCOMPARE(m_editor->undoStack()->undoText(), QStringLiteral("remove point"));
}

void TestPointEditor::editMakesTheDataYourOwn()
{
    load("five_points");
    const std::string title = m_controller->latestRun()->title;
    QVERIFY(m_editor->addPoint(2.5, 1.0));
    // No longer the lesson: choosing the lesson again loads it afresh.
    QVERIFY(m_controller->latestRun()->lessonName.empty());
    QCOMPARE(m_controller->latestRun()->title, title + " (edited)");
    QCOMPARE(m_controller->model()->cause(), gdlab::RunCause::EditedPoints);
    QVERIFY(m_editor->removePoint(0));
    QCOMPARE(m_controller->latestRun()->title, title + " (edited)"); // not "(edited) (edited)"
    // Each command holds the names on either side of its edit, for undo and redo.
    const auto* first = static_cast<const gdlab::PointEditCommand*>(m_editor->undoStack()->command(0));
    const auto* second = static_cast<const gdlab::PointEditCommand*>(m_editor->undoStack()->command(1));
    QCOMPARE(first->namingBefore().lessonName, QStringLiteral("five_points"));
    QCOMPARE(first->namingBefore().title, QString::fromStdString(title));
    QVERIFY(first->namingAfter().lessonName.isEmpty());
    QCOMPARE(second->namingBefore().title, first->namingAfter().title);
    QCOMPARE(second->namingAfter().title, first->namingAfter().title);
}

void TestPointEditor::refusals_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("edit");
    QTest::addColumn<int>("row");
    QTest::addColumn<double>("x");
    QTest::addColumn<QString>("reason");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("nothing loaded") << QString() << "add" << 0 << 1.0 << "one feature";
    QTest::newRow("add, two features") << "two_features_n100"
                                       << "add" << 0 << 1.0 << "one feature";
    QTest::newRow("move, two features") << "two_features_n100"
                                        << "move" << 3 << 1.0 << "one feature";
    QTest::newRow("remove, two features") << "two_features_n100"
                                          << "remove" << 3 << 1.0 << "one feature";
    QTest::newRow("add NaN") << "five_points"
                             << "add" << 0 << nan << "finite";
    QTest::newRow("move to infinity") << "five_points"
                                      << "move" << 1 << inf << "finite";
    QTest::newRow("move a row that is not there") << "five_points"
                                                  << "move" << 5 << 1.0 << "no point 6";
    QTest::newRow("remove a negative row") << "five_points"
                                           << "remove" << -1 << 1.0 << "no point 0";
}

void TestPointEditor::refusals()
{
    QFETCH(QString, lesson);
    QFETCH(QString, edit);
    QFETCH(int, row);
    QFETCH(double, x);
    QFETCH(QString, reason);
    if (!lesson.isEmpty())
        load(lesson.toLatin1().constData());
    const DataSnapshot before = snapshot();
    QSignalSpy refused(m_editor.get(), &PointEditor::refused);
    QSignalSpy resets(m_controller->model(), &gdlab::IterationModel::runReset);
    bool done = true;
    if (edit == QLatin1String("add"))
        done = m_editor->addPoint(x, 2.0);
    else if (edit == QLatin1String("move"))
        done = m_editor->movePoint(row, x, 2.0);
    else
        done = m_editor->removePoint(row);
    QVERIFY(!done);
    QCOMPARE(refused.count(), 1);
    QVERIFY2(refused.front().front().toString().contains(reason), qPrintable(refused.front().front().toString()));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(m_editor->undoStack()->count(), 0);
    QVERIFY(snapshot() == before);
}

void TestPointEditor::refusalAtTheMinimum()
{
    load("five_points");
    QSignalSpy refused(m_editor.get(), &PointEditor::refused);
    for (int k = 0; k < 3; ++k)
        QVERIFY(m_editor->removePoint(0));
    QCOMPARE(m_editor->rowCount(), m_editor->minimumRows());
    const DataSnapshot before = snapshot();
    QVERIFY(!m_editor->removePoint(1));
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.front().front().toString().contains(QStringLiteral("at least 2 points")));
    QCOMPARE(m_editor->undoStack()->count(), 3);
    QVERIFY(snapshot() == before);
}

void TestPointEditor::refusalOfTheController()
{
    // Standardized, the feature must vary: two points at the same x are refused by the controller, not here.
    load("five_points");
    ProblemSpec spec = m_controller->latestRun()->problem->spec();
    spec.standardize = true;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    for (int k = 0; k < 3; ++k)
        QVERIFY(m_editor->removePoint(0));
    const DataSnapshot before = snapshot();
    QSignalSpy refused(m_editor.get(), &PointEditor::refused);
    QVERIFY(!m_editor->movePoint(1, data().values()(0, 0), 7.0));
    QCOMPARE(refused.count(), 1);
    QVERIFY2(refused.front().front().toString().contains(QStringLiteral("constant")),
        qPrintable(refused.front().front().toString()));
    QCOMPARE(m_editor->undoStack()->count(), 3);
    QCOMPARE(m_editor->undoStack()->undoText(), QStringLiteral("remove point"));
    QVERIFY(snapshot() == before);
    // The stack still works after the refusal.
    m_editor->undoStack()->undo();
    QCOMPARE(data().rowCount(), Eigen::Index(3));
}

void TestPointEditor::undoAndRedoRestoreEverythingBitForBit()
{
    load("five_points");
    std::vector<DataSnapshot> states { snapshot() };
    QVERIFY(m_editor->addPoint(2.5, 1.0 / 3.0));
    states.push_back(snapshot());
    QVERIFY(m_editor->movePoint(1, 2.0 + 1e-13, std::sqrt(2.0)));
    states.push_back(snapshot());
    QVERIFY(m_editor->removePoint(4));
    states.push_back(snapshot());
    for (std::size_t k = 1; k < states.size(); ++k)
        QVERIFY(states[k] != states[k - 1]);

    QUndoStack* stack = m_editor->undoStack();
    for (std::size_t k = states.size() - 1; k-- > 0;) {
        stack->undo();
        QVERIFY2(snapshot() == states[k], qPrintable(QStringLiteral("after undo to state %1").arg(k)));
    }
    QCOMPARE(m_controller->latestRun()->lessonName, std::string("five_points"));
    QVERIFY(!stack->canUndo());
    for (std::size_t k = 1; k < states.size(); ++k) {
        stack->redo();
        QVERIFY2(snapshot() == states[k], qPrintable(QStringLiteral("after redo to state %1").arg(k)));
    }
    QVERIFY(!stack->canRedo());
}

void TestPointEditor::undoKeepsLaterSettings()
{
    load("five_points");
    const Eigen::MatrixXd values = data().values();
    QVERIFY(m_editor->addPoint(2.5, 1.0));
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    m_editor->undoStack()->undo();
    QVERIFY(data().values() == values);
    QCOMPARE(m_controller->latestRun()->settings.learningRate, 0.02);
}

void TestPointEditor::stackKeptOrCleared_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("kept");
    QTest::newRow("learning rate") << "learning rate" << true;
    QTest::newRow("iterations") << "iterations" << true;
    QTest::newRow("start") << "start" << true;
    QTest::newRow("ghosts") << "ghosts" << true;
    QTest::newRow("standardize") << "standardize" << true;
    QTest::newRow("another lesson") << "lesson" << false;
    QTest::newRow("the same lesson again") << "same lesson" << false;
    QTest::newRow("a file") << "file" << false;
}

void TestPointEditor::stackKeptOrCleared()
{
    QFETCH(QString, change);
    QFETCH(bool, kept);
    load("five_points");
    QVERIFY(m_editor->addPoint(2.5, 1.0));
    gdlab::SolverSettings settings = m_controller->latestRun()->settings;
    ProblemSpec spec = m_controller->latestRun()->problem->spec();
    spec.standardize = true;
    const Dataset file({ "a", "b" }, (Eigen::MatrixXd(3, 2) << 1, 2, 2, 3, 3, 5).finished(), "file.csv");
    settings.iterations = 300;
    if (change == QLatin1String("learning rate"))
        QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    else if (change == QLatin1String("iterations"))
        QVERIFY(m_controller->setSettings(settings).isEmpty());
    else if (change == QLatin1String("start"))
        QVERIFY(m_controller->setStartPoint({ 0.0, 1.0 }).isEmpty());
    else if (change == QLatin1String("ghosts"))
        m_controller->setGhostIterations({ 7 });
    else if (change == QLatin1String("standardize"))
        QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    else if (change == QLatin1String("lesson"))
        QVERIFY(m_controller->loadLesson(QStringLiteral("nist_norris")).isEmpty());
    else if (change == QLatin1String("same lesson"))
        QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    else
        QVERIFY(m_controller->openDataset(file, ProblemSpec(), QStringLiteral("file.csv")).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(m_editor->undoStack()->count(), kept ? 1 : 0);
    if (kept) {
        m_editor->undoStack()->undo();
        QCOMPARE(data().rowCount(), Eigen::Index(5));
    }
}

} // namespace tst_point_editor

QTEST_MAIN(tst_point_editor::TestPointEditor)
#include "tst_point_editor.moc"
