namespace ClientGen.Generator.Model;

/// <summary>
/// What every client has whichever front end read it: where it is declared, the environments it can call,
/// the headers every call sends and how it authenticates. The options and environments emitters read only this.
/// </summary>
public sealed record ClientShape
{
    public required string Namespace { get; init; }

    public required string ClientName { get; init; }

    /// <summary>The options class's summary, as XML doc text: what a user sets on it.</summary>
    public required string OptionsDoc { get; init; }

    /// <summary>The environments class's summary, as XML doc text: where its servers come from.</summary>
    public required string EnvironmentsDoc { get; init; }

    /// <summary>The environments, in the spec's order; the first is the default.</summary>
    public required EquatableArray<ServerModel> Servers { get; init; }

    /// <summary>Headers every call sends, each set through an options property.</summary>
    public required EquatableArray<HeaderModel> Headers { get; init; }

    public required EquatableArray<SecuritySchemeModel> SecuritySchemes { get; init; }

    /// <summary>Headers with one value that every request sends (<c>x-clientgen-headers</c>), set as the options' defaults.</summary>
    public EquatableArray<ConstantHeader> ConstantHeaders { get; init; } = EquatableArray<ConstantHeader>.Empty;

    /// <summary>The response header that echoes the vendor's track id (<c>x-clientgen-track-id-header</c>), if the spec names one.</summary>
    public string? TrackIdHeader { get; init; }

    /// <summary>The response header that carries the server's request id (<c>x-clientgen-request-id-header</c>), if the spec names one.</summary>
    public string? RequestIdHeader { get; init; }
}

/// <summary>A header every request sends with this value unless the caller sets another.</summary>
public sealed record ConstantHeader(string Name, string Value);

/// <summary>A header every call sends, set through a generated options property.</summary>
public sealed record HeaderModel(string WireName, string PropertyName, string? Description);
