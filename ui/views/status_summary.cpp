#include "views/status_summary.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

#include <cmath>

namespace gdlab {

namespace {

// The colour of success, as the "fastest" mark of the learning-rate control; ViewPalette has none.
const QString kSeparator = QStringLiteral(" · ");

QString number(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 6) : QStringLiteral("–");
}

} // namespace

StatusSummary::StatusSummary(SessionController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
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

    IterationModel* model = m_controller->model();
    connect(model, &IterationModel::currentRowChanged, this, &StatusSummary::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &StatusSummary::refresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &StatusSummary::refresh);
    connect(m_controller, &SessionController::problemChanged, this, &StatusSummary::refresh);
    connect(m_controller, &SessionController::computationStarted, this, &StatusSummary::refresh);
    connect(m_controller, &SessionController::computationFinished, this, &StatusSummary::refresh);
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
    const IterationModel* model = m_controller->model();
    if (model->isEmpty()) {
        m_numbers->setText(tr("no data"));
        m_status->clear();
        return;
    }

    const int row = model->currentRow();
    const Eigen::VectorXd& optimum = m_controller->leastSquares().theta;
    const double distance
        = optimum.size() == model->theta(row).size() ? (model->theta(row) - optimum).norm() : std::nan("");
    QStringList parts;
    parts << tr("iteration %1 / %2").arg(model->iteration(row)).arg(model->iteration(model->lastRow()))
          << tr("loss %1").arg(number(model->loss(row))) << tr("RMSE %1").arg(number(model->rmse(row)))
          << tr("|∇| %1").arg(number(model->gradientNorm(row)))
          << tr("distance to least squares %1").arg(number(distance));
    // The separator before the status stays in the plain label, so that only the status word is coloured.
    m_numbers->setText(parts.join(kSeparator) + kSeparator);

    const bool finished = !m_controller->isComputing() && model->currentRow() >= model->lastRow();
    const StopReason reason = m_controller->stopReason();
    const QString status = finished ? QString::fromUtf8(stopReasonName(reason)) : tr("running");
    m_status->setText(status);

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
