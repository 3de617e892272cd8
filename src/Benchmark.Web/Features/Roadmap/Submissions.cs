using System.Security.Cryptography;
using System.Text;
using Benchmark.Core.Domain;

namespace Benchmark.Web.Features.Roadmap;

/// <summary>The content of a structured deliverable's version: its JSON, with size and SHA-256 like a file's.</summary>
public static class Submissions
{
    public static SubmissionContent Structured(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return new SubmissionContent(null, "application/json", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), null, json);
    }
}
