#include "session/point_edit_command.h"
#include "support/data_snapshot.h"

#include "dataset.h"
#include "problem.h"
#include "session/session_controller.h"

#include <QUndoStack>
#include <QtTest>

#include <memory>

namespace tst_point_edit_command {

using gdlab::PointEditCommand;
using gdlab::SessionController;
using gdlab::test::DataSnapshot;
using gdlab::test::snapshotOf;

class TestPointEditCommand : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void redoAndUndo_data();
    void redoAndUndo();
    void textNamesTheEdit();
    void refusedFirstRedoIsObsolete();
    void editThatNoLongerFitsIsRefused();
    void stackDropsARefusedCommand();

private:
    DataSnapshot snapshot() const { return snapshotOf(m_controller->latestRun()); }
    const Eigen::MatrixXd& values() const { return m_controller->latestRun()->dataset->values(); }

    std::unique_ptr<SessionController> m_controller;
    /** The lesson as loaded, and the names an edit gives it. */
    PointEditCommand::Naming m_lesson;
    PointEditCommand::Naming m_edited;
};

void TestPointEditCommand::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_controller->waitForComputation();
    m_lesson = { QStringLiteral("five_points"), QString::fromStdString(m_controller->latestRun()->title) };
    QCOMPARE(m_controller->latestRun()->lessonName, m_lesson.lessonName.toStdString());
    m_edited = { QString(), m_lesson.title + QStringLiteral(" (edited)") };
}

void TestPointEditCommand::cleanup()
{
    m_controller.reset();
}

void TestPointEditCommand::redoAndUndo_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("rowsAfter");
    QTest::newRow("add at the end") << int(PointEditCommand::Add) << 5 << 6;
    QTest::newRow("add in the middle") << int(PointEditCommand::Add) << 2 << 6;
    QTest::newRow("move") << int(PointEditCommand::Move) << 3 << 5;
    QTest::newRow("remove") << int(PointEditCommand::Remove) << 1 << 4;
}

void TestPointEditCommand::redoAndUndo()
{
    QFETCH(int, kind);
    QFETCH(int, row);
    QFETCH(int, rowsAfter);
    const DataSnapshot before = snapshot();
    const auto edit = static_cast<PointEditCommand::Kind>(kind);
    const Eigen::RowVectorXd old = edit == PointEditCommand::Add ? Eigen::RowVectorXd() : values().row(row);
    const Eigen::RowVectorXd changed
        = edit == PointEditCommand::Remove ? Eigen::RowVectorXd() : Eigen::RowVectorXd(Eigen::RowVector2d(0.1, 0.7));
    PointEditCommand command(m_controller.get(), edit, row, old, changed, m_lesson, m_edited);

    command.redo();
    QVERIFY(command.refusal().isEmpty());
    QVERIFY(!command.isObsolete());
    QCOMPARE(values().rows(), Eigen::Index(rowsAfter));
    if (edit != PointEditCommand::Remove)
        QVERIFY(values().row(row) == changed);
    QCOMPARE(QString::fromStdString(m_controller->latestRun()->title), m_edited.title);
    QVERIFY(m_controller->latestRun()->lessonName.empty());
    const DataSnapshot after = snapshot();

    command.undo();
    QVERIFY(snapshot() == before);
    command.redo();
    QVERIFY(snapshot() == after);
}

void TestPointEditCommand::textNamesTheEdit()
{
    const Eigen::RowVectorXd row = values().row(0);
    QCOMPARE(PointEditCommand(m_controller.get(), PointEditCommand::Add, 5, {}, row, m_lesson, m_edited).text(),
        QStringLiteral("add point"));
    QCOMPARE(PointEditCommand(m_controller.get(), PointEditCommand::Move, 0, row, row, m_lesson, m_edited).text(),
        QStringLiteral("move point"));
    QCOMPARE(PointEditCommand(m_controller.get(), PointEditCommand::Remove, 0, row, {}, m_lesson, m_edited).text(),
        QStringLiteral("remove point"));
}

void TestPointEditCommand::refusedFirstRedoIsObsolete()
{
    // Five points less one is fine; a NaN is not: the controller refuses it and says why.
    const DataSnapshot before = snapshot();
    PointEditCommand command(m_controller.get(), PointEditCommand::Move, 0, values().row(0),
        Eigen::RowVector2d(std::nan(""), 1.0), m_lesson, m_edited);
    QStringList told;
    command.setRefusalHandler([&told](const QString& message) { told << message; });
    command.redo();
    QVERIFY(command.isObsolete());
    QVERIFY(!command.refusal().isEmpty());
    QCOMPARE(told, QStringList { command.refusal() });
    QVERIFY(snapshot() == before);
}

void TestPointEditCommand::editThatNoLongerFitsIsRefused()
{
    PointEditCommand command(m_controller.get(), PointEditCommand::Remove, 4, values().row(4), {}, m_lesson, m_edited);
    command.redo();
    // Another edit in between took rows away: undoing would insert beyond the end.
    PointEditCommand other(m_controller.get(), PointEditCommand::Remove, 0, values().row(0), {}, m_edited, m_edited);
    other.redo();
    other.redo();
    QCOMPARE(values().rows(), Eigen::Index(2));
    const DataSnapshot before = snapshot();
    QStringList told;
    command.setRefusalHandler([&told](const QString& message) { told << message; });
    command.undo();
    QCOMPARE(told.size(), 1);
    QVERIFY(told.front().contains(QStringLiteral("no longer")));
    QVERIFY(snapshot() == before);
}

void TestPointEditCommand::stackDropsARefusedCommand()
{
    QUndoStack stack;
    stack.push(new PointEditCommand(
        m_controller.get(), PointEditCommand::Add, 5, {}, Eigen::RowVector2d(6.0, 5.5), m_lesson, m_edited));
    QCOMPARE(stack.count(), 1);
    stack.push(new PointEditCommand(
        m_controller.get(), PointEditCommand::Add, 6, {}, Eigen::RowVector2d(INFINITY, 5.5), m_edited, m_edited));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.index(), 1);
    QCOMPARE(values().rows(), Eigen::Index(6));
}

} // namespace tst_point_edit_command

QTEST_MAIN(tst_point_edit_command::TestPointEditCommand)
#include "tst_point_edit_command.moc"
