using System.Collections.Generic;

namespace Lossless.Analyzers.Model.Sql;

public enum SqlTokenKind
{
    /// <summary>A keyword or an unquoted identifier (letters, digits, _, $, @, #).</summary>
    Word,

    /// <summary>"name", [name] or `name`; <see cref="SqlToken.Text"/> is the name without quotes.</summary>
    QuotedIdentifier,

    /// <summary>A number.</summary>
    Number,

    /// <summary>One punctuation or operator character: ; ( ) , . = and the rest.</summary>
    Punctuation,

    /// <summary>A string literal ('…', E'…', N'…'): kept for positions, never matched as a keyword or a name.</summary>
    StringLiteral,

    /// <summary>A PostgreSQL dollar quote ($$ or $tag$): what it encloses is code (a DO block, a function body), scanned as SQL.</summary>
    DollarQuote,
}

/// <summary>One token of SQL text; comments produce none.</summary>
public readonly struct SqlToken
{
    public SqlToken(SqlTokenKind kind, string text, int start, int length)
    {
        Kind = kind;
        Text = text;
        Start = start;
        Length = length;
    }

    public SqlTokenKind Kind { get; }

    /// <summary>The word, number or punctuation as written; a quoted identifier's name without its quotes.</summary>
    public string Text { get; }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    /// <summary>True for a word equal to <paramref name="keyword"/>, ignoring case.</summary>
    public bool Is(string keyword) => Kind == SqlTokenKind.Word && string.Equals(Text, keyword, System.StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(char character) => Kind == SqlTokenKind.Punctuation && Text.Length == 1 && Text[0] == character;

    /// <summary>A name: an unquoted word or a quoted identifier.</summary>
    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    public override string ToString() => Kind + " " + Text;
}

/// <summary>
/// Splits SQL text into tokens, skipping comments (<c>--</c> and <c>/* */</c>, nested as PostgreSQL allows) and
/// reading <c>'…'</c> literals (with <c>''</c>, <c>E'\''</c> and <c>N'…'</c>) as single tokens, so that nothing inside
/// a comment or a literal is ever taken for a keyword. PostgreSQL dollar-quoted
/// bodies (<c>DO $$ … $$</c>) are code: their delimiters become one token and their content is tokenized.
/// </summary>
public static class SqlLexer
{
    public static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && Peek(sql, i + 1) == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && Peek(sql, i + 1) == '*')
            {
                i = SkipBlockComment(sql, i);
            }
            else if (c == '\'')
            {
                var start = i;
                i = SkipString(sql, i, backslashEscapes: false);
                tokens.Add(new SqlToken(SqlTokenKind.StringLiteral, sql.Substring(start, i - start), start, i - start));
            }
            else if (c == '"' || c == '`' || c == '[')
            {
                var close = c == '[' ? ']' : c;
                var start = i;
                var name = new System.Text.StringBuilder();
                i++;
                while (i < sql.Length)
                {
                    if (sql[i] == close)
                    {
                        if (close != ']' && Peek(sql, i + 1) == close)
                        {
                            name.Append(close);
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    name.Append(sql[i]);
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, name.ToString(), start, i - start));
            }
            else if (c == '$' && DollarQuoteLength(sql, i) is var length && length > 0)
            {
                tokens.Add(new SqlToken(SqlTokenKind.DollarQuote, sql.Substring(i, length), i, length));
                i += length;
            }
            else if (IsWordStart(c))
            {
                var start = i;
                while (i < sql.Length && IsWordPart(sql[i]))
                {
                    i++;
                }

                if (i < sql.Length && sql[i] == '\'' && i - start == 1 && sql[start] is 'E' or 'e' or 'N' or 'n' or 'X' or 'x' or 'B' or 'b')
                {
                    // E'…', N'…', X'…', B'…': one literal, prefix included.
                    i = SkipString(sql, i, backslashEscapes: sql[start] is 'E' or 'e');
                    tokens.Add(new SqlToken(SqlTokenKind.StringLiteral, sql.Substring(start, i - start), start, i - start));
                    continue;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, sql.Substring(start, i - start), start, i - start));
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, sql.Substring(start, i - start), start, i - start));
            }
            else
            {
                tokens.Add(new SqlToken(SqlTokenKind.Punctuation, c.ToString(), i, 1));
                i++;
            }
        }

        return tokens;
    }

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_' || c == '@' || c == '#';

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '@' or '#';

    private static int SkipBlockComment(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && Peek(sql, i + 1) == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && Peek(sql, i + 1) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int SkipString(string sql, int i, bool backslashEscapes)
    {
        i++;
        while (i < sql.Length)
        {
            if (backslashEscapes && sql[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (sql[i] == '\'')
            {
                if (Peek(sql, i + 1) == '\'')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return i;
    }

    /// <summary>The length of a dollar quote ($$, $body$) starting at <paramref name="i"/>, or 0 ($1 is a parameter).</summary>
    private static int DollarQuoteLength(string sql, int i)
    {
        var j = i + 1;
        if (j < sql.Length && char.IsDigit(sql[j]))
        {
            return 0;
        }

        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
        {
            j++;
        }

        return j < sql.Length && sql[j] == '$' ? j - i + 1 : 0;
    }
}
