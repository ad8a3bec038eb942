// Showing a run's value in a control: nothing happens when it shows that value already, and a change is never
// taken for the user's edit.
#include "panels/shown_value.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

namespace tst_shown_value {

class TestShownValue : public QObject {
    Q_OBJECT

private slots:
    void spinBox();
    void doubleSpinBoxComparesToItsDecimals();
    void checkBox();
    void comboBox();
    void lineEdit();
};

void TestShownValue::spinBox()
{
    QSpinBox spin;
    spin.setRange(0, 100);
    spin.setValue(5);
    QSignalSpy changes(&spin, &QSpinBox::valueChanged);
    QVERIFY(!gdlab::showValue(&spin, 5));
    QVERIFY(gdlab::showValue(&spin, 7));
    QCOMPARE(spin.value(), 7);
    QCOMPARE(changes.count(), 0);
}

void TestShownValue::doubleSpinBoxComparesToItsDecimals()
{
    QDoubleSpinBox spin;
    spin.setDecimals(4);
    spin.setRange(-10, 10);
    spin.setValue(0.7566);
    QSignalSpy changes(&spin, &QDoubleSpinBox::valueChanged);
    // A run's unrounded start that the box shows as it is already.
    QVERIFY(!gdlab::showValue(&spin, 0.756612345));
    QVERIFY(gdlab::showValue(&spin, 0.7567));
    QCOMPARE(spin.value(), 0.7567);
    QCOMPARE(changes.count(), 0);
}

void TestShownValue::checkBox()
{
    QCheckBox box;
    QSignalSpy toggles(&box, &QCheckBox::toggled);
    QVERIFY(!gdlab::showChecked(&box, false));
    QVERIFY(gdlab::showChecked(&box, true));
    QVERIFY(box.isChecked());
    QCOMPARE(toggles.count(), 0);
}

void TestShownValue::comboBox()
{
    QComboBox combo;
    combo.addItem(QStringLiteral("a"), 1);
    combo.addItem(QStringLiteral("b"), 2);
    QSignalSpy changes(&combo, &QComboBox::currentIndexChanged);
    QVERIFY(!gdlab::showData(&combo, 1));
    QVERIFY(!gdlab::showData(&combo, 3)); // no such item: left as it is
    QCOMPARE(combo.currentIndex(), 0);
    QVERIFY(gdlab::showData(&combo, 2));
    QCOMPARE(combo.currentIndex(), 1);
    QCOMPARE(changes.count(), 0);
}

void TestShownValue::lineEdit()
{
    QLineEdit edit(QStringLiteral("0.01"));
    QSignalSpy texts(&edit, &QLineEdit::textChanged);
    QVERIFY(!gdlab::showText(&edit, QStringLiteral("0.01")));
    QVERIFY(gdlab::showText(&edit, QStringLiteral("0.02")));
    QCOMPARE(edit.text(), QStringLiteral("0.02"));
    QCOMPARE(texts.count(), 0);
}

} // namespace tst_shown_value

QTEST_MAIN(tst_shown_value::TestShownValue)
#include "tst_shown_value.moc"
