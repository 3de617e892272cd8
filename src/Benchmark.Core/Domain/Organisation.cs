using Benchmark.Core.Common;

namespace Benchmark.Core.Domain;

/// <summary>A regional health agency (ARS): owns programmes and waves.</summary>
public sealed class Agency
{
    private Agency()
    {
    }

    public Agency(Guid id, string name, string region)
    {
        Id = id;
        Name = name;
        Region = region;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Region { get; private set; } = "";
}

public enum EstablishmentType
{
    CentreHospitalierUniversitaire,
    CentreHospitalier,
    EtablissementPrive,
    Espic,
    Autre,
}

/// <summary>A hospital ("établissement"), identified by its FINESS number.</summary>
public sealed class Establishment
{
    private Establishment()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Finess { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string City { get; private set; } = "";

    public EstablishmentType Type { get; private set; }

    public static Result<Establishment> Create(Guid id, Guid agencyId, string finess, string name, string city, EstablishmentType type)
    {
        var number = Domain.Finess.Parse(finess);
        if (!number.IsSuccess)
        {
            return number.Error!;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return Error.Invalid("Le nom de l'établissement est obligatoire.");
        }

        return new Establishment { Id = id, AgencyId = agencyId, Finess = number.Value, Name = name.Trim(), City = city.Trim(), Type = type };
    }
}

/// <summary>One run of a programme ("vague"), with the anchor dates its calendar is resolved against.</summary>
public sealed class Wave
{
    private readonly List<WaveAnchor> _anchors = [];

    private Wave()
    {
    }

    public Wave(Guid id, Guid agencyId, Guid definitionId, string name, IReadOnlyDictionary<string, DateOnly> anchors, DateTimeOffset createdAt)
    {
        Id = id;
        AgencyId = agencyId;
        DefinitionId = definitionId;
        Name = name;
        CreatedAt = createdAt;
        _anchors.AddRange(anchors.Select(a => new WaveAnchor(a.Key, a.Value)));
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid DefinitionId { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<WaveAnchor> Anchors => _anchors;

    public IReadOnlyDictionary<string, DateOnly> AnchorDates => _anchors.ToDictionary(a => a.Name, a => a.Date, StringComparer.Ordinal);
}

/// <summary>An anchor date of a wave (J, J*).</summary>
public sealed record WaveAnchor(string Name, DateOnly Date);

/// <summary>A group of 4–6 establishments that meet together, followed by a consultant.</summary>
public sealed class Group
{
    private Group()
    {
    }

    public Group(Guid id, Guid waveId, string name, Guid? consultantId)
    {
        Id = id;
        WaveId = waveId;
        Name = name;
        ConsultantId = consultantId;
    }

    public Guid Id { get; private set; }

    public Guid WaveId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The user who coaches this group (an account with the Consultant role).</summary>
    public Guid? ConsultantId { get; private set; }

    public void AssignConsultant(Guid? consultantId) => ConsultantId = consultantId;
}

/// <summary>A member of an establishment's project team with their role in the programme (trinôme).</summary>
public sealed class TeamMember
{
    private TeamMember()
    {
    }

    public TeamMember(Guid id, Guid enrolmentId, string roleId, string fullName, string email, Guid? userId = null)
    {
        Id = id;
        EnrolmentId = enrolmentId;
        RoleId = roleId;
        FullName = fullName;
        Email = email;
        UserId = userId;
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string RoleId { get; private set; } = "";

    public string FullName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public Guid? UserId { get; private set; }

    /// <summary>Links this team role to the account that signs in for it.</summary>
    public void LinkAccount(Guid userId) => UserId = userId;
}
