using System.Text;

namespace Benchmark.Bench;

/// <summary>One measured figure against its goal.</summary>
internal sealed record Figure(string Measure, string Value, string Goal, bool? Met);

/// <summary>What one bench found: its figures for the results table and notes (Markdown) for the results file.</summary>
internal sealed class Report(string title)
{
    private readonly StringBuilder _notes = new();

    public string Title { get; } = title;

    public List<Figure> Figures { get; } = [];

    public string Notes => _notes.ToString();

    public void Add(string measure, string value, string goal = "", bool? met = null) => Figures.Add(new Figure(measure, value, goal, met));

    public void Note(string line)
    {
        _notes.AppendLine(line);
        Console.WriteLine(line);
    }
}
