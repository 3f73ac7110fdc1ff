using System.Globalization;
using DecapSim.Experiments.Output.Tables;

namespace DecapSim.Experiments.Research;

/// <summary>
/// An experiment's two big tables: <c>design</c> (point, role, the varied parameters) and <c>results</c> (point,
/// replicate, seed, the varied parameters, the outputs: one row per unit), as CSV and/or Parquet. A numeric
/// parameter is a DOUBLE column (its CSV text is the value as the design wrote it), an enum parameter TEXT.
/// </summary>
public static class ExperimentTables
{
    /// <summary>True when every value of the parameter is a number.</summary>
    public static bool IsNumeric(VariedParameter p) =>
        p.Values is null || p.Values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    private static TableColumn ParameterColumn(VariedParameter p) => IsNumeric(p) ? TableColumn.Num(p.Key) : TableColumn.Text(p.Key);

    /// <summary>design columns.</summary>
    public static TableColumn[] DesignColumns(Experiment e) =>
        new[] { TableColumn.Int("point"), TableColumn.Text("role") }.Concat(e.Parameters.Select(ParameterColumn)).ToArray();

    /// <summary>results columns.</summary>
    public static TableColumn[] ResultColumns(Experiment e) =>
        new[] { TableColumn.Int("point"), TableColumn.Int("replicate"), TableColumn.Seed("seed") }
            .Concat(e.Parameters.Select(ParameterColumn)).Concat(e.Outputs.Select(o => TableColumn.Num(o.Text))).ToArray();

    /// <summary>Adds design and results to <paramref name="tables"/>; <paramref name="results"/> is in unit order.</summary>
    public static void Write(TableSet tables, Experiment e, DesignPlan plan, IReadOnlyList<UnitResult> results)
    {
        var numeric = e.Parameters.Select(IsNumeric).ToArray();
        void Values(TableWriter t, int point)
        {
            var values = plan.Values(e, point);
            for (int j = 0; j < values.Length; j++)
            {
                if (numeric[j]) t.Num(double.Parse(values[j].Value, NumberStyles.Float, CultureInfo.InvariantCulture), values[j].Value);
                else t.Text(values[j].Value);
            }
        }
        var design = tables.Open("design", DesignColumns(e));
        for (int i = 0; i < plan.Count; i++)
        {
            design.Int(i).Text(plan.Role[i]);
            Values(design, i);
            design.EndRow();
        }
        var res = tables.Open("results", ResultColumns(e));
        foreach (var r in results)
        {
            res.Int(r.Point).Int(r.Replicate).Seed(r.Seed);
            Values(res, r.Point);
            foreach (var v in r.Outputs) res.Num(v);
            res.EndRow();
        }
    }
}
