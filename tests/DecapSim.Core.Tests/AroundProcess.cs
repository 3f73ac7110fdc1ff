using DecapSim.Core.Processes;

namespace DecapSim.Core.Tests;

/// <summary>Runs code just before and just after process <typeparamref name="T"/> in every weekly step of a
/// simulation: a reference computed from the state the process sees, then checked against what it did.</summary>
internal sealed class AroundProcess<T> : IStepObserver where T : IProcess
{
    private readonly int _index = -2;
    private readonly Action _before, _after;

    public AroundProcess(Simulation sim, Action before, Action after)
    {
        for (int i = 0; i < sim.Processes.Count; i++) if (sim.Processes[i] is T) _index = i;
        Assert.True(_index >= 0, $"no {typeof(T).Name} in the simulation");
        (_before, _after) = (before, after);
        sim.StepObserver = this;
    }

    public int Weeks { get; private set; }
    public void Starting(int index) { if (index == _index) _before(); }
    public void Finished(int index) { if (index == _index) { _after(); Weeks++; } }
}
