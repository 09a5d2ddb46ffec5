namespace ClientGen.Generator.Model;

/// <summary>How a paged operation names its next page.</summary>
public enum PaginationKind
{
    /// <summary>A number of items to skip, advanced by the items each page returned.</summary>
    Offset,

    /// <summary>A page number, advanced by one.</summary>
    PageNumber,

    /// <summary>A token (cursor) the previous page returned.</summary>
    Token,

    /// <summary>The address of the next page, which the previous page returned (<c>x-ms-pageable</c>).</summary>
    NextLink,
}

/// <summary>
/// A paged operation declared with <c>x-clientgen-pagination</c>: becomes <c>{ItemsMethod}</c>, an
/// <c>IAsyncEnumerable</c> of its items that fetches page after page with the operation's own method. Parameters are
/// the C# names of the operation's, and paths are already resolved against the response types.
/// </summary>
public sealed record PaginationModel
{
    /// <summary>The items method's name, ending in Async.</summary>
    public required string ItemsMethod { get; init; }

    /// <summary>The operation each page is fetched with.</summary>
    public required OperationModel Operation { get; init; }

    public required PaginationKind Kind { get; init; }

    /// <summary>The parameter that says which page: the offset, page number or token; none for next links.</summary>
    public string? PositionParameter { get; init; }

    /// <summary>The parameter that asks for a page size, if the operation has one.</summary>
    public string? SizeParameter { get; init; }

    /// <summary>The first offset or page number when the caller gives none.</summary>
    public long Start { get; init; }

    /// <summary>The page size asked for when the caller gives none and the operation requires one.</summary>
    public long? DefaultSize { get; init; }

    /// <summary>From the page to its list of items.</summary>
    public required EquatableArray<PathHop> ItemsPath { get; init; }

    public required TypeRef ItemType { get; init; }

    /// <summary>The operation's metadata field (<c>s_operation{N}</c>), which a request for a linked page is made with.</summary>
    public int OperationIndex { get; init; }

    /// <summary>From the page to the next page's token or link.</summary>
    public EquatableArray<PathHop> NextPath { get; init; } = EquatableArray<PathHop>.Empty;

    /// <summary>True when the next link is typed as a URI (<c>format: uri</c>) rather than a string.</summary>
    public bool NextIsUri { get; init; }
}
