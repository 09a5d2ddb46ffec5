using System;

namespace ClientGen.Runtime;

/// <summary>
/// A value that can be unset, explicitly null, or set — three different things in GraphQL inputs and
/// PATCH-style APIs: unset leaves the server's value (or default) alone, null clears it.
/// Plain values and <c>null</c> convert implicitly; <c>default</c> is unset.
/// </summary>
/// <typeparam name="T">The value type (nullable when null is allowed).</typeparam>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>A set value (which may be null).</summary>
    public Optional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>Nothing: the field or variable is omitted from the request.</summary>
    public static Optional<T> Unset => default;

    /// <summary>True when a value (possibly null) was given.</summary>
    public bool IsSet { get; }

    /// <summary>The value; fails when unset.</summary>
    /// <exception cref="InvalidOperationException">The value is unset.</exception>
    public T Value => IsSet ? _value : throw new InvalidOperationException("The value is unset.");

    /// <summary>Sets a value (null included).</summary>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <inheritdoc />
    public bool Equals(Optional<T> other) => IsSet == other.IsSet && (!IsSet || Equals(_value, other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsSet ? HashCode.Combine(true, _value) : 0;

    /// <summary>Compares two optionals.</summary>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Compares two optionals.</summary>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsSet ? _value?.ToString() ?? "null" : "unset";
}

/// <summary>Creates <see cref="Optional{T}"/> values where no implicit conversion applies (C# converts no interface-typed value, such as an <c>IReadOnlyList&lt;T&gt;</c>, implicitly).</summary>
public static class Optional
{
    /// <summary>A set value (which may be null).</summary>
    public static Optional<T> Of<T>(T value) => new(value);
}
