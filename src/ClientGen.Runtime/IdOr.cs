using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace ClientGen.Runtime;

/// <summary>
/// A value that is either the id of an object or the object itself: a spec's <c>anyOf</c>/<c>oneOf</c> of a string and
/// one object schema, as Stripe's expandable fields are (<c>customer</c> is <c>"cus_123"</c> until you expand it). The
/// JSON token tells them apart: a string is the id, an object is <typeparamref name="T"/>.
/// </summary>
/// <typeparam name="T">The object's generated record.</typeparam>
public readonly struct IdOr<T> : IEquatable<IdOr<T>>
    where T : class
{
    private readonly string? _id;
    private readonly T? _value;

    /// <summary>The id alone.</summary>
    public IdOr(string id) => _id = id ?? throw new ArgumentNullException(nameof(id));

    /// <summary>The object itself.</summary>
    public IdOr(T value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>True when this is the id alone.</summary>
    public bool IsId => _id is not null;

    /// <summary>True when this is the object itself.</summary>
    public bool IsValue => _value is not null;

    /// <summary>The id, when this is one.</summary>
    public string? Id => _id;

    /// <summary>The object, when this is one.</summary>
    public T? Value => _value;

    /// <summary>The id, when this is one.</summary>
    public bool TryGetId([NotNullWhen(true)] out string? id)
    {
        id = _id;
        return id is not null;
    }

    /// <summary>The object, when this is one.</summary>
    public bool TryGetValue([NotNullWhen(true)] out T? value)
    {
        value = _value;
        return value is not null;
    }

    /// <summary>One of two results, by what this is.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default</c>: neither an id nor an object.</exception>
    public TResult Match<TResult>(Func<string, TResult> onId, Func<T, TResult> onValue)
    {
        ArgumentNullException.ThrowIfNull(onId);
        ArgumentNullException.ThrowIfNull(onValue);
        if (_id is not null) return onId(_id);
        if (_value is not null) return onValue(_value);
        throw new InvalidOperationException($"This {nameof(IdOr<T>)} is default: neither an id nor a {typeof(T).Name}.");
    }

    /// <summary>The id alone.</summary>
    public static implicit operator IdOr<T>(string id) => new(id);

    /// <summary>The object itself.</summary>
    public static implicit operator IdOr<T>(T value) => new(value);

    /// <inheritdoc />
    public bool Equals(IdOr<T> other) => string.Equals(_id, other._id, StringComparison.Ordinal) && EqualityComparer<T?>.Default.Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IdOr<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_id, _value);

    /// <summary>Equal when both are the same id, or equal objects.</summary>
    public static bool operator ==(IdOr<T> left, IdOr<T> right) => left.Equals(right);

    /// <summary>Not equal.</summary>
    public static bool operator !=(IdOr<T> left, IdOr<T> right) => !left.Equals(right);

    /// <summary>The id, or the object's text.</summary>
    public override string ToString() => _id ?? _value?.ToString() ?? string.Empty;
}
