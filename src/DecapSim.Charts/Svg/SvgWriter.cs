using System.Globalization;
using System.Text;

namespace DecapSim.Charts.Svg;

/// <summary>
/// Minimal builder for SVG markup. Escapes all text and attribute values and
/// formats every number with <see cref="CultureInfo.InvariantCulture"/>.
/// </summary>
public sealed class SvgWriter
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<string> _open = new();

    /// <summary>Default font family used for all chart text.</summary>
    public const string FontFamily = "DejaVu Sans, Arial, Helvetica, sans-serif";

    /// <summary>Starts a document with the root &lt;svg&gt; element of the given size.</summary>
    public SvgWriter BeginDocument(double width, double height)
    {
        _sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Num(width))
           .Append("\" height=\"").Append(Num(height))
           .Append("\" viewBox=\"0 0 ").Append(Num(width)).Append(' ').Append(Num(height))
           .Append("\" font-family=\"").Append(Escape(FontFamily)).Append("\">\n");
        _open.Push("svg");
        return this;
    }

    /// <summary>Opens an element that will hold children; close it with <see cref="Close"/>.</summary>
    public SvgWriter Open(string tag, params (string Name, object? Value)[] attributes)
    {
        Indent();
        _sb.Append('<').Append(tag);
        AppendAttributes(attributes);
        _sb.Append(">\n");
        _open.Push(tag);
        return this;
    }

    /// <summary>Closes the most recently opened element.</summary>
    public SvgWriter Close()
    {
        string tag = _open.Pop();
        Indent();
        _sb.Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary>Writes a self-closing element.</summary>
    public SvgWriter Element(string tag, params (string Name, object? Value)[] attributes)
    {
        Indent();
        _sb.Append('<').Append(tag);
        AppendAttributes(attributes);
        _sb.Append("/>\n");
        return this;
    }

    /// <summary>Writes an element whose only content is (escaped) text.</summary>
    public SvgWriter TextElement(string tag, string text, params (string Name, object? Value)[] attributes)
    {
        Indent();
        _sb.Append('<').Append(tag);
        AppendAttributes(attributes);
        _sb.Append('>').Append(Escape(text)).Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary>Writes a &lt;text&gt; element at (x, y).</summary>
    public SvgWriter Text(double x, double y, string text, double fontSize, string anchor = "start",
        string fill = "#222222", string? extraStyle = null, double rotate = 0, string? weight = null, bool halo = false)
    {
        var attrs = new List<(string, object?)>
        {
            ("x", x), ("y", y), ("font-size", fontSize), ("text-anchor", anchor), ("fill", fill),
        };
        if (weight is not null) attrs.Add(("font-weight", weight));
        if (rotate != 0) attrs.Add(("transform", $"rotate({Num(rotate)} {Num(x)} {Num(y)})"));
        if (halo)
        {
            attrs.Add(("stroke", "#ffffff"));
            attrs.Add(("stroke-width", 3));
            attrs.Add(("stroke-linejoin", "round"));
            attrs.Add(("paint-order", "stroke"));
        }
        if (extraStyle is not null) attrs.Add(("style", extraStyle));
        return TextElement("text", text, attrs.ToArray());
    }

    /// <summary>Writes a rectangle.</summary>
    public SvgWriter Rect(double x, double y, double w, double h, string fill, string? stroke = null,
        double strokeWidth = 1, double opacity = 1) =>
        Element("rect", ("x", x), ("y", y), ("width", Math.Max(0, w)), ("height", Math.Max(0, h)), ("fill", fill),
            ("stroke", stroke), ("stroke-width", stroke is null ? null : strokeWidth),
            ("fill-opacity", opacity < 1 ? opacity : null));

    /// <summary>Writes a straight line segment.</summary>
    public SvgWriter Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        Element("line", ("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2), ("stroke", stroke),
            ("stroke-width", width), ("stroke-dasharray", dash));

    /// <summary>Formats a number for SVG output: invariant culture, at most 2 decimals.</summary>
    public static string Num(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return "0";
        double r = Math.Round(v, 2);
        if (r == 0) r = 0; // avoid "-0"
        return r.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes text for use in XML content or attribute values.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') sb.Append(' ');
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Closes all open elements and returns the markup.</summary>
    public override string ToString()
    {
        while (_open.Count > 0) Close();
        return _sb.ToString();
    }

    private void Indent() => _sb.Append(' ', _open.Count * 2);

    private void AppendAttributes((string Name, object? Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            string text = value switch
            {
                double d => Num(d),
                float f => Num(f),
                int i => i.ToString(CultureInfo.InvariantCulture),
                IFormattable fm => fm.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            _sb.Append(' ').Append(name).Append("=\"").Append(Escape(text)).Append('"');
        }
    }
}
