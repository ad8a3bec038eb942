#include "views/status_summary.h"
#include "session/core_text.h"

#include "history.h"
#include "number_format.h"
#include "run.h"
#include "session/iteration_model.h"
#include "views/view_palette.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

#include <cmath>

namespace gdlab {

namespace {

const QString kSeparator = QStringLiteral(" · ");

QString number(double value)
{
    return QString::fromStdString(formatForReading(value, SignificantDigits::status));
}

} // namespace

StatusSummary::StatusSummary(const IterationModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_numbers(new QLabel(this))
    , m_status(new QLabel(this))
{
    m_numbers->setTextFormat(Qt::PlainText);
    // In a narrow window or with presentation fonts the numbers give way (whole parts dropped from the right,
    // "…" in their place, the whole line in the tooltip) rather than force the window wider than the projector;
    // the status word beside them always stays whole.
    m_numbers->setMinimumWidth(1);
    m_status->setTextFormat(Qt::PlainText);
    m_numbers->setToolTip(explanation());
    m_status->setToolTip(tr("\"running\" before the last iteration; at the last one, why the descent stopped"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_numbers);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_model, &IterationModel::runReset, this, &StatusSummary::refresh);
    connect(m_model, &IterationModel::currentRowChanged, this, &StatusSummary::showCurrentRow);
    // More rows move "/ N" on; the end of the run decides the status word.
    connect(m_model, &IterationModel::rowsAppended, this, &StatusSummary::showCurrentRow);
    connect(m_model, &IterationModel::runFinished, this, &StatusSummary::showCurrentRow);
    refresh();
}

QString StatusSummary::text() const
{
    return m_status->text().isEmpty() ? m_parts.join(kSeparator)
                                      : m_parts.join(kSeparator) + kSeparator + m_status->text();
}

QString StatusSummary::shownText() const
{
    return m_numbers->text() + m_status->text();
}

QString StatusSummary::statusText() const
{
    return m_status->text();
}

void StatusSummary::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh();
    else if (event->type() == QEvent::FontChange)
        showParts();
}

void StatusSummary::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    showParts();
}

void StatusSummary::showParts()
{
    // As many whole parts as fit beside the status word, then "…": a number cut in half would read as another.
    // The separator before the status stays in this plain label, so that only the status word is coloured.
    const QString tail = m_status->text().isEmpty() ? QString() : kSeparator;
    const QFontMetrics metrics = m_numbers->fontMetrics();
    const int room = width() - m_status->sizeHint().width() - metrics.averageCharWidth();
    QStringList shown;
    for (const QString& part : std::as_const(m_parts)) {
        const bool last = shown.size() + 1 == m_parts.size();
        const QString candidate
            = (QStringList(shown) << part).join(kSeparator) + (last ? tail : kSeparator + QStringLiteral("…") + tail);
        if (metrics.horizontalAdvance(candidate) > room && !shown.isEmpty())
            break;
        shown << part;
    }
    const bool cut = shown.size() < m_parts.size();
    m_numbers->setText(shown.join(kSeparator) + (cut ? kSeparator + QStringLiteral("…") : QString()) + tail);
    m_numbers->setToolTip(cut ? m_parts.join(kSeparator) + QStringLiteral("\n\n") + m_explanation : m_explanation);
}

void StatusSummary::refresh()
{
    ++m_refreshCount;
    showCurrentRow();
}

void StatusSummary::showCurrentRow()
{
    if (m_model->isEmpty()) {
        m_parts = QStringList { tr("no data") };
        m_status->clear();
        m_numbers->setText(m_parts.first());
        return;
    }
    const int row = m_model->currentRow();
    const Run& run = *m_model->run();
    QStringList& parts = m_parts;
    parts.clear();
    parts << tr("iteration %1 / %2").arg(m_model->iteration(row)).arg(m_model->iteration(m_model->lastRow()))
          << tr("loss %1").arg(number(m_model->loss(row)));
    if (run.isLogistic())
        parts << tr("accuracy %1 %").arg(QString::number(100 * m_model->history().accuracy(std::size_t(row)), 'g', 4));
    else
        parts << tr("RMSE %1").arg(number(m_model->rmse(row)));
    parts << tr("|∇| %1").arg(number(m_model->gradientNorm(row))) << distancePart(row);
    m_explanation = explanation();
    // The separator before the status stays in the plain label, so that only the status word is coloured.
    showStatus();
    showParts();
}

QString StatusSummary::distancePart(int row) const
{
    const Run& run = *m_model->run();
    const Eigen::VectorXd* optimum = run.optimum();
    if (!optimum) {
        // Separable data: no optimum to measure the distance to, and the reason is the lesson.
        return run.logistic && run.logistic->separable ? tr("no optimum: the data is linearly separable")
                                                       : tr("no optimum found");
    }
    const auto theta = m_model->theta(row);
    const double distance = optimum->size() == theta.size() ? (theta - *optimum).norm() : std::nan("");
    return run.isLogistic() ? tr("distance to Newton's optimum %1").arg(number(distance))
                            : tr("distance to least squares %1").arg(number(distance));
}

QString StatusSummary::explanation() const
{
    const Run* run = m_model->run();
    const QString space = tr("measured in the space the descent runs in (standardized units when the features are "
                             "standardized).");
    if (!run || !run->isLogistic())
        return tr("At the current iteration: the loss, the root mean squared error, the norm of the full-data "
                  "gradient, and the distance ‖θk − θ*‖ to the least-squares solution θ*, %1")
            .arg(space);
    if (!run->optimum())
        return tr("At the current iteration: the log loss, the accuracy (the share of rows classified right: p ≥ 0.5 "
                  "for class 1, p < 0.5 for class 0) and the norm of the full-data gradient. There is no optimum "
                  "to measure a distance to: %1.")
            .arg(QString::fromStdString(run->logistic ? run->logistic->message : std::string()));
    return tr("At the current iteration: the log loss, the accuracy (the share of rows classified right: p ≥ 0.5 for "
              "class 1, p < 0.5 for class 0), the norm of the full-data gradient, and the distance ‖θk − θ*‖ to "
              "Newton's optimum θ* (the minimum of the log loss), %1")
        .arg(space);
}

void StatusSummary::showStatus()
{
    const Run& run = *m_model->run();
    const bool finished = run.isComplete() && m_model->currentRow() >= m_model->lastRow();
    const StopReason reason = finished ? run.outcome->reason : StopReason::MaxIterations;
    m_status->setText(finished ? CoreText::stopReason(reason) : tr("running"));

    QPalette palette = this->palette();
    QFont font = this->font();
    if (finished && reason == StopReason::Diverged) {
        palette.setColor(QPalette::WindowText, ViewPalette::warning());
        font.setBold(true);
    } else if (finished && reason == StopReason::Converged) {
        palette.setColor(QPalette::WindowText, ViewPalette::good());
        font.setBold(true);
    }
    m_status->setPalette(palette);
    m_status->setFont(font);
}

} // namespace gdlab
