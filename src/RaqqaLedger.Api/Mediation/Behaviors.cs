using System.Diagnostics;
using MediatR;

namespace RaqqaLedger.Api.Mediation;

/// <summary>A request that can tell what is wrong with it before any handler runs.</summary>
public interface IValidated
{
    /// <summary>Problems with the request, one sentence each; empty when it is fine.</summary>
    IEnumerable<string> Validate();
}

/// <summary>The request failed validation: the API answers 400 with every problem listed.</summary>
public sealed class RequestValidationException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

public sealed class ValidationBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IValidated validated && validated.Validate().ToList() is { Count: > 0 } problems)
            throw new RequestValidationException(problems);
        return next();
    }
}

/// <summary>Logs each request's name, outcome and time. Request contents are not logged: they may be long, and keys never enter a request.</summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogInformation("{Request} handled in {Ms:F1} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception e)
        {
            logger.LogInformation("{Request} refused or failed after {Ms:F1} ms: {Error}", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
        }
    }
}
