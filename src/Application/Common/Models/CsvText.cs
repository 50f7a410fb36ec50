using System.Text;

namespace AlexaLinkHub.Application.Common.Models;

/// <summary>CSV as the console's downloads write it (RFC 4180, CRLF line ends).</summary>
public static class CsvText
{
    public static StringBuilder AppendRow(this StringBuilder csv, params IEnumerable<string> cells) =>
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");

    /// <summary>RFC 4180 quoting, and no formula injection: a spreadsheet would run a cell that starts with = + - @ (or a
    /// tab/CR before one) as a formula, so such a cell is prefixed with an apostrophe (OWASP "CSV injection").</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
