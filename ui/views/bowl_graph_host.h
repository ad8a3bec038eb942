#pragma once

#include <QWidget>

class Q3DSurface;
class QLabel;
class QStackedLayout;
class QVBoxLayout;

namespace gdlab {

/**
 * @brief Where the 3-D bowl lives: the Qt DataVisualization graph in its window container, with a line of help
 * below it, or a sentence in its place (no OpenGL, no surface to show).
 *
 * Qt DataVisualization needs OpenGL and crashes without it, so the graph is created only when
 * openGLAvailable(); otherwise the host says why in a sentence and the rest of the program carries on.
 * The graph's axes: x and z are the slice's two parameters, y is the loss. The host's font is the font of
 * its text (the sentence, the help, what is added below the graph); the graph has its theme's.
 */
class BowlGraphHost : public QWidget {
    Q_OBJECT

public:
    explicit BowlGraphHost(QWidget* parent = nullptr);

    /**
     * @brief Whether a 3-D graph can be created here: false on the offscreen and minimal platforms, when
     * GDLAB_NO_OPENGL=1, or when an OpenGL context cannot be made current (probed once, then cached).
     */
    static bool openGLAvailable();

    /** @brief The graph (owned by its container), or null without OpenGL. */
    Q3DSurface* graph() const { return m_graph; }
    /** @brief The widget that holds the graph's window (null without OpenGL): where the graph is on screen. */
    QWidget* graphContainer() const { return m_container; }
    /** @brief Shows text instead of the graph. */
    void showMessage(const QString& text);
    /** @brief Shows the graph again (nothing without one). */
    void showGraph();
    bool isShowingMessage() const;
    QString messageText() const;
    QFont messageFont() const;
    /** @brief Puts widget between the graph and the line of help (a legend); only with a graph. */
    void addBelowGraph(QWidget* widget);

private:
    void createGraph();
    QWidget* createPage();

    QStackedLayout* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_page = nullptr;
    QVBoxLayout* m_pageLayout = nullptr;
    Q3DSurface* m_graph = nullptr; // owned by its window container, a child of m_page
    QWidget* m_container = nullptr;
};

} // namespace gdlab
