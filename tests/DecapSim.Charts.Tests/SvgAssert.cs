using System.Xml.Linq;

namespace DecapSim.Charts.Tests;

/// <summary>Helpers to inspect SVG output as XML.</summary>
internal static class SvgAssert
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XDocument Parse(string svg) => XDocument.Parse(svg);

    public static IEnumerable<XElement> All(XDocument doc, string name) => doc.Descendants(Ns + name);

    public static IEnumerable<string> Texts(XDocument doc) => All(doc, "text").Select(t => t.Value);

    public static XElement? Group(XDocument doc, string cls) =>
        All(doc, "g").FirstOrDefault(g => (string?)g.Attribute("class") == cls);
}
