#pragma once

#include <QTabWidget>

namespace gdlab {

enum class RunCause;
class IterationModel;

/**
 * @brief The second view's place: the error surface as a contour map, or the loss along one parameter, as two
 * tabs. A model with one parameter has no surface, so a new problem with one parameter opens on the loss along
 * it, and the next problem with more goes back to the map; otherwise the tab stays as the user chose.
 */
class SecondViewTabs : public QTabWidget {
    Q_OBJECT

public:
    enum Page { Contour = 0, AlongParameter = 1 };

    SecondViewTabs(const IterationModel* model, QWidget* contour, QWidget* alongParameter, QWidget* parent = nullptr);

    /**
     * @brief Puts widget (an option of the contour map, such as "follow θ") beside the tabs, shown while the map
     * is: the tab row has room to spare, the map's own option rows have none on a 1024-pixel screen.
     */
    void setContourCorner(QWidget* widget);

private:
    void onRunReset(RunCause cause);

    const IterationModel* m_model;
    int m_parameters = 0;
};

} // namespace gdlab
