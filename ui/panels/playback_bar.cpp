#include "panels/playback_bar.h"

#include "panels/themed_icon.h"
#include "session/iteration_model.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

constexpr int kFrameMs = 16; // one tick per frame is as often as moving the row can show anything
constexpr int kDefaultStepsPerSecond = 30;
constexpr double kMinFastRowsPerSecond = 60;

QString shortcutHint(const QString& text, const QKeySequence& shortcut)
{
    return QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
}

} // namespace

const QList<int>& PlaybackBar::speedChoices()
{
    static const QList<int> choices = { 1, 2, 5, 10, 30, 100, 1000, 0 };
    return choices;
}

PlaybackBar::PlaybackBar(const IterationModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_speedCombo(new QComboBox(this))
    , m_scrubber(new QSlider(Qt::Horizontal, this))
    , m_positionLabel(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_firstAction = makeAction(tr("First"), tr("First iteration"), QStyle::SP_MediaSkipBackward, Qt::Key_Home);
    m_stepBackAction
        = makeAction(tr("Step back"), tr("Step back one iteration"), QStyle::SP_MediaSeekBackward, Qt::Key_Left);
    m_playAction = makeAction(tr("Play"), tr("Play"), QStyle::SP_MediaPlay, Qt::Key_Space);
    m_stepForwardAction
        = makeAction(tr("Step"), tr("Step forward one iteration"), QStyle::SP_MediaSeekForward, Qt::Key_Right);
    m_lastAction = makeAction(tr("Last"), tr("Last iteration"), QStyle::SP_MediaSkipForward, Qt::Key_End);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeButton(m_firstAction));
    layout->addWidget(makeButton(m_stepBackAction));
    m_playButton = makeButton(m_playAction);
    layout->addWidget(m_playButton);
    layout->addWidget(makeButton(m_stepForwardAction));
    layout->addWidget(makeButton(m_lastAction));

    for (const int speed : speedChoices()) {
        const QString text
            = speed == 0 ? tr("as fast as possible") : (speed == 1 ? tr("1 step/s") : tr("%1 steps/s").arg(speed));
        m_speedCombo->addItem(text, speed);
    }
    m_speedCombo->setToolTip(tr("Playback speed in steps (history rows) per second"));
    m_speedCombo->setAccessibleName(tr("Playback speed"));
    layout->addWidget(m_speedCombo);

    m_scrubber->setToolTip(tr("Drag to any iteration of the descent"));
    m_scrubber->setAccessibleName(tr("Iteration"));
    layout->addWidget(m_scrubber, 1);

    m_positionLabel->setToolTip(tr("Current iteration / last iteration"));
    m_positionLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_positionLabel);

    connect(m_playAction, &QAction::triggered, this, &PlaybackBar::togglePlay);
    connect(m_stepForwardAction, &QAction::triggered, this, &PlaybackBar::stepForward);
    connect(m_stepBackAction, &QAction::triggered, this, &PlaybackBar::stepBack);
    connect(m_firstAction, &QAction::triggered, this, &PlaybackBar::first);
    connect(m_lastAction, &QAction::triggered, this, &PlaybackBar::last);
    connect(m_speedCombo, qOverload<int>(&QComboBox::activated), this,
        [this](int index) { setStepsPerSecond(m_speedCombo->itemData(index).toInt()); });
    connect(m_scrubber, &QSlider::valueChanged, this, &PlaybackBar::rowRequested);
    // Grabbing the scrubber takes over from playback.
    connect(m_scrubber, &QSlider::sliderPressed, this, &PlaybackBar::pause);
    connect(m_timer, &QTimer::timeout, this, &PlaybackBar::onTick);

    connect(m_model, &IterationModel::runReset, this, &PlaybackBar::refresh);
    connect(m_model, &IterationModel::rowsAppended, this, &PlaybackBar::updateRange);
    connect(m_model, &IterationModel::currentRowChanged, this, &PlaybackBar::followCurrentRow);

    setStepsPerSecond(kDefaultStepsPerSecond);
    refresh();
}

void PlaybackBar::play()
{
    if (m_model->isEmpty() || isPlaying())
        return;
    // Play at the end means "play it again".
    if (m_model->currentRow() >= m_model->lastRow())
        emit rowRequested(0);
    m_rowCredit = 0;
    m_clock.start();
    m_timer->start();
    updatePlayAction();
    emit playingChanged(true);
}

void PlaybackBar::pause()
{
    if (!isPlaying())
        return;
    m_timer->stop();
    updatePlayAction();
    emit playingChanged(false);
}

void PlaybackBar::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

bool PlaybackBar::isPlaying() const
{
    return m_timer->isActive();
}

void PlaybackBar::stepForward()
{
    pause();
    emit rowRequested(std::min(m_model->currentRow() + 1, m_model->lastRow()));
}

void PlaybackBar::stepBack()
{
    pause();
    emit rowRequested(std::max(m_model->currentRow() - 1, 0));
}

void PlaybackBar::first()
{
    pause();
    emit rowRequested(0);
}

void PlaybackBar::last()
{
    pause();
    emit rowRequested(m_model->lastRow());
}

void PlaybackBar::setStepsPerSecond(int stepsPerSecond)
{
    m_stepsPerSecond = std::max(0, stepsPerSecond);
    const int index = m_speedCombo->findData(m_stepsPerSecond);
    if (index >= 0) {
        const QSignalBlocker blocker(m_speedCombo);
        m_speedCombo->setCurrentIndex(index);
    }
    updateTimerInterval();
}

QAction* PlaybackBar::makeAction(
    const QString& text, const QString& toolTip, QStyle::StandardPixmap icon, const QKeySequence& shortcut)
{
    auto* action = new QAction(ThemedIcon::standard(*this, icon, kIconSize), text, this);
    action->setProperty(kIconKind, int(icon));
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setToolTip(shortcutHint(toolTip, shortcut));
    addAction(action);
    return action;
}

QToolButton* PlaybackBar::makeButton(QAction* action)
{
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setIconSize(QSize(kIconSize, kIconSize));
    button->setAccessibleName(action->text());
    return button;
}

void PlaybackBar::onTick()
{
    if (m_model->isEmpty()) {
        pause();
        return;
    }
    // Move by the rows this much real time has earned, so a late tick catches up and fast speeds take strides.
    m_rowCredit += m_clock.restart() * rowsPerSecond() / 1000.0;
    const double whole = std::floor(m_rowCredit);
    if (whole < 1)
        return;
    m_rowCredit -= whole;
    const long long target
        = std::min<long long>(m_model->currentRow() + static_cast<long long>(whole), m_model->lastRow());
    emit rowRequested(static_cast<int>(target));
    if (target >= m_model->lastRow())
        pause();
}

void PlaybackBar::refresh()
{
    ++m_refreshCount;
    updateRange();
}

void PlaybackBar::updateRange()
{
    const bool empty = m_model->isEmpty();
    {
        const QSignalBlocker blocker(m_scrubber);
        m_scrubber->setRange(0, std::max(0, m_model->lastRow()));
        m_scrubber->setPageStep(std::max(1, m_model->rowCount() / 20));
    }
    m_scrubber->setEnabled(!empty);
    if (empty) {
        pause();
        m_positionLabel->setMinimumWidth(0);
    } else {
        // Wide enough for the largest "k / N" of this history, so the layout does not jitter during playback.
        const QString widest = QStringLiteral("%1 / %1").arg(m_model->iteration(m_model->lastRow()));
        m_positionLabel->setMinimumWidth(m_positionLabel->fontMetrics().horizontalAdvance(widest) + 4);
    }
    updateTimerInterval();
    followCurrentRow();
}

void PlaybackBar::followCurrentRow()
{
    const bool empty = m_model->isEmpty();
    const int row = m_model->currentRow();
    {
        const QSignalBlocker blocker(m_scrubber);
        m_scrubber->setValue(row);
    }
    m_positionLabel->setText(empty ? QStringLiteral("– / –")
                                   : QStringLiteral("%1 / %2")
                                         .arg(m_model->iteration(m_model->currentRow()))
                                         .arg(m_model->iteration(m_model->lastRow())));
    const bool atStart = empty || row <= 0;
    const bool atEnd = empty || row >= m_model->lastRow();
    m_firstAction->setEnabled(!atStart);
    m_stepBackAction->setEnabled(!atStart);
    m_stepForwardAction->setEnabled(!atEnd);
    m_lastAction->setEnabled(!atEnd);
    m_playAction->setEnabled(!empty);
}

void PlaybackBar::updatePlayAction()
{
    const bool playing = isPlaying();
    const QStyle::StandardPixmap icon = playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay;
    m_playAction->setProperty(kIconKind, int(icon));
    m_playAction->setIcon(ThemedIcon::standard(*this, icon, kIconSize));
    m_playAction->setText(playing ? tr("Pause") : tr("Play"));
    m_playAction->setToolTip(shortcutHint(playing ? tr("Pause") : tr("Play"), m_playAction->shortcut()));
}

void PlaybackBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // A theme changes the buttons' text colour: the icons follow it.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        for (QAction* action : { m_firstAction, m_stepBackAction, m_playAction, m_stepForwardAction, m_lastAction })
            if (action)
                action->setIcon(ThemedIcon::standard(
                    *this, QStyle::StandardPixmap(action->property(kIconKind).toInt()), kIconSize));
}

void PlaybackBar::updateTimerInterval()
{
    m_timer->setInterval(std::clamp(int(1000 / rowsPerSecond()), kFrameMs, 1000));
}

double PlaybackBar::rowsPerSecond() const
{
    if (m_stepsPerSecond > 0)
        return m_stepsPerSecond;
    return std::max(kMinFastRowsPerSecond, m_model->rowCount() / kFastPlaySeconds);
}

} // namespace gdlab
