namespace ClientGen.Runtime.Generated;

/// <summary>
/// How one property of a form body is encoded: OpenAPI's <c>encoding</c> entry for it (<c>style</c>, <c>explode</c>, and
/// a <c>contentType</c> that makes it JSON text). Properties without one use the form defaults.
/// </summary>
/// <param name="Name">The property's name in the form, as the spec spells it.</param>
/// <param name="Style"><c>form</c>, <c>spaceDelimited</c>, <c>pipeDelimited</c> or <c>deepObject</c>.</param>
/// <param name="Explode">OpenAPI's <c>explode</c>.</param>
/// <param name="IsJson">True when the entry's <c>contentType</c> is JSON: the value is sent as its JSON text.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record FormField(string Name, string Style, bool Explode, bool IsJson = false);
