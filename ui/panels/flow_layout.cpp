#include "panels/flow_layout.h"

#include <QWidget>

#include <algorithm>
#include <utility>
#include <vector>

namespace gdlab {

namespace {

bool fillsItsLine(const QLayoutItem* item)
{
    const QWidget* widget = item->widget();
    return widget && widget->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored;
}

/** The width an item asks for; QWidgetItem reports 0 for an Ignored policy, so a filler's text width is asked of
 * its widget. */
int wantedWidth(const QLayoutItem* item)
{
    return fillsItsLine(item) ? item->widget()->sizeHint().width() : item->sizeHint().width();
}

bool expands(const QLayoutItem* item)
{
    return item->expandingDirections() & Qt::Horizontal;
}

struct Placed {
    QLayoutItem* item;
    int width;
};

/** Shares what is left of a line among its expanding items, so combos fill a wide row as in a QHBoxLayout. */
void shareLeftover(std::vector<Placed>& line, int leftover)
{
    const auto expanding = std::count_if(line.begin(), line.end(), [](const Placed& p) { return expands(p.item); });
    if (expanding == 0 || leftover <= 0)
        return;
    int share = leftover / static_cast<int>(expanding);
    int extra = leftover % static_cast<int>(expanding);
    for (Placed& placed : line)
        if (expands(placed.item))
            placed.width += share + (extra-- > 0 ? 1 : 0);
}

} // namespace

FlowLayout::FlowLayout(QWidget* parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent)
    , m_horizontalSpacing(horizontalSpacing)
    , m_verticalSpacing(verticalSpacing)
{
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return static_cast<int>(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem* FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // The widest item that cannot shrink; a filling item can always go to a line of its own at kFillMinimum.
    QSize size;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const int width
            = fillsItsLine(item) ? std::min(kFillMinimum, item->sizeHint().width()) : item->minimumSize().width();
        size = size.expandedTo(QSize(width, item->minimumSize().height()));
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Preferred: everything on one line.
    int width = 0;
    int height = 0;
    int visible = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        width += wantedWidth(item);
        height = std::max(height, item->sizeHint().height());
        ++visible;
    }
    width += std::max(0, visible - 1) * m_horizontalSpacing;
    const QMargins margins = contentsMargins();
    return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom());
}

void FlowLayout::setGeometry(const QRect& rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::followingWidth(const std::vector<QLayoutItem*>& items, std::size_t from) const
{
    // Up to the next filler, which starts its own reckoning.
    int width = 0;
    for (std::size_t i = from; i < items.size() && !fillsItsLine(items[i]); ++i)
        width += (width > 0 ? m_horizontalSpacing : 0) + items[i]->sizeHint().width();
    return width;
}

int FlowLayout::arrange(const QRect& rect, bool place) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int right = area.x() + std::max(area.width(), 1);
    int y = area.y();
    std::vector<Placed> line;
    int lineHeight = 0;
    int x = area.x();
    const auto finishLine = [&] {
        if (place) {
            shareLeftover(line, right - x + m_horizontalSpacing);
            int left = area.x();
            for (const Placed& placed : line) {
                // Items of different heights (a combo beside a check box) share the line's middle.
                const int height = std::min(lineHeight, placed.item->sizeHint().height());
                placed.item->setGeometry(QRect(left, y + (lineHeight - height) / 2, placed.width, height));
                left += placed.width + m_horizontalSpacing;
            }
        }
        y += lineHeight + m_verticalSpacing;
        line.clear();
        lineHeight = 0;
        x = area.x();
    };
    std::vector<QLayoutItem*> items;
    for (QLayoutItem* item : m_items)
        if (!item->isEmpty())
            items.push_back(item);
    for (std::size_t i = 0; i < items.size(); ++i) {
        QLayoutItem* item = items[i];
        const bool fills = fillsItsLine(item);
        const int wanted = wantedWidth(item);
        const int needed = fills ? std::min(kFillMinimum, wanted) : std::min(wanted, area.width());
        if (!line.empty() && x + needed > right)
            finishLine();
        int width = std::min(wanted, right - x);
        if (fills) {
            // The rest of the line, less what the items after it need to stay beside it when they can.
            const int tail = followingWidth(items, i + 1);
            const int rest = right - x;
            width = tail > 0 && rest - tail - m_horizontalSpacing >= needed ? rest - tail - m_horizontalSpacing : rest;
        }
        width = std::max(width, 0);
        line.push_back({ item, width });
        lineHeight = std::max(lineHeight, item->sizeHint().height());
        x += width + m_horizontalSpacing;
    }
    if (!line.empty())
        finishLine();
    const int used = y > area.y() ? y - area.y() - m_verticalSpacing : 0;
    const QMargins margins = contentsMargins();
    return used + margins.top() + margins.bottom();
}

} // namespace gdlab
