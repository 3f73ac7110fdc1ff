using System.Text.Json;
using DecapSim.Explorer.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DecapSim.Explorer.Api;

/// <summary>POST /api/runs, GET /api/runs/{id}, its event stream and files, DELETE.</summary>
public static class RunEndpoints
{
    /// <summary>Largest request body accepted (a run request is a few hundred bytes).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = "text/csv; charset=utf-8", [".html"] = "text/html; charset=utf-8", [".json"] = "application/json",
        [".png"] = "image/png", [".svg"] = "image/svg+xml",
    };

    public static void Map(IEndpointRouteBuilder app, RunManager runs, RunRequestParser parser)
    {
        app.MapPost("/api/runs", async (HttpRequest request) =>
        {
            JsonElement body;
            try
            {
                if (request.ContentLength > MaxBodyBytes) return Problems.BadInput(new[] { new InputProblem("body", $"{request.ContentLength} bytes", $"at most {MaxBodyBytes} bytes", "the request body is too large") });
                using var doc = await JsonDocument.ParseAsync(new LimitedStream(request.Body, MaxBodyBytes), new JsonDocumentOptions { MaxDepth = 16 }, request.HttpContext.RequestAborted);
                body = doc.RootElement.Clone();
            }
            catch (JsonException e) { return Problems.BadInput(new[] { new InputProblem("body", "", "a JSON object", "not valid JSON: " + e.Message) }); }
            catch (IOException e) { return Problems.BadInput(new[] { new InputProblem("body", "", $"at most {MaxBodyBytes} bytes", e.Message) }); }
            RunSpec spec;
            try { spec = parser.Parse(body); }
            catch (InputException e) { return Problems.BadInput(e.Problems); }
            try
            {
                var (run, reused) = runs.Submit(spec);
                return Results.Json(new { id = run.Id, status = run.Status.ToString().ToLowerInvariant(), reused, command = spec.Command },
                    statusCode: StatusCodes.Status202Accepted);
            }
            catch (QueueFullException e) { return Problems.QueueFull(e); }
        });

        app.MapGet("/api/runs/{id}", (string id, bool? series) =>
            runs.Get(id) is { } run ? Results.Json(RunView.Of(run, series ?? true)) : Problems.NotFound($"no run {id}"));

        app.MapDelete("/api/runs/{id}", (string id) =>
            runs.Cancel(id) ? Results.Json(RunView.Of(runs.Get(id, touch: false)!, series: false)) : Problems.NotFound($"no run {id}"));

        app.MapGet("/api/runs/{id}/events", async (string id, HttpContext http) =>
        {
            var run = runs.Get(id);
            if (run is null) { await Problems.NotFound($"no run {id}").ExecuteAsync(http); return; }
            http.Response.Headers.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            var abort = http.RequestAborted;
            run.StreamOpened();
            try
            {
                int sentVersion = -1;
                long sentWeeks = -1;
                while (!abort.IsCancellationRequested)
                {
                    var changed = run.Changed;
                    bool finished = run.IsFinished;
                    if (run.Version != sentVersion || run.WeeksDone != sentWeeks || finished)
                    {
                        sentVersion = run.Version;
                        sentWeeks = run.WeeksDone;
                        var json = JsonSerializer.Serialize(RunView.Of(run), JsonSerializerOptions.Web);
                        await http.Response.WriteAsync($"event: status\ndata: {json}\n\n", abort);
                        await http.Response.Body.FlushAsync(abort);
                    }
                    if (finished) { await http.Response.WriteAsync("event: end\ndata: {}\n\n", abort); break; }
                    await Task.WhenAny(changed, Task.Delay(300, abort));
                }
            }
            catch (OperationCanceledException) { }
            finally { run.StreamClosed(); }
        });

        app.MapGet("/api/runs/{id}/{**file}", (string id, string file) =>
        {
            var run = runs.Get(id);
            if (run is null) return Problems.NotFound($"no run {id}");
            if (run.Status != RunStatus.Done) return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "not finished", detail: $"run {id} is {run.Status.ToString().ToLowerInvariant()}: its files exist when it is done");
            var name = file.Replace('\\', '/');
            if (!run.Files.Contains(name, StringComparer.Ordinal)) return Problems.NotFound($"run {id} has no file {name} (it has: {string.Join(", ", run.Files)})");
            var path = Path.Combine(run.Directory, name);
            return Results.File(path, ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"),
                fileDownloadName: Path.GetExtension(name) is ".csv" or ".json" ? Path.GetFileName(name) : null);
        });
    }

    /// <summary>A read-only stream that fails past a byte limit (bounded request bodies).</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));
        private int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new IOException($"the request body is larger than {limit} bytes");
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
