using System.CommandLine;
using DecapSim.Core.Metrics;
using DecapSim.Scenarios;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim metrics`: lists the declared weekly metrics (weekly.csv's columns) with unit and meaning.</summary>
public static class MetricsCommand
{
    public static Command Build(CliConsole console)
    {
        var cmd = new Command("metrics", "List the weekly metrics (weekly.csv's columns): unit, how they add up over weeks, meaning");
        cmd.SetAction(_ =>
        {
            int name = MetricCatalog.All.Max(m => m.Name.Length), unit = MetricCatalog.All.Max(m => m.Unit.Length);
            console.Out.WriteLine($"{"metric".PadRight(name)}  {"unit".PadRight(unit)}  {"over weeks",-10}  meaning");
            foreach (var m in MetricCatalog.All)
                console.Out.WriteLine($"{m.Name.PadRight(name)}  {m.Unit.PadRight(unit)}  {MetricDocsGenerator.Describe(m.Aggregation),-10}  {m.Meaning}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
