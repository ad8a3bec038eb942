#pragma once

#include <QElapsedTimer>
#include <QKeySequence>
#include <QList>
#include <QStyle>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace gdlab {

class IterationModel;

/**
 * @brief Steps through the descent: first, step back, play/pause, step, last, a speed, a scrubber over every
 * row and "k / N" in iterations.
 *
 * Playback only asks for another current row (rowRequested, which the window routes to the model) on the GUI
 * thread, by a QTimer; the bar, like every view, follows the model's current row. A "step" is one row of the
 * history. The five buttons are QActions with shortcuts (Space, Left, Right, Home,
 * End) in Qt::WindowShortcut context, so they work wherever the focus is in this bar's window. They are
 * added to this bar, so they are live as soon as the bar is in a window; a main window may also add actions()
 * to its menus or to itself. Focused text fields and spin boxes still get their arrow keys, Home, End and Space,
 * because QLineEdit accepts the ShortcutOverride for keys it uses; a focused slider or button does not, so there the
 * key steps the descent.
 */
class PlaybackBar : public QWidget {
    Q_OBJECT

public:
    /** @brief The speeds offered; 0 = as fast as possible (the whole history in about kFastPlaySeconds). */
    static const QList<int>& speedChoices();
    static constexpr double kFastPlaySeconds = 3;

    explicit PlaybackBar(const IterationModel* model, QWidget* parent = nullptr);

    const IterationModel* model() const { return m_model; }
    /** @brief How many times the bar was set up for a whole new run (once per runReset). */
    int refreshCount() const { return m_refreshCount; }

    void play();
    void pause();
    void togglePlay();
    bool isPlaying() const;
    void stepForward();
    void stepBack();
    void first();
    void last();
    /** @brief Rows per second; 0 = as fast as possible. Other values are allowed but not in the combo. */
    void setStepsPerSecond(int stepsPerSecond);
    int stepsPerSecond() const { return m_stepsPerSecond; }

    // QWidget::actions() lists first, step back, play/pause, step, last, in that order.
    QAction* playAction() const { return m_playAction; }
    QAction* stepForwardAction() const { return m_stepForwardAction; }
    QAction* stepBackAction() const { return m_stepBackAction; }
    QAction* firstAction() const { return m_firstAction; }
    QAction* lastAction() const { return m_lastAction; }

    QSlider* scrubber() const { return m_scrubber; }
    QComboBox* speedCombo() const { return m_speedCombo; }
    QLabel* positionLabel() const { return m_positionLabel; }
    QToolButton* playButton() const { return m_playButton; }

signals:
    void playingChanged(bool playing);
    /** @brief The bar moves the descent to row (a step, the scrubber, playback); the window makes it current. */
    void rowRequested(int row);

protected:
    void changeEvent(QEvent* event) override;

private:
    /** Icon size of the buttons, in pixels. */
    static constexpr int kIconSize = 20;
    /** The QAction property naming its standard icon, drawn again in the text colour when the palette changes. */
    static constexpr const char* kIconKind = "gdlabIconKind";

    QAction* makeAction(
        const QString& text, const QString& toolTip, QStyle::StandardPixmap icon, const QKeySequence& shortcut);
    QToolButton* makeButton(QAction* action);
    void onTick();
    void refresh();
    void updateRange();
    void followCurrentRow();
    void updatePlayAction();
    void updateTimerInterval();
    double rowsPerSecond() const;

    const IterationModel* m_model = nullptr;
    QAction* m_firstAction = nullptr;
    QAction* m_stepBackAction = nullptr;
    QAction* m_playAction = nullptr;
    QAction* m_stepForwardAction = nullptr;
    QAction* m_lastAction = nullptr;
    QToolButton* m_playButton = nullptr;
    QComboBox* m_speedCombo = nullptr;
    QSlider* m_scrubber = nullptr;
    QLabel* m_positionLabel = nullptr;
    QTimer* m_timer = nullptr;
    QElapsedTimer m_clock; ///< time since the last tick: the timer's interval is only a wish
    double m_rowCredit = 0; ///< rows earned but not yet taken (fractions of a row at low speeds)
    int m_stepsPerSecond = 10;
    int m_refreshCount = 0;
};

} // namespace gdlab
