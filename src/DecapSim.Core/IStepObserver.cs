namespace DecapSim.Core;

/// <summary>
/// Optional hooks around the parts of a weekly step, for diagnostics outside Core (process timing, progress).
/// Core calls them and measures nothing itself: it has no clock.
/// </summary>
public interface IStepObserver
{
    /// <summary>Part <paramref name="index"/> of the step is about to run: -1 is the weekly snapshot, 0.. are the
    /// processes of <see cref="Simulation.Processes"/> in order.</summary>
    void Starting(int index);
    /// <summary>Part <paramref name="index"/> has finished.</summary>
    void Finished(int index);
}
