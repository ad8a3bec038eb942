#pragma once

#include <QObject>
#include <QString>

class QCPItemText;
class QCustomPlot;

namespace gdlab {

class FitLines;
class IterationModel;
class PlotStyle;

/**
 * @brief The fit view's note that it draws a sample of a long file ("showing 4,990 of 1,000,000 rows"), in the plot's
 * top right corner over the data: unlike a legend entry it is never moved out or left out for want of room.
 */
class FitSampleNote : public QObject {
    Q_OBJECT

public:
    explicit FitSampleNote(QCustomPlot* plot, QObject* parent = nullptr);

    /**
     * @brief "showing 4,990 of 1,000,000 rows" when the run shown draws a sample of a long file (a sampled file, or
     * lines thinned from every row kept), else empty.
     */
    static QString textFor(const IterationModel& model, const FitLines& lines);

    /** @brief Shows text, or hides the note when text is empty. */
    void show(const QString& text);
    void applyStyle(const PlotStyle& style);

    QCPItemText* label() const { return m_label; }

private:
    QCPItemText* m_label;
};

} // namespace gdlab
