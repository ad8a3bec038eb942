#pragma once

#include "session/error_surface_model.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace gdlab {

class IterationModel;

/**
 * @brief One compact row above the surface views: which two parameters the contour map and the bowl show, and
 * what the other parameters are held at (the least-squares values or the current step).
 *
 * With exactly two parameters there is nothing to choose (the surface is the whole loss): the combos are hidden
 * and the row only names the two axes. Choosing on one axis the parameter the other shows swaps the two. The
 * choices go out as sliceChosen and holdModeChosen; the combos show what the surface model holds.
 */
class SurfaceSliceControls : public QWidget {
    Q_OBJECT

public:
    SurfaceSliceControls(const ErrorSurfaceModel* surface, const IterationModel* model, QWidget* parent = nullptr);

    /** @brief As tall as the row of combo boxes whether they show or the note does: the contour view below never
     * jumps when another lesson has more or fewer parameters. */

    // The widgets, for tests and for keyboard access from the main window.
    QComboBox* xCombo() const { return m_xCombo; }
    QComboBox* yCombo() const { return m_yCombo; }
    QComboBox* holdCombo() const { return m_holdCombo; }
    /** @brief "follow θ": the frame grows to keep the current θ in sight. */
    QCheckBox* followCheck() const { return m_followCheck; }
    /** @brief The sentence shown instead of the choice ("" while there is a choice). */
    QString noteText() const;
    /** @brief Whether the row offers a choice (more than two parameters). */
    bool isChoosing() const;
    /** @brief How many times the row was brought up to a new run. */
    int refreshCount() const { return m_refreshCount; }

    /** @brief "θ0 (intercept)", "θ1 (x1)", … for the run shown. */
    QStringList parameterLabels() const;

signals:
    /** @brief The user chose the slice over parameters x and y (different, in range). */
    void sliceChosen(int x, int y);
    void holdModeChosen(gdlab::ErrorSurfaceModel::HoldMode mode);
    /** @brief The user asked the frame to follow the current θ (or not). */
    void followChosen(bool on);

private:
    void refresh();
    void rebuildItems(const QStringList& labels);
    void showNote(const QStringList& labels);
    void syncFromModel();
    void onXChosen(int index);
    void onYChosen(int index);
    void onHoldChosen(int index);

    const ErrorSurfaceModel* m_surface;
    const IterationModel* m_model;
    QComboBox* m_xCombo = nullptr;
    QLabel* m_byLabel = nullptr;
    QComboBox* m_yCombo = nullptr;
    QComboBox* m_holdCombo = nullptr;
    QLabel* m_note = nullptr;
    QCheckBox* m_followCheck = nullptr;
    int m_refreshCount = 0;
};

} // namespace gdlab
