// The house rules of the sources, checked on every test run: small files and functions, no document outside
// the repository cited, the signal/slot and include conventions, colours only from the palette.
//
// A function may stay longer than the limit only with a comment in it starting "long-function:" that says
// why it reads better whole (a parser's state machine, say).

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

namespace tst_source_rules {

namespace {

constexpr int maxFileLines = 500;
constexpr int maxFunctionLines = 60;

struct Source {
    QString path; // relative to the source root
    QStringList lines;
};

QList<Source> sources(
    const QStringList& folders, const QStringList& patterns = { QStringLiteral("*.cpp"), QStringLiteral("*.h") })
{
    QList<Source> result;
    const QString root = QStringLiteral(GDLAB_SOURCE_DIR);
    for (const QString& folder : folders) {
        QDirIterator it(root + QLatin1Char('/') + folder, patterns, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
                continue;
            result.append({ path.mid(root.size() + 1), QString::fromUtf8(file.readAll()).split(QLatin1Char('\n')) });
        }
    }
    return result;
}

QString located(const Source& source, int line, const QString& what)
{
    return QStringLiteral("%1:%2: %3").arg(source.path).arg(line + 1).arg(what);
}

} // namespace

class TestSourceRules : public QObject {
    Q_OBJECT

private slots:
    void filesAreSmall();
    void functionsAreShort();
    void noDocumentOutsideTheRepository();
    void pointerToMemberConnections();
    void qcustomplotOnlyInSources();
    void noTrInFreeFunctions();
    void coloursComeFromThePalette();
    void coreHasNoQt();
};

void TestSourceRules::filesAreSmall()
{
    QStringList violations;
    for (const Source& source : sources({ QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app") }))
        if (source.lines.size() > maxFileLines + 1)
            violations << QStringLiteral("%1: %2 lines").arg(source.path).arg(source.lines.size() - 1);
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

// Function bodies are the blocks from a "{" alone at column 0 to the next "}" at column 0 (.clang-format
// breaks before function braces and does not indent namespaces); lambdas count with their function.
void TestSourceRules::functionsAreShort()
{
    QStringList violations;
    for (const Source& source : sources({ QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app") })) {
        int start = -1;
        bool excused = false;
        for (int i = 0; i < source.lines.size(); ++i) {
            const QString& line = source.lines[i];
            if (line == QLatin1String("{")) {
                start = i;
                excused = false;
            } else if (start >= 0 && line.contains(QLatin1String("long-function:"))) {
                excused = true;
            } else if (start >= 0 && line.startsWith(QLatin1Char('}'))) {
                const int length = i - start - 1;
                if (length > maxFunctionLines && !excused)
                    violations << located(source, start - 1,
                        QStringLiteral("%1 lines: %2").arg(length).arg(source.lines[std::max(0, start - 1)].trimmed()));
                start = -1;
            }
        }
    }
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestSourceRules::noDocumentOutsideTheRepository()
{
    static const QRegularExpression outside(QStringLiteral(R"(\.\./shared|DESIGN\.md|STYLE\.md)"));
    QStringList violations;
    const QStringList folders { QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app"),
        QStringLiteral("tests"), QStringLiteral("scripts"), QStringLiteral("resources") };
    // The sources, and what builds and documents them.
    const QStringList patterns { QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("CMakeLists.txt"),
        QStringLiteral("*.sh"), QStringLiteral("*.md"), QStringLiteral("*.json") };
    QList<Source> all = sources(folders, patterns);
    all += sources({ QStringLiteral(".ci") }, { QStringLiteral("*") });
    for (const QString& top : { QStringLiteral("CMakeLists.txt"), QStringLiteral("README.md") }) {
        QFile file(QStringLiteral(GDLAB_SOURCE_DIR "/") + top);
        if (file.open(QIODevice::ReadOnly | QIODevice::Text))
            all.append({ top, QString::fromUtf8(file.readAll()).split(QLatin1Char('\n')) });
    }
    QVERIFY(all.size() > 100);
    for (const Source& source : std::as_const(all))
        for (int i = 0; i < source.lines.size(); ++i)
            if (outside.match(source.lines[i]).hasMatch()
                && !source.path.endsWith(QLatin1String("tst_source_rules.cpp")))
                violations << located(source, i, source.lines[i].trimmed());
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestSourceRules::pointerToMemberConnections()
{
    static const QRegularExpression strings(QStringLiteral(R"(\b(SIGNAL|SLOT)\s*\()"));
    QStringList violations;
    for (const Source& source : sources({ QStringLiteral("ui"), QStringLiteral("app") }))
        for (int i = 0; i < source.lines.size(); ++i)
            if (strings.match(source.lines[i]).hasMatch())
                violations << located(source, i, source.lines[i].trimmed());
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestSourceRules::qcustomplotOnlyInSources()
{
    QStringList violations;
    for (const Source& source : sources({ QStringLiteral("ui"), QStringLiteral("app") }))
        if (source.path.endsWith(QLatin1String(".h")))
            for (int i = 0; i < source.lines.size(); ++i)
                if (source.lines[i].contains(QLatin1String("qcustomplot.h")))
                    violations << located(source, i, source.lines[i].trimmed());
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

// tr() needs the context of a class for translators; QObject::tr in a free function has none.
void TestSourceRules::noTrInFreeFunctions()
{
    QStringList violations;
    for (const Source& source : sources({ QStringLiteral("ui"), QStringLiteral("app") }))
        for (int i = 0; i < source.lines.size(); ++i)
            if (source.lines[i].contains(QLatin1String("QObject::tr(")))
                violations << located(source, i, source.lines[i].trimmed());
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestSourceRules::coloursComeFromThePalette()
{
    static const QRegularExpression literal(QStringLiteral(
        R"(QColor\(\s*(0x|\d|")|Qt::(red|green|blue|black|white|gray|darkGray|lightGray|yellow|cyan|magenta)\b)"));
    QStringList violations;
    for (const Source& source : sources({ QStringLiteral("ui"), QStringLiteral("app") })) {
        if (source.path.contains(QLatin1String("palette")) || source.path.contains(QLatin1String("colour_map")))
            continue;
        for (int i = 0; i < source.lines.size(); ++i)
            if (literal.match(source.lines[i]).hasMatch())
                violations << located(source, i, source.lines[i].trimmed());
    }
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestSourceRules::coreHasNoQt()
{
    static const QRegularExpression qt(QStringLiteral(R"(#include\s*[<"](Q|qcustomplot))"));
    QStringList violations;
    for (const Source& source : sources({ QStringLiteral("core") }))
        for (int i = 0; i < source.lines.size(); ++i)
            if (qt.match(source.lines[i]).hasMatch())
                violations << located(source, i, source.lines[i].trimmed());
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

} // namespace tst_source_rules

QTEST_APPLESS_MAIN(tst_source_rules::TestSourceRules)
#include "tst_source_rules.moc"
