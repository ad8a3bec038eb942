// The lesson chooser: the catalogue, the run's lesson or custom data shown without a signal, a choice sent once.
#include "panels/lesson_group.h"

#include "dataset.h"
#include "lesson.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

namespace tst_lesson_group {

using gdlab::LessonGroup;
using gdlab::SessionController;

class TestLessonGroup : public QObject {
    Q_OBJECT

private slots:
    void listsTheCatalogue();
    void showsTheRunsLesson();
    void customDataHasAnEntryOfItsOwn();
    void choosingSendsTheLessonOnce();
    void nothingLoaded();
};

void TestLessonGroup::listsTheCatalogue()
{
    LessonGroup group;
    QCOMPARE(group.lessonCombo()->count(), int(gdlab::lessonCatalog().size()));
    for (int i = 0; i < group.lessonCombo()->count(); ++i) {
        const gdlab::Lesson& lesson = gdlab::lessonCatalog()[std::size_t(i)];
        QCOMPARE(group.lessonCombo()->itemData(i).toString(), QString::fromStdString(lesson.name));
        QCOMPARE(
            group.lessonCombo()->itemData(i, Qt::ToolTipRole).toString(), QString::fromStdString(lesson.description));
    }
}

void TestLessonGroup::showsTheRunsLesson()
{
    SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("nist_norris")).isEmpty());
    LessonGroup group;
    QSignalSpy chosen(&group, &LessonGroup::lessonChosen);
    group.showRun(controller.model()->run());
    QCOMPARE(group.lessonCombo()->currentData().toString(), QStringLiteral("nist_norris"));
    QCOMPARE(group.descriptionLabel()->text(), QString::fromStdString(gdlab::findLesson("nist_norris")->description));
    QCOMPARE(chosen.count(), 0);
}

void TestLessonGroup::customDataHasAnEntryOfItsOwn()
{
    SessionController controller;
    Eigen::MatrixXd values(4, 2);
    values << 1, 2, 2, 4, 3, 5, 4, 9;
    QVERIFY(controller.openDataset(gdlab::Dataset({ "x", "y" }, values, "mine.csv"), {}, QStringLiteral("mine.csv"))
                .isEmpty());
    LessonGroup group;
    QSignalSpy chosen(&group, &LessonGroup::lessonChosen);
    group.showRun(controller.model()->run());
    QCOMPARE(group.lessonCombo()->count(), int(gdlab::lessonCatalog().size()) + 1);
    QCOMPARE(group.lessonCombo()->currentText(), QStringLiteral("Custom data: mine.csv"));
    QCOMPARE(group.descriptionLabel()->text(), QStringLiteral("Your data: 4 rows, 2 numeric columns."));
    // Shown again: still one entry.
    group.showRun(controller.model()->run());
    QCOMPARE(group.lessonCombo()->count(), int(gdlab::lessonCatalog().size()) + 1);

    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    group.showRun(controller.model()->run());
    QCOMPARE(group.lessonCombo()->count(), int(gdlab::lessonCatalog().size()));
    QCOMPARE(group.lessonCombo()->findData(QString()), -1);
    QCOMPARE(chosen.count(), 0);
}

void TestLessonGroup::choosingSendsTheLessonOnce()
{
    SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    LessonGroup group;
    group.showRun(controller.model()->run());
    QSignalSpy chosen(&group, &LessonGroup::lessonChosen);
    group.lessonCombo()->setCurrentIndex(group.lessonCombo()->findData(QStringLiteral("two_features_n100")));
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().first().toString(), QStringLiteral("two_features_n100"));
    // Until a run of that lesson comes back, the description is still the run's.
    QCOMPARE(group.descriptionLabel()->text(), QString::fromStdString(gdlab::findLesson("five_points")->description));
}

void TestLessonGroup::nothingLoaded()
{
    LessonGroup group;
    QSignalSpy chosen(&group, &LessonGroup::lessonChosen);
    group.showRun(nullptr);
    QCOMPARE(group.lessonCombo()->currentText(), QStringLiteral("Custom data"));
    QVERIFY(group.descriptionLabel()->text().startsWith(QStringLiteral("Nothing loaded")));
    QCOMPARE(chosen.count(), 0);
}

} // namespace tst_lesson_group

QTEST_MAIN(tst_lesson_group::TestLessonGroup)
#include "tst_lesson_group.moc"
