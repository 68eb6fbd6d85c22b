using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CustomerTools.Packager;

/// <summary>
/// Reads a module manifest (.psd1): the data subset manifests use — hashtables, arrays, single-
/// and double-quoted strings, numbers, $true/$false, comments. Anything else is an error naming
/// the line, so the package never carries a guess.
/// </summary>
internal sealed class ManifestReader
{
    private readonly string _text;
    private int _at;

    private ManifestReader(string text)
    {
        _text = text;
    }

    public static Dictionary<string, object> Read(string text)
    {
        var reader = new ManifestReader(text);
        var result = reader.ReadHashtable();
        reader.SkipSpace();
        if (reader._at < text.Length)
        {
            throw reader.Problem("text after the manifest's closing brace");
        }

        return result;
    }

    private object ReadValue(bool inArray = false)
    {
        SkipSpace();
        if (Peek("@{"))
        {
            return ReadHashtable();
        }

        if (Peek("@("))
        {
            return ReadArray();
        }

        if (Peek("'") || Peek("\""))
        {
            string first = ReadString();
            SkipSpace();
            if (inArray || !Peek(","))
            {
                return first;
            }

            // 'a', 'b' without @(): an array all the same.
            var items = new List<object> { first };
            while (Peek(","))
            {
                _at++;
                items.Add(ReadValue(inArray: true));
                SkipSpace();
            }

            return items.ToArray();
        }

        if (Peek("$true") || Peek("$false"))
        {
            bool value = Peek("$true");
            _at += value ? 5 : 6;
            return value;
        }

        int start = _at;
        while (_at < _text.Length && (char.IsDigit(_text[_at]) || _text[_at] == '.'))
        {
            _at++;
        }

        return _at > start
            ? decimal.Parse(_text.AsSpan(start, _at - start), CultureInfo.InvariantCulture)
            : throw Problem("a value this reader does not understand");
    }

    private Dictionary<string, object> ReadHashtable()
    {
        SkipSpace();
        Expect("@{");
        var table = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSpace(alsoSemicolons: true);
            if (Peek("}"))
            {
                _at++;
                return table;
            }

            string key = Peek("'") || Peek("\"") ? ReadString() : ReadBareWord();
            SkipSpace();
            Expect("=");
            table[key] = ReadValue();
        }
    }

    private object[] ReadArray()
    {
        Expect("@(");
        var items = new List<object>();
        while (true)
        {
            SkipSpace(alsoSemicolons: true);
            if (Peek(")"))
            {
                _at++;
                return items.ToArray();
            }

            if (Peek(","))
            {
                _at++;
                continue;
            }

            items.Add(ReadValue(inArray: true));
        }
    }

    private string ReadString()
    {
        char quote = _text[_at++];
        var value = new StringBuilder();
        while (_at < _text.Length)
        {
            char c = _text[_at++];
            if (c == quote)
            {
                // A doubled quote is the quote itself.
                if (_at < _text.Length && _text[_at] == quote)
                {
                    value.Append(quote);
                    _at++;
                    continue;
                }

                return value.ToString();
            }

            if (quote == '"' && (c == '$' || c == '`'))
            {
                throw Problem("an expandable string; use single quotes in the manifest");
            }

            value.Append(c);
        }

        throw Problem("a string that never ends");
    }

    private string ReadBareWord()
    {
        int start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_'))
        {
            _at++;
        }

        return _at > start ? _text.Substring(start, _at - start) : throw Problem("a key was expected");
    }

    private void SkipSpace(bool alsoSemicolons = false)
    {
        while (_at < _text.Length)
        {
            char c = _text[_at];
            if (char.IsWhiteSpace(c) || (alsoSemicolons && c == ';'))
            {
                _at++;
            }
            else if (c == '#')
            {
                while (_at < _text.Length && _text[_at] != '\n')
                {
                    _at++;
                }
            }
            else if (Peek("<#"))
            {
                int end = _text.IndexOf("#>", _at, StringComparison.Ordinal);
                _at = end < 0 ? throw Problem("a block comment that never ends") : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private bool Peek(string token) => string.CompareOrdinal(_text, _at, token, 0, token.Length) == 0;

    private void Expect(string token)
    {
        if (!Peek(token))
        {
            throw Problem($"'{token}' was expected");
        }

        _at += token.Length;
    }

    private FormatException Problem(string what)
    {
        int line = 1;
        for (int i = 0; i < _at && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
            }
        }

        return new FormatException($"manifest line {line}: {what}");
    }
}
