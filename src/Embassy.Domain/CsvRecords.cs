using System.Text;

namespace Embassy.Domain;

/// <summary>One CSV record: the line it starts on and its fields (not trimmed).</summary>
/// <param name="Line">1-based line number of the record's first character.</param>
/// <param name="Fields">The fields, quotes removed and doubled quotes undone.</param>
public readonly record struct CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// The one RFC 4180 reader every CSV input shares (the CLI's month files, the treasury and community imports): quoted
/// fields may hold commas, doubled quotes and line breaks; a BOM, CRLF and blank lines are fine. It never throws.
/// </summary>
public static class CsvRecords
{
    /// <summary>
    /// The records of <paramref name="text"/> with the line each starts on, or null when the text cannot be read as CSV:
    /// a quote never closed, text after a closing quote, or a quote inside an unquoted field. Each problem is an error
    /// <paramref name="code"/> at its line of <paramref name="sourceName"/>, so a user can find and fix it.
    /// </summary>
    public static IReadOnlyList<CsvRecord>? Read(string? text, string? sourceName, string code, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        text ??= string.Empty;
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var atFieldStart = true;
        var ok = true;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();

            // A blank line is no record.
            if (!(fields.Count == 1 && fields[0].Trim().Length == 0))
            {
                records.Add(new CsvRecord(recordLine, fields));
            }

            fields = [];
            atFieldStart = true;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && atFieldStart && field.ToString().Trim().Length == 0)
            {
                // A quoted field: read to the closing quote; "" is one quote.
                field.Clear();
                var startLine = line;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    field.Append(text[i]);
                    i++;
                }

                if (!closed)
                {
                    diagnostics.Add(Diagnostic.Error(code, "a quoted field is never closed (missing '\"').", new SourcePosition(startLine, 0, sourceName)));
                    return null;
                }

                // Only spaces may follow the closing quote before the next separator.
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    diagnostics.Add(Diagnostic.Error(code, $"text after a closing quote ('{text[i]}'); quote the whole field and double inner quotes (\"\").", new SourcePosition(line, 0, sourceName)));
                    ok = false;
                    while (i < text.Length && text[i] is not (',' or '\n'))
                    {
                        i++;
                    }
                }

                atFieldStart = false;
                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                case '"':
                    diagnostics.Add(Diagnostic.Error(code, "a quote inside an unquoted field; quote the whole field and double inner quotes (\"\").", new SourcePosition(line, 0, sourceName)));
                    ok = false;
                    field.Append(c);
                    break;
                default:
                    field.Append(c);
                    atFieldStart = atFieldStart && (c is ' ' or '\t');
                    break;
            }

            i++;
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }

        return ok ? records : null;
    }
}
