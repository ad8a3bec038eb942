// The update panel's document: the rich text and the plain text are made from the same cells.
#include "views/update_document.h"

#include <QtTest>

namespace tst_update_document {

using gdlab::UpdateDocument;

class TestUpdateDocument : public QObject {
    Q_OBJECT

private slots:
    void paragraphsInBothTexts();
    void textIsEscapedInTheRichTextOnly();
    void tablesKeepTheirCells();
};

void TestUpdateDocument::paragraphsInBothTexts()
{
    UpdateDocument document(Qt::gray);
    document.addHeading(QStringLiteral("Update k = 0 → 1"));
    document.addParagraph(QStringLiteral("L(θ<sub>k</sub>)"), QStringLiteral("L(θ_k)"));
    QCOMPARE(document.plainText(), QStringLiteral("Update k = 0 → 1\nL(θ_k)"));
    QVERIFY(document.html().contains(QStringLiteral("<b>Update k = 0 → 1</b>")));
    QVERIFY(document.html().contains(QStringLiteral("L(θ<sub>k</sub>)")));
    QCOMPARE(document.html().count(QStringLiteral("<p ")), 2);
}

void TestUpdateDocument::textIsEscapedInTheRichTextOnly()
{
    UpdateDocument document(Qt::gray);
    document.addText(QStringLiteral("a < b & c"));
    QCOMPARE(document.plainText(), QStringLiteral("a < b & c"));
    QVERIFY(document.html().contains(QStringLiteral("a &lt; b &amp; c")));
}

void TestUpdateDocument::tablesKeepTheirCells()
{
    const QColor muted(10, 20, 30, 153);
    UpdateDocument document(muted);
    UpdateDocument::Table table;
    table.header = { QString(), QStringLiteral("θ<sub>k</sub>") };
    table.plainHeader = QStringLiteral("θ_k");
    table.rows = { { QStringLiteral("θ0"), QStringLiteral("0.75") }, { QStringLiteral("θ1"), QStringLiteral("0.48") } };
    table.plainRows = { QStringLiteral("θ0 = 0.75"), QStringLiteral("θ1 = 0.48") };
    table.rightAligned = { 1 };
    document.addTable(table);
    QCOMPARE(document.plainText(), QStringLiteral("θ_k\nθ0 = 0.75\nθ1 = 0.48"));
    const QString html = document.html();
    QCOMPARE(html.count(QStringLiteral("<tr>")), 3);
    QCOMPARE(html.count(QStringLiteral(" align=\"right\"")), 3); // one numbers column in three rows
    QCOMPARE(html.count(muted.name(QColor::HexArgb)), 2); // the header's two cells are muted
    // A number is never broken across lines.
    QCOMPARE(html.count(QStringLiteral("white-space:nowrap")), 6);
}

} // namespace tst_update_document

QTEST_MAIN(tst_update_document::TestUpdateDocument)
#include "tst_update_document.moc"
