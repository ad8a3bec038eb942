#pragma once

#include <QColor>
#include <QFont>
#include <QObject>
#include <QString>

class QCPTextElement;
class QCustomPlot;

namespace gdlab {

class PlotStyle;

/**
 * @brief The sentence above the error surface that says where the other parameters are held ("θ0 (intercept)
 * = 1.2, held at its least-squares value"): a row of the plot's layout only while there is something to say.
 *
 * With many parameters the sentence is long; it is elided to the plot's width (whole in a tooltip over it), so
 * that it never sets the plot's, and so the window's, minimum width.
 */
class SliceSubtitle : public QObject {
    Q_OBJECT

public:
    explicit SliceSubtitle(QCustomPlot* plot, QObject* parent = nullptr);

    /** @brief The whole sentence. */
    QString text() const;
    /** @brief What the plot draws: the sentence, elided to the plot's width. */
    QString shownText() const;
    bool isElided() const;
    /** @brief Shows text above the map; an empty text takes the row away. True when the text changed. */
    bool setText(const QString& text);
    void applyStyle(const PlotStyle& style);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitToWidth();

    QCustomPlot* m_plot;
    QString m_text;
    /** In the plot's layout while there is a text; the layout owns it. */
    QCPTextElement* m_element = nullptr;
    QFont m_font;
    QColor m_colour;
};

} // namespace gdlab
