// The descent settings: shown without a signal, each edit sent once as the whole settings with that one field
// changed, what does not apply disabled, and a tolerance that is not a number put back.
#include "panels/descent_group.h"

#include "update_sample.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QtTest>

#include <climits>

namespace tst_descent_group {

using gdlab::DescentGroup;
using gdlab::DescentMethod;
using gdlab::LossKind;
using gdlab::SolverSettings;

namespace {

SolverSettings lessonLike()
{
    SolverSettings settings;
    settings.learningRate = 0.03;
    settings.iterations = 400;
    settings.method = DescentMethod::MiniBatch;
    settings.batchSize = 8;
    settings.shuffle = true;
    settings.seed = 42;
    settings.loss = LossKind::HalfMse;
    settings.tolerance = 1e-7;
    settings.init = gdlab::InitKind::Values;
    settings.initValues = { 0.5, -0.25 };
    return settings;
}

} // namespace

class TestDescentGroup : public QObject {
    Q_OBJECT

private slots:
    void showsSettingsSilently();
    void eachEditChangesOneField_data();
    void eachEditChangesOneField();
    void enablesWhatApplies_data();
    void enablesWhatApplies();
    void toleranceThatIsNoNumberIsPutBack();
    void hugeSeedIsShownClamped();
    void miniBatchStartsBelowTheRows();
    void modelSwitchNeedsABinaryTarget();
};

void TestDescentGroup::showsSettingsSilently()
{
    DescentGroup group;
    QSignalSpy edits(&group, &DescentGroup::settingsEdited);
    group.showSettings(lessonLike());
    QCOMPARE(edits.count(), 0);
    QCOMPARE(group.iterationsSpin()->value(), 400);
    QCOMPARE(group.methodCombo()->currentData().toInt(), int(DescentMethod::MiniBatch));
    QCOMPARE(group.batchSizeSpin()->value(), 8);
    QVERIFY(group.shuffleCheck()->isChecked());
    QCOMPARE(group.seedSpin()->value(), 42);
    QCOMPARE(group.lossCombo()->currentData().toInt(), int(LossKind::HalfMse));
    QCOMPARE(group.toleranceEdit()->text(), QStringLiteral("1e-07"));
}

void TestDescentGroup::eachEditChangesOneField_data()
{
    QTest::addColumn<QString>("field");
    for (const char* field : { "iterations", "method", "batch size", "shuffle", "seed", "loss", "tolerance" })
        QTest::addRow("%s", field) << QString::fromLatin1(field);
}

void TestDescentGroup::eachEditChangesOneField()
{
    QFETCH(QString, field);
    DescentGroup group;
    group.showSettings(lessonLike());
    QSignalSpy edits(&group, &DescentGroup::settingsEdited);
    SolverSettings expected = lessonLike();
    if (field == QLatin1String("iterations")) {
        group.iterationsSpin()->setValue(123);
        expected.iterations = 123;
    } else if (field == QLatin1String("method")) {
        group.methodCombo()->setCurrentIndex(group.methodCombo()->findData(int(DescentMethod::Batch)));
        expected.method = DescentMethod::Batch;
    } else if (field == QLatin1String("batch size")) {
        group.batchSizeSpin()->setValue(3);
        expected.batchSize = 3;
    } else if (field == QLatin1String("shuffle")) {
        group.shuffleCheck()->setChecked(false);
        expected.shuffle = false;
    } else if (field == QLatin1String("seed")) {
        group.seedSpin()->setValue(7);
        expected.seed = 7;
    } else if (field == QLatin1String("loss")) {
        group.lossCombo()->setCurrentIndex(group.lossCombo()->findData(int(LossKind::Sse)));
        expected.loss = LossKind::Sse;
    } else {
        group.toleranceEdit()->setText(QStringLiteral("0.001"));
        emit group.toleranceEdit()->editingFinished();
        expected.tolerance = 0.001;
    }
    QCOMPARE(edits.count(), 1);
    QVERIFY(edits.first().first().value<SolverSettings>() == expected);
    // The next edit builds on this one.
    group.iterationsSpin()->setValue(group.iterationsSpin()->value() + 1);
    expected.iterations = group.iterationsSpin()->value();
    QCOMPARE(edits.count(), 2);
    QVERIFY(edits.last().first().value<SolverSettings>() == expected);
}

void TestDescentGroup::enablesWhatApplies_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<bool>("shuffle");
    QTest::addColumn<int>("init");
    QTest::addColumn<bool>("batchSize");
    QTest::addColumn<bool>("shuffleBox");
    QTest::addColumn<bool>("seed");
    QTest::addRow("batch") << int(DescentMethod::Batch) << true << int(gdlab::InitKind::Zeros) << false << false
                           << false;
    QTest::addRow("batch, random start") << int(DescentMethod::Batch) << false << int(gdlab::InitKind::Random) << false
                                         << false << true;
    QTest::addRow("sgd in file order") << int(DescentMethod::Sgd) << false << int(gdlab::InitKind::Zeros) << false
                                       << true << false;
    QTest::addRow("sgd shuffled") << int(DescentMethod::Sgd) << true << int(gdlab::InitKind::Zeros) << false << true
                                  << true;
    QTest::addRow("mini-batch") << int(DescentMethod::MiniBatch) << false << int(gdlab::InitKind::Values) << true
                                << true << false;
}

void TestDescentGroup::enablesWhatApplies()
{
    QFETCH(int, method);
    QFETCH(bool, shuffle);
    QFETCH(int, init);
    QFETCH(bool, batchSize);
    QFETCH(bool, shuffleBox);
    QFETCH(bool, seed);
    SolverSettings settings;
    settings.method = DescentMethod(method);
    settings.shuffle = shuffle;
    settings.init = gdlab::InitKind(init);
    DescentGroup group;
    group.showSettings(settings);
    QCOMPARE(group.batchSizeSpin()->isEnabled(), batchSize);
    QCOMPARE(group.shuffleCheck()->isEnabled(), shuffleBox);
    QCOMPARE(group.seedSpin()->isEnabled(), seed);
}

void TestDescentGroup::toleranceThatIsNoNumberIsPutBack()
{
    DescentGroup group;
    group.showSettings(lessonLike());
    QSignalSpy edits(&group, &DescentGroup::settingsEdited);
    for (const QString& text : { QStringLiteral("abc"), QStringLiteral("-1"), QStringLiteral("inf") }) {
        group.toleranceEdit()->setText(text);
        emit group.toleranceEdit()->editingFinished();
        QCOMPARE(group.toleranceEdit()->text(), QStringLiteral("1e-07"));
    }
    // The same value written another way is no edit, and keeps its spelling.
    group.toleranceEdit()->setText(QStringLiteral("0.0000001"));
    emit group.toleranceEdit()->editingFinished();
    QCOMPARE(edits.count(), 0);
    group.showSettings(lessonLike());
    QCOMPARE(group.toleranceEdit()->text(), QStringLiteral("0.0000001"));
    // Empty is "off".
    group.toleranceEdit()->clear();
    emit group.toleranceEdit()->editingFinished();
    QCOMPARE(edits.count(), 1);
    QCOMPARE(edits.first().first().value<SolverSettings>().tolerance, 0.0);
}

void TestDescentGroup::hugeSeedIsShownClamped()
{
    SolverSettings settings;
    settings.seed = std::uint64_t(1) << 40;
    DescentGroup group;
    QSignalSpy edits(&group, &DescentGroup::settingsEdited);
    group.showSettings(settings);
    QCOMPARE(group.seedSpin()->value(), INT_MAX);
    QCOMPARE(edits.count(), 0);
    // Another field's edit keeps the seed the run has, not the one the box can show.
    group.iterationsSpin()->setValue(10);
    QCOMPARE(edits.first().first().value<SolverSettings>().seed, std::uint64_t(1) << 40);
}

// five_points has 5 rows: the old default of 32 made mini-batch descent batch descent without a word.
void TestDescentGroup::miniBatchStartsBelowTheRows()
{
    SolverSettings settings; // batch descent, batch size 32
    DescentGroup group;
    group.showRowCount(5);
    group.showSettings(settings);
    QSignalSpy edits(&group, &DescentGroup::settingsEdited);
    group.methodCombo()->setCurrentIndex(group.methodCombo()->findData(int(DescentMethod::MiniBatch)));
    QCOMPARE(edits.count(), 1);
    const SolverSettings sent = edits.first().first().value<SolverSettings>();
    QCOMPARE(sent.method, DescentMethod::MiniBatch);
    QCOMPARE(sent.batchSize, gdlab::defaultBatchSize(5));
    QVERIFY(sent.batchSize < 5);
    QCOMPARE(group.batchSizeSpin()->value(), int(sent.batchSize));
    QVERIFY(group.batchNote()->isHidden());

    // The size reaching the data says so.
    group.batchSizeSpin()->setValue(5);
    QVERIFY(!group.batchNote()->isHidden());
    QVERIFY(group.batchNote()->text().contains(QStringLiteral("5 rows")));
    QVERIFY(group.batchNote()->text().contains(QStringLiteral("batch descent")));
    group.batchSizeSpin()->setValue(4);
    QVERIFY(group.batchNote()->isHidden());

    // A size the user chose below the data is kept when they come back to mini-batch.
    group.methodCombo()->setCurrentIndex(group.methodCombo()->findData(int(DescentMethod::Sgd)));
    group.methodCombo()->setCurrentIndex(group.methodCombo()->findData(int(DescentMethod::MiniBatch)));
    QCOMPARE(edits.last().first().value<SolverSettings>().batchSize, 4LL);
    // Other methods have no batch to warn about.
    group.batchSizeSpin()->setValue(9);
    QVERIFY(!group.batchNote()->isHidden());
    group.methodCombo()->setCurrentIndex(group.methodCombo()->findData(int(DescentMethod::Batch)));
    QVERIFY(group.batchNote()->isHidden());
}

// The logistic model is offered only for a 0/1 target; choosing it sends the model alone, and its loss is the log
// loss, shown in the loss combo, which is then disabled until the linear model comes back.
void TestDescentGroup::modelSwitchNeedsABinaryTarget()
{
    DescentGroup group;
    QComboBox* model = group.modelCombo();
    const auto logisticOffered = [model] {
        const auto* items = qobject_cast<QStandardItemModel*>(model->model());
        return items->item(model->findData(int(gdlab::ModelKind::Logistic)))->isEnabled();
    };
    group.showSettings(lessonLike());
    group.showBinaryTarget(false);
    QVERIFY(!logisticOffered());
    QVERIFY(model->toolTip().contains(QStringLiteral("0s and 1s")));
    group.showBinaryTarget(true);
    QVERIFY(logisticOffered());

    QSignalSpy edits(&group, &DescentGroup::settingsEdited);
    model->setCurrentIndex(model->findData(int(gdlab::ModelKind::Logistic)));
    QCOMPARE(edits.count(), 1);
    SolverSettings expected = lessonLike();
    expected.model = gdlab::ModelKind::Logistic;
    QVERIFY(edits.first().first().value<SolverSettings>() == expected);
    QVERIFY(!group.lossCombo()->isEnabled());
    QVERIFY(group.lossCombo()->currentText().contains(QStringLiteral("log loss")));

    // A logistic run on screen keeps its model offered, and the linear one brings the quadratic loss back.
    group.showBinaryTarget(false);
    QVERIFY(logisticOffered());
    model->setCurrentIndex(model->findData(int(gdlab::ModelKind::Linear)));
    QCOMPARE(edits.count(), 2);
    QVERIFY(edits.last().first().value<SolverSettings>() == lessonLike());
    QVERIFY(group.lossCombo()->isEnabled());
    QCOMPARE(group.lossCombo()->currentData().toInt(), int(LossKind::HalfMse));
    QVERIFY(!logisticOffered());
}

} // namespace tst_descent_group

QTEST_MAIN(tst_descent_group::TestDescentGroup)
#include "tst_descent_group.moc"
