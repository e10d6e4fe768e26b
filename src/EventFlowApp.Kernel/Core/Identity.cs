using System.Linq.Expressions;
using System.Reflection;

namespace EventFlowApp.Kernel.Core;

/// <summary>
/// Base of every identity: <c>AccountId : Identity&lt;AccountId&gt;</c> has values <c>account-&lt;guid&gt;</c>.
/// The prefix is the type name without its <c>Id</c> suffix, lower-cased. A derived type needs a
/// constructor taking the string value (it may be private).
/// </summary>
public abstract class Identity<T> : IIdentity, IEquatable<Identity<T>>
    where T : Identity<T>
{
    private static readonly Func<string, T> Factory = BuildFactory();

    /// <summary>The prefix before the dash, e.g. <c>account</c> for <c>AccountId</c>.</summary>
    public static string Prefix { get; } = BuildPrefix();

    protected Identity(string value)
    {
        if (!IsValid(value, out var error))
        {
            throw new ArgumentException(error, nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static T New => With(Guid.NewGuid());

    public static T With(Guid guid) => Factory($"{Prefix}-{guid:D}");

    /// <summary>Parses a stored or user-given value; a malformed one gets an error that names the expected form.</summary>
    public static T With(string value) => Factory(value);

    public static T NewDeterministic(Guid namespaceId, string name) =>
        With(DeterministicGuid.Create(namespaceId, name));

    public static bool IsValid(string? value, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(value))
        {
            error = $"A {typeof(T).Name} cannot be empty; expected '{Prefix}-<guid>'.";
            return false;
        }

        if (!value.StartsWith(Prefix + "-", StringComparison.Ordinal) ||
            !Guid.TryParseExact(value.AsSpan(Prefix.Length + 1), "D", out var guid) ||
            value.AsSpan(Prefix.Length + 1).ToString() != guid.ToString("D"))
        {
            error = $"'{value}' is not a valid {typeof(T).Name}; expected '{Prefix}-<guid>' with a lower-case guid.";
            return false;
        }

        return true;
    }

    public Guid GetGuid() => Guid.ParseExact(Value.AsSpan(Prefix.Length + 1), "D");

    public bool Equals(Identity<T>? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Identity<T> other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    public static bool operator ==(Identity<T>? left, Identity<T>? right) => Equals(left, right);

    public static bool operator !=(Identity<T>? left, Identity<T>? right) => !Equals(left, right);

    private static string BuildPrefix()
    {
        var name = typeof(T).Name;
        if (name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2)
        {
            name = name[..^2];
        }

        return name.ToLowerInvariant();
    }

    private static Func<string, T> BuildFactory()
    {
        var ctor = typeof(T).GetConstructor(
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(string)])
            ?? throw new InvalidOperationException($"{typeof(T).Name} needs a constructor that takes the string value.");
        var value = Expression.Parameter(typeof(string), "value");
        return Expression.Lambda<Func<string, T>>(Expression.New(ctor, value), value).Compile();
    }
}
