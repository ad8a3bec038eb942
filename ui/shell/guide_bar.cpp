#include "shell/guide_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace gdlab {

GuideBar::GuideBar(QWidget* parent)
    : QFrame(parent)
    , m_back(makeButton(tr("◀ Back"), tr("The step before (Page Up)")))
    , m_position(new QLabel(this))
    , m_next(makeButton(tr("Next ▶"), tr("The next step (Page Down)")))
    , m_title(new QLabel(this))
    , m_caption(new QLabel(this))
    , m_message(new QLabel(this))
    , m_answer(makeButton(tr("Show answer"), tr("Show the answer to the question")))
    , m_close(makeButton(tr("✕"), tr("Close the guide (the run on screen stays)")))
{
    setObjectName(QStringLiteral("guideBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_position->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::RichText);
    m_caption->setTextInteractionFlags(Qt::NoTextInteraction);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->hide();

    auto* navigation = new QHBoxLayout;
    navigation->addWidget(m_back);
    navigation->addWidget(m_position);
    navigation->addWidget(m_next);
    auto* left = new QVBoxLayout;
    left->addWidget(m_title);
    left->addLayout(navigation);
    left->addStretch(1);
    auto* text = new QVBoxLayout;
    text->addWidget(m_caption, 1);
    text->addWidget(m_message);
    auto* right = new QVBoxLayout;
    right->addWidget(m_close, 0, Qt::AlignRight);
    right->addStretch(1);
    right->addWidget(m_answer);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addLayout(left);
    layout->addLayout(text, 1);
    layout->addLayout(right);

    connect(m_back, &QToolButton::clicked, this, &GuideBar::backRequested);
    connect(m_next, &QToolButton::clicked, this, &GuideBar::nextRequested);
    connect(m_answer, &QToolButton::clicked, this, &GuideBar::answerRequested);
    connect(m_close, &QToolButton::clicked, this, &GuideBar::closeRequested);
    applyFont();
}

QToolButton* GuideBar::makeButton(const QString& text, const QString& toolTip)
{
    auto* button = new QToolButton(this);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(false);
    // Keys go on driving the guide and the descent after a click, as they do after a click on a playback button.
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

void GuideBar::showStep(const QString& title, int index, int count, const QString& caption, const QString& question,
    const QString& answer, bool answerShown)
{
    m_title->setText(title);
    m_title->setToolTip(title);
    m_position->setText(tr("step %1 of %2").arg(index + 1).arg(count));
    m_back->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < count);
    QString html = caption.toHtmlEscaped();
    if (!question.isEmpty())
        html += QStringLiteral("<br><b>%1</b>").arg(question.toHtmlEscaped());
    if (!question.isEmpty() && answerShown)
        html += QStringLiteral("<br><i>%1</i>").arg(answer.toHtmlEscaped());
    m_caption->setText(html);
    m_answer->setVisible(!question.isEmpty() && !answerShown);
}

void GuideBar::setMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void GuideBar::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFont();
}

void GuideBar::applyFont()
{
    // The caption is what the back row reads: larger than the window's text, which presentation mode enlarges too.
    QFont caption = font();
    caption.setPointSizeF(font().pointSizeF() * captionScale);
    m_caption->setFont(caption);
    QFont title = font();
    title.setBold(true);
    m_title->setFont(title);
    // Room for three lines of caption whatever the step, so that the views do not jump from step to step.
    m_caption->setMinimumHeight(QFontMetrics(caption).lineSpacing() * 3);
    m_title->setMaximumWidth(QFontMetrics(title).averageCharWidth() * 28);
}

} // namespace gdlab
