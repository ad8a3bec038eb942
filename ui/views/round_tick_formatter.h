#pragma once

#include <QtDataVisualization/QValue3DAxisFormatter>

namespace gdlab {

/**
 * @brief Ticks of a bowl axis at round values (1, 2 or 5 × 10ⁿ apart, at most five intervals), wherever the
 * axis's range starts: Qt's own formatter divides the range into equal segments from its ends, so a range from
 * 0.0572 labels 0.0572, 0.197, … and a loss axis from its exact minimum labels 7.65e-30.
 */
class RoundTickFormatter : public QValue3DAxisFormatter {
    Q_OBJECT

public:
    explicit RoundTickFormatter(QObject* parent = nullptr);

    /** @brief The label of value with as many decimals as step needs (none for a step of 1 or more). */
    static QString label(double value, double step);

protected:
    QValue3DAxisFormatter* createNewInstance() const override;
    void recalculate() override;
};

} // namespace gdlab
