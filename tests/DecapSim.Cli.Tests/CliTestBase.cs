using System.Text;

namespace DecapSim.Cli.Tests;

/// <summary>Shared set-up of the CLI tests: a temporary folder, writing files into it, and running the CLI against
/// an in-memory console.</summary>
public abstract class CliTestBase : IDisposable
{
    protected readonly string dir = Directory.CreateTempSubdirectory("decapsim-cli-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(dir, true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    protected string Write(string name, string text)
    {
        var p = Path.Combine(dir, name);
        File.WriteAllText(p, text, new UTF8Encoding(false));
        return p;
    }

    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }
}
