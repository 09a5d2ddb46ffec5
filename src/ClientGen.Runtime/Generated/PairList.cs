using System;
using System.Collections.Generic;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// Name/value pairs in an array grown on demand, held by value in <see cref="ApiRequest"/>: a <see cref="List{T}"/>
/// per query and per header set was an object more per call, and its default growth an array larger than a call's
/// usual two or three headers (#18). A mutable struct: only ever used as a field, never copied.
/// </summary>
internal struct PairList
{
    private KeyValuePair<string, string>[]? _items;

    public int Count { get; private set; }

    public readonly KeyValuePair<string, string> this[int index] => _items![index];

    public void Add(string name, string value, int firstCapacity)
    {
        _items ??= new KeyValuePair<string, string>[firstCapacity];
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = new(name, value);
    }

    public void AddRange(IEnumerable<KeyValuePair<string, string>> pairs, int firstCapacity)
    {
        foreach (var pair in pairs) Add(pair.Key, pair.Value, firstCapacity);
    }

    public readonly bool Contains(string name)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(_items![i].Key, name, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    public void RemoveAll(string name)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (!string.Equals(_items![i].Key, name, StringComparison.OrdinalIgnoreCase)) _items[kept++] = _items[i];
        }
        if (_items is not null) Array.Clear(_items, kept, Count - kept);
        Count = kept;
    }

    /// <summary>A read-only view for the public properties; only they pay for it.</summary>
    public readonly IReadOnlyList<KeyValuePair<string, string>> AsReadOnly() =>
        _items is null ? Array.Empty<KeyValuePair<string, string>>() : new ArraySegment<KeyValuePair<string, string>>(_items, 0, Count);
}
