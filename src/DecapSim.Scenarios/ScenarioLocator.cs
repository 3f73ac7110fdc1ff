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

    /// <summary>True when <paramref name="arg"/> looks like a bundled scenario's name rather than a path.</summary>
    public static bool IsName(string arg) =>
        arg.Length > 0 && !Path.HasExtension(arg) && !arg.Contains('/') && !arg.Contains('\\');

    /// <summary>The bundled scenarios' names (empty when no scenarios folder is found).</summary>
    public static IReadOnlyList<string> BundledNames()
    {
        if (FindScenarioDirectory() is not { } dir) return Array.Empty<string>();
        return Directory.EnumerateFiles(dir, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The bundled scenario file of <paramref name="name"/>, or null.</summary>
    public static string? Bundled(string name)
    {
        if (!IsName(name) || FindScenarioDirectory() is not { } dir) return null;
        var path = Path.Combine(dir, name + ".json");
        return File.Exists(path) ? path : null;
    }

    /// <summary>What to add to "file not found" for <paramref name="arg"/>: a "did you mean" among the bundled names
    /// when it looks like a name, and where to see them.</summary>
    public static string NotFoundHint(string arg)
    {
        if (!IsName(arg)) return "";
        var names = BundledNames();
        if (names.Count == 0) return " (not a file, and no bundled scenarios folder was found)";
        var near = Suggest.Nearest(arg, names);
        return near is not null ? $" (not a file or a bundled scenario. Did you mean '{near}'? `decapsim scenarios` lists them)"
            : " (not a file or a bundled scenario; `decapsim scenarios` lists them)";
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
