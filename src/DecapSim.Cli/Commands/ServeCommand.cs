using System.CommandLine;
using DecapSim.Explorer;
using Microsoft.Extensions.Hosting;

namespace DecapSim.Cli.Commands;

/// <summary>`decapsim serve`: the explorer (page and API) on 127.0.0.1 unless another host is asked for.</summary>
public static class ServeCommand
{
    public static Command Build(CliConsole console)
    {
        var d = new ExplorerOptions();
        var port = new Option<int>("--port") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => d.Port };
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but 127.0.0.1/localhost exposes the model to the network", DefaultValueFactory = _ => ExplorerOptions.Loopback };
        var maxReplicates = new Option<int>("--max-replicates") { Description = "Most replicates a run may ask for", DefaultValueFactory = _ => d.MaxReplicates };
        var maxWeeks = new Option<int>("--max-weeks") { Description = "Most weeks a run may ask for", DefaultValueFactory = _ => d.MaxWeeks };
        var queue = new Option<int>("--queue") { Description = "Runs that may wait to start (beyond: 429)", DefaultValueFactory = _ => d.QueueCapacity };
        var threads = new Option<int>("--threads") { Description = "Worker threads of the model runs", DefaultValueFactory = _ => d.Threads };
        var branches = new Option<int>("--branch-cache") { Description = "Replicates kept at a branch date (policy or from date) for later variants to continue from (0: none; a present-day mexico replicate is about 25-30 MB)", DefaultValueFactory = _ => d.BranchCacheSize };
        var cmd = new Command("serve", "Start the explorer: policy levers in the browser, live violence curves (http://127.0.0.1:5170/)")
        {
            port, host, maxReplicates, maxWeeks, queue, threads, branches,
        };
        cmd.SetAction(parse =>
        {
            int p = parse.GetValue(port);
            if (!CliGuard.InRange(console, "--port", p, 0, 65535)) return ExitCodes.BadInput;
            if (!CliGuard.InRange(console, "--max-replicates", parse.GetValue(maxReplicates), 1, 100_000)) return ExitCodes.BadInput;
            if (!CliGuard.InRange(console, "--max-weeks", parse.GetValue(maxWeeks), 1, 5200)) return ExitCodes.BadInput;
            if (!CliGuard.InRange(console, "--queue", parse.GetValue(queue), 1, 1000)) return ExitCodes.BadInput;
            if (!CliGuard.InRange(console, "--threads", parse.GetValue(threads), 1, 1024)) return ExitCodes.BadInput;
            if (!CliGuard.InRange(console, "--branch-cache", parse.GetValue(branches), 0, 100_000)) return ExitCodes.BadInput;
            var h = (parse.GetValue(host) ?? ExplorerOptions.Loopback).Trim();
            if (h.Length == 0) { console.Error.WriteLine("error: --host: empty (allowed: an address or host name, e.g. 127.0.0.1)"); return ExitCodes.BadInput; }
            var options = d with
            {
                Host = h, Port = p, MaxReplicates = parse.GetValue(maxReplicates), MaxWeeks = parse.GetValue(maxWeeks),
                QueueCapacity = parse.GetValue(queue), Threads = parse.GetValue(threads), BranchCacheSize = parse.GetValue(branches),
            };
            if (!options.IsLoopback)
                console.Error.WriteLine($"warning: listening on {h}: anyone who can reach this machine on port {p} can run the model and read its results (the default 127.0.0.1 keeps it to this machine)");
            Microsoft.AspNetCore.Builder.WebApplication app;
            try { app = ExplorerApp.Build(options); }
            catch (DirectoryNotFoundException e) { console.Error.WriteLine("error: " + e.Message); return ExitCodes.BadInput; }
            try
            {
                try { app.StartAsync().GetAwaiter().GetResult(); }
                catch (IOException e)
                {
                    console.Error.WriteLine($"error: cannot listen on {h}:{p}: {e.Message}");
                    return ExitCodes.RunFailed;
                }
                foreach (var a in ExplorerApp.Addresses(app))
                    console.Out.WriteLine($"DecapSim explorer: {a}/  (Ctrl-C stops)");
                console.Out.Flush();
                app.WaitForShutdownAsync().GetAwaiter().GetResult(); // Ctrl-C or SIGTERM
                return ExitCodes.Ok;
            }
            finally
            {
                ((IDisposable)app).Dispose();
            }
        });
        return cmd;
    }
}
