using DecapSim.Explorer.Runs;
using Microsoft.AspNetCore.Http;

namespace DecapSim.Explorer.Api;

/// <summary>RFC 9457 problem details for refused requests: the first problem in the title fields, every problem in
/// <c>errors</c> (field, value, allowed, message).</summary>
public static class Problems
{
    public static IResult BadInput(IReadOnlyList<InputProblem> problems)
    {
        var first = problems[0];
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: $"invalid {first.Field}",
            detail: string.Join("; ", problems.Select(p => p.ToString())),
            extensions: new Dictionary<string, object?>
            {
                ["field"] = first.Field,
                ["value"] = first.Value,
                ["allowed"] = first.Allowed,
                ["errors"] = problems.Select(p => new { field = p.Field, value = p.Value, allowed = p.Allowed, message = p.Message }).ToArray(),
            });
    }

    public static IResult QueueFull(QueueFullException e) =>
        Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "the run queue is full", detail: e.Message,
            extensions: new Dictionary<string, object?> { ["queueCapacity"] = e.Capacity });

    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "not found", detail: what);
}
