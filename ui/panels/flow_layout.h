#pragma once

#include <QLayout>
#include <QList>

#include <cstddef>
#include <vector>

namespace gdlab {

/**
 * @brief Lays its items out left to right and wraps onto a new line when the width runs out.
 *
 * The option rows above the views hold combos and check boxes whose widths add up to more than a view is wide
 * on a 1024 px screen; in a QHBoxLayout their minimum widths then force the window wider than the screen. Here
 * the minimum width is that of the widest single item, and the height follows the width (heightForWidth).
 *
 * An item whose widget has a horizontal size policy of QSizePolicy::Ignored (an elided hint or note) takes
 * what is left of its line (less what the items after it need, when they fit beside it), or starts a line of its
 * own when less than kFillMinimum pixels are left.
 *
 * The widget holding a FlowLayout needs a vertical size policy that can grow (Preferred, not Fixed): QBoxLayout
 * caps a height-for-width item at its maximum height, which Fixed sets to one line.
 */
class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr, int horizontalSpacing = 6, int verticalSpacing = 2);
    ~FlowLayout() override;

    static constexpr int kFillMinimum = 80;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    /** Places the items in rect (or only measures, when place is false); returns the height used. */
    int arrange(const QRect& rect, bool place) const;
    /** The width the items from index on need on one line, up to the next filling item. */
    int followingWidth(const std::vector<QLayoutItem*>& items, std::size_t from) const;

    QList<QLayoutItem*> m_items;
    int m_horizontalSpacing;
    int m_verticalSpacing;
};

} // namespace gdlab
