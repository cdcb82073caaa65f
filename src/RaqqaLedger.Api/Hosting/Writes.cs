using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RaqqaLedger.Api.Hosting;

/// <summary>
/// What every write route carries: the key check and the write rate limit. A limit per client (its IP
/// address) in fixed windows; refused writes count too, so guessing the key is as slow as writing.
/// </summary>
public static class Writes
{
    public const string RateLimitPolicy = "writes";

    /// <summary>Set to "behind" on a write's answer when it is stored but the views could not show it yet.</summary>
    public const string ViewsHeader = "Raqqa-Views";

    public static RouteHandlerBuilder Guard(RouteHandlerBuilder builder) => ApiKeys.Require(builder)
        .RequireRateLimiting(RateLimitPolicy)
        .AddEndpointFilter(async (context, next) =>
        {
            var answer = await next(context);
            // Once the write has committed, nothing after it may turn the answer into a failure.
            var ledger = context.HttpContext.RequestServices.GetRequiredService<LedgerHost>();
            if (!await ledger.CatchUpAsync(context.HttpContext.RequestAborted))
                context.HttpContext.Response.Headers[ViewsHeader] = "behind";
            return answer;
        })
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Reads that cost the server a lot (/audit/verify): limited per client like writes, so a few callers cannot starve the rest.</summary>
    public const string ExpensivePolicy = "expensive";

    public static IServiceCollection AddWriteRateLimit(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = RejectAsync;
        limiter.AddPolicy(ExpensivePolicy, context => PerClient(context, o => o.ExpensiveLimit));
        limiter.AddPolicy(RateLimitPolicy, context => PerClient(context, o => o.WriteLimit));
    });

    /// <summary>At most <paramref name="limit"/> requests per client (IP address) per window, in fixed windows; 0 for no limit.</summary>
    private static RateLimitPartition<string> PerClient(HttpContext context, Func<LedgerOptions, int> limit)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<LedgerOptions>>().Value;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "";
        var permits = limit(options);
        return permits <= 0
            ? RateLimitPartition.GetNoLimiter(client)
            : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromSeconds(Math.Max(1, options.WriteLimitWindowSeconds)),
                QueueLimit = 0,
            });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<LedgerOptions>>().Value;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(options.WriteLimitWindowSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == ExpensivePolicy
                    ? $"at most {options.ExpensiveLimit} of these per {options.WriteLimitWindowSeconds} s from one client; try again in {seconds} s"
                    : $"at most {options.WriteLimit} writes per {options.WriteLimitWindowSeconds} s from one client; try again in {seconds} s",
                Instance = http.Request.Path,
            },
        });
    }
}
