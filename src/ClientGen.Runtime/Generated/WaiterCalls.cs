using ClientGen.Runtime.Polling;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// The call options a generated wait sends its polls with, when they are not the wait's own: a start-and-wait's
/// come from its start, a resume's carry the handle's entity.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class WaiterCalls
{
    /// <summary>The wait's own call options, else the start's without its idempotency key (a poll is not the start).</summary>
    public static ApiCallOptions? ForPolls(WaitOptions? waitOptions, ApiCallOptions? start) =>
        waitOptions?.CallOptions ?? start?.ForFollowUpCalls();

    /// <summary>The wait's own call options, given the handle's entity when they name none.</summary>
    public static ApiCallOptions? ForResume(WaitOptions? waitOptions, OperationHandle handle)
    {
        System.ArgumentNullException.ThrowIfNull(handle);
        if (handle.Entity is not { } entity) return waitOptions?.CallOptions;
        return (waitOptions?.CallOptions ?? new ApiCallOptions()).WithEntity(entity);
    }
}
