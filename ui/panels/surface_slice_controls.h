#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace gdlab {

class ErrorSurfaceModel;
class SessionController;

/**
 * @brief One compact row above the surface views: which two parameters the contour map and the bowl show, and
 * what the other parameters are held at (the least-squares values or the current step).
 *
 * With exactly two parameters there is nothing to choose (the surface is the whole loss): the combos are hidden
 * and the row only names the two axes. Choosing on one axis the parameter the other shows swaps the two.
 */
class SurfaceSliceControls : public QWidget {
    Q_OBJECT

public:
    explicit SurfaceSliceControls(ErrorSurfaceModel* surface, SessionController* controller, QWidget* parent = nullptr);

    // The widgets, for tests and for keyboard access from the main window.
    QComboBox* xCombo() const { return m_xCombo; }
    QComboBox* yCombo() const { return m_yCombo; }
    QComboBox* holdCombo() const { return m_holdCombo; }
    /** @brief The sentence shown instead of the choice ("" while there is a choice). */
    QString noteText() const;
    /** @brief Whether the row offers a choice (more than two parameters). */
    bool isChoosing() const;

    /** @brief "θ0 (intercept)", "θ1 (x1)", … for the current problem. */
    QStringList parameterLabels() const;

private:
    void rebuildItems();
    void syncFromModel();
    void onXChosen(int index);
    void onYChosen(int index);
    void onHoldChosen(int index);

    ErrorSurfaceModel* m_surface;
    SessionController* m_controller;
    QLabel* m_sliceLabel = nullptr;
    QComboBox* m_xCombo = nullptr;
    QLabel* m_byLabel = nullptr;
    QComboBox* m_yCombo = nullptr;
    QComboBox* m_holdCombo = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace gdlab
