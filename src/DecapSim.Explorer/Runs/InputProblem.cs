namespace DecapSim.Explorer.Runs;

/// <summary>One reason a request is refused: the field, the value given, what is allowed, and a message.</summary>
public sealed record InputProblem(string Field, string Value, string Allowed, string Message)
{
    public override string ToString() =>
        $"{Field}: {Message}" + (Value.Length > 0 || Allowed.Length > 0
            ? " (" + string.Join("; ", new[] { Value.Length > 0 ? "value: " + Value : "", Allowed.Length > 0 ? "allowed: " + Allowed : "" }.Where(x => x.Length > 0)) + ")"
            : "");
}

/// <summary>Thrown by the request parser with every problem found.</summary>
public sealed class InputException(IReadOnlyList<InputProblem> problems) : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<InputProblem> Problems { get; } = problems;
}
