using System.Text.RegularExpressions;
using Benchmark.Core.Domain;
using Benchmark.Web.Features.Audit;

namespace Benchmark.Web.Tests.Features.Audit;

/// <summary>
/// Every action code the application writes into the audit trail reads in French in the journal and its exports:
/// the codes are found in the compiled application (string literals of the types that write audit rows), so a new
/// action without its label fails here.
/// </summary>
public sealed partial class AuditLabelsTests
{
    [Fact]
    public void Action_WhenAnyCodeTheApplicationWrites_ThenItReadsInFrench()
    {
        var codes = ActionCodes();

        Assert.Contains("session.minutes", codes);
        Assert.Contains("checklist.tick", codes);
        Assert.All(codes, code => Assert.NotEqual(code, AuditLabels.Action(code)));
    }

    /// <summary>Literals shaped like « area.verb » in the types that build an <see cref="AuditEvent"/> or call one of the audit helpers.</summary>
    private static SortedSet<string> ActionCodes()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        using var module = Mono.Cecil.ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        var writers = module.GetTypes().Where(t => t.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
            .Any(i => i.Operand is Mono.Cecil.MethodReference m
                && (m.DeclaringType.FullName == typeof(AuditEvent).FullName && m.Name == ".ctor" || m.ReturnType.FullName == typeof(AuditEvent).FullName)));
        foreach (var type in writers.Select(Outermost).Distinct())
        {
            foreach (var literal in Nested(type).SelectMany(t => t.Methods).Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
                .Select(i => i.Operand as string).OfType<string>().Where(s => Code().IsMatch(s)))
            {
                codes.Add(literal);
            }
        }

        // Names of commands in the logs, written beside the audit row by the same types: not audit actions.
        codes.ExceptWith(["candidature.draft", "roadmap.draft"]);
        return codes;
    }

    private static Mono.Cecil.TypeDefinition Outermost(Mono.Cecil.TypeDefinition type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static IEnumerable<Mono.Cecil.TypeDefinition> Nested(Mono.Cecil.TypeDefinition type) =>
        type.NestedTypes.SelectMany(Nested).Prepend(type);

    [GeneratedRegex("^(checklist|phase|gate|enrolment|deliverable|session|indicators|roadmap|candidature|eig|team|wave|group|establishment|outbox)\\.[a-z-]+$")]
    private static partial Regex Code();
}
