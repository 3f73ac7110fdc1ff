namespace DecapSim.Experiments.Reports;

/// <summary>The chrome every DecapSim page shares (run report, compare report, batch index): the document head
/// and the stylesheet.</summary>
public static class PageChrome
{
    /// <summary>Writes the document head with the page's CSS (and opens &lt;html&gt;).</summary>
    public static void Head(HtmlWriter h, string title)
    {
        h.Raw("<!DOCTYPE html>\n").Open("html", ("lang", "en")).Line().Open("head").Line()
            .Raw("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Element("title", title).Line()
            .Open("style").Raw(Css).Close("style").Line()
            .Close("head").Line();
    }

    /// <summary>The page style: readable measure, system fonts, print rules.</summary>
    public const string Css = """

        :root { --ink: #1d2329; --muted: #5b6670; --rule: #d9dee3; --accent: #0b5e8e; --soft: #f4f6f8; --hi: #fff6dc; }
        * { box-sizing: border-box; }
        html { font-size: 17px; }
        body { margin: 0; color: var(--ink); background: #ffffff;
               font-family: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "DejaVu Serif", serif; line-height: 1.55; }
        main { max-width: 62rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
        h1, h2, h3, .kicker, th, .meta, figcaption, table, .lede-num, footer { font-family: "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; }
        h1 { font-size: 2.1rem; line-height: 1.2; margin: 0.2rem 0 0.6rem; }
        h2 { font-size: 1.35rem; margin: 2.6rem 0 0.8rem; padding-top: 0.6rem; border-top: 2px solid var(--ink); }
        h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.78rem; color: var(--accent); margin: 0; font-weight: bold; }
        .question { font-size: 1.25rem; font-style: italic; margin: 0 0 1rem; color: #2c3e50; }
        .lead { font-size: 1.05rem; max-width: 46rem; }
        .meta { font-size: 0.82rem; color: var(--muted); max-width: 46rem; }
        p, li { max-width: 46rem; }
        .sources h2 { font-size: 1rem; border-top: 1px solid var(--rule); margin-top: 1.4rem; }
        .sources ul { font-size: 0.9rem; color: #333c44; padding-left: 1.2rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(13.5rem, 1fr)); gap: 0.8rem; margin: 1rem 0 1.2rem; }
        .card { background: var(--soft); border-left: 4px solid var(--accent); padding: 0.6rem 0.8rem; }
        .card .lede-num { display: block; font-size: 1.6rem; font-weight: bold; line-height: 1.2; }
        .card .what { display: block; font-size: 0.85rem; color: var(--muted); font-family: "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; }
        .card .range { display: block; font-size: 0.8rem; color: #333c44; font-family: "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; }
        figure { margin: 1.6rem 0 2.2rem; }
        figure svg { display: block; width: 100%; height: auto; max-width: 56rem; border: 1px solid var(--rule); }
        figcaption { font-size: 0.88rem; color: #333c44; margin-top: 0.5rem; max-width: 50rem; line-height: 1.5; }
        table { border-collapse: collapse; font-size: 0.84rem; width: 100%; margin: 0.6rem 0 1rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); }
        th { background: var(--soft); font-weight: bold; border-bottom: 2px solid #b8c0c8; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.nowrap { white-space: nowrap; }
        tr.section td { background: #e9eef2; font-weight: bold; padding-top: 0.5rem; }
        tr.changed td { background: var(--hi); }
        .params td.key { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.78rem; white-space: nowrap; }
        tr.failed td { background: #fdecea; }
        code.error { white-space: pre-wrap; font-size: 0.78rem; color: #8a1c12; }
        a { color: var(--accent); }
        .batch td { font-size: 0.9rem; }
        .batch td .sum { display: block; color: var(--muted); font-size: 0.76rem; }
        .params td .sum { display: block; font-family: "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; color: var(--muted); white-space: normal; font-size: 0.76rem; }
        .params td.src { font-size: 0.76rem; color: #333c44; }
        .note { font-size: 0.85rem; color: var(--muted); }
        .warn { font-size: 0.9rem; background: #fff3cd; border-left: 4px solid #d39e00; padding: 0.5rem 0.8rem; }
        .assumptions { background: var(--soft); border: 1px solid var(--rule); padding: 0.2rem 1.2rem 0.8rem; margin-top: 1.6rem; }
        .assumptions h2 { border-top: none; margin-top: 0.8rem; }
        .assumptions h3 { margin-top: 0.8rem; }
        .assumptions li { font-size: 0.92rem; margin-bottom: 0.25rem; }
        .vs-baseline { border-left: 4px solid #333333; background: #f0f0f0; padding: 0.3rem 0.9rem; margin: 0.8rem 0; }
        footer { margin-top: 3rem; font-size: 0.8rem; color: var(--muted); border-top: 1px solid var(--rule); }
        @media print {
          html { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          figure, .card, tr { break-inside: avoid; }
          figure svg { max-width: 100%; border: none; }
          .cards { grid-template-columns: repeat(3, 1fr); }
          tr.changed td, tr.section td, th, .card { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        @page { margin: 16mm 14mm; }

        """;
}
