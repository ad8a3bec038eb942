// The loss view's log / linear choice: the row's buttons switch the plot's loss axis, the curve keeps its values,
// the ticks stay readable on both scales, and the choice holds for every later run and lesson.
#include "panels/loss_view_options.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/loss_plot.h"

#include <qcustomplot.h>

#include <QRadioButton>
#include <QSet>
#include <QtTest>

#include <memory>

namespace tst_loss_view_options {

using namespace gdlab;

namespace {

/** The row over its plot, routed as the main window routes it. */
struct Fixture {
    std::unique_ptr<SessionController> controller;
    std::unique_ptr<QWidget> window;
    LossPlot* plot = nullptr;
    LossViewOptions* options = nullptr;
};

Fixture makeFixture(const char* lesson)
{
    Fixture fixture;
    fixture.controller = std::make_unique<SessionController>();
    if (!fixture.controller->loadLesson(QString::fromLatin1(lesson)).isEmpty())
        return fixture;
    fixture.controller->waitForComputation();
    fixture.window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(fixture.window.get());
    fixture.plot = new LossPlot(fixture.controller->model());
    fixture.options = new LossViewOptions(fixture.plot);
    QObject::connect(fixture.options, &LossViewOptions::logarithmicChosen, fixture.plot, &LossPlot::setLogarithmic);
    layout->addWidget(fixture.options);
    layout->addWidget(fixture.plot);
    fixture.window->resize(640, 400);
    fixture.window->show();
    // Shown and drawn once at its size: the tick counts follow the axes' lengths (TickDensity).
    if (QTest::qWaitForWindowExposed(fixture.window.get()))
        fixture.plot->plot()->replot();
    return fixture;
}

/** The tick labels the axis draws now: a handful, all different, none empty. */
void verifyReadableTicks(QCPAxis* axis)
{
    QVector<double> ticks;
    QVector<QString> labels;
    axis->ticker()->generate(axis->range(), axis->parentPlot()->locale(), axis->numberFormat().at(0),
        axis->numberPrecision(), ticks, nullptr, &labels);
    int shown = 0;
    QSet<QString> distinct;
    for (int i = 0; i < ticks.size(); ++i) {
        if (!axis->range().contains(ticks[i]))
            continue;
        ++shown;
        QVERIFY2(!labels[i].isEmpty(), "a tick without a label");
        distinct.insert(labels[i]);
    }
    QVERIFY2(shown >= 3 && shown <= 12, qPrintable(QStringLiteral("%1 ticks").arg(shown)));
    QCOMPARE(distinct.size(), shown);
}

/** The curve draws every row at its own loss (none is <= 0 on these lessons, so no log floor applies). */
void verifySameValues(const LossPlot& plot, const IterationModel& model)
{
    const auto data = plot.lossGraph()->data();
    QCOMPARE(data->size(), model.rowCount());
    for (int row = 0; row < data->size(); ++row) {
        QCOMPARE(data->at(row)->key, static_cast<double>(model.iteration(row)));
        QCOMPARE(data->at(row)->value, model.loss(row));
    }
}

} // namespace

class TestLossViewOptions : public QObject {
    Q_OBJECT

private slots:
    void startsLogarithmic();
    void linearButtonSwitchesTheAxisAndKeepsTheValues();
    void ticksAreReadableOnBothScales_data();
    void ticksAreReadableOnBothScales();
    void choiceHoldsForLaterRunsAndLessons();
    void rowFollowsThePlot();
};

void TestLossViewOptions::startsLogarithmic()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.plot);
    QVERIFY(f.options->logButton()->isChecked());
    QVERIFY(!f.options->linearButton()->isChecked());
    QCOMPARE(f.plot->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
}

void TestLossViewOptions::linearButtonSwitchesTheAxisAndKeepsTheValues()
{
    Fixture f = makeFixture("five_points");
    const IterationModel& model = *f.controller->model();
    verifySameValues(*f.plot, model);
    QSignalSpy chosen(f.options, &LossViewOptions::logarithmicChosen);
    QTest::mouseClick(f.options->linearButton(), Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toBool(), false);
    QVERIFY(!f.plot->isLogarithmic());
    QCOMPARE(f.plot->plot()->yAxis->scaleType(), QCPAxis::stLinear);
    verifySameValues(*f.plot, model);
    // The whole curve is in sight: from the start's loss down to the floor.
    QVERIFY(f.plot->plot()->yAxis->range().contains(model.loss(0)));
    QVERIFY(f.plot->plot()->yAxis->range().contains(model.loss(model.lastRow())));

    QTest::mouseClick(f.options->logButton(), Qt::LeftButton);
    QCOMPARE(chosen.count(), 2);
    QCOMPARE(f.plot->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    verifySameValues(*f.plot, model);
}

void TestLossViewOptions::ticksAreReadableOnBothScales_data()
{
    QTest::addColumn<QString>("lesson");
    for (const char* lesson : { "five_points", "five_points_rss", "two_features_n100", "nist_norris" })
        QTest::addRow("%s", lesson) << QString::fromLatin1(lesson);
}

void TestLossViewOptions::ticksAreReadableOnBothScales()
{
    QFETCH(QString, lesson);
    Fixture f = makeFixture(qPrintable(lesson));
    QVERIFY(f.plot);
    verifyReadableTicks(f.plot->plot()->yAxis);
    QTest::mouseClick(f.options->linearButton(), Qt::LeftButton);
    QCOMPARE(f.plot->plot()->yAxis->scaleType(), QCPAxis::stLinear);
    verifyReadableTicks(f.plot->plot()->yAxis);
}

void TestLossViewOptions::choiceHoldsForLaterRunsAndLessons()
{
    Fixture f = makeFixture("five_points");
    QTest::mouseClick(f.options->linearButton(), Qt::LeftButton);
    QVERIFY(f.controller->setLearningRate(0.05).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.plot->plot()->yAxis->scaleType(), QCPAxis::stLinear);
    QVERIFY(f.controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.plot->plot()->yAxis->scaleType(), QCPAxis::stLinear);
    QVERIFY(f.options->linearButton()->isChecked());
    verifySameValues(*f.plot, *f.controller->model());
}

void TestLossViewOptions::rowFollowsThePlot()
{
    Fixture f = makeFixture("five_points");
    QSignalSpy chosen(f.options, &LossViewOptions::logarithmicChosen);
    f.plot->setLogarithmic(false);
    QVERIFY(f.options->linearButton()->isChecked());
    QVERIFY(!f.options->logButton()->isChecked());
    f.plot->setLogarithmic(true);
    QVERIFY(f.options->logButton()->isChecked());
    QCOMPARE(chosen.count(), 0); // following the plot is not a choice of the user's
}

} // namespace tst_loss_view_options

QTEST_MAIN(tst_loss_view_options::TestLossViewOptions)
#include "tst_loss_view_options.moc"
