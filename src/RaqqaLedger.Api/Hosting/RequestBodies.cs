using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RaqqaLedger.Api.Hosting;

/// <summary>
/// Describes a body an endpoint reads itself. (Accepts() would also make routing refuse other
/// content types with 415 before the API key is checked; a write without a key must get 401.)
/// </summary>
public sealed record RequestBodyDoc(string Description, params string[] ContentTypes);

/// <summary>Puts each <see cref="RequestBodyDoc"/> into the OpenAPI document.</summary>
public sealed class RequestBodies : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyDoc>().FirstOrDefault() is { } doc)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = doc.Description,
                Required = true,
                Content = doc.ContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
            };
        }
        return Task.CompletedTask;
    }
}
