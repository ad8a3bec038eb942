#include "support/lesson_session.h"
#include "views/divergence_warning.h"

#include "session/iteration_model.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_divergence_warning {

using gdlab::DivergenceWarning;
using gdlab::IterationModel;
using gdlab::SessionController;

class TestDivergenceWarning : public QObject {
    Q_OBJECT

private slots:
    void noneForAStableRun();
    void sayWhyBatchDescentDiverged();
    void otherMethodsAreMeasuredAgainstTheBatchBound();
    void eachOptimizerIsMeasuredAgainstItsOwnBound();
    void notWhileTheRunIsComputing();
    void goesAwayWithTheNextRun();
    void wrapsToThePlot();
};

namespace {

std::unique_ptr<SessionController> divergedSession(const char* lesson, double rate)
{
    auto session = gdlab::test::sessionWith(lesson);
    if (session && session->setLearningRate(rate).isEmpty())
        session->waitForComputation();
    return session;
}

// What a new warning over a plot says of model's run.
QString messageFor(const IterationModel& model)
{
    QCustomPlot plot;
    DivergenceWarning warning(&plot);
    warning.update(model);
    return warning.message();
}

} // namespace

void TestDivergenceWarning::noneForAStableRun()
{
    auto session = gdlab::test::sessionWith("five_points");
    QCustomPlot plot;
    DivergenceWarning warning(&plot);
    QVERIFY(!DivergenceWarning::isDiverged(*session->model()));
    QVERIFY(!warning.update(*session->model()));
    QVERIFY(!warning.element()->visible());
    QVERIFY(warning.message().isEmpty());
    QCOMPARE(plot.plotLayout()->rowCount(), 1);
}

void TestDivergenceWarning::sayWhyBatchDescentDiverged()
{
    auto session = divergedSession("five_points", 1.0);
    const IterationModel& model = *session->model();
    QVERIFY(DivergenceWarning::isDiverged(model));
    QCustomPlot plot;
    DivergenceWarning warning(&plot);
    warning.applyStyle(gdlab::PlotStyle(plot, false));
    QVERIFY(warning.update(model)); // it appeared
    QVERIFY(!warning.update(model)); // and stays
    QVERIFY(warning.element()->visible());
    // Above the plot, in its own row of the layout.
    QCOMPARE(plot.plotLayout()->rowCount(), 2);
    QCOMPARE(plot.plotLayout()->element(0, 0), warning.element());
    const double bound = model.run()->stability.divergenceBound;
    QCOMPARE(warning.message(),
        QStringLiteral("Diverged after %1 updates: learning rate 1 is above the stability bound %2")
            .arg(model.iteration(model.lastRow()))
            .arg(QString::number(bound, 'g', 3)));
    QCOMPARE(warning.element()->textColor(), gdlab::ViewPalette::warning());
    QVERIFY(warning.element()->font().bold());
}

void TestDivergenceWarning::otherMethodsAreMeasuredAgainstTheBatchBound()
{
    auto session = divergedSession("three_features_ints_n20", 1.0); // SGD
    const IterationModel& model = *session->model();
    QVERIFY(DivergenceWarning::isDiverged(model));
    const QString message = messageFor(model);
    QVERIFY2(message.contains(QStringLiteral("learning rate 1 is too large for sgd descent (batch bound ")),
        qPrintable(message));
}

void TestDivergenceWarning::eachOptimizerIsMeasuredAgainstItsOwnBound()
{
    // The marble: momentum 0.9. Its bound is 2(1 + μ)/λmax, 3.8 times gd's: 0.2 is above it.
    auto session = divergedSession("the_marble", 0.2);
    const IterationModel& model = *session->model();
    QVERIFY(DivergenceWarning::isDiverged(model));
    const QString momentum = messageFor(model);
    const double momentumBound = 2.0 * (1.0 + 0.9) / model.run()->stability.lambdaMax;
    QVERIFY2(momentum.endsWith(QStringLiteral("learning rate 0.2 is above momentum's stability bound %1")
                                   .arg(QString::number(momentumBound, 'g', 3))),
        qPrintable(momentum));
    QVERIFY(!momentum.contains(QString::number(model.run()->stability.divergenceBound, 'g', 3)));

    // Adam has no fixed bound, and the warning does not make one up.
    gdlab::SolverSettings adam = model.run()->settings;
    adam.optimizer.kind = gdlab::OptimizerKind::Adam;
    adam.learningRate = 1e200;
    QVERIFY(session->setSettings(adam).isEmpty());
    session->waitForComputation();
    QVERIFY(DivergenceWarning::isDiverged(*session->model()));
    const QString adaptive = messageFor(*session->model());
    QVERIFY2(adaptive.endsWith(QStringLiteral("learning rate 1e+200 is too large for adam, which has no fixed bound")),
        qPrintable(adaptive));
}

void TestDivergenceWarning::notWhileTheRunIsComputing()
{
    auto session = divergedSession("five_points", 1.0);
    IterationModel& model = *session->model();
    // The same run as a worker streams it: no outcome yet, so nothing to warn about.
    auto streaming = std::make_shared<gdlab::Run>(*model.run());
    streaming->outcome.reset();
    model.setRun(streaming);
    QVERIFY(!DivergenceWarning::isDiverged(model));
    QCustomPlot plot;
    DivergenceWarning warning(&plot);
    QVERIFY(!warning.update(model));
    QVERIFY(warning.message().isEmpty());
}

void TestDivergenceWarning::goesAwayWithTheNextRun()
{
    auto session = divergedSession("five_points", 1.0);
    QCustomPlot plot;
    DivergenceWarning warning(&plot);
    warning.update(*session->model());
    QVERIFY(session->setLearningRate(0.01).isEmpty());
    session->waitForComputation();
    QVERIFY(warning.update(*session->model())); // it went away
    QVERIFY(!warning.element()->visible());
    QVERIFY(warning.message().isEmpty());
    // The axis rect has the whole plot again.
    QCOMPARE(plot.plotLayout()->rowCount(), 1);
    QCOMPARE(plot.plotLayout()->element(0, 0), plot.axisRect());
}

void TestDivergenceWarning::wrapsToThePlot()
{
    auto session = divergedSession("five_points", 1.0);
    QCustomPlot plot;
    plot.resize(260, 200);
    DivergenceWarning warning(&plot);
    warning.update(*session->model());
    plot.replot();
    const QStringList lines = warning.element()->text().split(QLatin1Char('\n'));
    QVERIFY(lines.size() > 2);
    QCOMPARE(lines.front(), warning.message().section(QLatin1Char(':'), 0, 0) + QLatin1Char(':'));
    const QFontMetrics metrics(warning.element()->font());
    for (const QString& line : lines.mid(1))
        QVERIFY2(metrics.horizontalAdvance(line) <= plot.width() - 24, qPrintable(line));
    // Words are kept whole: the lines hold the message's words in order.
    QCOMPARE(lines.mid(1).join(QLatin1Char(' ')), warning.message().section(QStringLiteral(": "), 1));
    // Wider, fewer lines.
    plot.resize(1200, 200);
    plot.replot();
    QVERIFY(warning.element()->text().count(QLatin1Char('\n')) < lines.size() - 1);
}

} // namespace tst_divergence_warning

QTEST_MAIN(tst_divergence_warning::TestDivergenceWarning)
#include "tst_divergence_warning.moc"
