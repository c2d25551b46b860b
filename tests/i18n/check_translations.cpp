// The translations are complete: every tr() string of the sources has a finished translation,
// and no translation is left over from a string the sources no longer have.
//
//   check_translations --lupdate PATH --root SOURCE_DIR --ts FILE.ts [--plural-only FILE.ts]...
//
// For each .ts file it runs lupdate over the sources (ui/ and app/, as
// scripts/update-translations.sh does) into a temporary copy of the file and lists:
//   - strings with no translation, or an unfinished one (a new tr() string comes in unfinished);
//   - strings of the .ts that the sources no longer have (obsolete or vanished);
//   - translations whose placeholders (%1, %L1, %n) differ from the source's.
// It exits with 1 when there is any, 2 when it cannot run, 0 otherwise.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QXmlStreamReader>

#include <cstdio>

namespace {

struct Message
{
    QString context, source, comment;
    QString type;             ///< the translation's type: "", "unfinished", "vanished", "obsolete"
    QStringList translations; ///< one, or the numerus forms
    QString key() const { return context + '\x1f' + source + '\x1f' + comment; }
    QString where() const
    {
        return QStringLiteral("[%1] \"%2\"%3")
            .arg(context, QString(source).replace('\n', "\\n"),
                 comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(comment));
    }
};

bool readTs(const QString &path, QList<Message> &out, QString &error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                m = Message{};
                m.context = context;
                inMessage = true;
            } else if (inMessage && name == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("comment")) {
                m.comment = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                m.type = xml.attributes().value(QLatin1String("type")).toString();
                // Either text, or <numerusform> children.
                QString text;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters())
                        text += xml.text();
                    else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        m.translations << xml.readElementText();
                    else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                        break;
                }
                if (m.translations.isEmpty())
                    m.translations << text;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << m;
            inMessage = false;
        }
    }
    if (xml.hasError()) {
        error =
            QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
        return false;
    }
    return true;
}

QStringList placeholders(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("%L?[0-9]+|%n"));
    QStringList found;
    for (auto it = re.globalMatch(s); it.hasNext();)
        found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

/// Checks one .ts file; prints its problems and returns how many there are (-1: could not run).
int check(const QString &lupdate, const QString &root, const QString &ts, bool pluralOnly)
{
    QTextStream err(stderr);
    QList<Message> kept;
    QString error;
    if (!readTs(ts, kept, error)) {
        err << "check_translations: " << error << Qt::endl;
        return -1;
    }
    QTemporaryDir tmp;
    const QString fresh = tmp.filePath(QFileInfo(ts).fileName());
    if (!tmp.isValid() || !QFile::copy(ts, fresh)) {
        err << "check_translations: cannot copy " << ts << " to a temporary directory" << Qt::endl;
        return -1;
    }
    QFile::setPermissions(fresh, QFile::ReadOwner | QFile::WriteOwner);
    QStringList args{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                     QStringLiteral("none"),         QStringLiteral("-extensions"),
                     QStringLiteral("cpp,h"),        QStringLiteral("-silent")};
    if (pluralOnly)
        args << QStringLiteral("-pluralonly");
    args << QStringLiteral("ui") << QStringLiteral("app") << QStringLiteral("-ts") << fresh;
    QProcess run;
    run.setWorkingDirectory(root);
    run.setProcessChannelMode(QProcess::MergedChannels);
    run.start(lupdate, args);
    if (!run.waitForFinished(300000) || run.exitStatus() != QProcess::NormalExit ||
        run.exitCode() != 0) {
        err << "check_translations: " << lupdate << " " << args.join(' ') << " failed:\n"
            << run.readAll() << Qt::endl;
        return -1;
    }
    QList<Message> now;
    if (!readTs(fresh, now, error)) {
        err << "check_translations: " << error << Qt::endl;
        return -1;
    }

    QStringList untranslated, obsolete, badPlaceholders;
    QSet<QString> inSources;
    for (const Message &m : now) {
        inSources.insert(m.key());
        const bool empty = std::all_of(m.translations.begin(), m.translations.end(),
                                       [](const QString &t) { return t.isEmpty(); });
        if (m.type == QLatin1String("unfinished") || empty) {
            untranslated << m.where();
            continue;
        }
        for (const QString &t : m.translations) {
            if (placeholders(t) != placeholders(m.source)) {
                badPlaceholders << m.where() + QStringLiteral(" -> \"%1\"").arg(t);
                break;
            }
        }
    }
    for (const Message &m : kept) {
        if (m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished") ||
            !inSources.contains(m.key()))
            obsolete << m.where();
    }

    const auto list = [&](const QStringList &items, const char *what) {
        if (items.isEmpty())
            return;
        err << ts << ": " << items.size() << " " << what << ":\n";
        for (const QString &i : items)
            err << "    " << i << "\n";
    };
    list(untranslated, "string(s) without a finished translation (translate them in the .ts)");
    list(obsolete, "translation(s) of strings the sources no longer have (run "
                   "scripts/update-translations.sh, which drops them)");
    list(badPlaceholders, "translation(s) whose placeholders differ from the source's");
    const int problems =
        static_cast<int>(untranslated.size() + obsolete.size() + badPlaceholders.size());
    if (problems == 0)
        err << ts << ": " << now.size() << " strings, all translated" << Qt::endl;
    err.flush();
    return problems;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString lupdate, root;
    QList<std::pair<QString, bool>> files;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--lupdate"))
            lupdate = args[i + 1];
        else if (args[i] == QLatin1String("--root"))
            root = args[i + 1];
        else if (args[i] == QLatin1String("--ts"))
            files.append({args[i + 1], false});
        else if (args[i] == QLatin1String("--plural-only"))
            files.append({args[i + 1], true});
    }
    if (lupdate.isEmpty() || root.isEmpty() || files.isEmpty()) {
        std::fprintf(stderr, "usage: check_translations --lupdate PATH --root SOURCE_DIR "
                             "--ts FILE.ts [--plural-only FILE.ts]...\n");
        return 2;
    }
    int total = 0;
    for (const auto &[ts, pluralOnly] : files) {
        const int problems = check(lupdate, root, QDir(root).absoluteFilePath(ts), pluralOnly);
        if (problems < 0)
            return 2;
        total += problems;
    }
    return total == 0 ? 0 : 1;
}
