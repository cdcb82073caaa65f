using System.Text.Json;
using System.Text.Json.Serialization;
using RaqqaLedger.Api.Features;
using RaqqaLedger.Api.Hosting;
using RaqqaLedger.Api.Mediation;
using RaqqaLedger.Views;

// "healthcheck": the container's probe (the runtime image has no curl) — exit 0 when /health answers.
if (args is ["healthcheck", ..])
    return await HealthProbe.RunAsync(args.Length > 1 ? args[1] : "http://127.0.0.1:8080/health");

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// With no configuration: the embedded SQLite store, loopback port 5000.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://127.0.0.1:5000");
builder.Services.Configure<LedgerOptions>(builder.Configuration.GetSection("Raqqa"));
builder.Services.PostConfigure<LedgerOptions>(o =>
{
    if (string.IsNullOrEmpty(builder.Configuration["Raqqa:Store"]) && Environment.GetEnvironmentVariable("RAQQA_STORE") is { Length: > 0 } store)
        o.Store = store;
});
var maxBody = builder.Configuration.GetValue<long?>("Raqqa:MaxBodyBytes") ?? new LedgerOptions().MaxBodyBytes;
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);

// The databases the ledger can live in; the store spec picks one.
builder.Services.AddSingleton<IStorageEngine, SqliteStorageEngine>();
builder.Services.AddSingleton<IStorageEngine, MartenStorageEngine>();
builder.Services.AddSingleton<StorageOpener>();
builder.Services.AddSingleton<LedgerHost>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<LedgerHost>());
builder.Services.AddSingleton<ApiKeys>();
builder.Services.AddLedgerMediator();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<Problems>();
builder.Services.AddWriteRateLimit();
builder.Services.AddOpenApi(o => o.AddOperationTransformer<RequestBodies>());
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));

var app = builder.Build();
try
{
    app.Services.GetRequiredService<ApiKeys>(); // a generated key is made and printed at start, not at the first write
}
catch (LedgerStartException e)
{
    await Console.Error.WriteLineAsync($"raqqa-ledger-api: {e.Message}");
    return 1;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.Use(async (context, next) =>
{
    // Set as the response starts: the exception handler clears headers set earlier, and problem answers need them too.
    context.Response.OnStarting(() =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // The page loads only its own files and talks only to this API; Swagger UI keeps its own inline setup.
        if (!context.Request.Path.StartsWithSegments("/swagger"))
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        return Task.CompletedTask;
    });
    await next(context);
});
app.UseRateLimiter();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "RaqqaLedger v1");
    o.RoutePrefix = "swagger";
});

app.MapArticlesApi();
app.MapClaimsApi();
app.MapStoryApi();
app.MapLogApi();
app.MapAuditApi();
app.MapRuleSetsApi();
app.MapProjectionsApi();
app.MapHealthApi();

app.Run();
return 0;

/// <summary>The API's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
