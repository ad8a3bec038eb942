#include "views/update_document.h"

namespace gdlab {

UpdateDocument::UpdateDocument(const QColor& muted)
    : m_mutedStyle(QStringLiteral("color:%1").arg(muted.name(QColor::HexArgb)))
{
}

void UpdateDocument::addParagraph(const QString& rich, const QString& plain)
{
    m_html << QStringLiteral("<p style=\"margin:0 0 4px 0\">%1</p>").arg(rich);
    m_plain << plain;
}

void UpdateDocument::addText(const QString& plain)
{
    addParagraph(plain.toHtmlEscaped(), plain);
}

void UpdateDocument::addHeading(const QString& plain)
{
    addParagraph(QStringLiteral("<b>%1</b>").arg(plain.toHtmlEscaped()), plain);
}

void UpdateDocument::addTable(const Table& table)
{
    QString out = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\" style=\"margin:0 0 4px 0\">");
    if (!table.header.isEmpty()) {
        out += tableRow(table.header, table.rightAligned, m_mutedStyle);
        m_plain << table.plainHeader;
    }
    for (const QStringList& row : table.rows)
        out += tableRow(row, table.rightAligned, QString());
    m_plain << table.plainRows;
    m_html << out + QStringLiteral("</table>");
}

QString UpdateDocument::tableRow(const QStringList& cells, const QList<int>& rightAligned, const QString& style) const
{
    QString line = QStringLiteral("<tr>");
    for (int i = 0; i < cells.size(); ++i)
        // nowrap: a word-wrapping label would otherwise break a number in two to fit a narrow panel.
        line += QStringLiteral("<td%1 style=\"white-space:nowrap;%2\">%3</td>")
                    .arg(rightAligned.contains(i) ? QStringLiteral(" align=\"right\"") : QString(), style, cells[i]);
    return line + QStringLiteral("</tr>");
}

} // namespace gdlab
