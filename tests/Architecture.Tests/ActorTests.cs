using AlexaLinkHub.Application.Common.Tenancy;
using NetArchTest.Rules;

namespace AlexaLinkHub.Architecture.Tests;

/// <summary>Who is acting is decided once per request or job, by the component that knows, and read-only afterwards.</summary>
public class ActorTests
{
    /// <summary>The request's actor middleware, the job scope, and the OAuth server acting for a client it authenticated
    /// (in a scope of its own). Everything else reads <c>ICurrentActor</c>.</summary>
    private static readonly string[] Setters =
    [
        "AlexaLinkHub.Web.Hosting.ActorMiddleware",
        "AlexaLinkHub.Infrastructure.Jobs.JobScope",
        "AlexaLinkHub.Infrastructure.OAuth.ClientActorScope",
    ];

    [Fact]
    public void TheWritableActor_IsUsedOnlyByTheComponentsThatSetIt()
    {
        var users = Types.InAssemblies(Layers.All)
            .That().HaveDependencyOn(typeof(ActorContext).FullName!)
            .And().DoNotHaveNameMatching("^(ActorContext|DependencyInjection)$")
            .GetTypes()
            .Where(t => !t.IsNested || !t.DeclaringType!.Name.StartsWith('<'))
            .Select(t => (t.IsNested ? t.DeclaringType! : t).FullName!)
            .Distinct()
            .ToList();
        ArchAssert.NotVacuous(users, "users of ActorContext");

        ArchAssert.NoOffenders(users.Except(Setters),
            "Only the actor middleware (requests), the job scope (jobs, start-up) and ClientActorScope (the OAuth server for a client) set the actor; everything else reads ICurrentActor.");
    }

    [Fact]
    public void Handlers_ReadTheActorAndNeverChangeIt()
    {
        var result = Types.InAssembly(Layers.Application)
            .That().HaveNameEndingWith("Handler")
            .ShouldNot().HaveDependencyOn(typeof(ActorContext).FullName!)
            .GetResult();

        ArchAssert.Passes(result, "Handlers get the actor as ICurrentActor (read-only): whoever sends a message cannot become someone else.");
    }
}
