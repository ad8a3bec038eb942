#include "views/status_summary.h"
#include "session/core_text.h"

#include "number_format.h"
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
    // In a narrow window or with presentation fonts the numbers give way (clipped at the right) rather than
    // force the window wider than the projector; the status word beside them always stays whole.
    m_numbers->setMinimumWidth(1);
    m_status->setTextFormat(Qt::PlainText);
    m_numbers->setToolTip(tr("At the current iteration: the loss, the root mean squared error, the norm of the "
                             "full-data gradient, and the distance ‖θk − θ*‖ to the least-squares solution θ*, "
                             "measured in the space the descent runs in (standardized units when the features "
                             "are standardized)."));
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
}

void StatusSummary::refresh()
{
    ++m_refreshCount;
    showCurrentRow();
}

void StatusSummary::showCurrentRow()
{
    if (m_model->isEmpty()) {
        m_numbers->setText(tr("no data"));
        m_status->clear();
        return;
    }
    const int row = m_model->currentRow();
    const Eigen::VectorXd& optimum = m_model->run()->leastSquares.theta;
    const double distance
        = optimum.size() == m_model->theta(row).size() ? (m_model->theta(row) - optimum).norm() : std::nan("");
    QStringList parts;
    parts << tr("iteration %1 / %2").arg(m_model->iteration(row)).arg(m_model->iteration(m_model->lastRow()))
          << tr("loss %1").arg(number(m_model->loss(row))) << tr("RMSE %1").arg(number(m_model->rmse(row)))
          << tr("|∇| %1").arg(number(m_model->gradientNorm(row)))
          << tr("distance to least squares %1").arg(number(distance));
    // The separator before the status stays in the plain label, so that only the status word is coloured.
    m_numbers->setText(parts.join(kSeparator) + kSeparator);
    showStatus();
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
