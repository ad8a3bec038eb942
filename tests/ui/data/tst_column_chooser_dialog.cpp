#include "data/column_chooser_dialog.h"

#include "dataset.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

namespace tst_column_chooser_dialog {

using gdlab::ColumnChooserDialog;
using gdlab::Dataset;
using gdlab::ProblemSpec;

namespace {

Dataset makeDataset(Eigen::Index rows, const std::vector<std::string>& names, std::vector<std::string> skipped = {})
{
    Eigen::MatrixXd values(rows, static_cast<Eigen::Index>(names.size()));
    for (Eigen::Index r = 0; r < values.rows(); ++r)
        for (Eigen::Index c = 0; c < values.cols(); ++c)
            values(r, c) = double(r * (c + 1)) + 0.5 * double(c);
    return Dataset(names, values, "data.csv", std::move(skipped));
}

QStringList checkedFeatures(const ColumnChooserDialog& dialog)
{
    QStringList names;
    for (int row = 0; row < dialog.featureList()->count(); ++row) {
        if (dialog.featureList()->item(row)->checkState() == Qt::Checked)
            names << dialog.featureList()->item(row)->text();
    }
    return names;
}

bool okEnabled(const ColumnChooserDialog& dialog)
{
    return dialog.buttonBox()->button(QDialogButtonBox::Ok)->isEnabled();
}

std::vector<Eigen::Index> columns(std::initializer_list<Eigen::Index> list)
{
    return list;
}

} // namespace

class TestColumnChooserDialog : public QObject {
    Q_OBJECT

private slots:
    void isNeededOnlyForMoreThanTwoColumns();
    void defaultsAreTheCliDefaults();
    void summaryShowsRowsAndSkippedColumns();
    void manySkippedColumnsAreCounted();
    void titleNamesTheFile();
    void initialSpecIsShown();
    void changingTheTargetSwapsItWithTheFeatures();
    void noFeatureDisablesOk();
    void noFeatureAndNoInterceptDisablesOk();
    void targetCheckedAsFeatureDisablesOk();
    void fewerRowsThanParametersDisablesOk();
    void acceptReturnsTheChoice();
};

void TestColumnChooserDialog::isNeededOnlyForMoreThanTwoColumns()
{
    QVERIFY(!ColumnChooserDialog::isNeeded(makeDataset(5, { "y" })));
    QVERIFY(!ColumnChooserDialog::isNeeded(makeDataset(5, { "x", "y" })));
    QVERIFY(ColumnChooserDialog::isNeeded(makeDataset(5, { "x1", "x2", "y" })));
}

void TestColumnChooserDialog::defaultsAreTheCliDefaults()
{
    ColumnChooserDialog dialog(makeDataset(10, { "a", "b", "c", "d" }), ProblemSpec {}, QStringLiteral("data.csv"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Choose columns — data.csv"));
    QCOMPARE(dialog.targetCombo()->currentIndex(), 3);
    QCOMPARE(dialog.targetCombo()->currentText(), QStringLiteral("d"));
    QCOMPARE(checkedFeatures(dialog), (QStringList { "a", "b", "c" }));
    QCOMPARE(dialog.featureList()->item(3)->text(), QStringLiteral("d (target)"));
    QVERIFY(dialog.interceptCheck()->isChecked());
    QVERIFY(okEnabled(dialog));
    QVERIFY(dialog.reasonLabel()->isHidden());
    QVERIFY(dialog.isAcceptable());

    const ProblemSpec spec = dialog.problemSpec();
    QCOMPARE(spec.target, Eigen::Index(3));
    QCOMPARE(spec.features, columns({ 0, 1, 2 }));
    QVERIFY(spec.intercept);
    QVERIFY(!spec.standardize);
}

void TestColumnChooserDialog::summaryShowsRowsAndSkippedColumns()
{
    ColumnChooserDialog plain(makeDataset(1234, { "a", "b", "c" }));
    QVERIFY2(plain.summaryLabel()->text().contains(QLocale().toString(1234)), qPrintable(plain.summaryLabel()->text()));
    QVERIFY(plain.summaryLabel()->text().contains(QStringLiteral("3 numeric columns")));
    QVERIFY(!plain.summaryLabel()->text().contains(QStringLiteral("skipped")));

    ColumnChooserDialog withText(makeDataset(7, { "a", "b", "c" }, { "name", "city" }));
    const QString summary = withText.summaryLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("7 data rows")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Text columns skipped")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("name, city")), qPrintable(summary));
}

void TestColumnChooserDialog::manySkippedColumnsAreCounted()
{
    std::vector<std::string> skipped;
    for (int i = 0; i < 11; ++i)
        skipped.push_back("text" + std::to_string(i));
    ColumnChooserDialog dialog(makeDataset(7, { "a", "b", "c" }, skipped));
    const QString summary = dialog.summaryLabel()->text();
    // The first eight by name, the rest as a count: a long list would push the buttons off a projector's screen.
    QVERIFY2(summary.contains(QStringLiteral("text0, text1")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("text7, … (3 more)")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("text8")), qPrintable(summary));
}

void TestColumnChooserDialog::titleNamesTheFile()
{
    ColumnChooserDialog unnamed(makeDataset(7, { "a", "b", "c" }));
    QCOMPARE(unnamed.windowTitle(), QStringLiteral("Choose columns"));
    ColumnChooserDialog named(makeDataset(7, { "a", "b", "c" }), {}, QStringLiteral("heights.csv"));
    QCOMPARE(named.windowTitle(), QStringLiteral("Choose columns — heights.csv"));
    QCOMPARE(named.targetCombo()->count(), 3);
    QCOMPARE(named.featureList()->item(2)->text(), QStringLiteral("c (target)"));
}

void TestColumnChooserDialog::initialSpecIsShown()
{
    ProblemSpec initial;
    initial.target = 0;
    initial.features = { 2 };
    initial.intercept = false;
    initial.standardize = true;
    ColumnChooserDialog dialog(makeDataset(10, { "a", "b", "c", "d" }), initial);
    QCOMPARE(dialog.targetCombo()->currentText(), QStringLiteral("a"));
    QCOMPARE(checkedFeatures(dialog), QStringList { "c" });
    QVERIFY(!dialog.interceptCheck()->isChecked());
    // Standardization is not chosen here; it passes through.
    QCOMPARE(dialog.problemSpec(), initial);
}

void TestColumnChooserDialog::changingTheTargetSwapsItWithTheFeatures()
{
    ColumnChooserDialog dialog(makeDataset(10, { "a", "b", "c", "d" }));
    dialog.setFeatureChecked(2, false);
    dialog.setTargetColumn(1);
    // "b" leaves the features, the old target "d" joins them, the unchecked "c" stays unchecked.
    QCOMPARE(checkedFeatures(dialog), (QStringList { "a", "d" }));
    QCOMPARE(dialog.featureList()->item(1)->text(), QStringLiteral("b (target)"));
    QCOMPARE(dialog.featureList()->item(3)->text(), QStringLiteral("d"));
    QCOMPARE(dialog.problemSpec().target, Eigen::Index(1));
    QCOMPARE(dialog.problemSpec().features, columns({ 0, 3 }));
    QVERIFY(okEnabled(dialog));

    // Through the combo box as the user would.
    dialog.targetCombo()->setCurrentIndex(0);
    QCOMPARE(dialog.problemSpec().target, Eigen::Index(0));
    QCOMPARE(dialog.problemSpec().features, columns({ 1, 3 }));
}

void TestColumnChooserDialog::noFeatureDisablesOk()
{
    ColumnChooserDialog dialog(makeDataset(10, { "a", "b", "c" }));
    dialog.setFeatureChecked(0, false);
    QVERIFY(okEnabled(dialog));
    dialog.setFeatureChecked(1, false);
    QVERIFY(!okEnabled(dialog));
    QVERIFY(!dialog.reasonLabel()->isHidden());
    QCOMPARE(dialog.reasonLabel()->text(), QStringLiteral("Check at least one feature."));
    QCOMPARE(dialog.buttonBox()->button(QDialogButtonBox::Ok)->toolTip(), dialog.reasonLabel()->text());
    dialog.setFeatureChecked(1, true);
    QVERIFY(okEnabled(dialog));
    QVERIFY(dialog.reasonLabel()->isHidden());
}

void TestColumnChooserDialog::noFeatureAndNoInterceptDisablesOk()
{
    ColumnChooserDialog dialog(makeDataset(10, { "a", "b", "c" }));
    dialog.setIntercept(false);
    QVERIFY(okEnabled(dialog));
    dialog.setFeatureChecked(0, false);
    dialog.setFeatureChecked(1, false);
    QVERIFY(!okEnabled(dialog));
    QVERIFY2(dialog.reasonLabel()->text().contains(QStringLiteral("No feature and no intercept")),
        qPrintable(dialog.reasonLabel()->text()));
}

void TestColumnChooserDialog::targetCheckedAsFeatureDisablesOk()
{
    ColumnChooserDialog dialog(makeDataset(10, { "a", "b", "c" }));
    dialog.featureList()->item(2)->setCheckState(Qt::Checked);
    QVERIFY(!okEnabled(dialog));
    QCOMPARE(dialog.reasonLabel()->text(), QStringLiteral("'c' is the target; it cannot also be a feature."));
    dialog.featureList()->item(2)->setCheckState(Qt::Unchecked);
    QVERIFY(okEnabled(dialog));
}

void TestColumnChooserDialog::fewerRowsThanParametersDisablesOk()
{
    // Two rows cannot determine an intercept and two slopes.
    ColumnChooserDialog dialog(makeDataset(2, { "a", "b", "c" }));
    QVERIFY(!okEnabled(dialog));
    QVERIFY2(dialog.reasonLabel()->text().contains(QStringLiteral("2 data rows cannot determine 3 parameters")),
        qPrintable(dialog.reasonLabel()->text()));
    dialog.setFeatureChecked(1, false);
    QVERIFY(okEnabled(dialog));
}

void TestColumnChooserDialog::acceptReturnsTheChoice()
{
    ColumnChooserDialog dialog(makeDataset(10, { "a", "b", "c", "d" }));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.open();
    dialog.setTargetColumn(2);
    dialog.setFeatureChecked(0, false);
    dialog.setIntercept(false);
    dialog.buttonBox()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const ProblemSpec spec = dialog.problemSpec();
    QCOMPARE(spec.target, Eigen::Index(2));
    QCOMPARE(spec.features, columns({ 1, 3 }));
    QVERIFY(!spec.intercept);
}

} // namespace tst_column_chooser_dialog

QTEST_MAIN(tst_column_chooser_dialog::TestColumnChooserDialog)
#include "tst_column_chooser_dialog.moc"
