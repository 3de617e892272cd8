namespace Benchmark.Data.Configurations;

/// <summary>Column lengths shared by the mappings.</summary>
internal static class Lengths
{
    /// <summary>An id from a definition file (phase, session, deliverable, role, indicator…).</summary>
    public const int DefinitionId = 100;

    public const int Name = 200;

    /// <summary>A user id or display name recorded as the author of a change.</summary>
    public const int Actor = 200;

    /// <summary>RFC 5321 limit of an address.</summary>
    public const int Email = 320;

    public const int Comment = 4000;

    public const int Url = 2000;

    public const int Key = 400;
}
