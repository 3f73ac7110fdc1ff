namespace DecapSim.Scenarios;

/// <summary>Finds the bundled scenarios (scenarios/*.json) from the current directory or the executable's ancestors.</summary>
public static class ScenarioLocator
{
    /// <summary>The first <c>scenarios</c> directory with a JSON file found walking up from each start directory.</summary>
    public static string? FindScenarioDirectory(params string[] startDirectories)
    {
        foreach (var start in startDirectories)
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "scenarios");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.json").Any())
                    return candidate;
            }
        return null;
    }

    /// <summary>Searches the current directory, then the executable's directory.</summary>
    public static string? FindScenarioDirectory() =>
        FindScenarioDirectory(Environment.CurrentDirectory, AppContext.BaseDirectory);

    /// <summary>A scenario argument as a path: an existing file, else a bundled scenario's name ("baseline").</summary>
    public static string Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath) || Path.HasExtension(nameOrPath) || nameOrPath.Contains('/') || nameOrPath.Contains('\\'))
            return nameOrPath;
        if (FindScenarioDirectory() is { } dir && File.Exists(Path.Combine(dir, nameOrPath + ".json")))
            return Path.Combine(dir, nameOrPath + ".json");
        return nameOrPath;
    }

    /// <summary>Bundled scenarios: (name, path, question) sorted by name; an invalid file shows its first error instead.</summary>
    public static IReadOnlyList<(string Name, string Path, string Question)> List(string directory)
    {
        var list = new List<(string, string, string)>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            string question;
            try
            {
                question = ScenarioLoader.Load(file).Question;
            }
            catch (ScenarioException e)
            {
                question = "(invalid: " + e.Errors[0] + ")";
            }
            list.Add((Path.GetFileNameWithoutExtension(file), file, question));
        }
        return list;
    }
}
