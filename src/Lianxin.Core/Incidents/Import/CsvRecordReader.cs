using System.Text;

namespace Lianxin.Core.Incidents.Import;

/// <summary>Reads CSV (RFC 4180: comma separated, fields in double quotes may hold commas, quotes doubled and
/// line breaks) one record at a time from a text stream, so a file of a million rows is never held whole.</summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private int _pos;
    private int _len;
    private readonly StringBuilder _field = new();
    private readonly List<string> _record = [];

    /// <summary>The next record's fields, or null at the end. A blank line gives an empty array.</summary>
    public string[]? Read()
    {
        _record.Clear();
        _field.Clear();
        if (!Fill())
            return null;
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            if (_pos >= _len && !Fill())
            {
                if (quoted || _record.Count > 0 || _field.Length > 0 || wasQuoted)
                    _record.Add(_field.ToString());
                return [.. _record];
            }
            var c = _buffer[_pos++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (_pos >= _len && !Fill())
                    {
                        quoted = false;
                        continue;
                    }
                    if (_buffer[_pos] == '"')
                    {
                        _field.Append('"');
                        _pos++;
                    }
                    else
                        quoted = false;
                }
                else
                    _field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when _field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case ',':
                    _record.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    if ((_pos < _len || Fill()) && _buffer[_pos] == '\n')
                        _pos++;
                    return End();
                case '\n':
                    return End();
                default:
                    _field.Append(c);
                    break;
            }
        }

        string[] End()
        {
            if (_record.Count == 0 && _field.Length == 0 && !wasQuoted)
                return [];
            _record.Add(_field.ToString());
            return [.. _record];
        }
    }

    private bool Fill()
    {
        if (_pos < _len)
            return true;
        _len = reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }

    /// <summary>A field as CSV: quoted when it holds a comma, quote or line break.</summary>
    public static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
