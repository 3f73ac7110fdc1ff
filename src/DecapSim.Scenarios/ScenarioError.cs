namespace DecapSim.Scenarios;

/// <summary>One problem found in a scenario: where it is, what was given and what is allowed.</summary>
/// <param name="File">The file (or "environment", "--set", "default") the bad value came from.</param>
/// <param name="KeyPath">Dotted key path, e.g. "Recruitment.Rho"; empty for whole-file problems.</param>
/// <param name="Value">The offending value as text (may be empty).</param>
/// <param name="Allowed">What would have been accepted (may be empty).</param>
/// <param name="Message">A one-line description.</param>
public sealed record ScenarioError(string File, string KeyPath, string Value, string Allowed, string Message)
{
    /// <summary><see cref="Allowed"/> text of warnings about non-default values without a note.</summary>
    public const string NoteRequired = "a note in Notes";

    /// <summary>1-based line in <see cref="File"/>, when known.</summary>
    public int? Line { get; init; }
    /// <summary>1-based column in <see cref="File"/>, when known.</summary>
    public int? Column { get; init; }

    /// <summary>A single line: <c>file(line,col): Key.Path: message (value: v; allowed: a)</c>.</summary>
    public override string ToString()
    {
        var where = File ?? "";
        if (Line is int l) where += Column is int c ? $"({l},{c})" : $"({l})";
        var text = where.Length > 0 ? where + ": " : "";
        if (!string.IsNullOrEmpty(KeyPath)) text += KeyPath + ": ";
        text += Message ?? "";
        var extras = new List<string>();
        // a value read from JSON null (or a missing token) arrives as null: say nothing rather than crash
        if (!string.IsNullOrEmpty(Value)) extras.Add("value: " + Value);
        if (!string.IsNullOrEmpty(Allowed)) extras.Add("allowed: " + Allowed);
        if (extras.Count > 0) text += " (" + string.Join("; ", extras) + ")";
        return text;
    }
}

/// <summary>Thrown by <see cref="ScenarioLoader"/> when a scenario is invalid; carries every error found.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(errors.Count == 0 ? "invalid scenario" : string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
        => Errors = errors;

    public ScenarioException(ScenarioError error) : this(new[] { error }) { }

    /// <summary>All errors, in the order found.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }
}
