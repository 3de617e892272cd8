using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Benchmark.Data.Conventions;

/// <summary>Stores an instant as its UTC ticks (SQLite): comparisons and ORDER BY work in SQL; reads come back as UTC.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>Writes every instant with offset zero (PostgreSQL <c>timestamptz</c> refuses other offsets).</summary>
public sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime());
