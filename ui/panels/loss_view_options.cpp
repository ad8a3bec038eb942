#include "panels/loss_view_options.h"

#include "panels/flow_layout.h"

#include "views/loss_plot.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QSignalBlocker>

namespace gdlab {

LossViewOptions::LossViewOptions(const LossPlot* plot, QWidget* parent)
    : QWidget(parent)
    , m_log(new QRadioButton(tr("log"), this))
    , m_linear(new QRadioButton(tr("linear"), this))
{
    // One row over the plot, as the fit and the contour view have; the plot takes any height to spare.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred); // not Fixed: see FlowLayout
    auto* layout = new FlowLayout(this);
    layout->addWidget(new QLabel(tr("Loss axis:"), this));
    layout->addWidget(m_log);
    layout->addWidget(m_linear);
    auto* group = new QButtonGroup(this);
    group->addButton(m_log);
    group->addButton(m_linear);
    m_log->setToolTip(tr("Logarithmic loss axis: every decade the descent crosses gets the same height"));
    m_linear->setToolTip(tr("Linear loss axis: the loss as computed, with its steep first steps and flat tail"));
    // Keyboard users move between the two with the arrow keys, as in any radio group; the view keeps the focus
    // keys (Space, arrows) for playback otherwise.
    m_log->setFocusPolicy(Qt::TabFocus);
    m_linear->setFocusPolicy(Qt::TabFocus);
    showScale(plot->isLogarithmic());

    connect(m_log, &QRadioButton::toggled, this, [this](bool checked) {
        if (checked)
            emit logarithmicChosen(true);
    });
    connect(m_linear, &QRadioButton::toggled, this, [this](bool checked) {
        if (checked)
            emit logarithmicChosen(false);
    });
    connect(plot, &LossPlot::logarithmicChanged, this, &LossViewOptions::showScale);
}

void LossViewOptions::showScale(bool logarithmic)
{
    QRadioButton* button = logarithmic ? m_log : m_linear;
    if (!button->isChecked()) {
        const QSignalBlocker blockLog(m_log);
        const QSignalBlocker blockLinear(m_linear);
        button->setChecked(true);
        (logarithmic ? m_linear : m_log)->setChecked(false);
    }
}

} // namespace gdlab
