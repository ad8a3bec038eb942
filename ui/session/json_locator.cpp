#include "session/json_locator.h"

namespace gdlab {

namespace {

/** Walks JSON text that is known to be valid; every position it returns is within the text or at its end. */
class Scanner {
public:
    explicit Scanner(const QByteArray& json)
        : m_json(json)
    {
    }

    int position() const { return m_at; }

    void skipSpace()
    {
        while (m_at < m_json.size()
            && (m_json[m_at] == ' ' || m_json[m_at] == '\n' || m_json[m_at] == '\r' || m_json[m_at] == '\t'))
            ++m_at;
    }

    char peek() const { return m_at < m_json.size() ? m_json[m_at] : '\0'; }
    void take() { m_at = m_at < m_json.size() ? m_at + 1 : m_at; }

    /** A string at the cursor, decoded enough to compare keys (escapes of ASCII and \uXXXX). */
    QString string()
    {
        take(); // the opening quote
        QByteArray raw;
        while (m_at < m_json.size() && m_json[m_at] != '"') {
            if (m_json[m_at] == '\\' && m_at + 1 < m_json.size()) {
                raw += m_json.mid(m_at, m_json[m_at + 1] == 'u' ? 6 : 2);
                m_at += m_json[m_at + 1] == 'u' ? 6 : 2;
            } else {
                raw += m_json[m_at++];
            }
        }
        take();
        // The key's escapes decoded the way the parser decodes them.
        return QString::fromUtf8(raw)
            .replace(QLatin1String("\\\""), QLatin1String("\""))
            .replace(QLatin1String("\\\\"), QLatin1String("\\"));
    }

    /** Past the value at the cursor: a string, a number or literal, or a whole object or array. */
    void skipValue()
    {
        if (peek() == '"') {
            string();
            return;
        }
        if (peek() != '{' && peek() != '[') {
            while (m_at < m_json.size() && !QByteArrayView(",}] \t\r\n").contains(m_json[m_at]))
                ++m_at;
            return;
        }
        int depth = 0;
        do {
            if (peek() == '"') {
                string();
                continue;
            }
            if (peek() == '{' || peek() == '[')
                ++depth;
            else if (peek() == '}' || peek() == ']')
                --depth;
            take();
        } while (depth > 0 && m_at < m_json.size());
    }

private:
    const QByteArray& m_json;
    int m_at = 0;
};

} // namespace

int JsonLocator::offsetOf(const QByteArray& json, const QStringList& path)
{
    Scanner scanner(json);
    scanner.skipSpace();
    for (const QString& step : path) {
        const char open = scanner.peek();
        if (open != '{' && open != '[')
            return -1;
        scanner.take();
        bool found = false;
        for (int index = 0; !found; ++index) {
            scanner.skipSpace();
            if (scanner.peek() == '}' || scanner.peek() == ']' || scanner.peek() == '\0')
                return -1;
            bool match = open == '[' && QString::number(index) == step;
            if (open == '{') {
                match = scanner.string() == step;
                scanner.skipSpace();
                scanner.take(); // ':'
                scanner.skipSpace();
            }
            if (match) {
                found = true;
                break;
            }
            scanner.skipValue();
            scanner.skipSpace();
            if (scanner.peek() == ',')
                scanner.take();
        }
    }
    return scanner.position();
}

QString JsonLocator::lineAndColumn(const QByteArray& json, int offset)
{
    const QByteArray before = json.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

} // namespace gdlab
