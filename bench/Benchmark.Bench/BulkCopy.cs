using Benchmark.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Benchmark.Bench;

/// <summary>
/// Writes domain objects into the migrated schema with PostgreSQL's binary COPY, column by column as EF Core maps
/// them (table and column names, value converters such as enums stored as strings, store types): the rows are
/// exactly what the application would have saved, hundreds of times faster than SaveChanges.
/// </summary>
internal sealed class BulkCopy(BenchmarkDbContext db, NpgsqlConnection connection)
{
    /// <summary>Copies <paramref name="rows"/> of <typeparamref name="T"/>; <paramref name="shadow"/> gives shadow properties (an owned type's key).</summary>
    public async Task<int> CopyAsync<T>(IReadOnlyCollection<T> rows, Func<T, string, object?>? shadow = null)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var entity = db.Model.GetEntityTypes().Single(t => t.ClrType == typeof(T));
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // xmin (the row version) is a system column PostgreSQL fills itself.
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(table) is { } name && name != PostgresBenchmarkDbContext.RowVersion)
            .Select(p => new Column(p, p.GetColumnName(table)!, StoreType(p), p.IsShadowProperty() ? null : p.GetGetter(), p.GetTypeMapping().Converter))
            .ToList();
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            foreach (var column in columns)
            {
                var value = column.Getter is null
                    ? (shadow ?? throw new InvalidOperationException($"{typeof(T).Name}.{column.Property.Name} is a shadow property: pass a value for it"))(row, column.Property.Name)
                    : column.Getter.GetClrValue(row);
                if (value is not null && column.Converter is not null)
                {
                    value = column.Converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(value, column.StoreType);
                }
            }
        }

        await writer.CompleteAsync();
        return rows.Count;
    }

    /// <summary>The store type without its facets ("character varying(64)" → "character varying").</summary>
    private static string StoreType(IProperty property)
    {
        var type = property.GetColumnType();
        var facets = type.IndexOf('(', StringComparison.Ordinal);
        return facets < 0 ? type : type[..facets];
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record Column(IProperty Property, string Name, string StoreType, IClrPropertyGetter? Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter);
}
