using DecapSim.Core.Processes;
using DecapSim.Core.Random;

namespace DecapSim.Core.Tests;

public sealed class SeedsTests
{
    [Fact]
    public void ForReplicate_SharesStructure_DiffersInDynamics()
    {
        var a = Seeds.ForReplicate(42, 0);
        var b = Seeds.ForReplicate(42, 1);
        Assert.Equal(42UL, a.Structure);
        Assert.Equal(a.Structure, b.Structure);
        Assert.NotEqual(a.Dynamics, b.Dynamics);
        Assert.Equal(CounterRng.Child(42, 1), b.Dynamics);
    }

    [Fact]
    public void ForReplicate_NegativeReplicate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Seeds.ForReplicate(1, -1));

    [Fact]
    public void Simulation_SameStructureSeed_SameInitialFactions_DifferentDynamics()
    {
        var p = TestModels.SmallGrid();
        var a = new Simulation(p, Seeds.ForReplicate(9, 0));
        var b = new Simulation(p, Seeds.ForReplicate(9, 3));
        var c = new Simulation(p, Seeds.ForReplicate(10, 0));
        // the initial rivalry network comes from the structure seed
        static double[] Rivals(Simulation s) => (double[])s.State.Factions.Rivalry.Clone();
        Assert.Equal(Rivals(a), Rivals(b));
        Assert.NotEqual(Rivals(a), Rivals(c));
        var ha = TestModels.Run(a, 8).Select(m => m.Homicides).ToArray();
        var hb = TestModels.Run(b, 8).Select(m => m.Homicides).ToArray();
        Assert.NotEqual(ha, hb);
    }

    [Fact]
    public void Schedule_OnlyExits_NothingButExitsHappens()
    {
        var p = TestModels.SmallGrid();
        var sim = new Simulation(p, 3, new IProcess[] { new ExitsProcess() });
        var ms = TestModels.Run(sim, 20);
        Assert.All(ms, m => Assert.Equal(0, m.Recruits));
        Assert.All(ms, m => Assert.Equal(0, m.Homicides));
        Assert.All(ms, m => Assert.Equal(0, m.Arrests));
        Assert.True(ms[^1].Members < ms[0].Members + 1, "members only leave when only exits run");
        Assert.Single(sim.Processes);
    }

    [Fact]
    public void StepObserver_SeesSnapshotAndEveryProcessInOrder()
    {
        var sim = new Simulation(TestModels.SmallGrid(), 4);
        var seen = new List<string>();
        sim.StepObserver = new Recorder(seen);
        sim.Step();
        var expected = new List<string> { "+-1", "--1" };
        for (int i = 0; i < sim.Processes.Count; i++) { expected.Add($"+{i}"); expected.Add($"-{i}"); }
        Assert.Equal(expected, seen);
    }

    private sealed class Recorder(List<string> seen) : IStepObserver
    {
        public void Starting(int index) => seen.Add($"+{index}");
        public void Finished(int index) => seen.Add($"-{index}");
    }
}
