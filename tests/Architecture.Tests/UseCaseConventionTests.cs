using AlexaLinkHub.Application.Common.Interfaces;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Architecture.Tests;

/// <summary>One folder per use case: a message record, its validator beside it, and a sealed handler in Application.</summary>
public partial class UseCaseConventionTests
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(ICommandHandler<>), typeof(ICommandHandler<,>), typeof(IQueryHandler<,>),
        typeof(IRequestHandler<>), typeof(IRequestHandler<,>),
        typeof(IStreamCommandHandler<,>), typeof(IStreamQueryHandler<,>), typeof(IStreamRequestHandler<,>),
    ];

    private static readonly Type[] MessageInterfaces =
    [
        typeof(IBaseCommand), typeof(IBaseQuery), typeof(IBaseRequest),
        typeof(IBaseStreamCommand), typeof(IBaseStreamQuery), typeof(IBaseStreamRequest),
    ];

    [Fact]
    public void Handlers_LiveInApplication()
    {
        var handlers = Handlers();
        ArchAssert.NotVacuous(handlers, "command or query handlers");

        var offenders = handlers
            .Where(t => t.Assembly != Layers.Application || t.Namespace?.StartsWith(Layers.ApplicationNamespace + ".", StringComparison.Ordinal) != true)
            .Select(t => $"{t.DisplayName()} (in {t.Assembly.GetName().Name})");

        ArchAssert.NoOffenders(offenders, "Command and query handlers must live in AlexaLinkHub.Application, in the folder of their use case.");
    }

    [Fact]
    public void Handlers_AreSealed()
    {
        var offenders = Handlers().Where(t => !t.IsSealed).Select(t => t.DisplayName());

        ArchAssert.NoOffenders(offenders, "Command and query handlers must be sealed.");
    }

    [Fact]
    public void Messages_AreSealedRecords()
    {
        var messages = Messages();
        ArchAssert.NotVacuous(messages, "command or query messages");

        var offenders = messages
            .Where(t => !IsRecord(t) || !t.IsSealed)
            .Select(t => $"{t.DisplayName()} ({(IsRecord(t) ? "record" : "not a record")}, {(t.IsSealed ? "sealed" : "not sealed")})");

        ArchAssert.NoOffenders(offenders, "Every command and query must be a sealed record.");
    }

    [Fact]
    public void Messages_LiveInApplication()
    {
        var offenders = Messages()
            .Where(t => t.Assembly != Layers.Application)
            .Select(t => $"{t.DisplayName()} (in {t.Assembly.GetName().Name})");

        ArchAssert.NoOffenders(offenders, "Commands and queries are use cases and must be declared in AlexaLinkHub.Application.");
    }

    [Fact]
    public void Messages_EachHaveExactlyOneHandler()
    {
        // ICommandHandler<T> extends ICommandHandler<T, Unit>: count each handler type once per message.
        var handled = Handlers()
            .SelectMany(h => h.GetInterfaces()
                .Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))
                .Select(i => i.GetGenericArguments()[0])
                .Distinct())
            .ToList();

        var offenders = Messages()
            .Select(m => (Message: m, Count: handled.Count(h => h == m)))
            .Where(x => x.Count != 1)
            .Select(x => $"{x.Message.DisplayName()} ({x.Count} handlers)");

        ArchAssert.NoOffenders(offenders, "Every command and query needs exactly one handler.");
    }

    [Fact]
    public void Messages_EachDeclareExactlyOneAudience()
    {
        // Authorization is closed by default: the pipeline refuses a message without an audience, and this finds it first.
        var audiences = Layers.Application.GetTypes()
            .Where(t => t.IsInterface && t != typeof(IRequestAudience) && typeof(IRequestAudience).IsAssignableFrom(t))
            .ToList();
        ArchAssert.NotVacuous(audiences, "audience markers");

        var offenders = Messages()
            .Select(m => (Message: m, Declared: audiences.Where(a => a.IsAssignableFrom(m)).Select(a => a.Name).ToList()))
            .Where(x => x.Declared.Count != 1)
            .Select(x => $"{x.Message.DisplayName()} ({(x.Declared.Count == 0 ? "no audience" : string.Join(", ", x.Declared))})");

        ArchAssert.NoOffenders(offenders, $"Every command and query declares who may send it: exactly one IRequestAudience marker ({string.Join(", ", audiences.Select(a => a.Name).Order(StringComparer.Ordinal))}).");
    }

    [Fact]
    public void UseCaseFolders_EachHoldOneMessageNamedAfterTheFolder()
    {
        // src/Application/<Area>/<UseCase>/: the message the folder is named after, its validator and its handler —
        // what several use cases share sits beside the folders, in the area.
        var files = Source.CSharp("src/Application")
            .Select(f => (f.Path, Parts: f.Path["src/Application/".Length..].Split('/'), Messages: MessageDeclaration().Matches(f.Text).Select(m => m.Groups["name"].Value).ToList()))
            .ToList();
        var inFolders = files.Where(f => f.Parts.Length == 3 && f.Parts[0] != "Common").ToList();
        ArchAssert.NotVacuous(inFolders, "use-case files");

        var offenders = inFolders
            .Where(f => f.Messages.Any(m => m != f.Parts[1]) || (f.Messages.Count == 0 && !f.Path.EndsWith("Validator.cs", StringComparison.Ordinal)))
            .Select(f => $"{f.Path}: {(f.Messages.Count == 0 ? "no message (a shared helper belongs beside the folders)" : string.Join(", ", f.Messages))}")
            .Concat(files.Where(f => f.Parts.Length == 2 && f.Messages.Count > 0).Select(f => $"{f.Path}: {string.Join(", ", f.Messages)} (a message outside its folder)"));

        ArchAssert.NoOffenders(offenders, "One use case per folder: Application/<Area>/<Message>/ holds that message (with its validator and handler) and nothing else.");
    }

    [Fact]
    public void Validators_LiveInTheNamespaceOfTheMessageTheyValidate()
    {
        var validators = Validators();
        ArchAssert.NotVacuous(validators, "validators");

        var offenders = validators
            .Where(v => v.Validator.Namespace != v.Validates.Namespace)
            .Select(v => $"{v.Validator.DisplayName()} validates {v.Validates.DisplayName()}");

        ArchAssert.NoOffenders(offenders, "A validator must live in the same namespace as the message it validates.");
    }

    [Fact]
    public void Validators_ValidateCommandsOrQueries()
    {
        // The validation behaviour runs validators of the message being sent; a validator of anything else never runs.
        var offenders = Validators()
            .Where(v => !IsMessage(v.Validates))
            .Select(v => $"{v.Validator.DisplayName()} validates {v.Validates.DisplayName()}");

        ArchAssert.NoOffenders(offenders, "A validator must validate a command or query, or the pipeline never runs it.");
    }

    [Fact]
    public void Validators_LiveInApplication()
    {
        var offenders = Validators()
            .Where(v => v.Validator.Assembly != Layers.Application)
            .Select(v => $"{v.Validator.DisplayName()} (in {v.Validator.Assembly.GetName().Name})");

        ArchAssert.NoOffenders(offenders, "Validators belong to the use case they validate, in AlexaLinkHub.Application.");
    }

    [Fact]
    public void Validators_AreSealed()
    {
        var offenders = Validators().Where(v => !v.Validator.IsSealed).Select(v => v.Validator.DisplayName());

        ArchAssert.NoOffenders(offenders, "Validators must be sealed.");
    }

    private static List<Type> Handlers() =>
        Layers.All.SelectMany(a => a.WrittenTypes())
            .Where(t => t.IsClass && !t.IsAbstract && ProductionNamespace(t))
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            .ToList();

    private static List<Type> Messages() =>
        Layers.All.SelectMany(a => a.WrittenTypes())
            .Where(t => !t.IsInterface && !t.IsAbstract && ProductionNamespace(t) && IsMessage(t))
            .ToList();

    // Open generic rule sets (SkillSettingsRules<T>) are included by concrete validators, so they are not checked alone.
    private static List<(Type Validator, Type Validates)> Validators() =>
        Layers.All.SelectMany(a => a.WrittenTypes())
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsGenericTypeDefinition && ProductionNamespace(t))
            .Select(t => (Validator: t, Validates: ValidatedType(t)))
            .Where(v => v.Validates is not null)
            .Select(v => (v.Validator, v.Validates!))
            .ToList();

    private static Type? ValidatedType(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
                return current.GetGenericArguments()[0];
        }
        return null;
    }

    private static bool IsMessage(Type type) => MessageInterfaces.Any(i => i.IsAssignableFrom(type));

    // The Mediator source generator emits its own plumbing into the Application assembly under namespace "Mediator".
    private static bool ProductionNamespace(Type type) =>
        type.Namespace?.StartsWith("AlexaLinkHub.", StringComparison.Ordinal) == true;

    [System.Text.RegularExpressions.GeneratedRegex(@"public sealed record (?<name>[A-Za-z0-9]+)[^;{]*:\s*(?:ICommand|IQuery|IRequest)\b")]
    private static partial System.Text.RegularExpressions.Regex MessageDeclaration();

    // The compiler gives every class record a clone method named "<Clone>$"; nothing else can have that name.
    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;
}
