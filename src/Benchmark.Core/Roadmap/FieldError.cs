namespace Benchmark.Core.Roadmap;

/// <summary>A validation failure on one field of a structured deliverable, keyed like its form input (e.g. <c>Actions[0].Due</c>).</summary>
public sealed record FieldError(string Field, string Message);
