using System.Diagnostics;

namespace DecapSim.Scenarios.Tests;

/// <summary>Inputs are read only from regular files under a size limit, and errors never echo the content of a file
/// that is not recognisably ours.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly TempDir t = new();

    public void Dispose() => t.Dispose();

    private static ScenarioException Fails(string path) => Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

    [Fact]
    public void FactionsFile_NotATableOfOurs_IsRefusedWithoutEchoingItsContent()
    {
        // the original defect: Factions.File = /etc/shadow printed its first line in the error
        var secret = t.Write("shadow", "root:$6$SECRETHASH:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n");
        var path = t.Write("s.json", """{ "Factions": { "File": "shadow" } }""");
        var e = Fails(path);
        var text = string.Join("\n", e.Errors);
        Assert.DoesNotContain("SECRETHASH", text);
        Assert.DoesNotContain("root", text);
        Assert.Contains("shadow", text);
        Assert.Contains("name,region,members", text);
    }

    [Fact]
    public void ScenarioFile_NotJson_IsRefusedWithoutEchoingItsContent()
    {
        var path = t.Write("shadow.json", "root:$6$SECRETHASH:19000:0:99999:7:::\n");
        var text = string.Join("\n", Fails(path).Errors);
        Assert.DoesNotContain("SECRETHASH", text);
        Assert.DoesNotContain("'r'", text);
        Assert.Contains("not a JSON scenario file", text);
    }

    [Fact]
    public void DeviceFile_IsRefusedAtOnce()
    {
        // the original defect: /dev/zero ran to 4 GB and an OutOfMemoryException
        if (!File.Exists("/dev/zero")) return;
        var path = t.Write("s.json", """{ "Factions": { "File": "/dev/zero" } }""");
        Assert.Contains("is a device, not a regular file", string.Join("\n", Fails(path).Errors));
        Assert.Contains("is a device", string.Join("\n", Fails("/dev/zero").Errors));
    }

    [Fact]
    public void Fifo_IsRefusedWithoutHanging()
    {
        // the original defect: a FIFO hung forever
        if (OperatingSystem.IsWindows()) return;
        string fifo = Path.Combine(t.Path, "pipe.csv");
        using (var p = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!) p.WaitForExit();
        if (!File.Exists(fifo)) return;
        var path = t.Write("s.json", """{ "Factions": { "File": "pipe.csv" } }""");
        var task = Task.Run(() => Fails(path));
        Assert.True(task.Wait(TimeSpan.FromSeconds(20)), "reading a FIFO hung");
        Assert.Contains("named pipe", string.Join("\n", task.Result.Errors));
        Assert.Equal(InputFile.Kind.Fifo, InputFile.KindOf(fifo));
    }

    [Fact]
    public void Folder_IsRefused()
    {
        Directory.CreateDirectory(Path.Combine(t.Path, "d.json"));
        Assert.Null(InputFile.TryReadAllBytes(Path.Combine(t.Path, "d.json"), 100, out var problem));
        Assert.Contains("folder", problem);
    }

    [Fact]
    public void FileOverTheLimit_IsRefusedSayingTheLimit()
    {
        // the original defect: a 200 MB JSON was accepted
        var big = t.Write("big.json", "{ \"Name\": \"" + new string('x', (int)InputFile.Limit.Json) + "\" }");
        var text = string.Join("\n", Fails(big).Errors);
        Assert.Contains("larger than the limit of 4 MiB", text);
        Assert.Null(InputFile.TryReadAllBytes(big, 10, out var problem));
        Assert.Contains("10 bytes", problem);
    }

    [Fact]
    public void LoneSurrogate_IsAnErrorWithItsPosition()
    {
        // the original defect: "Question": "\ud800" ended in an unhandled exception
        var path = t.Write("s.json", "{\n  \"Question\": \"\\ud800\"\n}");
        var e = Assert.Single(Fails(path).Errors);
        Assert.Equal(2, e.Line);
        Assert.Contains("surrogate", e.Message);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public void StartDate_OutOfTheSupportedRange_IsRefusedByValidation(string date)
    {
        // the original defect: validate said OK, run crashed and left an empty folder
        var path = t.Write("s.json", $$"""{ "StartDate": "{{date}}" }""");
        var e = Assert.Single(Fails(path).Errors);
        Assert.Equal("StartDate", e.KeyPath);
        Assert.Contains("outside the supported dates", e.Message);
    }

    [Fact]
    public void Extends_ABundledName_Loads()
    {
        // the bundled folder is found from the executable's ancestors (the repository's scenarios/)
        if (ScenarioLocator.FindScenarioDirectory() is null) return;
        var path = t.Write("mine.json", """{ "extends": "baseline", "Name": "mine", "Weeks": 7 }""");
        var s = ScenarioLoader.Load(path);
        Assert.Equal(7, s.Parameters.Weeks);
        Assert.Contains(s.Files, f => f.EndsWith("baseline.json", StringComparison.Ordinal));
        var typo = t.Write("typo.json", """{ "extends": "baselin" }""");
        Assert.Contains("Did you mean 'baseline'", string.Join("\n", Fails(typo).Errors));
    }
}
