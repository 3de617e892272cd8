namespace Benchmark.Core.Common;

/// <summary>An expected failure: a stable code and a French message a user can act on.</summary>
/// <remarks><paramref name="Field"/> names the input the error is about (e.g. <c>Comment</c>), for a form to mark it.</remarks>
public sealed record Error(string Code, string Message, string? Field = null)
{
    public static Error NotFound(string what) => new("not_found", $"{what} introuvable.");
    public static Error NotAllowed(string message) => new("not_allowed", message);
    public static Error Invalid(string message, string? field = null) => new("invalid", message, field);
    public static Error Conflict(string message) => new("conflict", message);

    public override string ToString() => Message;
}

/// <summary>The outcome of an operation that may fail in an expected way.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Error error) => Fail(error);
}
