using System.Text;

namespace TikTokBot.TikTok.Csv;

/// <summary>
/// A small RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes, and the separator (comma,
/// semicolon or tab) taken from the header. It remembers the line each record starts on, for error messages.
/// </summary>
/// <remarks>The registry here serves only CsvHelper 34, whose API is a rewrite; these few lines are all exports need.</remarks>
internal sealed class CsvRecords(TextReader reader)
{
    private char? _separator;
    private int _linesRead;

    public string[]? Record { get; private set; }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    public bool Read()
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            Record = null;
            return false;
        }

        Line = ++_linesRead;
        var text = new StringBuilder(line);
        // A quoted field may span lines: keep reading while a quote is open.
        while (text.ToString().Count(c => c == '"') % 2 == 1 && reader.ReadLine() is { } more)
        {
            _linesRead++;
            text.Append('\n').Append(more);
        }

        var record = text.ToString();
        _separator ??= new[] { ',', ';', '\t' }.MaxBy(s => record.Count(c => c == s));
        Record = Split(record, _separator.Value);
        return true;
    }

    private static string[] Split(string record, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < record.Length && record[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
