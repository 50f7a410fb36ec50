using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Links;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AlexaLinkHub.Architecture.Tests;

/// <summary>Links end one way: <see cref="LinkRevocation"/> revokes the grant and its tokens, marks the link, audits it
/// and tells the vendor. A use case (the token cap among them) that marked a link revoked itself would skip some of that.</summary>
public class LinkEndingTests
{
    [Fact]
    public void AccountLinkRevoke_IsCalledOnlyByLinkRevocation()
    {
        // Read from the IL: an async method's body is a compiler-generated state machine nested in the type that wrote it.
        var callers = Layers.All
            .SelectMany(assembly => ModuleDefinition.ReadModule(assembly.Location).GetTypes())
            .SelectMany(type => type.Methods.Where(m => m.HasBody).Select(m => (Type: type, Method: m)))
            .Where(x => x.Method.Body.Instructions.Any(CallsRevoke))
            .Select(x => Outermost(x.Type).FullName)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        ArchAssert.NotVacuous(callers, "callers of AccountLink.Revoke");

        ArchAssert.NoOffenders(callers.Where(c => c != typeof(LinkRevocation).FullName),
            "Only LinkRevocation ends a link (grant and tokens revoked, audit event, webhook); every other path sends a revocation use case or uses LinkRevocation.");
    }

    private static bool CallsRevoke(Instruction instruction) =>
        (instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt)
        && instruction.Operand is MethodReference { Name: nameof(AccountLink.Revoke) } method
        && method.DeclaringType.FullName == typeof(AccountLink).FullName;

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}
