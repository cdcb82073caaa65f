using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using RaqqaLedger.Api.Mediation;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Api.Hosting;

/// <summary>The id asked for is not in the ledger.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request body is over the limit.</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);

/// <summary>The request body is of a media type or charset the route does not read.</summary>
public sealed class UnsupportedMediaTypeException(string message) : Exception(message);

/// <summary>Turns every failure into RFC 9457 problem details, with the status its cause deserves.</summary>
public sealed class Problems(IProblemDetailsService problemDetails, ILogger<Problems> logger) : IExceptionHandler
{
    /// <summary>How long a client is asked to wait while the store is down.</summary>
    private const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (StoreFaults.IsUnavailable(exception))
        {
            // An outage, not a fault: the client may try again, and nothing of the request was stored.
            logger.LogWarning(exception, "the store is unavailable");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service unavailable",
                    Detail = exception is StoreUnavailableException ? exception.Message : $"the store is unavailable: {StoreFaults.Describe(exception)}",
                    Instance = context.Request.Path,
                },
            });
        }
        var (status, title) = exception switch
        {
            RequestValidationException or InvalidQueryException or InvalidArticleException or InvalidRuleSetException or ArgumentException
                => (StatusCodes.Status400BadRequest, "Bad request"),
            NotFoundException => (StatusCodes.Status404NotFound, "Not found"),
            PayloadTooLargeException => (StatusCodes.Status413PayloadTooLarge, "Payload too large"),
            UnsupportedMediaTypeException => (StatusCodes.Status415UnsupportedMediaType, "Unsupported media type"),
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request"),
            WrongExpectedVersionException => (StatusCodes.Status409Conflict, "Conflict"),
            _ => (StatusCodes.Status500InternalServerError, "Internal error"),
        };
        if (status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "request failed");
        var details = new ProblemDetails
        {
            Status = status,
            Title = title,
            // A server fault's message may name internals; the log has it, the client gets a plain sentence.
            Detail = status == StatusCodes.Status500InternalServerError ? "the ledger could not complete the request" : exception.Message.ReplaceLineEndings(" "),
            Instance = context.Request.Path,
        };
        if (exception is RequestValidationException validation)
            details.Extensions["problems"] = validation.Problems;
        context.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }
}

/// <summary>Reads a request body whole, refusing it past the limit, so a huge upload is never held in memory.</summary>
public static class Bodies
{
    /// <summary>
    /// The body of a route that documents it with <see cref="RequestBodyDoc"/>: of one of its media types (or
    /// none given), in UTF-8, and within the limit. A form post or a binary upload is refused, not read as text.
    /// </summary>
    /// <summary>
    /// Declares the body a route reads with <see cref="ReadAsync"/>: its description and media types (for
    /// the OpenAPI document and for the media-type check), and the problems reading it can give.
    /// </summary>
    public static RouteHandlerBuilder Read(RouteHandlerBuilder builder, string description, params string[] contentTypes) => builder
        .WithMetadata(new RequestBodyDoc(description, contentTypes))
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        CheckMediaType(request);
        if (request.ContentLength > limit)
            throw new PayloadTooLargeException($"the body is {request.ContentLength} bytes; the limit is {limit}");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new PayloadTooLargeException($"the body is over the limit of {limit} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static void CheckMediaType(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType))
            return;
        var accepted = request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RequestBodyDoc>()?.ContentTypes
            ?? throw new InvalidOperationException("a route that reads a body documents it with RequestBodyDoc");
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !accepted.Any(a => string.Equals(a, type.MediaType.Value, StringComparison.OrdinalIgnoreCase)))
            throw new UnsupportedMediaTypeException($"Content-Type '{request.ContentType}' is not read here; send {string.Join(" or ", accepted)}");
        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedMediaTypeException($"charset '{type.Charset}' is not read here; send UTF-8 text");
    }
}
