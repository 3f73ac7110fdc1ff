namespace DecapSim.Core.Checkpoints;

/// <summary>A checkpoint cannot be written or read: another program version, other parameters, a damaged or
/// truncated file, or state the checkpoint rules cannot capture. The message says which.</summary>
public sealed class CheckpointException(string message, Exception? inner = null) : Exception(message, inner);
