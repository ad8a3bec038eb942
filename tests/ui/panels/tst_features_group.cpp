// The features: the run's spec shown without a signal, each box sending the spec with that one choice changed.
#include "panels/features_group.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QtTest>

namespace tst_features_group {

using gdlab::FeaturesGroup;
using gdlab::ProblemSpec;

class TestFeaturesGroup : public QObject {
    Q_OBJECT

private slots:
    void showsTheSpecSilently();
    void eachBoxChangesItsChoice_data();
    void eachBoxChangesItsChoice();
};

void TestFeaturesGroup::showsTheSpecSilently()
{
    FeaturesGroup group;
    QSignalSpy edits(&group, &FeaturesGroup::problemSpecEdited);
    ProblemSpec spec;
    spec.standardize = true;
    spec.intercept = false;
    group.showSpec(spec);
    QVERIFY(group.standardizeCheck()->isChecked());
    QVERIFY(!group.interceptCheck()->isChecked());
    QCOMPARE(edits.count(), 0);
}

void TestFeaturesGroup::eachBoxChangesItsChoice_data()
{
    QTest::addColumn<bool>("standardize");
    QTest::addRow("standardize") << true;
    QTest::addRow("intercept") << false;
}

void TestFeaturesGroup::eachBoxChangesItsChoice()
{
    QFETCH(bool, standardize);
    ProblemSpec spec;
    spec.target = 2;
    spec.features = { 0, 1 };
    FeaturesGroup group;
    group.showSpec(spec);
    QSignalSpy edits(&group, &FeaturesGroup::problemSpecEdited);
    ProblemSpec expected = spec;
    if (standardize) {
        group.standardizeCheck()->setChecked(true);
        expected.standardize = true;
    } else {
        group.interceptCheck()->setChecked(false);
        expected.intercept = false;
    }
    QCOMPARE(edits.count(), 1);
    QVERIFY(edits.first().first().value<ProblemSpec>() == expected);
}

} // namespace tst_features_group

QTEST_MAIN(tst_features_group::TestFeaturesGroup)
#include "tst_features_group.moc"
