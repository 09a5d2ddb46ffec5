using System.Text.Json;

namespace ClientGen.Runtime.Generated;

/// <summary>Reads one value from a reader positioned on its first token, leaving the reader on its last token.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one value.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public delegate void JsonWriteFunc<in T>(Utf8JsonWriter writer, T value);
