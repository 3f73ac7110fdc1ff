using DecapSim.Core;
using DecapSim.Experiments.Research;
using DecapSim.Experiments.Runs;
using DecapSim.Experiments.Tests.Research;

namespace DecapSim.Experiments.Tests.Runs;

public sealed class ModelRunTests
{
    [Fact]
    public void Execute_WeeklyOnly_SameWeeklyMetricsAsFull()
    {
        using var t = new ResearchDir();
        var p = DecapSim.Scenarios.ScenarioLoader.Load(System.IO.Path.Combine(t.Path, "tiny.json")).Parameters;
        var full = ModelRun.Execute(p, Seeds.ForReplicate(5, 1), 1, RunRecording.Full);
        var weekly = ModelRun.Execute(p, Seeds.ForReplicate(5, 1), 1, RunRecording.WeeklyOnly);
        Assert.Equal(full.Weekly, weekly.Weekly);
        Assert.Empty(weekly.RegionHomicides);
        Assert.Equal(p.Weeks, full.RegionHomicides.Length);
    }

    [Fact]
    public void ExperimentUnit_EqualsRunReplicate_WithTheMasterSeed()
    {
        // results.csv's seed is the experiment's master seed: replicate r of `run --seed S` is the same model run
        using var t = new ResearchDir();
        var e = ExperimentFile.Load(t.Experiment(replicates: 2));
        string dir = t.Sub("e");
        ExperimentRunner.Run(e, dir, 0, 1, 2);
        ExperimentReport.Write(e, dir);
        var lines = File.ReadAllLines(System.IO.Path.Combine(dir, "results.csv"));
        int col = Array.IndexOf(lines[0].Split(','), "cumulative_homicides@12"); // after point, replicate, seed and the varied parameters
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var plan = DesignPlan.For(e);
        Assert.NotEmpty(rows);
        foreach (var row in rows.Take(4))
        {
            int point = int.Parse(row[0]), rep = int.Parse(row[1]);
            ulong seed = ulong.Parse(row[2]);
            Assert.Equal(e.Seed, seed);
            var p = e.LoadParameters(plan.Values(e, point));
            var ensemble = new List<ReplicateResult>();
            EnsembleRunner.Run(p, seed, rep + 1, 2, ensemble.Add);
            double want = double.Parse(row[col], System.Globalization.CultureInfo.InvariantCulture);
            double got = ensemble[rep].Weekly.Take(12).Sum(m => m.Homicides);
            Assert.Equal(want, got, 6);
        }
    }

    [Fact]
    public void Execute_EscapeAndExtradition_DescribedInTheEventLog()
    {
        var p = new Core.Parameters.ModelParameters
        {
            Weeks = 12,
            World = new Core.Parameters.WorldParameters { Kind = Core.Parameters.WorldKind.Grid, Width = 10, Height = 10, Ports = 2 },
            Factions = new Core.Parameters.FactionParameters { Count = 6, InitialMembers = 1500 },
            Timeline = new Core.Timeline.TimelineEvent[]
            {
                new Core.Timeline.EscapeEvent { Week = 1, Faction = "CJNG" },
                new Core.Timeline.RemoveLeaderEvent { Week = 2, Faction = "CJNG", Mode = Core.Timeline.RemovalMode.Capture },
                new Core.Timeline.EscapeEvent { Week = 4, Faction = "CJNG", Label = "breakout" },
                new Core.Timeline.RemoveLeaderEvent { Week = 6, Faction = "CJNG", Mode = Core.Timeline.RemovalMode.Capture },
                new Core.Timeline.ExtraditionEvent { Week = 8, Faction = "CJNG" },
                new Core.Timeline.ExtraditionEvent { Week = 9, Faction = "No Such Cartel" },
            },
        };
        var r = ModelRun.Execute(p, Seeds.ForReplicate(3, 0), 0, RunRecording.Full);
        var escapes = r.Events.Where(e => e.Type == "escape").ToArray();
        Assert.Equal(new[] { 1, 4 }, escapes.Select(e => e.Week));
        Assert.Contains("no effect", escapes[0].Detail);
        Assert.StartsWith("breakout: ", escapes[1].Detail);
        Assert.Contains("took the leadership back", escapes[1].Detail);
        var extraditions = r.Events.Where(e => e.Type == "extradition").ToArray();
        Assert.Equal(new[] { 8, 9 }, extraditions.Select(e => e.Week));
        Assert.Contains("contested", extraditions[0].Detail);
        Assert.Contains("no effect", extraditions[1].Detail);
        Assert.Equal("", extraditions[1].Faction);
    }
}
