#include "dataset.h"
#include "input_error.h"

#include <QtTest>

#include <stdexcept>

namespace tst_dataset {

using gdlab::Dataset;
using gdlab::InputError;

namespace {

Dataset makeDataset(std::vector<std::string> names, std::vector<std::string> skipped = {})
{
    const auto columns = static_cast<Eigen::Index>(names.size());
    Eigen::MatrixXd values(2, columns);
    for (Eigen::Index c = 0; c < columns; ++c)
        values.col(c) << double(c), double(c) + 0.5;
    return Dataset(std::move(names), values, "data.csv", std::move(skipped));
}

} // namespace

class TestDataset : public QObject {
    Q_OBJECT

private slots:
    void constructs();
    void rejectsMismatchedNames();
    void findColumn_data();
    void findColumn();
    void requireColumn_data();
    void requireColumn();
};

void TestDataset::constructs()
{
    const Dataset empty;
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.rowCount(), Eigen::Index(0));
    QVERIFY(!empty.findColumn("1"));

    const Dataset data = makeDataset({ "x", "y" }, { "name" });
    QVERIFY(!data.isEmpty());
    QCOMPARE(data.rowCount(), Eigen::Index(2));
    QCOMPARE(data.columnCount(), Eigen::Index(2));
    QCOMPARE(data.values()(1, 1), 1.5);
    QCOMPARE(data.source(), std::string("data.csv"));
    QCOMPARE(data.skippedColumns(), std::vector<std::string> { "name" });
}

void TestDataset::rejectsMismatchedNames()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Dataset({ "x" }, Eigen::MatrixXd::Zero(3, 2)));
}

void TestDataset::findColumn_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("expected"); // -1: not found

    const QStringList xyz { "x", "y", "z" };
    QTest::addRow("by name") << xyz << "y" << 1;
    QTest::addRow("by name, last") << xyz << "z" << 2;
    QTest::addRow("by position 1") << xyz << "1" << 0;
    QTest::addRow("by position 3") << xyz << "3" << 2;
    QTest::addRow("leading zero position") << xyz << "02" << 1;
    QTest::addRow("position 0") << xyz << "0" << -1;
    QTest::addRow("position past the end") << xyz << "4" << -1;
    QTest::addRow("huge position") << xyz << "99999999999999999999999" << -1;
    QTest::addRow("signed position is a name") << xyz << "+2" << -1;
    QTest::addRow("negative position") << xyz << "-1" << -1;
    QTest::addRow("spaced position") << xyz << " 2" << -1;
    QTest::addRow("unknown name") << xyz << "w" << -1;
    QTest::addRow("case matters") << xyz << "X" << -1;
    QTest::addRow("empty query") << xyz << "" << -1;
    QTest::addRow("name '2' wins over position") << QStringList { "a", "b", "2" } << "2" << 2;
    QTest::addRow("name '1' wins over position") << QStringList { "1", "0" } << "1" << 0;
    QTest::addRow("position when no name matches") << QStringList { "a", "b", "7" } << "2" << 1;
    QTest::addRow("name with spaces") << QStringList { "house price", "area" } << "house price" << 0;
    QTest::addRow("duplicate names: first") << QStringList { "x", "x" } << "x" << 0;
}

void TestDataset::findColumn()
{
    QFETCH(QStringList, names);
    QFETCH(QString, query);
    QFETCH(int, expected);

    std::vector<std::string> columns;
    for (const QString& name : names)
        columns.push_back(name.toStdString());
    const Dataset data = makeDataset(columns);
    const std::string text = query.toStdString();
    const std::optional<Eigen::Index> found = data.findColumn(text);
    if (expected < 0) {
        QVERIFY2(!found, qPrintable(QString::number(found.value_or(-1))));
    } else {
        QVERIFY(found);
        QCOMPARE(*found, Eigen::Index(expected));
        QCOMPARE(data.requireColumn(text), Eigen::Index(expected));
    }
}

void TestDataset::requireColumn_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("skipped");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("detail");

    QTest::addRow("unknown name") << QStringList { "x", "y" } << QStringList() << "foo"
                                  << "no column 'foo' (columns: x, y)";
    QTest::addRow("position out of range") << QStringList { "x", "y" } << QStringList() << "5"
                                           << "no column '5': there are 2 columns (columns: x, y)";
    QTest::addRow("position out of range, one column") << QStringList { "x" } << QStringList() << "2"
                                                       << "no column '2': there is 1 column (columns: x)";
    QTest::addRow("skipped text column") << QStringList { "x", "y" } << QStringList { "name" } << "name"
                                         << "column 'name' is not numeric (it was skipped; numeric columns: x, y)";

    QStringList many;
    for (int i = 1; i <= 25; ++i)
        many << QStringLiteral("c%1").arg(i);
    QTest::addRow("long list cut") << many << QStringList() << "foo"
                                   << "c20, ... (5 more))";
}

void TestDataset::requireColumn()
{
    QFETCH(QStringList, names);
    QFETCH(QStringList, skipped);
    QFETCH(QString, query);
    QFETCH(QString, detail);

    std::vector<std::string> columns;
    for (const QString& name : names)
        columns.push_back(name.toStdString());
    std::vector<std::string> skippedColumns;
    for (const QString& name : skipped)
        skippedColumns.push_back(name.toStdString());
    const Dataset data = makeDataset(columns, skippedColumns);

    try {
        data.requireColumn(query.toStdString());
        QFAIL("no InputError thrown");
    } catch (const InputError& error) {
        const QString actual = QString::fromStdString(error.detail());
        QVERIFY2(actual.contains(detail), qPrintable(actual));
        QCOMPARE(error.source(), std::string("data.csv"));
        QCOMPARE(error.line(), 0L);
        QCOMPARE(QString::fromUtf8(error.what()), QStringLiteral("data.csv: ") + actual);
    }
}

} // namespace tst_dataset

QTEST_APPLESS_MAIN(tst_dataset::TestDataset)
#include "tst_dataset.moc"
