using System;
using System.Collections.Generic;

namespace ClientGen.Simulators.Zuora;

/// <summary>
/// Zuora's Idempotency-Key rules: a key's first response is replayed to every retry for the retention period;
/// a retry with a different request is rejected (422); a retry while the first request is still running is
/// rejected (409).
/// </summary>
internal sealed class IdempotencyStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;

    public IdempotencyStore(TimeProvider time, TimeSpan retention)
    {
        _time = time;
        _retention = retention;
    }

    public enum Outcome
    {
        /// <summary>The key is new (or expired): process the request, then <see cref="Complete"/> or <see cref="Abandon"/>.</summary>
        Process,

        /// <summary>Same key, same request, finished: replay <see cref="Entry.Status"/> and <see cref="Entry.Body"/>.</summary>
        Replay,

        /// <summary>Same key, still running.</summary>
        InFlight,

        /// <summary>Same key, another request.</summary>
        Mismatch,
    }

    public sealed class Entry
    {
        public required string Fingerprint { get; init; }

        public required DateTimeOffset ExpiresAt { get; init; }

        public bool Done { get; set; }

        public int Status { get; set; }

        public string Body { get; set; } = string.Empty;
    }

    public (Outcome Outcome, Entry? Entry) Begin(string key, string fingerprint)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > now)
            {
                if (entry.Fingerprint != fingerprint) return (Outcome.Mismatch, entry);
                return entry.Done ? (Outcome.Replay, entry) : (Outcome.InFlight, entry);
            }
            entry = new Entry { Fingerprint = fingerprint, ExpiresAt = now + _retention };
            _entries[key] = entry;
            return (Outcome.Process, entry);
        }
    }

    public void Complete(string key, int status, string body)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry)) return;
            entry.Status = status;
            entry.Body = body;
            entry.Done = true;
        }
    }

    /// <summary>The request failed before doing anything: forget the key so a retry is processed.</summary>
    public void Abandon(string key)
    {
        lock (_gate) _entries.Remove(key);
    }
}
