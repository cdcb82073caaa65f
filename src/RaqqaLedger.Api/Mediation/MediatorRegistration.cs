using System.Reflection;
using MediatR;

namespace RaqqaLedger.Api.Mediation;

/// <summary>
/// MediatR 5.1.0 (what restores here) has no container integration: the mediator, its service
/// factory, every handler of this assembly and the pipeline behaviours are registered by hand.
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddLedgerMediator(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        foreach (var type in typeof(MediatorRegistration).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
                services.AddScoped(contract, type);
        }
        // Outermost first: every request is logged, then validated, then handled.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        return services;
    }
}
