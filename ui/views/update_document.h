#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace gdlab {

/**
 * @brief What the update panel shows, built once as both rich text (for the label) and plain text (for copying
 * and for tests) from the same cells, so that the two never say different things.
 */
class UpdateDocument {
public:
    /** @brief A table; each rich row has as many cells as the header (when there is one). */
    struct Table {
        QStringList header; ///< rich-text cells of a small muted header row; empty = none
        QString plainHeader;
        std::vector<QStringList> rows; ///< rich-text cells
        QStringList plainRows; ///< one plain line per row
        QList<int> rightAligned; ///< columns of numbers
    };

    /** @param muted the colour of the tables' header rows */
    explicit UpdateDocument(const QColor& muted);

    void addParagraph(const QString& rich, const QString& plain);
    /** @brief A paragraph of plain text (escaped for the rich text). */
    void addText(const QString& plain);
    /** @brief A paragraph in bold. */
    void addHeading(const QString& plain);
    void addTable(const Table& table);

    QString html() const { return m_html.join(QString()); }
    QString plainText() const { return m_plain.join(QLatin1Char('\n')); }

private:
    QString tableRow(const QStringList& cells, const QList<int>& rightAligned, const QString& style) const;

    QStringList m_html;
    QStringList m_plain;
    QString m_mutedStyle;
};

} // namespace gdlab
