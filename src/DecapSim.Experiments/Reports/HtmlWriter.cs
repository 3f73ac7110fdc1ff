using System.Globalization;
using System.Text;

namespace DecapSim.Experiments.Reports;

/// <summary>
/// A tiny builder for self-contained HTML pages written in the XML-compatible subset of HTML5 (every element closed,
/// attributes quoted, no named entities), so a page can also be read with an XML parser. Escapes all text.
/// </summary>
public sealed class HtmlWriter
{
    private readonly StringBuilder _sb = new(1 << 16);

    /// <summary>Escapes text for element content and attribute values (XML escaping; control characters other than
    /// tab and new line become spaces).</summary>
    public static string Escape(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length + 16);
        foreach (char c in s)
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default: sb.Append(c < ' ' && c != '\n' && c != '\t' ? ' ' : c); break;
            }
        return sb.ToString();
    }

    /// <summary>Writes raw markup (the caller guarantees it is well-formed).</summary>
    public HtmlWriter Raw(string markup) { _sb.Append(markup); return this; }

    /// <summary>Writes escaped text.</summary>
    public HtmlWriter Text(string? text) { _sb.Append(Escape(text)); return this; }

    /// <summary>Opens an element; attributes with a null value are left out.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _sb.Append('<').Append(tag);
        foreach (var (n, v) in attributes)
            if (v is not null) _sb.Append(' ').Append(n).Append("=\"").Append(Escape(v)).Append('"');
        _sb.Append('>');
        return this;
    }

    /// <summary>Closes an element.</summary>
    public HtmlWriter Close(string tag) { _sb.Append("</").Append(tag).Append('>'); return this; }

    /// <summary>Writes an element whose content is escaped text.</summary>
    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes)
    {
        Open(tag, attributes).Text(text).Close(tag);
        return this;
    }

    /// <summary>Writes a new line (for readable source).</summary>
    public HtmlWriter Line() { _sb.Append('\n'); return this; }

    /// <summary>
    /// Prepares a standalone SVG document for inline use in a page: drops the XML namespace declaration (an HTML
    /// parser puts &lt;svg&gt; in the SVG namespace itself) and prefixes element ids and their references so that
    /// several charts on one page do not share clip paths or gradients.
    /// </summary>
    public static string InlineSvg(string svg, string idPrefix)
    {
        string s = svg.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal)
            .Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "", StringComparison.Ordinal);
        if (s.StartsWith("<?xml", StringComparison.Ordinal)) s = s[(s.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        s = s.Replace(" id=\"", $" id=\"{idPrefix}-", StringComparison.Ordinal)
             .Replace("url(#", $"url(#{idPrefix}-", StringComparison.Ordinal)
             .Replace("href=\"#", $"href=\"#{idPrefix}-", StringComparison.Ordinal);
        // scale with the page: keep the viewBox, let CSS set the size
        int end = s.IndexOf('>');
        if (end > 0)
        {
            string head = s[..end];
            head = System.Text.RegularExpressions.Regex.Replace(head, " (width|height)=\"[^\"]*\"", "");
            s = head + " role=\"img\"" + s[end..];
        }
        return s;
    }

    /// <summary>A whole number with thousands separators ("1,234").</summary>
    public static string Int(double v) => double.IsFinite(v) ? Math.Round(v).ToString("#,0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A signed whole number ("+1,234", "-56", "0").</summary>
    public static string Signed(double v) => !double.IsFinite(v) ? "n/a" : Math.Round(v) > 0 ? "+" + Int(v) : Math.Round(v) == 0 ? "0" : Int(v).Replace("-", "\u2212");

    /// <summary>A number with up to <paramref name="decimals"/> decimals.</summary>
    public static string Num(double v, int decimals = 1) =>
        double.IsFinite(v) ? v.ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture) : "n/a";

    public override string ToString() => _sb.ToString();
}
