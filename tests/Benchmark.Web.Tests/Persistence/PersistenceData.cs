using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;

namespace Benchmark.Web.Tests.Persistence;

/// <summary>A small programme and the rows an enrolment needs (agency, establishment, definition, wave, group).</summary>
internal static class PersistenceData
{
    public const string Yaml = """
        id: essai-persistance
        version: 1
        title: "Essai persistance"
        anchors:
          - { id: J, title: "Notification" }
        roles:
          - { id: chef-de-projet, title: "Chef de projet", side: establishment }
          - { id: consultant, title: "Consultant", side: consultant }
        phases:
          - id: cadrage
            title: "Cadrage"
            due: J+1mo
            gate: { deliverables: [note-de-cadrage] }
            checklist:
              - { id: equipe, text: "Constituer l'équipe", owner: chef-de-projet }
            deliverables:
              - { id: note-de-cadrage, title: "Note de cadrage", owner: chef-de-projet, approver: consultant, due: J+3w }
          - id: diagnostic
            title: "Diagnostic"
            due: J+3mo
            checklist:
              - { id: mesures, text: "Mesurer les flux", owner: chef-de-projet }
        """;

    public static readonly DateTimeOffset Now = new(2027, 1, 18, 8, 30, 0, TimeSpan.Zero);

    public static readonly Actor Lead = new("u-lead", "Claire Martin", "chef-de-projet");

    public static readonly Actor Consultant = new("u-consultant", "Paul Bernard", "consultant");

    public static readonly Actor Admin = new("u-admin", "Admin ARS", "ars", IsArsAdmin: true);

    public static WorkflowDefinition Definition { get; } = DefinitionLoader.Load(Yaml, "essai-persistance.yaml").Definition
        ?? throw new InvalidOperationException("The test definition does not load.");

    /// <summary>Saves a fresh agency, establishment, definition, wave and group; returns a started, unsaved enrolment.</summary>
    public static async Task<Enrolment> NewStartedEnrolmentAsync(BenchmarkDbContext db)
    {
        var agency = new Agency(Guid.NewGuid(), "ARS Essai", "Essai");
        var establishment = Establishment.Create(Guid.NewGuid(), agency.Id, RandomFiness(), "CH d'Essai", "Essai-sur-Mer", EstablishmentType.CentreHospitalier).Value;
        var definition = ProgrammeDefinition.Register(Guid.NewGuid(), "essai.yaml", Yaml.Replace("essai-persistance", $"essai-{Guid.NewGuid():N}", StringComparison.Ordinal), Now).Value;
        var wave = new Wave(Guid.NewGuid(), agency.Id, definition.Id, "Vague 1", new Dictionary<string, DateOnly> { ["J"] = new(2027, 1, 18) }, Now);
        var group = new Group(Guid.NewGuid(), wave.Id, "Groupe A", null);
        db.AddRange(agency, establishment, definition, wave, group);
        await db.SaveChangesAsync();

        var enrolment = new Enrolment(Guid.NewGuid(), wave.Id, group.Id, establishment.Id);
        Assert.True(WorkflowEngine.Execute(Definition, enrolment, EnrolmentContext.Empty, new StartEnrolment(Admin), Now).IsSuccess);
        return enrolment;
    }

    public static void Run(Enrolment enrolment, EnrolmentCommand command, DateTimeOffset? at = null)
    {
        var result = WorkflowEngine.Execute(Definition, enrolment, EnrolmentContext.Empty, command, at ?? Now);
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    public static SubmissionContent Document(string name) => new(name, "application/pdf", 1234, new string('a', 64), $"uploads/{name}", null);

    /// <summary>A FINESS number in the Bouches-du-Rhône: unique enough for tests sharing a database.</summary>
    public static string RandomFiness() => "13" + Random.Shared.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
}
