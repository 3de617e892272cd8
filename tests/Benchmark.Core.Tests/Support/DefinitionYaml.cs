using System.Text;
using Benchmark.Core.Definitions;

namespace Benchmark.Core.Tests.Support;

/// <summary>
/// Builds a small valid definition as YAML text, with parts replaced or added, for loader tests that are easier
/// to read in code than as corpus files (generated content, limits).
/// </summary>
internal sealed class DefinitionYaml
{
    private const string Header = """
        id: essai
        version: 1
        title: "Essai"
        anchors:
          - { id: J, title: "Notification" }
        roles:
          - { id: chef-de-projet, title: "Chef de projet", side: establishment }
          - { id: consultant, title: "Consultant", side: consultant }
          - { id: ars-referent, title: "Référent ARS", side: ars }
        """;

    private const string DefaultPhases = """
        phases:
          - id: diagnostic
            title: "Diagnostic"
            due: J+1mo
            checklist:
              - { id: equipe, text: "Constituer l'équipe", owner: chef-de-projet }
        """;

    private string _summary = "";
    private string _phases = DefaultPhases;
    private string _extra = "";

    public DefinitionYaml WithSummary(string summary)
    {
        _summary = summary;
        return this;
    }

    public DefinitionYaml WithPhases(string phasesBlock)
    {
        _phases = phasesBlock;
        return this;
    }

    /// <summary>Top-level blocks appended after the phases (grids, indicators…).</summary>
    public DefinitionYaml With(string block)
    {
        _extra += block.TrimEnd() + "\n";
        return this;
    }

    public string Build()
    {
        var text = new StringBuilder(Header).Append('\n');
        if (_summary.Length > 0)
        {
            text.Append("summary: \"").Append(_summary).Append("\"\n");
        }

        return text.Append(_phases.TrimEnd()).Append('\n').Append(_extra).ToString();
    }

    public LoadResult Load() => DefinitionLoader.Load(Build(), "essai.yaml");
}
